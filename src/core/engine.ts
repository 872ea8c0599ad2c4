import { address, rangeAddress } from "./a1";
import { FormAnalysis, analyseForm } from "./analyse";
import { Finding, RuleContext, SEVERITY_ORDER, Severity, r4 } from "./findings";
import { Grid } from "./grid";
import { REPORT_SHEET_NAME } from "./labels";
import { FormLayout, locateForms } from "./locate";
import { CheckOptions, resolveOptions } from "./options";
import { Grade } from "./scoring";
import { WorkbookSnapshot } from "./snapshot";
import { RULES } from "./rules";

/** What a check says about one form: the shape of the CLI's JSON. */
export interface FormReport {
  sheet: string;
  range: string;
  kind: "project" | "department";
  checked: boolean;
  projectName: string | null;
  year: number | null;
  budget: { executionRate: number | null; score: number | null };
  totals: { weights: number; reportedScore: number | null; sumOfScores: number; recalculatedScore: number };
  grade: Grade | null;
  counts: Record<Severity, number>;
  findings: Finding[];
}

export interface WorkbookReport {
  forms: FormReport[];
  /** findings about the workbook rather than one form */
  findings: Finding[];
}

export interface CheckResult {
  report: WorkbookReport;
  /** the analysis behind each checked form, for write-back (same order as report.forms) */
  analyses: Array<FormAnalysis | null>;
}

/** Checks every form of a workbook snapshot. Pure: the same snapshot and options always give the same report. */
export function checkWorkbook(wb: WorkbookSnapshot, partial?: Partial<CheckOptions>): WorkbookReport {
  return runCheck(wb, partial).report;
}

export function runCheck(wb: WorkbookSnapshot, partial?: Partial<CheckOptions>): CheckResult {
  const options = resolveOptions(partial);
  const say = (zh: string, en: string) => (options.lang === "en" ? en : zh);
  const forms: FormReport[] = [];
  const analyses: Array<FormAnalysis | null> = [];
  const wbFindings: Finding[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.name === REPORT_SHEET_NAME) continue; // our own report lists findings, it is not a form
    if (sheet.clipped) {
      const far = address(sheet.clipped.farthest.row, sheet.clipped.farthest.col);
      const n = sheet.clipped.cells;
      wbFindings.push({
        rule: "sheet-clipped",
        severity: "warning",
        sheet: sheet.name,
        cell: far,
        message: say(
          `工作表“${sheet.name}”的内容延伸到 ${far}，远离其余内容；${n > 0 ? `这 ${n} 个远处单元格` : "超出部分"}未校验。若无用，请删除这些单元格。`,
          `The sheet "${sheet.name}" reaches ${far}, far from the rest; ${n > 0 ? `those ${n} far cells were` : "the part beyond was"} not checked. Delete them if they are not needed.`,
        ),
      });
    }
    const grid = new Grid(sheet);
    for (const layout of locateForms(grid)) {
      if (layout.kind === "department") {
        forms.push(departmentReport(layout, say));
        analyses.push(null);
        continue;
      }
      const analysis = analyseForm(grid, layout, options);
      forms.push(formReport(analysis, options, say));
      analyses.push(analysis);
    }
  }
  if (forms.length === 0) {
    wbFindings.push({
      rule: "no-form",
      severity: "warning",
      sheet: "",
      cell: "",
      message: say(
        "工作簿中没有找到项目支出绩效自评表（按“项目名称”“年度资金总额”“一级指标”“总分”等标签查找）。",
        "No 项目支出绩效自评表 was found in the workbook (looked for the labels 项目名称, 年度资金总额, 一级指标, 总分).",
      ),
    });
  }
  return { report: { forms, findings: wbFindings }, analyses };
}

function countOf(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function departmentReport(layout: FormLayout, say: (zh: string, en: string) => string): FormReport {
  const at = layout.titleCell ?? { row: layout.top, col: layout.left };
  const findings: Finding[] = [
    {
      rule: "unsupported-form",
      severity: "info",
      sheet: layout.sheet,
      cell: address(at.row, at.col),
      message: say("这是部门整体支出绩效自评表，规则不同，未校验。", "This is a 部门整体支出绩效自评表 (whole-department form): other rules apply, not checked."),
    },
  ];
  return {
    sheet: layout.sheet,
    range: rangeAddress(layout.top, layout.left, layout.bottom, layout.right),
    kind: "department",
    checked: false,
    projectName: null,
    year: layout.year,
    budget: { executionRate: null, score: null },
    totals: { weights: 0, reportedScore: null, sumOfScores: 0, recalculatedScore: 0 },
    grade: null,
    counts: countOf(findings),
    findings,
  };
}

function formReport(form: FormAnalysis, options: CheckOptions, say: (zh: string, en: string) => string): FormReport {
  const layout = form.layout;
  const raw: Array<{ f: Finding; row: number; col: number; order: number }> = [];
  const seen = new Set<string>();
  RULES.forEach((rule, order) => {
    const ctx: RuleContext = {
      form,
      options,
      say,
      report(f) {
        const cell = address(f.at.row, f.at.col);
        const key = `${rule.id}@${cell}@${f.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        const finding: Finding = { rule: rule.id, severity: f.severity, sheet: layout.sheet, cell, message: f.message };
        if (f.expected !== undefined) finding.expected = f.expected;
        if (f.actual !== undefined) finding.actual = f.actual;
        if (f.valueFormat) finding.valueFormat = f.valueFormat;
        if (f.hint) finding.hint = f.hint;
        raw.push({ f: finding, row: f.at.row, col: f.at.col, order });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule must never take the check down with it: report and go on.
      raw.push({
        f: {
          rule: rule.id,
          severity: "error",
          sheet: layout.sheet,
          cell: address(layout.top, layout.left),
          message: say(`规则 ${rule.id} 内部错误：${(e as Error).message}`, `Rule ${rule.id} failed internally: ${(e as Error).message}`),
        },
        row: layout.top,
        col: layout.left,
        order,
      });
    }
  });
  raw.sort((a, b) => a.row - b.row || a.col - b.col || a.order - b.order);
  const findings = raw.map((x) => x.f);
  const b = form.budget;
  return {
    sheet: layout.sheet,
    range: rangeAddress(layout.top, layout.left, layout.bottom, layout.right),
    kind: "project",
    checked: true,
    projectName: layout.projectName,
    year: layout.year,
    budget: {
      executionRate: b?.computedRate == null ? null : r4(b.computedRate),
      score: b?.computedScore == null ? null : r4(b.computedScore),
    },
    totals: {
      weights: r4(form.weights),
      reportedScore: form.totalScore?.value ?? null,
      sumOfScores: r4(form.sumOfScores),
      recalculatedScore: r4(form.recalculatedScore),
    },
    grade: form.grade,
    counts: countOf(findings),
    findings,
  };
}

export function sortBySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
