import { Finding } from "./findings";
import { orderFindings } from "./outcome";
import { blockingRank } from "./rank";
import { Lang } from "./options";
import { round2 } from "./numbers";
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
  return round2(n);
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

/** Every finding of a workbook: its own, then each form's in order. */
export function allFindings(r: { findings: readonly Finding[]; forms: ReadonlyArray<{ findings: readonly Finding[] }> }): Finding[] {
  return [...r.findings, ...r.forms.flatMap((f) => f.findings)];
}

/** Findings by severity, then by what blocks submission; the engine's (cell) order among equals. Stable. */
export function triage(findings: readonly Finding[]): Finding[] {
  return orderFindings(findings, blockingRank);
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
  // which side is the cell's value: a figure the rule computed is named (各项分值之和为 95), the cell's own is 填写的是
  if (lang === "zh") return `应为 ${e}${f.expectedLabel ? `（${f.expectedLabel}）` : ""}，${f.actualLabel ? `${f.actualLabel}为 ${a}` : `填写的是 ${a}`}`;
  return `expected ${e}${f.expectedLabel ? ` (${f.expectedLabel})` : ""}, ${f.actualLabel ? `${f.actualLabel} ${a}` : `written ${a}`}`;
}

/**
 * A finding's calculation (计算过程), one line per step, in the engine's figures: 94.8 = 9（I6）+ 10（H14）+ …;
 * 9 = 10（G7）× 90%. Nothing is computed here: each figure is the one the rule put on the finding.
 */
export function stepLines(f: Finding, lang: Lang): string[] {
  const open = lang === "zh" ? "（" : " (";
  const close = lang === "zh" ? "）" : ")";
  return (f.steps ?? []).map((st) => {
    const terms = st.terms.map((t) => `${showValue(t.value, t.format === "percent")}${t.cell ? `${open}${t.cell}${close}` : ""}`);
    const line = `${showValue(st.result, st.resultFormat === "percent")} = ${terms.join(` ${st.op} `)}`;
    // Chinese sets no space after a full-width bracket: 9（I6）+ 10（H14）
    return lang === "zh" ? line.replace(/）\s/g, "）") : line;
  });
}

/** A grade in the language asked: 优 / 良 / 中 / 差, or Excellent / Good / Fair / Poor (the grade stays 优 in --json). */
export function gradeWord(g: string, lang: Lang): string {
  if (lang === "zh") return g;
  return ({ 优: "Excellent", 良: "Good", 中: "Fair", 差: "Poor" } as Record<string, string>)[g] ?? g;
}
