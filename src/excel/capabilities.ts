/**
 * What this Excel can do, asked once at run time: newer requirement sets are used where present and
 * the add-in degrades where they are not (the manifest asks only for ExcelApi 1.7).
 */
export interface Capabilities {
  /** Range.getMergedAreasOrNullObject — ExcelApi 1.13 */
  merges: boolean;
  /** notes (Workbook.notes) — ExcelApi 1.18 */
  notes: boolean;
  /** threaded comments — ExcelApi 1.10 (used for messages where notes are missing) */
  comments: boolean;
  /** RangeFill.pattern, to tell "no fill" from white — ExcelApi 1.9 */
  fillPattern: boolean;
  /** Worksheet.onChanged for live mode — ExcelApi 1.9 */
  events: boolean;
}

export const MINIMUM_EXCEL_API = "1.7";

export function detectCapabilities(office: typeof Office | undefined = typeof Office === "undefined" ? undefined : Office): Capabilities {
  const has = (v: string) => {
    try {
      return !!office?.context?.requirements?.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  return { merges: has("1.13"), notes: has("1.18"), comments: has("1.10"), fillPattern: has("1.9"), events: has("1.9") };
}
