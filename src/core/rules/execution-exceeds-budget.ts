import { Rule, fmt } from "../findings";

export const executionExceedsBudget: Rule = {
  id: "execution-exceeds-budget",
  title: { zh: "执行数超过预算数", en: "Spending above budget" },
  description: {
    zh: "全年执行数不应超过全年预算数。",
    en: "The executed amount should not exceed the annual budget.",
  },
  check({ form, report, say }) {
    const b = form.budget;
    if (!b?.executed || b.executed.value === null || b.annual?.value == null) return;
    if (b.executed.value <= b.annual.value + 1e-9) return;
    report({
      severity: "warning",
      at: b.executed.cell,
      message: say(
        `全年执行数 ${fmt(b.executed.value)} 超过全年预算数 ${fmt(b.annual.value)}，请核对；执行率按 100% 计分。`,
        `The executed amount ${fmt(b.executed.value)} exceeds the annual budget ${fmt(b.annual.value)}; please check. The rate scores as 100%.`,
      ),
      expected: b.annual.value,
      actual: b.executed.value,
    });
  },
};
