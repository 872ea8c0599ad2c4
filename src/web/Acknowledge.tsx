import * as React from "react";
import { ACK_REASON_MAX, ACK_WORDS, Acknowledgement, AcknowledgedFinding, canAcknowledge } from "../core/acknowledge";
import { ACK_FORM_CLOSED, ackFormInvalid, ackFormStep, ackReasonMissing, ackTarget, acknowledgedLines } from "../core/acknowledge-form";
import { reacknowledge } from "../core/acknowledged";
import { Finding } from "../core/findings";
import { Lang } from "../core/options";
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
  const [form, dispatch] = React.useReducer(ackFormStep, ACK_FORM_CLOSED);
  const input = React.useRef<HTMLInputElement>(null);
  const id = React.useId();
  React.useEffect(() => {
    if (form.open) input.current?.focus();
  }, [form.open]);
  if (!ack || !canAcknowledge(f)) return null;
  const what = ackTarget(f, lang);
  const missing = ackFormInvalid(form);
  const confirm = () => {
    if (ackReasonMissing(form.reason)) input.current?.focus();
    else ack.onAcknowledge(f, form.reason);
    dispatch({ type: "confirm" });
  };
  const close = () => dispatch({ type: "close" });
  if (!form.open)
    return (
      <div className="ack-actions">
        <button type="button" className="small" aria-label={w.openLabel(what)} onClick={() => dispatch({ type: "open" })} data-testid="ack-open">
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
        value={form.reason}
        maxLength={ACK_REASON_MAX}
        placeholder={w.placeholder}
        required
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? `${id}-error` : undefined}
        onChange={(e) => dispatch({ type: "type", reason: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === "Enter") confirm();
          if (e.key === "Escape") close();
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
        <button type="button" onClick={close} data-testid="ack-cancel">
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
  const lines = acknowledgedLines(props.items, lang);
  if (lines.length === 0) return null;
  return (
    <section data-testid="acknowledged">
      <h4>{w.title(lines.length)}</h4>
      <ul className="findings">
        {lines.map((a) => {
          return (
            <li key={a.fingerprint} className="finding acknowledged" data-testid="acknowledged-item" data-rule={a.rule} data-cell={a.where}>
              <strong>{a.where}</strong> <span className="meta">{a.title}</span>
              <div className="message">{a.message}</div>
              <div className="meta" data-testid="acknowledged-reason">
                {a.why}
              </div>
              {ack ? (
                <button type="button" className="small" aria-label={w.removeLabel(a.what)} onClick={() => ack.onUnacknowledge(a.fingerprint)} data-testid="ack-remove">
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
