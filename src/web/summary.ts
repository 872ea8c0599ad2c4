import { FormReport } from "../core/engine";
import { Lang } from "../core/options";
import { FileVerdictKind, VERDICT_LABEL, VERDICT_ORDER, countBySeverity } from "../core/outcome";
import { PROBLEM_HINT } from "./errors";
import { FileOutcome } from "./pipeline";

/**
 * The batch summary: one row per form (a file without a form, or that cannot be read, gets one row saying so),
 * sortable by any column. Pure: the table on the page and the 汇总 workbook are both made from these rows.
 */
export type RowStatus = "checked" | "department" | "no-form" | "unreadable";

export interface SummaryRow {
  /** index of the file in the batch */
  fileIndex: number;
  file: string;
  /** the project's name, or what stands in for it */
  form: string;
  sheet: string | null;
  /** the form's first cell, A1 (the link target) */
  cell: string | null;
  template: string;
  /** the form's verdict (src/core/outcome.ts); a file without a form or that cannot be read gets its own */
  verdict: FileVerdictKind;
  /** the verdict's one line, as the pane and the CLI say it */
  verdictText: string;
  rate: number | null;
  written: number | null;
  recalculated: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  status: RowStatus;
  /** for a file that cannot be checked: what to do, in a few words */
  note: string;
}

export type SortKey = "file" | "form" | "verdict" | "template" | "rate" | "written" | "recalculated" | "grade" | "errors" | "warnings";
export const SORT_KEYS: SortKey[] = ["file", "form", "verdict", "template", "rate", "written", "recalculated", "grade", "errors", "warnings"];

export const COLUMN_LABEL: Record<Lang, Record<SortKey, string>> = {
  zh: { file: "文件", form: "表（项目）", verdict: "结论", template: "模板", rate: "执行率", written: "填写总分", recalculated: "重算总分", grade: "等级", errors: "错误", warnings: "警告" },
  en: { file: "File", form: "Form (project)", verdict: "Verdict", template: "Template", rate: "Execution rate", written: "Written total", recalculated: "Recalculated total", grade: "Grade", errors: "Errors", warnings: "Warnings" },
};

const WORDS = {
  zh: { unnamed: "（未填写项目名称）", department: "部门整体支出绩效自评表（未校验）", noForm: "未找到项目支出绩效自评表", project: "项目支出", dept: "部门整体支出", unreadable: "无法校验" },
  en: { unnamed: "(no project name)", department: "whole-department form (not checked)", noForm: "no 项目支出绩效自评表 found", project: "project expenditure", dept: "whole department", unreadable: "cannot be checked" },
};

/** The form's template family as the engine recognised it (its name in the report's language). */
function templateOf(f: FormReport, lang: Lang): string {
  if (f.template?.name) return f.template.name;
  return f.kind === "department" ? WORDS[lang].dept : WORDS[lang].project;
}

export function summaryRows(outcomes: FileOutcome[], lang: Lang): SummaryRow[] {
  const w = WORDS[lang];
  const rows: SummaryRow[] = [];
  outcomes.forEach((o, fileIndex) => {
    const base = { fileIndex, file: o.name };
    if (!o.reports) {
      const hint = o.problem ? PROBLEM_HINT[o.problem.kind][lang] : w.unreadable;
      // not a form with one error: a verdict of its own (无法读取), its reason in the note
      rows.push({ ...base, form: hint, sheet: null, cell: null, template: "", verdict: "unreadable", verdictText: VERDICT_LABEL[lang].unreadable, rate: null, written: null, recalculated: null, grade: null, errors: 0, warnings: 0, status: "unreadable", note: o.problem ? o.problem[lang] : hint });
      return;
    }
    const r = o.reports[lang];
    // findings about the workbook rather than a form count on the file's first row
    const { error: wbErrors, warning: wbWarnings } = countBySeverity(r.findings);
    if (r.forms.length === 0) {
      rows.push({ ...base, form: w.noForm, sheet: null, cell: null, template: "", verdict: r.verdict.kind, verdictText: r.verdict.text, rate: null, written: null, recalculated: null, grade: null, errors: wbErrors, warnings: wbWarnings, status: "no-form", note: r.findings.map((f) => f.message).join(" ") });
      return;
    }
    r.forms.forEach((f, i) => {
      const errors = f.counts.error + (i === 0 ? wbErrors : 0);
      rows.push({
        ...base,
        form: f.kind === "department" ? w.department : (f.projectName ?? w.unnamed),
        sheet: f.sheet,
        cell: f.range.split(":")[0],
        template: templateOf(f, lang),
        // what the core decided for the form, as every surface shows it
        verdict: f.verdict.kind,
        verdictText: f.verdict.text,
        rate: f.verdict.figures.executionRate,
        written: f.verdict.figures.writtenTotal,
        recalculated: f.verdict.figures.recalculatedTotal,
        grade: f.verdict.grade,
        errors,
        warnings: f.counts.warning + (i === 0 ? wbWarnings : 0),
        status: f.checked ? "checked" : "department",
        note: "",
      });
    });
  });
  return rows;
}

const GRADE_ORDER: Record<string, number> = { 优: 0, 良: 1, 中: 2, 差: 3 };
const collator = typeof Intl !== "undefined" && Intl.Collator ? new Intl.Collator("zh-CN", { numeric: true }) : null;

function compareValues(a: SummaryRow, b: SummaryRow, key: SortKey): number {
  const x = a[key];
  const y = b[key];
  // empty cells last in either direction is handled by the caller
  if (key === "grade") return (GRADE_ORDER[x as string] ?? 9) - (GRADE_ORDER[y as string] ?? 9);
  // worst first: 无法读取, 需修改, 未填写, 未校验, 未找到表格, 可以提交
  if (key === "verdict") return VERDICT_ORDER.indexOf(x as FileVerdictKind) - VERDICT_ORDER.indexOf(y as FileVerdictKind);
  if (typeof x === "number" && typeof y === "number") return x - y;
  const s = String(x ?? "");
  const t = String(y ?? "");
  return collator ? collator.compare(s, t) : s < t ? -1 : s > t ? 1 : 0;
}

function isEmpty(r: SummaryRow, key: SortKey): boolean {
  const v = r[key];
  return v === null || v === "";
}

/** Sorted copy: by the key, ties kept in batch order; empty values (—) last in both directions. */
export function sortRows(rows: SummaryRow[], key: SortKey, dir: "asc" | "desc"): SummaryRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ea = isEmpty(a.r, key);
      const eb = isEmpty(b.r, key);
      if (ea !== eb) return ea ? 1 : -1;
      return (ea ? 0 : sign * compareValues(a.r, b.r, key)) || a.i - b.i;
    })
    .map((x) => x.r);
}

/** The file name of the annotated copy, as `selfeval check --out` names it (a macro-enabled workbook stays .xlsm). */
export function checkedName(file: string): string {
  const ext = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  return `${file.replace(/\.xls[xm]$/i, "")}.checked${ext}`;
}
