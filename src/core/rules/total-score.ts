import { Rule, fmt, r4 } from "../findings";
import { isRoundingOf, sameAt2 } from "../scoring";

export const totalScore: Rule = {
  id: "total-score",
  title: { zh: "总分", en: "Total score" },
  description: {
    zh: "总分应等于预算执行得分与各指标得分（按填写值）之和。",
    en: "The total must equal the budget score plus every indicator's score, as written.",
  },
  check({ form, options, report, say }) {
    const t = form.totalScore;
    if (!t || t.value === null) return;
    if (sameAt2(t.value, form.sumOfScores)) return;
    const info = options.acceptRounding && isRoundingOf(t.value, form.sumOfScores);
    report({
      severity: info ? "info" : "error",
      at: t.cell,
      message: info
        ? say(`总分 ${fmt(t.value)} 是各项得分之和 ${fmt(form.sumOfScores)} 四舍五入后的值。`, `The total ${fmt(t.value)} is the sum of scores ${fmt(form.sumOfScores)} rounded.`)
        : say(`总分填写为 ${fmt(t.value)}，但各项得分之和为 ${fmt(form.sumOfScores)}。`, `The total is written as ${fmt(t.value)}, but the scores add up to ${fmt(form.sumOfScores)}.`),
      expected: r4(form.sumOfScores),
      actual: t.value,
    });
  },
};
