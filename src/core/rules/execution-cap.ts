import { Rule, pct } from "../findings";

export const executionCap: Rule = {
  id: "execution-cap",
  title: { zh: "按执行率封顶总分", en: "Total capped by execution rate" },
  description: {
    zh: "（设置，默认关闭）按执行率封顶总分：70–80% 不超过 89，60–70% 不超过 79，低于 60% 不超过 69，低于 50% 不超过 59。",
    en: "(Setting, off by default) caps the total by execution rate: 70–80% → ≤89, 60–70% → ≤79, below 60% → ≤69, below 50% → ≤59.",
  },
  meta: {
    messages: {
      capped: {
        zh: "执行率为 {rate}，总分不应超过 {cap}，填写为 {written}。",
        en: "With an execution rate of {rate} the total may not exceed {cap}; it is {written}.",
      },
    },
    severity: "error",
    rank: 80,
  },
  check({ form, report }) {
    const t = form.totalScore;
    if (form.cap === null || !t || t.value === null || t.value <= form.cap + 1e-9) return;
    report({
      at: t.cell,
      messageId: "capped",
      data: { rate: pct(form.budget?.computedRate ?? 0), cap: form.cap, written: t.value },
      expected: form.cap,
      actual: t.value,
    });
  },
};
