import { Lang } from "../core/options";
import { SummaryRow, summaryRowsOf } from "../core/summary-rows";
import { FileOutcome, fileJson } from "./pipeline";

/**
 * The page's batch summary: the rows of src/core/summary-rows.ts (the same `selfeval check FOLDER --summary` writes),
 * made from each file's `--json` entry as the page builds it. Pure.
 */
export type { RowStatus, SortKey, SummaryRow } from "../core/summary-rows";
export { COLUMN_LABEL, COUNT_ORDER, SORT_KEYS, checkedName, countLine, sortRows, verdictCounts } from "../core/summary-rows";

export function summaryRows(outcomes: FileOutcome[], lang: Lang): SummaryRow[] {
  return summaryRowsOf(outcomes.map((o) => ({ file: o.name, entry: fileJson(o, lang) })), lang);
}
