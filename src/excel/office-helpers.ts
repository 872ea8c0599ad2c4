/**
 * The only module that touches @microsoft/office-js-helpers (archived in 2020, typings need skipLibCheck).
 * Drop it by rewriting these three functions.
 */
import { ExcelUtilities, HostType, Utilities } from "@microsoft/office-js-helpers";

/** Whether the page runs as an add-in inside Excel (after Office.onReady). */
export function runningInExcel(): boolean {
  try {
    return Utilities.host === HostType.EXCEL;
  } catch {
    return false;
  }
}

/** "PC", "MAC", "OFFICE_ONLINE", "IOS", or null outside Office. */
export function officePlatform(): string | null {
  try {
    return Utilities.platform ?? null;
  } catch {
    return null;
  }
}

/** The sheet of that name, emptied if it exists, added if not: one sheet, never a duplicate. */
export function createOrClearSheet(context: Excel.RequestContext, name: string): Promise<Excel.Worksheet> {
  return ExcelUtilities.forceCreateSheet(context.workbook, name, true);
}
