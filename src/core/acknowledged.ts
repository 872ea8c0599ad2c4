import type { FormReport, WorkbookReport } from "./engine";
import { AcknowledgedFinding, Acknowledgement, splitAcknowledged } from "./acknowledge";
import { Finding } from "./findings";
import type { Lang } from "./options";
import { FormVerdict, RankOf, decideWorkbook, reviseVerdict } from "./outcome";
import { RULES } from "./rules";

/**
 * A report checked again with another list of acknowledgements (已核对, core/acknowledge.ts), without reading the
 * workbook again — the web page, where the clerk confirms a warning of a file it has checked — and the confirmed
 * warnings of a report, for the 校验报告. Pure.
 */

/** A confirmed warning as the finding it was (without its reason and date). */
function asFinding(a: AcknowledgedFinding): Finding {
  const { reason: _r, date: _d, ...f } = a;
  return f;
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.id, i]));
const ruleOrder = (id: string): number => RULE_ORDER.get(id) ?? RULES.length;

/** Where a finding stands in the engine's order (row, column), from its cell. */
function cellOrder(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/**
 * A form checked again with another list of acknowledgements, without reading the workbook again (the web page, where
 * the clerk confirms a warning of a file already checked): the confirmed and the other findings taken together (in
 * the engine's order of cells), split anew, the verdict revised (its text, counts and top problem; nothing else of a
 * form depends on its warnings).
 */
export function reacknowledgeForm(form: FormReport, acks: readonly Acknowledgement[], lang: Lang, rankOf: RankOf): FormReport {
  const before = form.acknowledged ?? [];
  if (before.length === 0 && acks.length === 0) return form;
  const all = [...form.findings, ...before.map(asFinding)]
    .map((f, i) => ({ f, i, at: cellOrder(f.cell), order: ruleOrder(f.rule) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.order - b.order || a.i - b.i)
    .map((x) => x.f);
  const split = splitAcknowledged(before.length === 0 ? form.findings : all, acks);
  const verdict: FormVerdict = reviseVerdict(form.verdict, split.findings, split.acknowledged.length, lang, rankOf);
  const out: FormReport = { ...form, findings: split.findings, counts: verdict.counts, verdict };
  if (split.acknowledged.length > 0) out.acknowledged = split.acknowledged;
  else delete out.acknowledged;
  return out;
}

/** A workbook's report with another list of acknowledgements (see reacknowledgeForm), its verdict decided again. */
export function reacknowledge(report: WorkbookReport, acks: readonly Acknowledgement[], lang: Lang, rankOf: RankOf): WorkbookReport {
  const forms = report.forms.map((f) => reacknowledgeForm(f, acks, lang, rankOf));
  return { ...report, forms, verdict: decideWorkbook(forms, report.findings, lang) };
}

/** Every warning confirmed in a report, form by form. */
export function acknowledgedOf(report: Pick<WorkbookReport, "forms">): AcknowledgedFinding[] {
  return report.forms.flatMap((f) => f.acknowledged ?? []);
}
