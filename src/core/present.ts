import { FormReport } from "./engine";
import { Finding, Severity } from "./findings";
import { Lang } from "./options";
import { formatNumber, formatPercent } from "./parse";
import { RULES } from "./rules";
import { CellValue } from "./snapshot";

/**
 * How findings and figures are presented to a person, the same in the pane, the write-back preview and the report
 * sheet: one number format (two decimals at most), plain names for rules, the findings ordered by what blocks
 * submission, and a one-line verdict per form. Pure.
 */

/** A number as everyone shows it: at most two decimals, no trailing zeros. */
export function showNumber(n: number): string {
  return formatNumber(n, 2);
}

/** A number rounded the way it is shown (for cells written as numbers, e.g. the report sheet). */
export function roundShown(n: number): number {
  return Number(formatNumber(n, 2));
}

/** A finding's expected/actual or a cell value: numbers at two decimals, fractions as percentages when asked. */
export function showValue(v: CellValue | null | undefined, percent = false): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return percent ? formatPercent(v, 2) : showNumber(v);
  return String(v);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Local date and time, 2026-11-25 16:43 (the person's clock, not UTC). */
export function showDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const WORKBOOK_TITLES: Record<string, { zh: string; en: string }> = {
  "unsupported-form": { zh: "未校验的表格", en: "Form not checked" },
  "sheet-clipped": { zh: "远处的单元格", en: "Far-away cells" },
  "unreadable-file": { zh: "文件无法读取", en: "Unreadable file" },
  "no-form": { zh: "没有自评表", en: "No form" },
};

/** The rule's plain name in the language asked; the id only if a rule has no name. */
export function ruleTitle(id: string, lang: Lang): string {
  const t = RULES.find((r) => r.id === id)?.title ?? WORKBOOK_TITLES[id];
  return t ? t[lang] : id;
}

/** What blocks submission comes first: a form that cannot be read, the total, missing causes, then the rest. */
const BLOCKING_ORDER = [
  "form-incomplete",
  "form-unfilled",
  "section-unreadable",
  "total-score",
  "missing-deviation-cause",
  "weights-total",
  "block-score-exceeds-weight",
  "execution-cap",
  "budget-score",
  "execution-rate",
  "indicator-score",
  "score-exceeds-weight",
  "missing-value",
  "unparseable-value",
  "funding-breakdown",
  "execution-exceeds-budget",
  "low-execution-unexplained",
  "overachievement-unexplained",
  "name-target-mismatch",
  "unit-mismatch",
  "level1-weights",
  "level1-label-mismatch",
  "indicator-weight-unknown",
];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function rank(id: string): number {
  const i = BLOCKING_ORDER.indexOf(id);
  return i < 0 ? BLOCKING_ORDER.length : i;
}

/** Findings by severity, then by what blocks submission; the engine's (cell) order among equals. Stable. */
export function triage(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || rank(a.f.rule) - rank(b.f.rule) || a.i - b.i)
    .map((x) => x.f);
}

export type VerdictKind = "submit" | "fix" | "not-checked";

export interface Verdict {
  kind: VerdictKind;
  errors: number;
  warnings: number;
  /** one line: 可以提交 / 需修改：2 个错误 */
  text: string;
}

export function verdictOf(form: Pick<FormReport, "checked" | "counts">, lang: Lang): Verdict {
  const { error: errors, warning: warnings } = form.counts;
  const zh = lang === "zh";
  if (!form.checked) return { kind: "not-checked", errors, warnings, text: zh ? "未校验（规则不同）" : "Not checked (other rules)" };
  if (errors > 0) {
    const w = warnings > 0 ? (zh ? `，${warnings} 个警告` : `, ${warnings} warning(s)`) : "";
    return { kind: "fix", errors, warnings, text: zh ? `需修改：${errors} 个错误${w}` : `Fix before submitting: ${errors} error(s)${w}` };
  }
  if (warnings > 0) return { kind: "submit", errors, warnings, text: zh ? `可以提交，请核对 ${warnings} 个警告` : `Can be submitted; review ${warnings} warning(s)` };
  return { kind: "submit", errors, warnings, text: zh ? "可以提交" : "Can be submitted" };
}

/**
 * The "expected / written" line of a finding, or null when it would say nothing: both sides must be present, and
 * in Chinese neither may be an internal word (ASCII letters) — those are in the message already.
 */
export function detailLine(f: Finding, lang: Lang): string | null {
  const percent = f.valueFormat === "percent";
  const e = showValue(f.expected, percent);
  const a = showValue(f.actual, percent);
  if (!e || !a) return null;
  if (lang === "zh" && /[A-Za-z]/.test(e + a)) return null;
  return lang === "zh" ? `应为 ${e}，填写的是 ${a}` : `expected ${e}, written ${a}`;
}
