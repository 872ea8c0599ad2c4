import { parseRange } from "../../src/core/a1";
import { CellValue } from "../../src/core/snapshot";
import { EtCell, FakeEtWorkbook } from "./fake-et";

/**
 * The WPS stand-in filled from a reference reading — never from our own xlsx reader — for the differential test:
 * exceljs's reading of a workbook, or the writer corpus's expected JSON (LibreOffice's values).
 */
const DAY_MS = 86_400_000;
const blank = (): EtCell => ({ value: "", format: "General", fill: { color: "#FFFFFF", pattern: "None" } });

/** A cell's value as Value2 would hold it, from exceljs's model of the cell. */
function exceljsValue(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS;
  const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: Array<{ text: string }>; error?: string; text?: unknown; hyperlink?: string };
  if (o.error) return o.error;
  if (o.richText) return o.richText.map((r) => r.text).join("");
  if (o.formula !== undefined || o.sharedFormula !== undefined) return exceljsValue(o.result ?? "");
  if (o.text !== undefined) return exceljsValue(o.text);
  return String(v);
}

export async function etFromExceljs(bytes: Buffer): Promise<FakeEtWorkbook> {
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const wb = new FakeEtWorkbook();
  book.eachSheet((ws) => {
    const sheet = wb.addSheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = exceljsValue(cell.value);
        const format = cell.numFmt || "General";
        const formula = (cell.value as { formula?: string } | null)?.formula;
        if (value === "" && format === "General") return;
        sheet.cells.set(cell.address, { ...blank(), value, format, ...(formula ? { formula: `=${formula}` } : {}) });
      }),
    );
    const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).map((m) => parseRange(m)).filter((m): m is NonNullable<typeof m> => m !== null);
    sheet.merges = merges;
    // a merged area holds its value at the master cell only
    for (const m of merges)
      for (const [a1] of [...sheet.cells]) {
        const at = parseRange(a1)!;
        if (at.top >= m.top && at.top <= m.bottom && at.left >= m.left && at.left <= m.right && !(at.top === m.top && at.left === m.left)) sheet.cells.delete(a1);
      }
  });
  return wb;
}

export interface CorpusSheet {
  name: string;
  cells: Record<string, { v: CellValue; percent?: boolean }>;
  merges: string[];
}

/** From the writer corpus's expected JSON: LibreOffice's values, a percent format where LibreOffice showed one. */
export function etFromCorpus(sheets: CorpusSheet[]): FakeEtWorkbook {
  const wb = new FakeEtWorkbook();
  for (const s of sheets) {
    const sheet = wb.addSheet(s.name);
    for (const [a1, c] of Object.entries(s.cells)) sheet.cells.set(a1, { ...blank(), value: c.v, format: c.percent ? "0%" : "General" });
    sheet.merges = s.merges.map((m) => parseRange(m)!).filter(Boolean);
  }
  return wb;
}
