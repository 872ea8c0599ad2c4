/**
 * One pass over a located form: every cell it needs parsed once, every figure recalculated once. The rules only read
 * this. The entry point of core/analyse/ (split along the pipeline; see analyse/form.ts).
 */
export type { BlockAnalysis, BudgetAnalysis, FormAnalysis, IndicatorAnalysis, UncheckedSection, ValueCell } from "./analyse/types";
export { isExplanation, rateValue } from "./analyse/cells";
export { analyseForm } from "./analyse/form";
