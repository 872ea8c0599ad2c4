import ExcelJS from "exceljs";
import { CellValue, MergeArea, PlacedCell, SheetSnapshot, WorkbookSnapshot, snapshotFromCells } from "../core/snapshot";

/**
 * The exceljs adapter: an .xlsx workbook → the engine's snapshot, normalised to what Office.js returns for
 * `getUsedRange(true)` (values only): raw values with their number formats, a merged area's value at its master only,
 * dates as serial numbers, formulas as their cached results, errors as their text.
 */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

type AnyValue = ExcelJS.CellValue | undefined;

export function toCellValue(v: AnyValue): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("error" in o && typeof o.error === "string") return o.error;
    if ("richText" in o && Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join("");
    if ("formula" in o || "sharedFormula" in o) return toCellValue(o.result as AnyValue);
    if ("text" in o && "hyperlink" in o) return toCellValue(o.text as AnyValue);
  }
  return "";
}

export function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges: MergeArea[] = [];
  const mergeMap = (ws as unknown as { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  for (const m of Object.values(mergeMap)) {
    merges.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  // Collect the cells holding a value (merge slaves hold none, as in Office).
  const cells: PlacedCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = toCellValue(cell.value);
      if (v === "") return;
      cells.push({ r: rowNumber - 1, c: colNumber - 1, v, f: cell.numFmt || "General" });
    });
  });
  return snapshotFromCells(ws.name, cells, merges);
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: wb.worksheets.map(sheetSnapshot) };
}

export async function readXlsx(buffer: Buffer | ArrayBuffer): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as ArrayBuffer);
  return { workbook, snapshot: workbookSnapshot(workbook) };
}
