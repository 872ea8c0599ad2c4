import * as React from "react";
import { Button, Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { ACK_REASON_MAX, ACK_WORDS, Acknowledgement, AcknowledgedFinding, acknowledge, canAcknowledge, localDate, unacknowledge } from "../../core/acknowledge";
import { ACK_FORM_CLOSED, ackFormInvalid, ackFormStep, ackReasonMissing, ackTarget, acknowledgedLines } from "../../core/acknowledge-form";
import { Finding } from "../../core/findings";
import { Lang } from "../../core/options";

/**
 * 已核对 in the pane: on a warning (never an error) a 「已核对…」 button opens a short reason (required) to confirm it;
 * a form's confirmed warnings are listed apart (已核对 n 个), each with its reason and date and a 取消核对 button. What a
 * confirmation is and how it changes the verdict is core/acknowledge.ts; it is saved in the workbook's settings record
 * (src/addin/settings-store.ts), which the CLI and the web page read. The words are core's (ACK_WORDS), the web page's too.
 */
const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` },
  buttons: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  title: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: { display: "flex", flexDirection: "column", paddingLeft: tokens.spacingHorizontalXS, borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}` },
  head: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  text: { overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

/** What the pane does with a confirmation: saved in the workbook, then checked again. */
export interface AcknowledgeActions {
  onAcknowledge: (f: Finding, reason: string) => void;
  onUnacknowledge: (fingerprint: string) => void;
}

/** The 「已核对…」 button of a warning and, open, its reason and 确认已核对. Nothing for a finding that cannot be confirmed. */
export function AcknowledgeButton(props: { finding: Finding; lang: Lang; disabled?: boolean; actions?: AcknowledgeActions }) {
  const { finding: f, lang, actions } = props;
  const w = ACK_WORDS[lang];
  const s = useStyles();
  const [form, dispatch] = React.useReducer(ackFormStep, ACK_FORM_CLOSED);
  const input = React.useRef<HTMLInputElement>(null);
  const formId = React.useId();
  React.useEffect(() => {
    if (form.open) input.current?.focus();
  }, [form.open]);
  if (!actions || !canAcknowledge(f)) return null;
  const what = ackTarget(f, lang);
  const invalid = ackFormInvalid(form);
  const confirm = () => {
    if (ackReasonMissing(form.reason)) input.current?.focus();
    else actions.onAcknowledge(f, form.reason);
    dispatch({ type: "confirm" });
  };
  const close = () => dispatch({ type: "close" });
  if (!form.open)
    return (
      <Button size="small" appearance="subtle" disabled={props.disabled} aria-label={w.openLabel(what)} aria-expanded={false} onClick={() => dispatch({ type: "open" })} data-testid="ack-open">
        {w.open}
      </Button>
    );
  return (
    <div className={s.form} id={formId} role="group" aria-label={w.openLabel(what)} data-testid="ack-form">
      <Field label={w.reason} required validationState={invalid ? "error" : "none"} validationMessage={invalid ? w.required : undefined}>
        <Input
          ref={input}
          value={form.reason}
          maxLength={ACK_REASON_MAX}
          placeholder={w.placeholder}
          onChange={(_, d) => dispatch({ type: "type", reason: d.value })}
          onKeyDown={(e) => {
            if (e.key === "Enter") confirm();
            if (e.key === "Escape") close();
          }}
          data-testid="ack-reason"
        />
      </Field>
      <div className={s.buttons}>
        <Button size="small" appearance="primary" disabled={props.disabled} onClick={confirm} data-testid="ack-confirm">
          {w.confirm}
        </Button>
        <Button size="small" onClick={close} data-testid="ack-cancel">
          {w.cancel}
        </Button>
      </div>
    </div>
  );
}

/** A form's confirmed warnings, apart: 已核对 n 个, each with its reason and date and one click to undo. */
export function AcknowledgedList(props: { items: readonly AcknowledgedFinding[] | undefined; lang: Lang; disabled?: boolean; actions?: AcknowledgeActions; onSelect?: (f: Finding) => void }) {
  const { lang } = props;
  const w = ACK_WORDS[lang];
  const s = useStyles();
  const lines = acknowledgedLines(props.items, lang);
  if (lines.length === 0) return null;
  return (
    <section data-testid="acknowledged">
      <h3 className={s.title}>{w.title(lines.length)}</h3>
      <ul className={s.list}>
        {lines.map((a) => {
          return (
            <li key={a.fingerprint} className={s.item} data-testid="acknowledged-item" data-rule={a.rule} data-cell={a.where}>
              <span className={s.head}>{a.what}</span>
              <Caption1 className={s.text}>{a.message}</Caption1>
              <Caption1 className={s.muted} data-testid="acknowledged-reason">
                {a.why}
              </Caption1>
              {props.actions ? (
                <div>
                  <Button size="small" appearance="subtle" disabled={props.disabled} aria-label={w.removeLabel(a.what)} onClick={() => props.actions!.onUnacknowledge(a.fingerprint)} data-testid="ack-remove">
                    {w.remove}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * The pane's confirm / undo: the list read afresh from the workbook, changed, saved, and the workbook checked again so
 * that every figure on screen follows. `act` runs it with the pane busy (its errors shown); `recheck` checks again.
 */
export function acknowledgeActions(
  host: { acknowledgements(): Promise<Acknowledgement[]>; saveAcknowledgements(list: readonly Acknowledgement[]): Promise<void> },
  lang: Lang,
  act: (f: () => Promise<string | null>) => Promise<void>,
  recheck: () => Promise<void>,
  notify: (message: string) => void,
): AcknowledgeActions {
  const w = ACK_WORDS[lang];
  const change = (edit: (list: Acknowledgement[]) => Acknowledgement[], message: string) => {
    let saved = false;
    void act(async () => {
      await host.saveAcknowledgements(edit(await host.acknowledgements()));
      saved = true;
      return null;
    }).then(async () => {
      if (!saved) return;
      await recheck();
      notify(message);
    });
  };
  return {
    onAcknowledge: (f, reason) => change((list) => acknowledge(list, f, reason, localDate(new Date())), w.saved),
    onUnacknowledge: (fingerprint) => change((list) => unacknowledge(list, fingerprint), w.removed),
  };
}
