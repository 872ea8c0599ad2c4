import { FixInput, Rule, fmt, r4 } from "../findings";
import { isRoundingOf, round, sameAt2 } from "../scoring";

export const totalScore: Rule = {
  id: "total-score",
  title: { zh: "总分", en: "Total score" },
  description: {
    zh: "总分应等于预算执行得分与各指标得分（按填写值）之和。",
    en: "The total must equal the budget score plus every indicator's score, as written.",
  },
  check({ form, options, report, propose, say }) {
    const t = form.totalScore;
    if (!t) return;
    // The write-back proposal: the sum of the scores as written, with the budget score as recalculated. Always made, so
    // the selection can recompute it when indicator scores are ticked; the selection drops it when nothing changes.
    const b = form.budget;
    const budget = b?.score && b.computedScore !== null ? round(b.computedScore, 2) : (b?.score?.value ?? 0);
    const sum = form.indicators.reduce((s, i) => s + (i.score?.value ?? 0), budget);
    const fix: FixInput = {
      at: t.cell,
      old: t.raw,
      new: round(sum, 2),
      label: { zh: "总分（各项得分之和）", en: "total (sum of scores)" },
      altLabel: { zh: "总分（采用规则得分后）", en: "total (with the rule's scores)" },
    };
    // the finding carries the fix only when writing it changes the cell
    const changes = !(typeof t.raw === "number" && sameAt2(t.raw, Number(fix.new)));
    if (t.value === null || sameAt2(t.value, form.sumOfScores)) {
      propose(fix);
      return;
    }
    const info = options.acceptRounding && isRoundingOf(t.value, form.sumOfScores);
    report({
      severity: info ? "info" : "error",
      at: t.cell,
      message: info
        ? say(`总分 ${fmt(t.value)} 是各项得分之和 ${fmt(form.sumOfScores)} 四舍五入后的值。`, `The total ${fmt(t.value)} is the sum of scores ${fmt(form.sumOfScores)} rounded.`)
        : say(`总分填写为 ${fmt(t.value)}，但各项得分之和为 ${fmt(form.sumOfScores)}。`, `The total is written as ${fmt(t.value)}, but the scores add up to ${fmt(form.sumOfScores)}.`),
      expected: r4(form.sumOfScores),
      actual: t.value,
      ...(changes ? { fix } : {}),
    });
    if (!changes) propose(fix);
  },
};
