import { Family, has, header } from "../family";
import { BLOCKS } from "./blocks";
import { readTail } from "./tail";
import { WORDS } from "./words";

/**
 * 湖北省 2020 项目绩效自评表: indicators in weighted blocks 年度绩效目标N（M分） with no weight column, the budget
 * worth 20 (得分（20分*执行率）), one form-level cause cell after the total; qualitative tiers 80/50 (RULES.md §5, §6).
 */
export const HUBEI_2020: Family = {
  id: "hubei-2020",
  name: { zh: "湖北省 2020 项目绩效自评表", en: "Hubei 2020 project self-evaluation form" },
  detect: (s) =>
    (s.blocks ? 10 : 0) +
    (has(s, /20分\*执行率/m) || header(s.fundsHeader, /20分\*执行率/) ? 6 : 0) +
    (has(s, /^年度财政资金总额/m) ? 3 : 0) +
    (has(s, /^偏差大或目标未完成原因分析/m) ? 4 : 0) +
    (header(s.indicatorHeader, /^年初目标值/) ? 2 : 0),
  level1Scheme: false,
  blocks: true,
  preset: "hubei",
  presets: [
    {
      id: "hubei",
      name: { zh: "湖北（定性指标 80/50 分档）", en: "Hubei (qualitative tiers 80/50)" },
      settings: { qualitativeTiers: { achieved: 0.8, partly: 0.5 } },
    },
  ],
  budgetWeight: 20,
  words: WORDS,
  readers: {
    blocks: BLOCKS,
    tail: readTail,
    budgetWeightInScoreHeader: (label) => {
      const m = /(\d+(?:\.\d+)?)分[*×xX]/.exec(label);
      return m ? Number(m[1]) : null;
    },
  },
  suggests: { zh: "湖北表用湖北方案", en: "Hubei forms: Hubei" },
};
