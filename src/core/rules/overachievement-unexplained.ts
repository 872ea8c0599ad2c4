import { Rule, pct, r4 } from "../findings";

export const overachievementUnexplained: Rule = {
  id: "overachievement-unexplained",
  title: { zh: "超额完成未说明", en: "Over-achievement unexplained" },
  description: {
    zh: "实际完成值超过年度指标值较多（默认 30% 以上）时，须分析原因（指标值是否设置偏低）。",
    en: "An actual far above target (default: more than 30%) must be explained (was the target set too low?).",
  },
  check({ form, options, report, say }) {
    for (const i of form.indicators) {
      const over = i.scoring.over;
      if (over === null || i.hasCause) continue;
      const at = i.cause?.cell ?? i.actual?.cell;
      if (!at) continue;
      report({
        severity: "warning",
        at,
        message: say(
          `「${i.name}」实际完成值超出指标值 ${pct(over)}（超过 ${pct(options.overachievementThreshold)}），须说明原因：指标值是否设置偏低。`,
          `"${i.name}": the actual exceeds the target by ${pct(over)} (more than ${pct(options.overachievementThreshold)}); explain why — was the target set too low?`,
        ),
        expected: null,
        actual: r4(over),
        valueFormat: "percent",
      });
    }
  },
};
