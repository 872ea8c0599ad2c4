import { address } from "./a1";
import { FormAnalysis, ValueCell } from "./analyse";
import { Lang } from "./options";
import { formatNumber } from "./parse";
import { round, sameAt2 } from "./scoring";
import { CellValue } from "./snapshot";

/**
 * Write-back (写回计算结果): the cell changes the engine can justify. Only 执行率, the budget 得分 and 总分 — and, when
 * asked, rule-based indicator scores. Never a target, an actual, a weight or any text.
 */
export type ProposalRule = "execution-rate" | "budget-score" | "total-score" | "indicator-score";

export interface Proposal {
  /** which form (index in the check's forms) */
  form: number;
  sheet: string;
  /** A1 */
  address: string;
  rule: ProposalRule;
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

/** A rate in the form the cell already uses: a percent-formatted number, percent points, a fraction, or "75%" text. */
function rateInForm(cell: ValueCell, rate: number): CellValue {
  const r = cell.raw;
  if (typeof r === "number") {
    if (cell.parsed.kind === "number" && cell.parsed.unit === "%") return round(rate, 4);
    return Math.abs(r) > 1.5 ? round(rate * 100, 2) : round(rate, 4);
  }
  return `${formatNumber(rate * 100, 2)}%`;
}

export function proposeWrites(analyses: Array<FormAnalysis | null>, lang: Lang): Proposal[] {
  const say = (zh: string, en: string) => (lang === "en" ? en : zh);
  const out: Proposal[] = [];
  analyses.forEach((form, formIndex) => {
    if (!form) return;
    const sheet = form.layout.sheet;
    const push = (cell: ValueCell, rule: ProposalRule, value: CellValue, label: string, optional = false) =>
      out.push({ form: formIndex, sheet, address: address(cell.cell.row, cell.cell.col), rule, old: cell.raw, new: value, optional, label });
    const b = form.budget;
    let budgetScore = b?.score?.value ?? 0;
    if (b && b.rate && b.computedRate !== null) {
      const written = b.rate.parsed.kind === "number" ? (b.rate.parsed.unit === "%" ? b.rate.parsed.value : Math.abs(b.rate.parsed.value) > 1.5 ? b.rate.parsed.value / 100 : b.rate.parsed.value) : null;
      if (written === null || !sameAt2(written * 100, b.computedRate * 100)) {
        push(b.rate, "execution-rate", rateInForm(b.rate, b.computedRate), say("执行率", "execution rate"));
        if (typeof b.rate.raw === "number" && b.rate.parsed.kind === "number" && b.rate.parsed.unit === "%") out[out.length - 1].valueFormat = "percent";
      }
    }
    if (b && b.score && b.computedScore !== null) {
      budgetScore = round(b.computedScore, 2);
      if (b.score.value === null || !sameAt2(b.score.value, b.computedScore)) push(b.score, "budget-score", budgetScore, say("预算执行得分", "budget score"));
    }
    let total = budgetScore;
    for (const i of form.indicators) {
      const written = i.score?.value ?? null;
      const s = i.scoring;
      let rule: number | null = null;
      if (s.expected !== null) rule = round(s.expected, 2);
      else if (s.range && written !== null && (written < s.range[0] - 1e-9 || written > s.range[1] + 1e-9)) rule = round(Math.min(Math.max(written, s.range[0]), s.range[1]), 2);
      total += written ?? 0;
      if (rule !== null && i.score && (written === null || !sameAt2(written, rule))) push(i.score, "indicator-score", rule, say(`「${i.name}」得分（按规则）`, `"${i.name}" score (by the rule)`), true);
    }
    // The total: the sum of the scores as written (with the budget score as recalculated). Always listed, so the
    // selection can recompute it when indicator scores are ticked; dropped when nothing changes.
    if (form.totalScore) {
      push(form.totalScore, "total-score", round(total, 2), say("总分（各项得分之和）", "total (sum of scores)"));
      out[out.length - 1].altLabel = say("总分（采用规则得分后）", "total (with the rule's scores)");
    }
  });
  return out;
}

export const proposalKey = (p: Pick<Proposal, "sheet" | "address">): string => `${p.sheet}!${p.address}`;

/**
 * What to write for the ticked proposals: each form's total follows the indicator scores ticked in it; a proposal that
 * would write what the cell already holds is dropped.
 */
export function finalizeSelection(all: Proposal[], ticked: ReadonlySet<string>): Proposal[] {
  const chosen = all.filter((p) => p.rule === "total-score" || ticked.has(proposalKey(p)));
  const out: Proposal[] = [];
  for (const p of chosen) {
    if (p.rule !== "total-score") {
      out.push(p);
      continue;
    }
    const delta = chosen
      .filter((q) => q.form === p.form && q.rule === "indicator-score")
      .reduce((sum, q) => sum + Number(q.new) - (typeof q.old === "number" ? q.old : Number(q.old) || 0), 0);
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
  return new Set(all.filter((p) => (withIndicatorScores || !p.optional) && !(p.rule === "total-score" && typeof p.old === "number" && sameAt2(p.old, Number(p.new)))).map(proposalKey));
}

/**
 * The one-cell fix for a finding (改为 91.5): the proposal the rule that judges that cell makes, if any. The pane
 * writes it through the same preview, write and undo path as 写回计算结果, so a fix and write-back never disagree.
 */
export function fixFor(finding: { rule: string; sheet: string; cell: string }, all: readonly Proposal[]): Proposal | null {
  const p = all.find((q) => q.rule === finding.rule && q.sheet === finding.sheet && q.address === finding.cell);
  if (!p) return null;
  if (p.rule === "total-score") {
    const only = finalizeSelection([p], new Set([proposalKey(p)]));
    return only[0] ?? null;
  }
  return { ...p, optional: false };
}
