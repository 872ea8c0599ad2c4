import { sheetCellKey } from "../core/a1";
import { FormReport, WorkbookReport } from "../core/engine";
import { Finding } from "../core/findings";
import { SEVERITY_LABEL } from "../core/labels";
import { Lang } from "../core/options";
import { formatNumber, formatPercent } from "../core/parse";

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300 ? 2 : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

export function table(rows: string[][]): string {
  if (rows.length === 0) return "";
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (i === r.length - 1 ? 0 : displayWidth(r[i] ?? "")))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join("  ").trimEnd()).join("\n");
}

const T = {
  zh: { project: "项目", rate: "执行率", budget: "预算得分", written: "填写总分", sum: "得分合计", recalculated: "重算总分", grade: "等级", verdict: "结论", none: "未发现问题。", sev: "级别", cell: "单元格", rule: "规则", msg: "说明", notChecked: "部门整体支出绩效自评表，未校验", template: "模板", preset: "预设", unchecked: "未校验", source: { config: "--config", workbook: "工作簿设置", family: "按模板", default: "默认" } as Record<string, string> },
  en: { project: "Project", rate: "execution rate", budget: "budget score", written: "written total", sum: "sum of scores", recalculated: "recalculated total", grade: "grade", verdict: "verdict", none: "No problems found.", sev: "severity", cell: "cell", rule: "rule", msg: "message", notChecked: "whole-department form, not checked", template: "template", preset: "preset", unchecked: "not checked", source: { config: "--config", workbook: "workbook settings", family: "from the template", default: "default" } as Record<string, string> },
};

function findingRows(findings: Finding[], lang: Lang): string[][] {
  const t = T[lang];
  return [[t.sev, t.cell, t.rule, t.msg], ...findings.map((f) => [SEVERITY_LABEL[lang][f.severity], f.cell ? sheetCellKey(f.sheet, f.cell) : "", f.rule, f.message])];
}

export function formatForm(f: FormReport, lang: Lang): string {
  const t = T[lang];
  const lines: string[] = [];
  lines.push(`■ ${f.projectName ?? (f.kind === "department" ? t.notChecked : "?")}  [${f.sheet}!${f.range}]`);
  // the verdict the core decided (src/core/outcome.ts), then the figures it lets us show: 未校验 where a section was not
  lines.push(`  ${t.verdict}${lang === "en" ? ": " : "："}${f.verdict.text}`);
  if (f.checked) {
    const tpl = f.template.id === "unknown" ? (lang === "en" ? "not recognised" : "未识别") : f.template.name;
    lines.push(`  ${t.template}${lang === "en" ? ": " : "："}${tpl} · ${t.preset}${lang === "en" ? ": " : "："}${f.preset.name}${lang === "en" ? " (" : "（"}${t.source[f.preset.source] ?? f.preset.source}${lang === "en" ? ")" : "）"}`);
    const v = f.verdict;
    const g = v.figures;
    const off = v.kind === "not-checked" || v.kind === "unfilled" || f.unchecked.length > 0;
    const n = (x: number | null) => (x === null ? (off ? t.unchecked : "—") : formatNumber(x));
    lines.push(
      `  ${t.rate} ${g.executionRate === null ? (off ? t.unchecked : "—") : formatPercent(g.executionRate)} · ${t.budget} ${n(g.budgetScore)} · ${t.written} ${formatNumberOrDash(g.writtenTotal)} · ${t.sum} ${n(g.sumOfScores)} · ${t.recalculated} ${n(g.recalculatedTotal)} · ${t.grade} ${v.grade ?? "—"}`,
    );
  }
  if (f.findings.length === 0) lines.push(`  ${t.none}`);
  else lines.push(table(findingRows(f.findings, lang)).replace(/^/gm, "  "));
  // the warnings the clerk confirmed (已核对, core/acknowledge.ts), apart, each with its reason and date
  const acked = f.acknowledged ?? [];
  if (acked.length > 0) {
    lines.push(lang === "en" ? `  Confirmed (${acked.length}):` : `  已核对 ${acked.length} 个：`);
    const why = (r: string, d: string) => (lang === "en" ? `reason: ${r}${d ? ` (${d})` : ""}` : `理由：${r}${d ? `（${d}）` : ""}`);
    lines.push(table(acked.map((x) => [x.cell ? sheetCellKey(x.sheet, x.cell) : "", x.rule, why(x.reason, x.date)])).replace(/^/gm, "    "));
  }
  return lines.join("\n");
}

function formatNumberOrDash(x: number | null): string {
  return x === null ? "—" : formatNumber(x);
}

export function summaryLine(file: string, report: WorkbookReport, lang: Lang): string {
  const c = report.verdict.counts;
  return lang === "en"
    ? `${file}: ${report.forms.length} form(s), ${c.error} error(s), ${c.warning} warning(s), ${c.info} info — ${report.verdict.text}`
    : `${file}：${report.forms.length} 张表，错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}——${report.verdict.text}`;
}

export function formatReport(file: string, report: WorkbookReport, lang: Lang): string {
  const parts = [`== ${file}`];
  for (const f of report.forms) parts.push(formatForm(f, lang));
  if (report.findings.length) parts.push(table(findingRows(report.findings, lang)));
  parts.push(summaryLine(file, report, lang));
  return parts.join("\n\n");
}
