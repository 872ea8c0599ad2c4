import { Rule, pct, r4 } from "../findings";

export const overachievementUnexplained: Rule = {
  id: "overachievement-unexplained",
  title: { zh: "超额完成未说明", en: "Over-achievement unexplained" },
  description: {
    zh: "实际完成值超过年度指标值较多（默认 30% 以上）时，须分析原因（指标值是否设置偏低）。",
    en: "An actual far above target (default: more than 30%) must be explained (was the target set too low?).",
  },
  meta: {
    messages: {
      unexplained: {
        zh: "「{name}」实际完成值超出指标值 {over}（超过 {threshold}），须说明原因：指标值是否设置偏低。",
        en: "\"{name}\": the actual exceeds the target by {over} (more than {threshold}); explain why — was the target set too low?",
      },
    },
    severity: "warning",
    rank: 180,
  },
  check({ form, options, report }) {
    for (const i of form.indicators) {
      const over = i.scoring.over;
      if (over === null || i.hasCause) continue;
      const at = i.cause?.cell ?? i.actual?.cell;
      if (!at) continue;
      report({
        at,
        messageId: "unexplained",
        data: { name: i.name, over: pct(over), threshold: pct(options.overachievementThreshold) },
        expected: null,
        actual: r4(over),
        valueFormat: "percent",
      });
    }
  },
};
