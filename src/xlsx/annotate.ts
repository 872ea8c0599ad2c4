import ExcelJS from "exceljs";
import { parseAddress } from "../core/a1";
import { WorkbookReport } from "../core/engine";
import { Finding, SEVERITY_ORDER } from "../core/findings";
import { REPORT_SHEET_NAME, SEVERITY_FILL, SEVERITY_LABEL } from "../core/labels";
import { Lang } from "../core/options";
import { formatPercent } from "../core/parse";

/**
 * Marks a loaded workbook with a check's findings: a fill by the worst severity on each flagged cell, a note with
 * the messages, and a 校验报告 sheet listing every finding with a link to its cell. Replaces an existing report sheet.
 */
export function annotateWorkbook(wb: ExcelJS.Workbook, report: WorkbookReport, lang: Lang, checkedAt: Date): void {
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
  writeReportSheet(wb, report, lang, checkedAt);
}

export function writeReportSheet(wb: ExcelJS.Workbook, report: WorkbookReport, lang: Lang, checkedAt: Date): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(REPORT_SHEET_NAME);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(REPORT_SHEET_NAME);
  const zh = lang === "zh";
  ws.addRow([zh ? "绩效自评校验报告" : "Self-evaluation check report"]).font = { bold: true, size: 14 };
  ws.addRow([zh ? "校验时间" : "Checked at", checkedAt.toISOString()]);
  ws.addRow([]);
  ws.addRow(zh ? ["工作表", "范围", "项目名称", "执行率", "预算得分", "填写总分", "得分合计", "重算总分", "等级", "错误", "警告", "提示"] : ["Sheet", "Range", "Project", "Execution rate", "Budget score", "Written total", "Sum of scores", "Recalculated total", "Grade", "Errors", "Warnings", "Info"]).font = { bold: true };
  for (const f of report.forms) {
    ws.addRow([
      f.sheet,
      f.range,
      f.projectName ?? (f.kind === "department" ? (zh ? "（部门整体支出，未校验）" : "(department form, not checked)") : ""),
      f.budget.executionRate === null ? "" : formatPercent(f.budget.executionRate),
      f.budget.score ?? "",
      f.totals.reportedScore ?? "",
      f.totals.sumOfScores,
      f.totals.recalculatedScore,
      f.grade ?? "",
      f.counts.error,
      f.counts.warning,
      f.counts.info,
    ]);
  }
  ws.addRow([]);
  ws.addRow(zh ? ["工作表", "单元格", "严重程度", "规则", "说明", "应为", "实为"] : ["Sheet", "Cell", "Severity", "Rule", "Message", "Expected", "Actual"]).font = { bold: true };
  const all = [...report.findings, ...report.forms.flatMap((f) => f.findings)];
  for (const f of all) {
    const row = ws.addRow([f.sheet, f.cell, SEVERITY_LABEL[lang][f.severity], f.rule, f.message, f.expected ?? "", f.actual ?? ""]);
    if (f.sheet && f.cell) {
      row.getCell(2).value = { text: f.cell, hyperlink: `#'${f.sheet.replace(/'/g, "''")}'!${f.cell}` };
      row.getCell(2).font = { color: { argb: "FF0563C1" }, underline: true };
    }
    row.getCell(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[f.severity] } };
  }
  ws.getColumn(1).width = 14;
  ws.getColumn(3).width = 30;
  ws.getColumn(5).width = 70;
  return ws;
}
