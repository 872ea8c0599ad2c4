import { BudgetAnalysis } from "../analyse";
import { FixInput, Rule, StepInput, r4, scoreDifference } from "../findings";
import { rateStep } from "./execution-rate";
import { round } from "../scoring";

export const budgetScore: Rule = {
  id: "budget-score",
  title: { zh: "预算执行得分", en: "Budget score" },
  description: {
    zh: "预算执行得分应为 分值 × min(执行率, 1)。",
    en: "The budget score must be weight × min(execution rate, 1).",
  },
  meta: {
    messages: {
      missing: { zh: "预算执行得分未填写，应为 {computed}。", en: "The budget score is missing; it should be {computed}." },
      rounded: { zh: "预算执行得分 {written} 是 {computed} 四舍五入后的值。", en: "The budget score {written} is {computed} rounded." },
      wrong: {
        zh: "预算执行得分填写为 {written}，按 分值 {weight} × 执行率应为 {computed}。",
        en: "The budget score is written as {written}; weight {weight} × execution rate gives {computed}.",
      },
    },
    rank: 90,
    proposes: "score",
  },
  check({ form, options, report, propose }) {
    const b = form.budget;
    if (!b || !b.score || b.computedScore === null) return;
    const p = b.score.parsed;
    const fix: FixInput = { at: b.score.cell, old: b.score.raw, new: round(b.computedScore, 2), label: { zh: "预算执行得分", en: "budget score" } };
    if (p.kind === "blank" || p.kind === "placeholder") {
      report({
        severity: "warning",
        at: b.score.cell,
        messageId: "missing",
        data: { computed: b.computedScore },
        expected: r4(b.computedScore),
        actual: null,
        fix,
        steps: scoreSteps(b),
      });
      return;
    }
    if (b.score.value === null) {
      propose(fix); // unparseable-value reports it; the computed score can still be written
      return;
    }
    const sev = scoreDifference(b.score.value, b.computedScore, options.acceptRounding);
    if (!sev) return;
    report({
      severity: sev,
      at: b.score.cell,
      messageId: sev === "info" ? "rounded" : "wrong",
      data: sev === "info" ? { written: b.score.value, computed: b.computedScore } : { written: b.score.value, weight: b.weightValue ?? 0, computed: b.computedScore },
      expected: r4(b.computedScore),
      actual: b.score.value,
      fix,
      steps: scoreSteps(b),
    });
  },
};

/** 预算执行得分 = 分值 × min(执行率, 1), and the rate's own line (budget.ts computes them so). */
function scoreSteps(b: BudgetAnalysis): StepInput[] {
  const rate = b.computedRate ?? 0;
  return [
    { result: b.computedScore ?? 0, op: "×", terms: [{ value: b.weightValue ?? 0, at: b.weight?.value != null ? b.weight.cell : null }, { value: Math.min(Math.max(rate, 0), 1), format: "percent" }] },
    rateStep(b),
  ];
}
