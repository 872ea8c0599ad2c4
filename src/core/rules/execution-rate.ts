import { rateValue } from "../analyse";
import { Rule, pct, r4, scoreDifference } from "../findings";

export const executionRate: Rule = {
  id: "execution-rate",
  title: { zh: "执行率", en: "Execution rate" },
  description: {
    zh: "执行率应为全年执行数 ÷ 全年预算数（调整后预算），并已填写。",
    en: "The execution rate must be 全年执行数 ÷ 全年预算数 (the adjusted budget) and be filled in.",
  },
  check({ form, options, report, say }) {
    const b = form.budget;
    if (!b || !b.rate || b.computedRate === null) return;
    const p = b.rate.parsed;
    if (p.kind === "blank" || p.kind === "placeholder") {
      report({
        severity: "warning",
        at: b.rate.cell,
        message: say(`执行率未填写，应为 ${pct(b.computedRate)}（全年执行数 ÷ 全年预算数）。`, `The execution rate is missing; it should be ${pct(b.computedRate)} (executed ÷ annual budget).`),
        expected: r4(b.computedRate),
        actual: null,
        valueFormat: "percent",
      });
      return;
    }
    const written = rateValue(p);
    if (written === null) return; // unparseable-value reports it
    // Rates compare in percent points: 66.67% written as 67% is rounding.
    const sev = scoreDifference(written * 100, b.computedRate * 100, options.acceptRounding);
    if (!sev) return;
    report({
      severity: sev === "info" ? "info" : "error",
      at: b.rate.cell,
      message:
        sev === "info"
          ? say(`执行率 ${pct(written)} 是 ${pct(b.computedRate)} 四舍五入后的值。`, `The execution rate ${pct(written)} is ${pct(b.computedRate)} rounded.`)
          : say(
              `执行率填写为 ${pct(written)}，按全年执行数 ÷ 全年预算数应为 ${pct(b.computedRate)}。`,
              `The execution rate is written as ${pct(written)}; executed ÷ annual budget gives ${pct(b.computedRate)}.`,
            ),
      expected: r4(b.computedRate),
      actual: r4(written),
      valueFormat: "percent",
    });
  },
};
