import { FormReport } from "./engine";
import { FileEntry } from "./file-json";
import { Lang } from "./options";
import { FileVerdictKind, VERDICT_LABEL, VERDICT_ORDER, countBySeverity } from "./outcome";

/**
 * The batch summary, decided once for the web page's table and for 汇总.xlsx (the page's download and
 * `selfeval check FOLDER --summary`): one row per form — a file without a form, or that cannot be read, gets one row
 * saying so — built from each file's `--json` entry (src/core/file-json.ts), so the CLI and the page, which both
 * have that entry, get the same rows. The count line (n 可以提交 · n 需修改 · …) counts these rows. Pure.
 */
export type RowStatus = "checked" | "department" | "no-form" | "unreadable";

export interface SummaryRow {
  /** index of the file in the batch */
  fileIndex: number;
  /** the file's name in the batch (its path below the folder for the CLI) */
  file: string;
  /** the project's name, or what stands in for it (empty for a file that cannot be read: its reason is the note) */
  form: string;
  sheet: string | null;
  /** the form's first cell, A1 (the link target) */
  cell: string | null;
  template: string;
  /** the form's verdict (src/core/outcome.ts); a file without a form or that cannot be read gets its own */
  verdict: FileVerdictKind;
  /** the verdict's one line, as the pane and the CLI say it */
  verdictText: string;
  /** the top problem (the form's verdict.top): "sheet!cell message", or "" */
  top: string;
  rate: number | null;
  written: number | null;
  recalculated: number | null;
  grade: string | null;
  errors: number;
  warnings: number;
  status: RowStatus;
  /** for a file that cannot be checked: its reason; for one without a form: what was found */
  note: string;
  /** warnings the clerk confirmed on the form (已核对, core/acknowledge.ts) */
  acknowledged: number;
  /** those warnings with their reasons: 「I14 理由（2026-12-01）；…」, or "" */
  acknowledgedText: string;
}

export type SortKey = "file" | "form" | "verdict" | "top" | "template" | "rate" | "written" | "recalculated" | "grade" | "errors" | "warnings";
export const SORT_KEYS: SortKey[] = ["file", "form", "verdict", "top", "template", "rate", "written", "recalculated", "grade", "errors", "warnings"];

export const COLUMN_LABEL: Record<Lang, Record<SortKey, string>> = {
  zh: { file: "文件", form: "表（项目）", verdict: "结论", top: "主要问题", template: "模板", rate: "执行率", written: "填写总分", recalculated: "重算总分", grade: "等级", errors: "错误", warnings: "警告" },
  en: { file: "File", form: "Form (project)", verdict: "Verdict", top: "Top problem", template: "Template", rate: "Execution rate", written: "Written total", recalculated: "Recalculated total", grade: "Grade", errors: "Errors", warnings: "Warnings" },
};

const WORDS = {
  zh: { unnamed: "（未填写项目名称）", department: "部门整体支出绩效自评表（未校验）", noForm: "未找到项目支出绩效自评表", project: "项目支出", dept: "部门整体支出" },
  en: { unnamed: "(no project name)", department: "whole-department form (not checked)", noForm: "no 项目支出绩效自评表 found", project: "project expenditure", dept: "whole department" },
};

/** The form's template family as the engine recognised it (its name in the report's language). */
function templateOf(f: FormReport, lang: Lang): string {
  if (f.template?.name) return f.template.name;
  return f.kind === "department" ? WORDS[lang].dept : WORDS[lang].project;
}

/** One file's rows, from its `--json` entry. */
export function fileRows(fileIndex: number, file: string, entry: FileEntry, lang: Lang): SummaryRow[] {
  const w = WORDS[lang];
  const base = { fileIndex, file };
  const blank = { sheet: null, cell: null, template: "", top: "", rate: null, written: null, recalculated: null, grade: null };
  if (entry.verdict.kind === "unreadable") {
    // not a form with one error: a verdict of its own (无法读取), its reason in the note
    const reason = entry.error ?? entry.findings[0]?.message ?? "";
    return [{ ...base, ...blank, form: "", verdict: "unreadable", verdictText: entry.verdict.text, errors: 0, warnings: 0, status: "unreadable", note: reason, acknowledged: 0, acknowledgedText: "" }];
  }
  // findings about the workbook rather than a form count on the file's first row
  const { error: wbErrors, warning: wbWarnings } = countBySeverity(entry.findings);
  const copyNote = entry.error ?? "";
  if (entry.forms.length === 0) {
    const note = [...entry.findings.map((f) => f.message), copyNote].filter(Boolean).join(" ");
    return [{ ...base, ...blank, form: w.noForm, verdict: entry.verdict.kind, verdictText: entry.verdict.text, errors: wbErrors, warnings: wbWarnings, status: "no-form", note, acknowledged: 0, acknowledgedText: "" }];
  }
  return entry.forms.map((f, i) => {
    const t = f.verdict.top;
    return {
      ...base,
      form: f.kind === "department" ? w.department : (f.projectName ?? w.unnamed),
      sheet: f.sheet,
      cell: f.range.split(":")[0],
      template: templateOf(f, lang),
      // what the core decided for the form, as every surface shows it
      verdict: f.verdict.kind,
      verdictText: f.verdict.text,
      top: t ? `${t.cell ? `${t.cell} ` : ""}${t.message}` : "",
      rate: f.verdict.figures.executionRate,
      written: f.verdict.figures.writtenTotal,
      recalculated: f.verdict.figures.recalculatedTotal,
      grade: f.verdict.grade,
      errors: f.counts.error + (i === 0 ? wbErrors : 0),
      warnings: f.counts.warning + (i === 0 ? wbWarnings : 0),
      status: f.checked ? "checked" : "department",
      note: i === 0 ? copyNote : "",
      acknowledged: f.acknowledged?.length ?? 0,
      acknowledgedText: acknowledgedText(f, lang),
    };
  });
}

/** A form's confirmed warnings with their reasons, in one cell: 「I14 超额已说明（2026-12-01）；H22 …」. */
export function acknowledgedText(f: Pick<FormReport, "acknowledged">, lang: Lang): string {
  const sep = lang === "en" ? "; " : "；";
  return (f.acknowledged ?? []).map((a) => `${a.cell ? `${a.cell} ` : ""}${a.reason}${a.date ? (lang === "en" ? ` (${a.date})` : `（${a.date}）`) : ""}`).join(sep);
}

/** Every file's rows, in batch order: `files[i].file` names the file in the summary. */
export function summaryRowsOf(files: ReadonlyArray<{ file: string; entry: FileEntry }>, lang: Lang): SummaryRow[] {
  return files.flatMap((f, i) => fileRows(i, f.file, f.entry, lang));
}

/** The count line's kinds, in its order: 可以提交 · 需修改 · 未填写 · 未校验 · 无法读取 (未找到表格 after, when there is one). */
export const COUNT_ORDER: readonly FileVerdictKind[] = ["submit", "fix", "unfilled", "not-checked", "unreadable", "no-form"];

/** Rows by verdict. */
export function verdictCounts(rows: ReadonlyArray<Pick<SummaryRow, "verdict">>): Record<FileVerdictKind, number> {
  const c = Object.fromEntries(VERDICT_ORDER.map((k) => [k, 0])) as Record<FileVerdictKind, number>;
  for (const r of rows) c[r.verdict]++;
  return c;
}

/** "3 可以提交 · 2 需修改 · 1 未填写 · 0 未校验 · 1 无法读取" (and "· 1 未找到表格" when there is one). */
export function countLine(counts: Record<FileVerdictKind, number>, lang: Lang): string {
  return COUNT_ORDER.filter((k) => k !== "no-form" || counts[k] > 0)
    .map((k) => `${counts[k]} ${VERDICT_LABEL[lang][k]}`)
    .join(" · ");
}

const GRADE_ORDER: Record<string, number> = { 优: 0, 良: 1, 中: 2, 差: 3 };
const collator = typeof Intl !== "undefined" && Intl.Collator ? new Intl.Collator("zh-CN", { numeric: true }) : null;

function compareValues(a: SummaryRow, b: SummaryRow, key: SortKey): number {
  const x = a[key];
  const y = b[key];
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

/**
 * The file name of the annotated copy, as `selfeval check --out` names it (a macro-enabled workbook stays .xlsm; an
 * .xls / .et becomes .xlsx, and keeps its own extension in the name when a file of the same name is in `batch`).
 */
export function checkedName(file: string, batch: readonly string[] = []): string {
  const m = /\.(xls|et|ett)$/i.exec(file);
  if (m) {
    const stem = file.slice(0, m.index).toLowerCase();
    const twin = batch.some((b) => b !== file && b.toLowerCase().startsWith(`${stem}.`) && /^\.(xlsx|xlsm|xls|et)$/i.test(b.slice(stem.length)));
    return twin ? `${file}.checked.xlsx` : `${file.slice(0, m.index)}.checked.xlsx`;
  }
  const ext = /\.xlsm$/i.test(file) ? ".xlsm" : ".xlsx";
  return `${file.replace(/\.xls[xm]$/i, "")}.checked${ext}`;
}
