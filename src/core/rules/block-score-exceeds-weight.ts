import { Rule, r4 } from "../findings";

export const blockScoreExceedsWeight: Rule = {
  id: "block-score-exceeds-weight",
  title: { zh: "目标得分超出分值", en: "Goal score above its weight" },
  description: {
    zh: "湖北 2020 表：每个“年度绩效目标N（M分）”下各指标得分之和不得超过该目标的分值 M。",
    en: "Hubei 2020: the scores under each 年度绩效目标N（M分） block must not add up to more than its M points.",
  },
  meta: {
    messages: {
      exceeds: { zh: "“{label}”下各指标得分之和为 {sum}，超过该目标的 {weight} 分。", en: "The scores under \"{label}\" add up to {sum}, more than its {weight} points." },
    },
    severity: "error",
    rank: 70,
    // a block label without its weight (年度绩效目标1 with no （M分）): the weights cannot be added up
    quiets: (form) => (form.blocks.some((b) => b.weight === null) ? { rules: ["weights-total"] } : null),
  },
  check({ form, report }) {
    for (const b of form.blocks) {
      if (b.weight === null || b.sumOfScores <= b.weight + 1e-9) continue;
      report({
        at: b.cell,
        messageId: "exceeds",
        data: { label: b.label, sum: b.sumOfScores, weight: b.weight },
        expected: b.weight,
        actual: r4(b.sumOfScores),
      });
    }
  },
};
