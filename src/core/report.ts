import { WorkbookReport } from "./engine";
import { SEVERITY_LABEL } from "./labels";
import { CheckOptions, Lang } from "./options";
import { formatPercent } from "./parse";
import { VERDICT_LABEL } from "./outcome";
import { allFindings, gradeWord, roundShown, ruleTitle } from "./present";
import { rulesInForce } from "./settings";
import { acknowledgedOf } from "./acknowledged";
import { CellValue } from "./snapshot";

/**
 * The 校验报告 sheet, as rows: the date, the settings used, each form's key figures and grade, and every finding with
 * a link to its cell. Shared by the add-in (生成校验报告) and the CLI (--out). Pure: the same report, settings and date
 * always give the same rows.
 */
export interface ReportSheet {
  rows: CellValue[][];
  /** cells that link to a finding's cell: 0-based row/col in `rows` */
  links: Array<{ row: number; col: number; sheet: string; address: string; text: string }>;
  /** rows to set bold (titles and headers) */
  bold: number[];
  /** for printing: each column's width (in characters, Excel's column width unit) and whether its text wraps */
  columns: Array<{ width: number; wrap: boolean }>;
}

/**
 * Column widths for print: A holds sheet names and setting names, C the project names and the findings' messages
 * (wide, wrapped), the rest short figures.
 */
export const REPORT_COLUMNS: ReportSheet["columns"] = [
  { width: 22, wrap: true },
  { width: 12, wrap: false },
  { width: 48, wrap: true },
  { width: 10, wrap: false },
  { width: 16, wrap: true },
  { width: 10, wrap: false },
  { width: 10, wrap: false },
  { width: 22, wrap: false },
  { width: 6, wrap: false },
  { width: 6, wrap: false },
  { width: 6, wrap: false },
  { width: 6, wrap: false },
];

/** A width in characters (Excel's unit) in points (Office.js's unit): the default 8.43 characters are 48 points. */
export function columnPoints(chars: number): number {
  return Math.round(chars * 5.7);
}


export function settingsLines(o: CheckOptions, lang: Lang): Array<[string, string]> {
  const zh = lang === "zh";
  const pct = (n: number) => formatPercent(n, 0);
  return [
    [zh ? "超额完成须说明的阈值" : "Over-achievement threshold", pct(o.overachievementThreshold)],
    [zh ? "超额扣分" : "Over-achievement deduction", String(o.overachievementDeduction)],
    [zh ? "反向指标公式" : "Reverse formula", o.reverseFormula === "ratio" ? (zh ? "A÷B×分值" : "A÷B×w") : zh ? "(1−(B−A)÷A)×分值" : "(1−(B−A)÷A)×w"],
    [zh ? "定性指标分档" : "Qualitative tiers", `${pct(o.qualitativeTiers.achieved)}/${pct(o.qualitativeTiers.partly)}`],
    [zh ? "按执行率封顶总分" : "Cap total by execution rate", o.capTotalByExecutionRate ? (zh ? "是" : "yes") : zh ? "否" : "no"],
    [zh ? "执行率须说明原因的下限" : "Execution rate needing a reason below", pct(o.lowExecutionThreshold)],
    [zh ? "四舍五入视为一致" : "Rounded scores are consistent", o.acceptRounding ? (zh ? "是" : "yes") : zh ? "否" : "no"],
    [
      zh ? "一级指标默认权重" : "Default level-1 weights",
      `${o.level1Weights.output}/${o.level1Weights.outcome}/${o.level1Weights.satisfaction}/${o.level1Weights.budget}`,
    ],
  ];
}


export function buildReport(report: WorkbookReport, options: CheckOptions, lang: Lang, checkedAt: string): ReportSheet {
  const zh = lang === "zh";
  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const links: ReportSheet["links"] = [];
  bold.push(rows.length);
  rows.push([zh ? "绩效自评校验报告" : "Self-evaluation check report"]);
  rows.push([zh ? "校验时间" : "Checked at", checkedAt]);
  rows.push([]);
  bold.push(rows.length);
  rows.push([zh ? "校验设置" : "Settings"]);
  for (const [k, v] of settingsLines(options, lang)) rows.push([k, v]);
  rows.push([]);
  bold.push(rows.length);
  rows.push(
    zh
      ? ["工作表", "范围", "项目名称", "结论", "执行率", "预算得分", "填写总分", "得分合计", "重算总分", "等级", "错误", "警告", "提示", "模板", "预设"]
      : ["Sheet", "Range", "Project", "Verdict", "Execution rate", "Budget score", "Written total", "Sum of scores", "Recalculated total", "Grade", "Errors", "Warnings", "Info", "Template", "Preset"],
  );
  for (const f of report.forms) {
    // the verdict and figures the core decided (src/core/outcome.ts): 未校验 where a section was not checked
    const v = f.verdict;
    const off = f.checked && (v.kind === "not-checked" || v.kind === "unfilled" || f.unchecked.length > 0) ? (zh ? "未校验" : "not checked") : "";
    const num = (x: number | null) => (x === null ? off : roundShown(x));
    rows.push([
      f.sheet,
      f.range,
      f.projectName ?? (f.kind === "department" ? (zh ? "（部门整体支出，未校验）" : "(department form, not checked)") : ""),
      VERDICT_LABEL[lang][v.kind],
      v.figures.executionRate === null ? off : formatPercent(v.figures.executionRate),
      num(v.figures.budgetScore),
      v.figures.writtenTotal === null ? "" : roundShown(v.figures.writtenTotal),
      f.checked ? num(v.figures.sumOfScores) : "",
      f.checked ? num(v.figures.recalculatedTotal) : "",
      v.grade ? gradeWord(v.grade, lang) : "",
      v.counts.error,
      v.counts.warning,
      v.counts.info,
      f.template ? (zh ? "模板：" : "Template: ") + (f.template.id === "unknown" && f.kind === "project" ? (zh ? "未识别" : "not recognised") : f.template.name) : "",
      f.preset && f.checked ? rulesInForce(f.preset, lang) : "",
    ]);
  }
  if (report.forms.length === 0) rows.push([zh ? "没有找到项目支出绩效自评表" : "No self-evaluation form found"]);
  rows.push([]);
  bold.push(rows.length);
  // in Chinese the problem's name says it: no column of English rule ids beside it (the English sheet keeps the id)
  rows.push(zh ? ["工作表", "单元格", "说明", "严重程度", "问题", "应为", "填写的是"] : ["Sheet", "Cell", "Message", "Severity", "Problem", "Expected", "Written", "Rule id"]);
  for (const f of allFindings(report)) {
    if (f.sheet && f.cell) links.push({ row: rows.length, col: 1, sheet: f.sheet, address: f.cell, text: f.cell });
    const v = (x: number | string | null | undefined) => (x === null || x === undefined ? "" : typeof x === "number" ? (f.valueFormat === "percent" ? formatPercent(x) : roundShown(x)) : x);
    rows.push([f.sheet, f.cell, f.message, SEVERITY_LABEL[lang][f.severity], ruleTitle(f.rule, lang), v(f.expected), v(f.actual), ...(zh ? [] : [f.rule])]);
  }
  // the warnings the clerk confirmed (已核对, core/acknowledge.ts): apart, each with its reason and date
  const acknowledged = acknowledgedOf(report);
  if (acknowledged.length > 0) {
    rows.push([]);
    bold.push(rows.length);
    rows.push([zh ? `已核对的警告（${acknowledged.length} 个）` : `Warnings confirmed (${acknowledged.length})`]);
    bold.push(rows.length);
    rows.push(zh ? ["工作表", "单元格", "说明", "核对理由", "问题", "核对日期", "", "规则编号"] : ["Sheet", "Cell", "Message", "Reason", "Problem", "Confirmed on", "", "Rule id"]);
    for (const a of acknowledged) {
      if (a.sheet && a.cell) links.push({ row: rows.length, col: 1, sheet: a.sheet, address: a.cell, text: a.cell });
      rows.push([a.sheet, a.cell, a.message, a.reason, ruleTitle(a.rule, lang), a.date, "", a.rule]);
    }
  }
  return { rows, links, bold, columns: REPORT_COLUMNS };
}
