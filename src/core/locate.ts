/**
 * Form location: finds every 项目支出绩效自评表 on a sheet by its labels and maps its columns by header text.
 * The entry point of core/locate/ (split along the pipeline; see locate/form.ts).
 */
export type { CellRef, FormLayout, FormTail, FundsColumn, FundsLayout, IndicatorBlock, IndicatorColumn, IndicatorRowLayout, IndicatorsLayout } from "./locate/types";
export { locateForms } from "./locate/form";
