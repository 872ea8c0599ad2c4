import { Family, has, header } from "../family";
import { WORDS } from "./words";

/**
 * 四川省 2023 部门预算项目支出绩效自评表 (报表编号:510000_0013zp): 年度预算数 over 总额 / 其中 as a caption of the labels,
 * 调整后预算数 / 预算执行数, 绩效指标（90分）, the template's instructions in the cells; no level-1 scheme; a reason is
 * needed below 90% execution (RULES.md §5, §6).
 */
export const SICHUAN_2023: Family = {
  id: "sichuan-2023",
  name: { zh: "四川省 2023 部门预算项目支出绩效自评表", en: "Sichuan 2023 departmental-budget project self-evaluation form" },
  detect: (s) =>
    (has(s, /510000_0013zp/m) ? 10 : 0) +
    (has(s, /^部门预算项目支出绩效自评表/m) ? 8 : 0) +
    (has(s, /^年度预算数(\(万元\))?$/m) ? 4 : 0) +
    (header(s.fundsHeader, /调整后预算数/) && header(s.fundsHeader, /预算执行数/) ? 3 : 0) +
    (has(s, /^绩效指标\(90分\)$/m) ? 3 : 0) +
    (has(s, /^实施单位\(盖章\)$/m) ? 2 : 0),
  level1Scheme: false,
  blocks: false,
  preset: "sichuan",
  presets: [
    {
      id: "sichuan",
      name: { zh: "四川（一级指标权重不校验；执行率低于 90% 须在“原因”栏说明）", en: "Sichuan (level-1 weights not checked; below 90% execution needs a reason)" },
      settings: { checkLevel1Weights: false, lowExecutionThreshold: 0.9 },
    },
  ],
  budgetWeight: null,
  words: WORDS,
  suggests: { zh: "四川表用四川方案", en: "Sichuan forms: Sichuan" },
};
