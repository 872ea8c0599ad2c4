import { Rule } from "../findings";

export const executionExceedsBudget: Rule = {
  id: "execution-exceeds-budget",
  title: { zh: "执行数超过预算数", en: "Spending above budget" },
  description: {
    zh: "全年执行数不应超过全年预算数。",
    en: "The executed amount should not exceed the annual budget.",
  },
  meta: {
    messages: {
      exceeds: {
        zh: "全年执行数 {executed} 超过全年预算数 {annual}，请核对；执行率按 100% 计分。",
        en: "The executed amount {executed} exceeds the annual budget {annual}; please check. The rate scores as 100%.",
      },
    },
    severity: "warning",
    rank: 160,
  },
  check({ form, report }) {
    const b = form.budget;
    if (!b?.executed || b.executed.value === null || b.annual?.value == null) return;
    if (b.executed.value <= b.annual.value + 1e-9) return;
    report({
      at: b.executed.cell,
      messageId: "exceeds",
      data: { executed: b.executed.value, annual: b.annual.value },
      expected: b.annual.value,
      actual: b.executed.value,
    });
  },
};
