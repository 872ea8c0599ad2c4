import { sheetCellKey } from "./a1";
import { FormAnalysis } from "./analyse";
import { proposedFixes } from "./engine";
import { Fix, FixKind } from "./findings";
import { Lang } from "./options";
import { parseCell } from "./parse";
import { round, sameAt2 } from "./scoring";
import { CellValue } from "./snapshot";

/**
 * Write-back (写回计算结果): the cell changes the engine can justify. Only 执行率, the budget 得分 and 总分 — and, when
 * asked, rule-based indicator scores. Never a target, an actual, a weight or any text.
 */
export interface Proposal {
  /** which form (index in the check's forms) */
  form: number;
  sheet: string;
  /** A1 */
  address: string;
  /** the rule that proposed it */
  rule: string;
  /** what it changes (the rule's meta.proposes): a total follows the score cells written with it */
  kind: FixKind;
  /** what the cell holds now, and what would be written (in the cell's own form: a percent stays a percent) */
  old: CellValue;
  new: CellValue;
  /** an indicator score: written only when the user ticks it */
  optional: boolean;
  label: string;
  /** for a total: its label once indicator scores are ticked */
  altLabel?: string;
  /** "percent": old and new are fractions shown as percentages (a percent-formatted rate cell) */
  valueFormat?: "percent";
}

/**
 * Every proposal the rules made while checking (the rule that judges a cell proposes its change — a finding's `fix`,
 * or a write with no finding to show); write-back only selects among them. Labels in the language asked for.
 */
export function proposeWrites(analyses: Array<FormAnalysis | null>, lang: Lang): Proposal[] {
  const out: Proposal[] = [];
  analyses.forEach((form, formIndex) => {
    if (!form) return;
    for (const { rule, fix, label, altLabel } of proposedFixes(form)) {
      const p: Proposal = { form: formIndex, sheet: fix.sheet, address: fix.address, rule, kind: fix.kind ?? "score", old: fix.old, new: fix.new, optional: fix.optional, label: lang === "en" ? label.en : label.zh };
      if (fix.valueFormat) p.valueFormat = fix.valueFormat;
      if (altLabel) p.altLabel = lang === "en" ? altLabel.en : altLabel.zh;
      out.push(p);
    }
  });
  return out;
}

export const proposalKey = (p: Pick<Proposal, "sheet" | "address">): string => sheetCellKey(p.sheet, p.address);

/** A score cell's value as the sum of scores counted it (a number, "10分"; blank or text count 0). */
function scoreOf(v: CellValue): number {
  const p = parseCell(v);
  return p.kind === "number" ? p.value : 0;
}

/**
 * What to write for the ticked proposals: each form's total (the sum of its scores as written) follows the score cells
 * written with it — the budget score and the indicator scores ticked; a proposal that would write what the cell
 * already holds is dropped. The total's label says when it holds only together with those other writes.
 */
export function finalizeSelection(all: Proposal[], ticked: ReadonlySet<string>): Proposal[] {
  const chosen = all.filter((p) => p.kind === "total" || ticked.has(proposalKey(p)));
  const out: Proposal[] = [];
  for (const p of chosen) {
    if (p.kind !== "total") {
      out.push(p);
      continue;
    }
    const delta = round(chosen
      .filter((q) => q.form === p.form && q.kind === "score")
      .reduce((sum, q) => sum + Number(q.new) - scoreOf(q.old), 0), 2);
    const value = round(Number(p.new) + delta, 2);
    const oldNum = typeof p.old === "number" ? p.old : Number.NaN;
    if (!ticked.has(proposalKey(p)) && delta === 0) continue;
    if (Number.isFinite(oldNum) && sameAt2(oldNum, value)) continue;
    out.push({ ...p, new: value, label: delta === 0 ? p.label : p.altLabel ?? p.label });
  }
  return out;
}

/** The proposals ticked by default: everything but indicator scores (those only when asked). */
export function defaultTicks(all: Proposal[], withIndicatorScores: boolean): Set<string> {
  return new Set(all.filter((p) => (withIndicatorScores || !p.optional) && !(p.kind === "total" && typeof p.old === "number" && sameAt2(p.old, Number(p.new)))).map(proposalKey));
}

/**
 * The one-cell fix for a finding (改为 91.5): the fix the rule that judged the cell put on it, if any. The pane writes
 * it through the same preview, write and undo path as 写回计算结果, so a fix and write-back never disagree.
 */
export function fixFor(finding: { rule: string; fix?: Fix }, all: readonly Proposal[] = []): Proposal | null {
  const fix = finding.fix;
  if (!fix) return null;
  // which form it belongs to, for the selection (a total follows the scores ticked in its own form)
  const form = all.find((p) => p.sheet === fix.sheet && p.address === fix.address)?.form ?? 0;
  return { form, rule: finding.rule, kind: fix.kind ?? "score", ...fix, optional: false };
}
