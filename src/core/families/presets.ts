import type { Preset } from "./family";

/** Presets of no one template (RULES.md §2): the provincial variants a setting may choose. */
export const OTHER_PRESETS: readonly Preset[] = [
  {
    id: "provincial-platform",
    name: { zh: "省级一体化平台（反向线性、超额 30% 扣 2 分、执行率封顶）", en: "Provincial platform (linear reverse, −2 at 30% over, cap by execution)" },
    settings: { reverseFormula: "linear", overachievementDeduction: 2, capTotalByExecutionRate: true },
  },
];
