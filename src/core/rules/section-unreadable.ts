import { Rule } from "../findings";

export const sectionUnreadable: Rule = {
  id: "section-unreadable",
  title: { zh: "某部分读不出", en: "Section unreadable" },
  description: {
    zh: "某部分读不出（如预算执行部分找不到预算数/执行数列，或绩效指标缺少得分列）时，指明该部分和所查找的内容；该部分数字为“未校验”，本表不评等级。",
    en: "A section that cannot be read (no budget/executed column, no score column…) is named with what was looked for; its figures are not checked and the form gets no grade.",
  },
  meta: {
    messages: {
      unreadable: {
        zh: "“{section}”部分读不出（查找：{lookedFor}），该部分未校验，本表不评等级。",
        en: "The {section} section cannot be read (looked for {lookedFor}); it was not checked and the form is not graded.",
      },
    },
    severity: "warning",
    rank: 30,
    // figures read from a section not read are not judged
    quiets(form) {
      const quiet = new Set<string>();
      if (form.unchecked.some((u) => u.section === "funds")) {
        for (const id of ["total-score", "execution-cap", "level1-weights"]) quiet.add(id);
        if (form.budget?.weightValue == null) quiet.add("weights-total");
      }
      if (form.unchecked.some((u) => u.section === "indicators")) for (const id of ["total-score", "weights-total", "level1-weights", "execution-cap"]) quiet.add(id);
      return quiet.size ? { rules: [...quiet] } : null;
    },
  },
  check({ form, report }) {
    const missing = form.layout.missing;
    for (const u of form.unchecked) {
      // a part that is missing altogether is named by form-incomplete
      if (u.section === "funds" && (missing.includes("funds") || missing.includes("fundsTotal"))) continue;
      if (u.section === "indicators" && (missing.includes("indicators") || missing.includes("indicatorRows"))) continue;
      if (u.section === "total" && missing.includes("total")) continue;
      report({
        at: u.at,
        messageId: "unreadable",
        data: { section: { zh: u.zh, en: u.en }, lookedFor: { zh: u.lookedForZh, en: u.lookedForEn } },
        expected: null,
        actual: u.section,
      });
    }
  },
};
