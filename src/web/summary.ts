import { Lang } from "../core/options";
import { SummaryRow, summaryRowsOf } from "../core/summary-rows";
import { FileOutcome, fileJson } from "./pipeline";

/**
 * The page's batch summary: the rows of src/core/summary-rows.ts (the same `selfeval check FOLDER --summary` writes),
 * made from each file's `--json` entry as the page builds it. Pure.
 */
export type { RowStatus, SortKey, SummaryRow } from "../core/summary-rows";
export { COLUMN_LABEL, COUNT_ORDER, SORT_KEYS, checkedName, countLine, sortRows, verdictCounts } from "../core/summary-rows";

/** What the page keeps of a file in a batch: its summary rows in both languages, and why it cannot be read. */
export interface FileBrief {
  name: string;
  size: number;
  problem: FileOutcome["problem"];
  rows: Record<Lang, SummaryRow[]>;
  ms: number;
}

export function briefOf(o: FileOutcome): FileBrief {
  return { name: o.name, size: o.size, problem: o.problem, rows: { zh: summaryRows([o], "zh"), en: summaryRows([o], "en") }, ms: o.ms };
}

export function summaryRows(outcomes: FileOutcome[], lang: Lang): SummaryRow[] {
  return summaryRowsOf(outcomes.map((o) => ({ file: o.name, entry: fileJson(o, lang) })), lang);
}
