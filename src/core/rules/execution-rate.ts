import { BudgetAnalysis, ValueCell, rateValue } from "../analyse";
import { FixInput, Rule, StepInput, pct, r4, scoreDifference } from "../findings";
import { formatNumber, normalizeValueText } from "../parse";
import { round } from "../scoring";
import { CellValue } from "../snapshot";

/** A rate in the form the cell already uses: a percent-formatted number, percent points, a fraction, or "75%" text. */
function rateInForm(cell: ValueCell, rate: number): CellValue {
  const r = cell.raw;
  if (typeof r === "number") {
    if (cell.parsed.kind === "number" && cell.parsed.unit === "%") return round(rate, 4);
    return Math.abs(r) > 1.5 ? round(rate * 100, 2) : round(rate, 4);
  }
  return `${formatNumber(rate * 100, 2)}%`;
}

/**
 * How many decimals of percent points the written rate carries (86.19% → 2, 93% → 0, 0.8619 → 2, "0.86" → 0):
 * RULES.md §2 compares a written rate at its own precision.
 */
export function writtenPercentPlaces(cell: ValueCell): number {
  const r = cell.raw;
  const isPercent = cell.parsed.kind === "number" && cell.parsed.unit === "%";
  if (typeof r === "number") {
    const m = /\.(\d+)$/.exec(String(r));
    const d = m ? m[1].length : 0;
    return Math.max(0, isPercent || Math.abs(r) <= 1.5 ? d - 2 : d);
  }
  const t = normalizeValueText(String(r)); // never blank: called for a rate read as a number
  const m = /(\d+)(?:\.(\d+))?\s*(%|‰)?/.exec(t);
  if (!m) return 2;
  const d = m[2] ? m[2].length : 0;
  if (m[3] === "%") return d;
  if (m[3] === "‰") return Math.max(0, d - 1);
  return Math.max(0, parseFloat(m[0]) <= 1.5 ? d - 2 : d);
}

export const executionRate: Rule = {
  id: "execution-rate",
  title: { zh: "执行率", en: "Execution rate" },
  description: {
    zh: "执行率应为全年执行数 ÷ 全年预算数（调整后预算），并已填写。",
    en: "The execution rate must be 全年执行数 ÷ 全年预算数 (the adjusted budget) and be filled in.",
  },
  meta: {
    messages: {
      missing: { zh: "执行率未填写，应为 {computed}（全年执行数 ÷ 全年预算数）。", en: "The execution rate is missing; it should be {computed} (executed ÷ annual budget)." },
      rounded: { zh: "执行率 {written} 是 {computed} 四舍五入后的值。", en: "The execution rate {written} is {computed} rounded." },
      lastPlace: {
        zh: "执行率填写为 {written}，按全年执行数 ÷ 全年预算数为 {computed}，相差不超过所写末位的一个单位，属四舍五入差异；预算得分按算得的执行率判断。",
        en: "The execution rate is written as {written}; executed ÷ annual budget gives {computed}: within one unit of its last written place, a rounding difference (the budget score is judged from the computed rate).",
      },
      wrong: {
        zh: "执行率填写为 {written}，按全年执行数 ÷ 全年预算数应为 {computed}。",
        en: "The execution rate is written as {written}; executed ÷ annual budget gives {computed}.",
      },
    },
    rank: 100,
    proposes: "rate",
  },
  check({ form, options, report, propose }) {
    const b = form.budget;
    if (!b || !b.rate || b.computedRate === null) return;
    const p = b.rate.parsed;
    // the rate written back in the cell's own form (a percent-formatted number stays one)
    const fix: FixInput = { at: b.rate.cell, old: b.rate.raw, new: rateInForm(b.rate, b.computedRate), label: { zh: "执行率", en: "execution rate" } };
    if (typeof b.rate.raw === "number" && p.kind === "number" && p.unit === "%") fix.valueFormat = "percent";
    if (p.kind === "blank" || p.kind === "placeholder") {
      report({
        severity: "warning",
        at: b.rate.cell,
        messageId: "missing",
        data: { computed: pct(b.computedRate) },
        expected: r4(b.computedRate),
        actual: null,
        valueFormat: "percent",
        fix,
        steps: [rateStep(b)],
      });
      return;
    }
    const written = rateValue(p);
    if (written === null) {
      propose(fix); // unparseable-value reports it; the computed rate can still be written
      return;
    }
    // Rates compare in percent points: 66.67% written as 67% is rounding.
    const sev = scoreDifference(written * 100, b.computedRate * 100, options.acceptRounding);
    if (!sev) return;
    // RULES.md §2: off by no more than one unit in its last written place (86.19% for 86.183%) is rounding
    const unit = Math.pow(10, -writtenPercentPlaces(b.rate));
    if (sev !== "info" && options.acceptRounding && Math.abs(written * 100 - b.computedRate * 100) <= unit + 1e-9) {
      report({
        severity: "info",
        at: b.rate.cell,
        messageId: "lastPlace",
        data: { written: pct(written), computed: pct(b.computedRate) },
        expected: r4(b.computedRate),
        actual: r4(written),
        valueFormat: "percent",
        fix,
        steps: [rateStep(b)],
      });
      return;
    }
    report({
      severity: sev === "info" ? "info" : "error",
      at: b.rate.cell,
      messageId: sev === "info" ? "rounded" : "wrong",
      data: { written: pct(written), computed: pct(b.computedRate) },
      expected: r4(b.computedRate),
      actual: r4(written),
      valueFormat: "percent",
      fix,
      steps: [rateStep(b)],
    });
  },
};

/** 执行率 = 全年执行数 ÷ 全年预算数, with their cells (budget.ts computes it so). */
export function rateStep(b: BudgetAnalysis): StepInput {
  return {
    result: b.computedRate ?? 0,
    resultFormat: "percent",
    op: "÷",
    terms: [
      { value: b.executed?.value ?? 0, at: b.executed?.cell },
      { value: b.annual?.value ?? 0, at: b.annual?.cell },
    ],
  };
}
