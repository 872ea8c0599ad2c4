import { FixInput, Rule, fmt, r4, scoreDifference } from "../findings";
import { round } from "../scoring";

export const budgetScore: Rule = {
  id: "budget-score",
  title: { zh: "预算执行得分", en: "Budget score" },
  description: {
    zh: "预算执行得分应为 分值 × min(执行率, 1)。",
    en: "The budget score must be weight × min(execution rate, 1).",
  },
  check({ form, options, report, propose, say }) {
    const b = form.budget;
    if (!b || !b.score || b.computedScore === null) return;
    const p = b.score.parsed;
    const fix: FixInput = { at: b.score.cell, old: b.score.raw, new: round(b.computedScore, 2), label: { zh: "预算执行得分", en: "budget score" } };
    if (p.kind === "blank" || p.kind === "placeholder") {
      report({
        severity: "warning",
        at: b.score.cell,
        message: say(`预算执行得分未填写，应为 ${fmt(b.computedScore)}。`, `The budget score is missing; it should be ${fmt(b.computedScore)}.`),
        expected: r4(b.computedScore),
        actual: null,
        fix,
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
      message:
        sev === "info"
          ? say(`预算执行得分 ${fmt(b.score.value)} 是 ${fmt(b.computedScore)} 四舍五入后的值。`, `The budget score ${fmt(b.score.value)} is ${fmt(b.computedScore)} rounded.`)
          : say(
              `预算执行得分填写为 ${fmt(b.score.value)}，按 分值 ${fmt(b.weightValue ?? 0)} × 执行率应为 ${fmt(b.computedScore)}。`,
              `The budget score is written as ${fmt(b.score.value)}; weight ${fmt(b.weightValue ?? 0)} × execution rate gives ${fmt(b.computedScore)}.`,
            ),
      expected: r4(b.computedScore),
      actual: b.score.value,
      fix,
    });
  },
};
