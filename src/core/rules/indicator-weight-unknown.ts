import { Rule } from "../findings";

export const indicatorWeightUnknown: Rule = {
  id: "indicator-weight-unknown",
  title: { zh: "指标分值无法推知", en: "Indicator weight unknown" },
  description: {
    zh: "湖北 2020 表没有分值列：只有同一目标下其余指标都得满分时，未完成指标的分值才可推知（为剩余分值）；否则不核算其得分，全表提示一次，仍按填写的得分评级。",
    en: "Hubei 2020 has no weight column: an unmet indicator's weight is known only as the remainder when every other row of its block scored full; otherwise its score is not judged (one note per form) and the form is graded on its written scores.",
  },
  meta: {
    messages: {
      unknown: {
        zh: "表中没有各指标的分值，{names}的分值无法推知，其得分未按规则核算；本表按填写的得分评级。",
        en: "The form gives no indicator weights; the weight of {names} cannot be known, so their scores were not judged; the form is graded on its written scores.",
      },
    },
    severity: "info",
    rank: 230,
  },
  check({ form, report }) {
    if (form.blocks.length === 0) return;
    const unknown = form.indicators.filter((i) => i.weightSource === null);
    if (unknown.length === 0) return;
    const names = { zh: unknown.map((i) => `「${i.name}」`).join(""), en: unknown.map((i) => `"${i.name}"`).join(", ") };
    const at = unknown[0].score?.cell ?? unknown[0].nameCell ?? { row: form.layout.top, col: form.layout.left };
    report({
      at,
      messageId: "unknown",
      data: { names },
      expected: null,
      actual: unknown.length,
    });
  },
};
