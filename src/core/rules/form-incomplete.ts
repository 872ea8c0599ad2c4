import { Rule } from "../findings";

const PART = {
  funds: ["项目资金（预算执行）部分", "the funds section"],
  fundsTotal: ["年度资金总额行", "the annual total row of the funds section"],
  indicators: ["绩效指标表头（一级指标/二级指标/三级指标）", "the indicator header (一级/二级/三级指标)"],
  indicatorRows: ["绩效指标（表头下没有任何指标行）", "indicators (no indicator row under the header)"],
  total: ["总分行", "the total (总分) row"],
} as const;

export const formIncomplete: Rule = {
  id: "form-incomplete",
  title: { zh: "自评表不完整", en: "Incomplete form" },
  description: {
    zh: "自评表应有项目资金、年度资金总额、绩效指标和总分各部分；缺少的部分无法校验。",
    en: "A form needs its funds section, annual total row, indicator section and total row; what is missing cannot be checked.",
  },
  meta: {
    messages: { missing: { zh: "自评表不完整，找不到：{parts}。", en: "The form is incomplete; not found: {parts}." } },
    severity: "error",
    rank: 10,
  },
  check({ form, report }) {
    const missing = form.layout.missing;
    if (missing.length === 0) return;
    report({
      at: { row: form.layout.top, col: form.layout.left },
      messageId: "missing",
      data: { parts: { zh: missing.map((m) => PART[m][0]).join("、"), en: missing.map((m) => PART[m][1]).join(", ") } },
      expected: null,
      actual: missing.join(","),
    });
  },
};
