import { Rule, fmt, r4 } from "../findings";
import { sameAt2 } from "../scoring";

export const weightsTotal: Rule = {
  id: "weights-total",
  title: { zh: "分值合计", en: "Weights total" },
  description: {
    zh: "预算执行分值与各指标分值之和应为 100，总分行的分值也应为 100。",
    en: "The budget weight plus all indicator weights must be 100, as must the total row's weight.",
  },
  check({ form, report, say }) {
    const at = form.totalWeight?.cell ?? form.layout.totalLabelCell;
    if (!at || (form.indicators.length === 0 && !form.budget)) return;
    if (!sameAt2(form.weights, 100)) {
      report({
        severity: "error",
        at,
        message: say(`各项分值之和为 ${fmt(form.weights)}，应为 100。`, `The weights add up to ${fmt(form.weights)}, not 100.`),
        expected: 100,
        actual: r4(form.weights),
        // the cell may well hold 100: 95 is the sum, not what is written there
        actualLabel: say("各项分值之和", "the weights add up to"),
      });
      return;
    }
    const written = form.totalWeight?.value;
    if (written != null && !sameAt2(written, 100)) {
      report({
        severity: "error",
        at,
        message: say(`总分行的分值填写为 ${fmt(written)}，应为 100。`, `The total row's weight is written as ${fmt(written)}; it should be 100.`),
        expected: 100,
        actual: written,
      });
    }
  },
};
