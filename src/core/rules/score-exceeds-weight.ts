import { Rule } from "../findings";

export const scoreExceedsWeight: Rule = {
  id: "score-exceeds-weight",
  title: { zh: "得分超出分值", en: "Score outside its weight" },
  description: {
    zh: "每行得分应在 0 与分值之间。",
    en: "Every row's score must lie between 0 and its weight.",
  },
  meta: {
    messages: {
      negative: { zh: "「{name}」得分 {score} 为负数。", en: "\"{name}\": the score {score} is negative." },
      exceeds: { zh: "「{name}」得分 {score} 超过分值 {weight}。", en: "\"{name}\": the score {score} exceeds the weight {weight}." },
    },
    severity: "error",
    rank: 120,
  },
  check({ form, report, say }) {
    const rows: Array<{ name: string; score: number | null | undefined; weight: number | null | undefined; at: { row: number; col: number } | undefined }> = [];
    const b = form.budget;
    if (b?.score) rows.push({ name: say("预算执行", "budget execution"), score: b.score.value, weight: b.weightValue, at: b.score.cell });
    // a weight not written but inferred (Hubei: no weight column) is judged by its block, not here
    for (const i of form.indicators) if (i.weightSource === "cell") rows.push({ name: i.name, score: i.score?.value, weight: i.weight?.value, at: i.score?.cell });
    for (const r of rows) {
      if (r.score == null || r.weight == null || !r.at) continue;
      if (r.score < 0) {
        report({ at: r.at, messageId: "negative", data: { name: r.name, score: r.score }, expected: 0, actual: r.score });
      } else if (r.score > r.weight + 1e-9) {
        report({
          at: r.at,
          messageId: "exceeds",
          data: { name: r.name, score: r.score, weight: r.weight },
          expected: r.weight,
          actual: r.score,
        });
      }
    }
  },
};
