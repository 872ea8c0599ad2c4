import { Rule } from "../findings";

export const unitMismatch: Rule = {
  id: "unit-mismatch",
  title: { zh: "单位不一致", en: "Unit mismatch" },
  description: {
    zh: "实际完成值的单位应与年度指标值可比（万元与元可换算，人与人次视为相同）。",
    en: "The actual's unit must be comparable with the target's (万元 and 元 convert; 人 and 人次 are the same).",
  },
  meta: {
    messages: {
      incomparable: {
        zh: "「{name}」实际完成值单位（{actualUnit}）与年度指标值单位（{targetUnit}）不可比，无法计算得分。",
        en: "\"{name}\": the actual's unit ({actualUnit}) cannot be compared with the target's ({targetUnit}); no score computed.",
      },
    },
    severity: "warning",
    rank: 200,
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      const m = i.scoring.unitMismatch;
      if (!m || !i.actual) continue;
      // both units are written: commensurate() compares a bare number with any unit, so a mismatch never has an empty one
      report({
        at: i.actual.cell,
        messageId: "incomparable",
        data: { name: i.name, actualUnit: m.actual, targetUnit: m.target },
        expected: m.target,
        actual: m.actual,
      });
    }
  },
};
