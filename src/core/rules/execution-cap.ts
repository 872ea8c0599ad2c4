import { Rule, fmt, pct } from "../findings";

export const executionCap: Rule = {
  id: "execution-cap",
  title: { zh: "按执行率封顶总分", en: "Total capped by execution rate" },
  description: {
    zh: "（设置，默认关闭）按执行率封顶总分：70–80% 不超过 89，60–70% 不超过 79，低于 60% 不超过 69，低于 50% 不超过 59。",
    en: "(Setting, off by default) caps the total by execution rate: 70–80% → ≤89, 60–70% → ≤79, below 60% → ≤69, below 50% → ≤59.",
  },
  check({ form, report, say }) {
    const t = form.totalScore;
    if (form.cap === null || !t || t.value === null || t.value <= form.cap + 1e-9) return;
    report({
      severity: "error",
      at: t.cell,
      message: say(
        `执行率为 ${pct(form.budget?.computedRate ?? 0)}，总分不应超过 ${form.cap}，填写为 ${fmt(t.value)}。`,
        `With an execution rate of ${pct(form.budget?.computedRate ?? 0)} the total may not exceed ${form.cap}; it is ${fmt(t.value)}.`,
      ),
      expected: form.cap,
      actual: t.value,
    });
  },
};
