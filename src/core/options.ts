/**
 * Every policy choice of RULES.md §2, as one options object. Defaults are the central rules.
 */
export type Lang = "zh" | "en";

export interface CheckOptions {
  /** Language of finding messages. */
  lang: Lang;
  /** Actual above target by more than this fraction needs an explanation (0.3 = 30%). */
  overachievementThreshold: number;
  /** Points deducted from an indicator that over-achieves beyond the threshold (0 = none; one provincial manual: 2). */
  overachievementDeduction: number;
  /** Reverse indicators (≤) that miss: "ratio" A÷B×w (central, Hubei) or "linear" (1−(B−A)÷A)×w, 0 at B ≥ 2A. */
  reverseFormula: "ratio" | "linear";
  /** Qualitative tiers as fractions of the weight: achieved from `achieved`, partly from `partly` (80/60; Hubei 80/50). */
  qualitativeTiers: { achieved: number; partly: number };
  /** Cap the total by execution rate (some provinces): 70–80% → ≤89, 60–70% → ≤79, <60% → ≤69, <50% → ≤59. */
  capTotalByExecutionRate: boolean;
  /** Execution rate below this needs a reason where the form has a reason cell. */
  lowExecutionThreshold: number;
  /** Default level-1 weights; a difference is a warning. */
  level1Weights: { budget: number; output: number; outcome: number; satisfaction: number };
  /** Year assumed for dates written without one, when the form's year is unknown. */
  defaultYear: number;
}

export const DEFAULT_OPTIONS: CheckOptions = {
  lang: "zh",
  overachievementThreshold: 0.3,
  overachievementDeduction: 0,
  reverseFormula: "ratio",
  qualitativeTiers: { achieved: 0.8, partly: 0.6 },
  capTotalByExecutionRate: false,
  lowExecutionThreshold: 0.9,
  level1Weights: { budget: 10, output: 50, outcome: 30, satisfaction: 10 },
  defaultYear: new Date().getFullYear() - 1,
};

export function resolveOptions(partial?: Partial<CheckOptions>): CheckOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...(partial ?? {}),
    qualitativeTiers: { ...DEFAULT_OPTIONS.qualitativeTiers, ...(partial?.qualitativeTiers ?? {}) },
    level1Weights: { ...DEFAULT_OPTIONS.level1Weights, ...(partial?.level1Weights ?? {}) },
  };
}
