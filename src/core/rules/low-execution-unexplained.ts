import { isExplanation } from "../analyse";
import { Rule, pct, r4 } from "../findings";

export const lowExecutionUnexplained: Rule = {
  id: "low-execution-unexplained",
  title: { zh: "执行率低未说明原因", en: "Low execution unexplained" },
  description: {
    zh: "表中有预算执行原因栏时，执行率低于 90% 须填写原因（省级规则）。",
    en: "Where the form has a budget reason cell, an execution rate below 90% needs a reason there (provincial rule).",
  },
  check({ form, options, report, say }) {
    const b = form.budget;
    if (!b?.reason || b.computedRate === null) return;
    if (b.computedRate >= options.lowExecutionThreshold - 1e-12) return;
    if (isExplanation(b.reason.raw)) return;
    report({
      severity: "error",
      at: b.reason.cell,
      message: say(
        `执行率 ${pct(b.computedRate)} 低于 ${pct(options.lowExecutionThreshold)}，须在此说明原因。`,
        `The execution rate ${pct(b.computedRate)} is below ${pct(options.lowExecutionThreshold)}: give the reason here.`,
      ),
      expected: null,
      actual: r4(b.computedRate),
      valueFormat: "percent",
    });
  },
};
