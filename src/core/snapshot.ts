/**
 * The workbook as the engine sees it: what Office.js returns for each sheet's used range.
 * Both adapters (Office.js in src/excel, exceljs in src/xlsx) produce exactly this shape.
 *
 * - `values[r][c]` is the raw value as Office.js gives it: number, string, boolean, or "" for a blank cell.
 *   Error values are their text ("#DIV/0!"). A merged area holds its value at the master (top-left) cell only.
 * - `formats[r][c]` is the cell's number format ("General", "0%", "yyyy-mm-dd"…).
 * - `top`/`left` are the 0-based row/column of values[0][0] on the sheet (the used range's first cell).
 * - `merges` use absolute 0-based coordinates, inclusive.
 */
export type CellValue = string | number | boolean;

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  top: number;
  left: number;
  values: CellValue[][];
  formats: string[][];
  merges: MergeArea[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Error values as Excel writes them. */
export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

export function isErrorValue(v: CellValue): boolean {
  return typeof v === "string" && v.startsWith("#") && ERROR_VALUES.includes(v.trim().toUpperCase());
}
