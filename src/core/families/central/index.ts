import { Family, Preset, has, header } from "../family";

/** The central default preset (财预〔2020〕10号): every value as core/options DEFAULT_OPTIONS has it; first in PRESETS. */
export const CENTRAL_PRESET: Preset = { id: "central", name: { zh: "中央默认（财预〔2020〕10号）", en: "Central default (Ministry of Finance Caiyu [2020] No. 10)" }, settings: {} };

/**
 * 中央项目支出绩效自评表（财预〔2020〕10号）: 项目资金 with 年初预算数 / 全年预算数, 偏差原因分析及改进措施; its words are the
 * shared vocabulary's (core/vocabulary.ts), its level-1 scheme and preset the defaults (RULES.md §5).
 */
export const CENTRAL: Family = {
  id: "central",
  name: { zh: "中央项目支出绩效自评表（财预〔2020〕10号）", en: "Central project expenditure self-evaluation form (Caiyu [2020] No. 10)" },
  detect: (s) =>
    (has(s, /^项目资金(\(万元\))?$/m) ? 3 : 0) +
    (header(s.fundsHeader, /^年初预算数$/) && header(s.fundsHeader, /^全年预算数$/) ? 3 : 0) +
    (header(s.indicatorHeader, /^偏差原因分析及改进措施$/) ? 3 : 0) +
    (has(s, /^年度资金总额$/m) ? 1 : 0),
  level1Scheme: true,
  blocks: false,
  preset: "central",
  budgetWeight: null,
};
