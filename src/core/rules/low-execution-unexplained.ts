import { isExplanation } from "../analyse";
import { Rule, pct, r4 } from "../findings";

export const lowExecutionUnexplained: Rule = {
  id: "low-execution-unexplained",
  title: { zh: "执行率低未说明原因", en: "Low execution unexplained" },
  description: {
    zh: "表中有预算执行原因栏时，执行率低于 90% 须填写原因（省级规则）。",
    en: "Where the form has a budget reason cell, an execution rate below 90% needs a reason there (provincial rule).",
  },
  meta: {
    messages: {
      noReason: { zh: "执行率 {rate} 低于 {threshold}，须在此说明原因。", en: "The execution rate {rate} is below {threshold}: give the reason here." },
    },
    severity: "error",
    rank: 170,
  },
  check({ form, options, report }) {
    const b = form.budget;
    if (!b?.reason || b.computedRate === null) return;
    if (b.computedRate >= options.lowExecutionThreshold - 1e-12) return;
    if (isExplanation(b.reason.raw)) return;
    report({
      at: b.reason.cell,
      messageId: "noReason",
      data: { rate: pct(b.computedRate), threshold: pct(options.lowExecutionThreshold) },
      expected: null,
      actual: r4(b.computedRate),
      valueFormat: "percent",
    });
  },
};
