import { Rule } from "../findings";

export const sectionUnreadable: Rule = {
  id: "section-unreadable",
  title: { zh: "某部分读不出", en: "Section unreadable" },
  description: {
    zh: "某部分读不出（如预算执行部分找不到预算数/执行数列，或绩效指标缺少得分列）时，指明该部分和所查找的内容；该部分数字为“未校验”，本表不评等级。",
    en: "A section that cannot be read (no budget/executed column, no score column…) is named with what was looked for; its figures are not checked and the form gets no grade.",
  },
  check({ form, report, say }) {
    const missing = form.layout.missing;
    for (const u of form.unchecked) {
      // a part that is missing altogether is named by form-incomplete
      if (u.section === "funds" && (missing.includes("funds") || missing.includes("fundsTotal"))) continue;
      if (u.section === "indicators" && (missing.includes("indicators") || missing.includes("indicatorRows"))) continue;
      if (u.section === "total" && missing.includes("total")) continue;
      report({
        severity: "warning",
        at: u.at,
        message: say(
          `“${u.zh}”部分读不出（查找：${u.lookedForZh}），该部分未校验，本表不评等级。`,
          `The ${u.en} section cannot be read (looked for ${u.lookedForEn}); it was not checked and the form is not graded.`,
        ),
        expected: null,
        actual: u.section,
      });
    }
  },
};
