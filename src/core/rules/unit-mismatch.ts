import { Rule } from "../findings";

export const unitMismatch: Rule = {
  id: "unit-mismatch",
  title: { zh: "单位不一致", en: "Unit mismatch" },
  description: {
    zh: "实际完成值的单位应与年度指标值可比（万元与元可换算，人与人次视为相同）。",
    en: "The actual's unit must be comparable with the target's (万元 and 元 convert; 人 and 人次 are the same).",
  },
  check({ form, report, say }) {
    for (const i of form.indicators) {
      const m = i.scoring.unitMismatch;
      if (!m || !i.actual) continue;
      const u = (s: string) => (s === "" ? say("无单位", "no unit") : s);
      report({
        severity: "warning",
        at: i.actual.cell,
        message: say(
          `「${i.name}」实际完成值单位（${u(m.actual)}）与年度指标值单位（${u(m.target)}）不可比，无法计算得分。`,
          `"${i.name}": the actual's unit (${u(m.actual)}) cannot be compared with the target's (${u(m.target)}); no score computed.`,
        ),
        expected: m.target,
        actual: m.actual,
      });
    }
  },
};
