import { Family, has, header } from "../family";

/**
 * 四川省县级衔接资金项目支出绩效自评表: 资金情况 with 衔接/整合/涉农 其中 rows, the weight column before the target,
 * 未完成原因及拟采取的改进措施; the central level-1 scheme and preset (RULES.md §5).
 */
export const SICHUAN_COUNTY: Family = {
  id: "sichuan-county",
  name: { zh: "四川省县级衔接资金项目支出绩效自评表", en: "Sichuan county transition-fund project self-evaluation form" },
  detect: (s) =>
    (header(s.indicatorHeader, /^未完成原因及拟采取的改进措施/) ? 5 : 0) +
    (has(s, /^资金情况(\(万元\))?$/m) ? 4 : 0) +
    (has(s, /衔接/m) ? 3 : 0) +
    (s.weightBeforeTarget ? 1 : 0),
  level1Scheme: true,
  blocks: false,
  preset: "central",
  budgetWeight: null,
  words: {
    fundsParts: ["衔接", "整合", "涉农"],
    headerWords: ["未完成原因及拟采取的改进措施"],
  },
};
