/**
 * What this Excel can do, asked once at run time: newer requirement sets are used where present and
 * the add-in degrades where they are not (the manifest asks only for ExcelApi 1.7). Every level below is the
 * `[Api set: ExcelApi x]` of the API in Microsoft's reference (@types/office-js); the fake host enforces the same table.
 */
export interface Capabilities {
  /** the highest ExcelApi level found (1.7 … 1.20), for messages and the README's table */
  level: string;
  /** Range.getMergedAreasOrNullObject — ExcelApi 1.13 */
  merges: boolean;
  /** notes (Workbook.notes) — ExcelApi 1.18 */
  notes: boolean;
  /** threaded comments — ExcelApi 1.10 (used for messages where notes are missing) */
  comments: boolean;
  /** CommentCollection.getItemOrNullObject — ExcelApi 1.14 (before it, a comment is deleted only when known to exist) */
  commentOrNull: boolean;
  /** RangeFill.pattern, to tell "no fill" from white — ExcelApi 1.9 */
  fillPattern: boolean;
  /** Application.suspendScreenUpdatingUntilNextSync — ExcelApi 1.9 */
  screenUpdating: boolean;
  /** Worksheet.onChanged and WorksheetCollection.onAdded/onDeleted for live mode — ExcelApi 1.7 */
  events: boolean;
  /** WorksheetCollection.onChanged: one handler for every sheet, sheets added later included — ExcelApi 1.9 */
  collectionChanged: boolean;
  /** WorksheetChangedEventArgs.triggerSource: our own writes say "ThisLocalAddin" — ExcelApi 1.14 */
  triggerSource: boolean;
  /** Excel.run({ mergeUndoGroup: true }): every sync of one run is one step of Excel's own undo — ExcelApi 1.20 */
  undoGroups: boolean;
}

export const MINIMUM_EXCEL_API = "1.7";
const LEVELS = ["1.20", "1.19", "1.18", "1.17", "1.16", "1.15", "1.14", "1.13", "1.12", "1.11", "1.10", "1.9", "1.8", "1.7"];

export function detectCapabilities(office: typeof Office | undefined = typeof Office === "undefined" ? undefined : Office): Capabilities {
  const has = (v: string) => {
    try {
      return !!office?.context?.requirements?.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return {
    level: LEVELS.find(has) ?? "1.7",
    merges: has("1.13"),
    notes: has("1.18"),
    comments: has("1.10"),
    commentOrNull: has("1.14"),
    fillPattern: has("1.9"),
    screenUpdating: has("1.9"),
    events: has("1.7"),
    collectionChanged: has("1.9"),
    triggerSource: has("1.14"),
    undoGroups: has("1.20"),
  };
}
