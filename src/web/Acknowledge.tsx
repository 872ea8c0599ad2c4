import * as React from "react";
import { sheetCellKey } from "../core/a1";
import { ACK_REASON_MAX, ACK_WORDS, Acknowledgement, AcknowledgedFinding, canAcknowledge } from "../core/acknowledge";
import { reacknowledge } from "../core/acknowledged";
import { Finding } from "../core/findings";
import { Lang } from "../core/options";
import { ruleTitle } from "../core/present";
import { blockingRank } from "../core/rank";
import { savedAcknowledgements } from "../core/settings";
import { FileOutcome } from "./pipeline";

/**
 * 已核对 on the web page, for a one-file check: a warning's 「已核对…」 opens a short reason (required); the confirmed
 * are listed apart with reason and date, 取消核对 in one click. The page keeps the list with the file's outcome; the
 * verdict is decided again by core (core/acknowledge.ts reacknowledge) and the annotated copy carries the list in its
 * settings record (src/web/annotate.ts), the original untouched. Plain React and the page's CSS, as FormView.
 */
export interface WebAcknowledge {
  onAcknowledge: (f: Finding, reason: string) => void;
  onUnacknowledge: (fingerprint: string) => void;
}

/** The outcome with another list of confirmations: both languages' reports decided again, the list kept for the copy. */
export function acknowledgedOutcome(o: FileOutcome, list: readonly Acknowledgement[]): FileOutcome {
  if (!o.reports) return o;
  return { ...o, reports: { zh: reacknowledge(o.reports.zh, list, "zh", blockingRank), en: reacknowledge(o.reports.en, list, "en", blockingRank) }, acknowledgements: [...list] };
}

/** The confirmations the page holds for a file: the clerk's on the page, else what the workbook carries. */
export function acknowledgementsOf(o: FileOutcome): Acknowledgement[] {
  return o.acknowledgements ? [...o.acknowledgements] : savedAcknowledgements(o.settings);
}

export function AckButton(props: { finding: Finding; lang: Lang; ack?: WebAcknowledge }) {
  const { finding: f, lang, ack } = props;
  const w = ACK_WORDS[lang];
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const [tried, setTried] = React.useState(false);
  const input = React.useRef<HTMLInputElement>(null);
  const id = React.useId();
  React.useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  if (!ack || !canAcknowledge(f)) return null;
  const what = `${ruleTitle(f.rule, lang)} · ${sheetCellKey(f.sheet, f.cell)}`;
  const missing = tried && !reason.trim();
  const confirm = () => {
    if (!reason.trim()) {
      setTried(true);
      input.current?.focus();
      return;
    }
    setOpen(false);
    ack.onAcknowledge(f, reason);
  };
  if (!open)
    return (
      <div className="ack-actions">
        <button type="button" className="small" aria-label={w.openLabel(what)} onClick={() => setOpen(true)} data-testid="ack-open">
          {w.open}
        </button>
      </div>
    );
  return (
    <div className="ack-form" role="group" aria-label={w.openLabel(what)} data-testid="ack-form">
      <label htmlFor={`${id}-reason`}>{w.reason}</label>
      <input
        id={`${id}-reason`}
        ref={input}
        type="text"
        value={reason}
        maxLength={ACK_REASON_MAX}
        placeholder={w.placeholder}
        required
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => setReason(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") confirm();
          if (e.key === "Escape") setOpen(false);
        }}
        data-testid="ack-reason"
      />
      {missing ? (
        <span id={`${id}-error`} className="problem-text" role="alert">
          {w.required}
        </span>
      ) : null}
      <span className="ack-buttons">
        <button type="button" onClick={confirm} data-testid="ack-confirm">
          {w.confirm}
        </button>
        <button type="button" onClick={() => setOpen(false)} data-testid="ack-cancel">
          {w.cancel}
        </button>
      </span>
    </div>
  );
}

/** A form's confirmed warnings, apart: 已核对 n 个, each with its reason and date; 取消核对 when the page offers it. */
export function AcknowledgedSection(props: { items: readonly AcknowledgedFinding[] | undefined; lang: Lang; ack?: WebAcknowledge }) {
  const { lang, ack } = props;
  const w = ACK_WORDS[lang];
  const items = props.items ?? [];
  if (items.length === 0) return null;
  return (
    <section data-testid="acknowledged">
      <h4>{w.title(items.length)}</h4>
      <ul className="findings">
        {items.map((a) => {
          const where = sheetCellKey(a.sheet, a.cell);
          const what = `${ruleTitle(a.rule, lang)} · ${where}`;
          return (
            <li key={a.fingerprint} className="finding acknowledged" data-testid="acknowledged-item" data-rule={a.rule} data-cell={where}>
              <strong>{where}</strong> <span className="meta">{ruleTitle(a.rule, lang)}</span>
              <div className="message">{a.message}</div>
              <div className="meta" data-testid="acknowledged-reason">
                {w.why(a.reason, a.date)}
              </div>
              {ack ? (
                <button type="button" className="small" aria-label={w.removeLabel(what)} onClick={() => ack.onUnacknowledge(a.fingerprint!)} data-testid="ack-remove">
                  {w.remove}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
