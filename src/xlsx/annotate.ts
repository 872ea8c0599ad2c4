import ExcelJS from "exceljs";
import { showDateTime } from "../core/present";
import { parseAddress, quoteSheet } from "../core/a1";
import { WorkbookReport } from "../core/engine";
import { Finding, SEVERITY_ORDER } from "../core/findings";
import { REPORT_SHEET_NAME, SEVERITY_FILL, SEVERITY_LABEL } from "../core/labels";
import { CheckOptions, Lang, resolveOptions } from "../core/options";
import { buildReport } from "../core/report";

/**
 * Marks a loaded workbook with a check's findings: a fill by the worst severity on each flagged cell, a note with
 * the messages, and a 校验报告 sheet listing every finding with a link to its cell. Replaces an existing report sheet.
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, report: WorkbookReport, lang: Lang, checkedAt: Date, options?: CheckOptions): void {
  const byCell = new Map<string, Finding[]>();
  for (const form of report.forms) {
    for (const f of form.findings) {
      if (!f.cell) continue;
      const key = `${f.sheet}!${f.cell}`;
      const list = byCell.get(key) ?? [];
      list.push(f);
      byCell.set(key, list);
    }
  }
  for (const list of byCell.values()) {
    const ws = wb.getWorksheet(list[0].sheet);
    const at = parseAddress(list[0].cell);
    if (!ws || !at) continue;
    const cell = ws.getCell(at.row + 1, at.col + 1);
    const worst = [...list].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0].severity;
    // exceljs shares one style object among cells loaded with the same style: give this cell its own.
    cell.style = { ...structuredClone(cell.style ?? {}), fill: { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[worst] } } };
    cell.note = list.map((f) => `[${SEVERITY_LABEL[lang][f.severity]}] ${f.message}`).join("\n");
  }
  writeReportSheet(wb, report, lang, checkedAt, options);
}

export function writeReportSheet(wb: ExcelJS.Workbook, report: WorkbookReport, lang: Lang, checkedAt: Date, options: CheckOptions = resolveOptions({ lang })): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(REPORT_SHEET_NAME);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(REPORT_SHEET_NAME);
  const sheet = buildReport(report, options, lang, showDateTime(checkedAt)); // local time, as the pane writes it
  sheet.rows.forEach((r) => ws.addRow(r));
  for (const b of sheet.bold) ws.getRow(b + 1).font = { bold: true };
  for (const l of sheet.links) {
    const cell = ws.getCell(l.row + 1, l.col + 1);
    cell.value = { text: l.text, hyperlink: `#${quoteSheet(l.sheet)}!${l.address}` };
    cell.font = { color: { argb: "FF0563C1" }, underline: true };
  }
  // for print: the widths and wrapping of src/core/report.ts, A4 landscape
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.wrap) col.alignment = { wrapText: true, vertical: "top" };
  });
  ws.pageSetup = { ...ws.pageSetup, orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return ws;
}
