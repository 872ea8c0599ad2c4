import { Rule } from "../findings";
import { goodTarget } from "./review-hints";

export const dimensionMissing: Rule = {
  id: "dimension-missing",
  title: { zh: "缺少指标维度", en: "Indicator dimension missing" },
  description: {
    zh: "2022 年起的中央模板表应设成本指标（财预〔2021〕101号），每张表都应有效益指标；缺少满意度指标由“一级指标权重”提示，不重复。",
    en: "From 2022 a central-template form has a 成本指标 (财预〔2021〕101号), and every form has a 效益指标; a missing 满意度 is level1-weights', not repeated.",
  },
  meta: {
    messages: {
      noCost: {
        zh: "{year}年度的表没有成本指标：财预〔2021〕101号要求产出指标中设成本指标（经济成本、社会成本、生态环境成本）。{good}",
        en: "This {year} form has no 成本指标: 财预〔2021〕101号 asks for cost indicators (economic, social, environmental) among the outputs. {good}",
      },
      noOutcome: {
        zh: "表中没有效益指标：绩效指标应包括项目产生的效益（经济、社会、生态效益或可持续影响）。{good}",
        en: "The form has no 效益指标: the indicators must include the project's effects (economic, social, ecological or lasting). {good}",
      },
    },
    severity: "warning",
    rank: 310,
    switchable: true,
    source: {
      zh: "财预〔2021〕101号（成本指标）；财预〔2020〕10号附件1（产出、效益、满意度指标）",
      en: "财预〔2021〕101号 (cost indicators); 财预〔2020〕10号 annex 1 (output, outcome, satisfaction)",
    },
  },
  check({ form, report }) {
    const ind = form.layout.indicators;
    if (!ind || form.indicators.length === 0) return;
    if (form.unchecked.some((u) => u.section === "indicators") || form.layout.missing.length > 0) return; // a form cut short lacks rows, not a dimension
    const at = { row: ind.headerRow, col: ind.columns.level1 ?? ind.columns.level2 ?? ind.columns.name ?? form.layout.left };
    const year = form.layout.year;
    if (form.layout.family.id === "central" && year !== null && year >= 2022 && !form.indicators.some((i) => /成本/.test(i.layout.level2))) {
      report({ at, messageId: "noCost", data: { year, good: goodTarget("cost", year) }, expected: null, actual: null });
    }
    if (!form.indicators.some((i) => i.layout.category === "outcome")) {
      report({ at, messageId: "noOutcome", data: { good: goodTarget("outcome", form.year) }, expected: null, actual: null });
    }
  },
};
