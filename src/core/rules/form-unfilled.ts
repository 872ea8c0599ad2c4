import { Rule } from "../findings";

export const formUnfilled: Rule = {
  id: "form-unfilled",
  title: { zh: "未填写的模板", en: "Unfilled form" },
  description: {
    zh: "完成值和得分全部为空的表是未填写的模板（如系统导出的空表）：只报一条，不逐格报缺失，也不评等级。",
    en: "A form whose actuals and scores are all empty is an unfilled template (e.g. a system export): one finding, not one per cell, and no grade.",
  },
  meta: {
    messages: {
      unfilled: {
        zh: "本表尚未填写：{n} 个指标的完成值和得分均为空，未评分、未评等级。",
        en: "The form is not filled in: the actuals and scores of all {n} indicators are empty; not scored, not graded.",
      },
    },
    severity: "warning",
    rank: 20,
    // the one finding stands for every other (RULES.md §5 B: one finding, not one per cell); a missing part still speaks
    quiets: (form) => (form.unfilled ? { allBut: ["form-incomplete", "section-unreadable"] } : null),
  },
  check({ form, report }) {
    if (!form.unfilled) return;
    const first = form.indicators[0];
    const at = first.actual?.cell ?? first.score?.cell ?? { row: form.layout.top, col: form.layout.left };
    report({
      at,
      messageId: "unfilled",
      data: { n: form.indicators.length },
      expected: null,
      actual: null,
    });
  },
};
