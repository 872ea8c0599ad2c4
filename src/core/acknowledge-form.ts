import { sheetCellKey } from "./a1";
import { ACK_WORDS, AcknowledgedFinding } from "./acknowledge";
import { Finding } from "./findings";
import { Lang } from "./options";
import { ruleTitle } from "./present";

/**
 * The host-neutral part of 已核对's controls, shared by the pane (taskpane/components/Acknowledge.tsx) and the web page
 * (web/Acknowledge.tsx): the reason form's states and steps, the name of what is confirmed, and the lines of the list
 * of confirmed warnings. The words are ACK_WORDS (core/acknowledge.ts); each surface draws them its own way.
 */
export interface AckForm {
  open: boolean;
  reason: string;
  /** 确认 was pressed once: a missing reason is then shown as an error */
  tried: boolean;
}

export const ACK_FORM_CLOSED: AckForm = { open: false, reason: "", tried: false };

export type AckFormEvent = { type: "open" } | { type: "close" } | { type: "type"; reason: string } | { type: "confirm" };

/** A reason is required: blank (or only spaces) is none. */
export function ackReasonMissing(reason: string): boolean {
  return !reason.trim();
}

/** The reason is to be shown as missing (after a first 确认). */
export function ackFormInvalid(s: AckForm): boolean {
  return s.tried && ackReasonMissing(s.reason);
}

/** The form's next state; 确认 without a reason keeps it open (tried), with one closes it (the reason kept). */
export function ackFormStep(s: AckForm, e: AckFormEvent): AckForm {
  switch (e.type) {
    case "open":
      return { ...s, open: true };
    case "close":
      return { ...s, open: false };
    case "type":
      return { ...s, reason: e.reason };
    case "confirm":
      return ackReasonMissing(s.reason) ? { ...s, tried: true } : { ...s, open: false };
  }
}

/** What a confirmation is about, for labels: 「rule title · sheet!cell」. */
export function ackTarget(f: Pick<Finding, "rule" | "sheet" | "cell">, lang: Lang): string {
  return `${ruleTitle(f.rule, lang)} · ${sheetCellKey(f.sheet, f.cell)}`;
}

/** One line of the list of confirmed warnings. */
export interface AcknowledgedLine {
  fingerprint: string;
  rule: string;
  /** sheet!cell */
  where: string;
  /** the rule's title */
  title: string;
  /** title · where, for labels */
  what: string;
  message: string;
  /** 理由：… (date) */
  why: string;
}

export function acknowledgedLines(items: readonly AcknowledgedFinding[] | undefined, lang: Lang): AcknowledgedLine[] {
  const w = ACK_WORDS[lang];
  return (items ?? []).map((a) => {
    const where = sheetCellKey(a.sheet, a.cell);
    const title = ruleTitle(a.rule, lang);
    return { fingerprint: a.fingerprint!, rule: a.rule, where, title, what: `${title} · ${where}`, message: a.message, why: w.why(a.reason, a.date) };
  });
}
