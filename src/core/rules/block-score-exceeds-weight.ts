import { Rule, fmt, r4 } from "../findings";

export const blockScoreExceedsWeight: Rule = {
  id: "block-score-exceeds-weight",
  title: { zh: "目标得分超出分值", en: "Goal score above its weight" },
  description: {
    zh: "湖北 2020 表：每个“年度绩效目标N（M分）”下各指标得分之和不得超过该目标的分值 M。",
    en: "Hubei 2020: the scores under each 年度绩效目标N（M分） block must not add up to more than its M points.",
  },
  check({ form, report, say }) {
    for (const b of form.blocks) {
      if (b.weight === null || b.sumOfScores <= b.weight + 1e-9) continue;
      report({
        severity: "error",
        at: b.cell,
        message: say(
          `“${b.label}”下各指标得分之和为 ${fmt(b.sumOfScores)}，超过该目标的 ${fmt(b.weight)} 分。`,
          `The scores under "${b.label}" add up to ${fmt(b.sumOfScores)}, more than its ${fmt(b.weight)} points.`,
        ),
        expected: b.weight,
        actual: r4(b.sumOfScores),
      });
    }
  },
};
