import { Finding, SEVERITY_ORDER, Severity } from "./findings";
import { Lang } from "./options";
import { Grade } from "./scoring";

/**
 * A form's outcome, decided once: the verdict, the counts, the grade (only for a form that can be submitted), the
 * figures a surface may show (null where the section behind a figure was not checked) and the top problem. The pane
 * card and workbook line, the web page's summary and details, the CLI text, `--json`, the 校验报告 sheet and 汇总.xlsx
 * render this object; none of them decides anything of it. Pure.
 *
 * The order (worst first): 需修改 (any error) > 未填写 (an unfilled template) > 未校验 (a section unreadable, a form cut
 * short, or not a project form) > 可以提交 (with the warnings to review).
 */
export type FormVerdictKind = "fix" | "unfilled" | "not-checked" | "submit";
/** a file: the worst of its forms, or none found, or the file could not be read */
export type FileVerdictKind = FormVerdictKind | "no-form" | "unreadable";

export const VERDICT_ORDER: readonly FileVerdictKind[] = ["unreadable", "fix", "unfilled", "not-checked", "no-form", "submit"];

/** The figures a surface shows for a form; each null where the section it comes from was not checked. */
export interface FormFigures {
  executionRate: number | null;
  budgetScore: number | null;
  /** 总分 as written */
  writtenTotal: number | null;
  /** Σ of the scores as written (budget score + every indicator's) */
  sumOfScores: number | null;
  /** every score recalculated by the rules */
  recalculatedTotal: number | null;
}

export interface TopProblem {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  message: string;
}

export interface FormVerdict {
  kind: FormVerdictKind;
  /** one line in the report's language: 需修改：2 个错误 / 可以提交，请核对 1 个警告 / 未填写 … */
  text: string;
  counts: Record<Severity, number>;
  /** only when the form can be submitted: never a 优 beside errors, on an unfilled or unchecked form */
  grade: Grade | null;
  figures: FormFigures;
  /** the first error, else the first warning, in the order that blocks submission; null when there is neither */
  top: TopProblem | null;
  /** whether write-back and one-cell fixes may be offered for this form (never on an unfilled or unchecked form) */
  writable: boolean;
  /** warnings the clerk confirmed (已核对, core/acknowledge.ts): not in `counts`, listed apart; absent when none */
  acknowledged?: number;
}

export interface FileVerdict {
  kind: FileVerdictKind;
  text: string;
  /** forms by verdict */
  forms: Record<FormVerdictKind, number>;
  /** findings by severity: every form's and the workbook's own */
  counts: Record<Severity, number>;
  /** warnings confirmed (已核对) over all forms, not in `counts`; absent when none */
  acknowledged?: number;
}

/** What the engine knows of a form when it decides: plain facts, no wording. */
export interface FormFacts {
  /** a project form read by the rules (a whole-department form is not) */
  checked: boolean;
  unfilled: boolean;
  /** sections not checked: "funds" | "indicators" | "total" */
  unchecked: readonly string[];
  /** parts of the form not found at all (a form cut short) */
  missing: readonly string[];
  /** the findings that stand (a warning the clerk confirmed is not among them) */
  findings: readonly Finding[];
  /** how many warnings the clerk confirmed (已核对); 0 or absent when none */
  acknowledged?: number;
  grade: Grade | null;
  executionRate: number | null;
  budgetScore: number | null;
  writtenTotal: number | null;
  sumOfScores: number;
  recalculatedTotal: number;
}

/** Findings counted by severity: the one count every surface shows. */
export function countBySeverity(findings: Iterable<Pick<Finding, "severity">>): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const WORDS = {
  zh: {
    fix: (e: number, w: number) => `需修改：${e} 个错误${w > 0 ? `，${w} 个警告` : ""}`,
    unfilled: "未填写：完成值和得分均为空",
    notChecked: "未校验：有部分读不出",
    department: "未校验（规则不同）",
    submit: (w: number) => (w > 0 ? `可以提交，请核对 ${w} 个警告` : "可以提交"),
    acknowledged: (a: number) => `（已核对 ${a} 个）`,
    noForm: "未找到表格",
    unreadable: "无法读取",
  },
  en: {
    fix: (e: number, w: number) => `Fix before submitting: ${e} error(s)${w > 0 ? `, ${w} warning(s)` : ""}`,
    unfilled: "Not filled in: the actuals and scores are empty",
    notChecked: "Not checked: a section cannot be read",
    department: "Not checked (other rules)",
    submit: (w: number) => (w > 0 ? `Can be submitted; review ${w} warning(s)` : "Can be submitted"),
    acknowledged: (a: number) => ` (${a} confirmed)`,
    noForm: "No form found",
    unreadable: "Cannot be read",
  },
};

/** The short name of a verdict (a column value, a filter's label): 需修改 · 未填写 · 未校验 · 可以提交 · 未找到表格 · 无法读取. */
export const VERDICT_LABEL: Record<Lang, Record<FileVerdictKind, string>> = {
  zh: { fix: "需修改", unfilled: "未填写", "not-checked": "未校验", submit: "可以提交", "no-form": "未找到表格", unreadable: "无法读取" },
  en: { fix: "Fix", unfilled: "Not filled in", "not-checked": "Not checked", submit: "Can be submitted", "no-form": "No form found", unreadable: "Cannot be read" },
};

/** What blocks submission, by rule: the order the findings are listed in and the top problem is taken from. */
export type RankOf = (rule: string) => number;

export function decideForm(facts: FormFacts, lang: Lang, rankOf: RankOf): FormVerdict {
  const counts = countBySeverity(facts.findings);
  const unchecked = new Set(facts.unchecked);
  const cutShort = facts.missing.length > 0;
  const readable = facts.checked && !cutShort && unchecked.size === 0;
  let kind: FormVerdictKind;
  if (counts.error > 0) kind = "fix";
  else if (facts.checked && facts.unfilled) kind = "unfilled";
  else if (!readable) kind = "not-checked";
  else kind = "submit";
  const acknowledged = facts.acknowledged ?? 0;
  const text = verdictText(kind, counts, acknowledged, lang, facts.checked);
  const funds = facts.checked && !unchecked.has("funds") && !facts.missing.includes("funds") && !facts.missing.includes("fundsTotal");
  const indicators = facts.checked && !unchecked.has("indicators") && !facts.missing.includes("indicators") && !facts.missing.includes("indicatorRows");
  const total = facts.checked && !unchecked.has("total") && !facts.missing.includes("total");
  const figures: FormFigures = {
    executionRate: funds ? facts.executionRate : null,
    budgetScore: funds ? facts.budgetScore : null,
    writtenTotal: total ? facts.writtenTotal : null,
    // a form cut short may have lost indicator rows with its total: its sum is not the form's
    sumOfScores: funds && indicators && !cutShort && !facts.unfilled ? facts.sumOfScores : null,
    recalculatedTotal: readable && !facts.unfilled ? facts.recalculatedTotal : null,
  };
  return {
    kind,
    text,
    counts,
    grade: kind === "submit" ? facts.grade : null,
    figures,
    top: topProblem(facts.findings, rankOf),
    writable: readable && !facts.unfilled,
    ...(acknowledged > 0 ? { acknowledged } : {}),
  };
}

/** A form's one line: the warnings confirmed (已核对) are said after 需修改 and 可以提交, where warnings count. */
function verdictText(kind: FormVerdictKind, counts: Record<Severity, number>, acknowledged: number, lang: Lang, checked: boolean): string {
  const w = WORDS[lang];
  const ack = acknowledged > 0 ? w.acknowledged(acknowledged) : "";
  if (kind === "fix") return w.fix(counts.error, counts.warning) + ack;
  if (kind === "unfilled") return w.unfilled;
  if (kind === "not-checked") return checked ? w.notChecked : w.department;
  return w.submit(counts.warning) + ack;
}

/**
 * A verdict decided again after warnings were confirmed or un-confirmed (core/acknowledge.ts reacknowledge): the
 * counts, text and top problem follow the findings that stand; the kind, grade, figures and write-back do not depend
 * on warnings and stay as decided.
 */
export function reviseVerdict(v: FormVerdict, findings: readonly Finding[], acknowledged: number, lang: Lang, rankOf: RankOf): FormVerdict {
  const counts = countBySeverity(findings);
  const checked = !(v.kind === "not-checked" && v.text === WORDS[lang].department);
  const { acknowledged: _a, ...rest } = v;
  return { ...rest, counts, text: verdictText(v.kind, counts, acknowledged, lang, checked), top: topProblem(findings, rankOf), ...(acknowledged > 0 ? { acknowledged } : {}) };
}

/** Findings by severity, then by what blocks submission (the rule's rank); the engine's (cell) order among equals. */
export function orderFindings<F extends Pick<Finding, "severity" | "rule">>(findings: readonly F[], rankOf: RankOf): F[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || rankOf(a.f.rule) - rankOf(b.f.rule) || a.i - b.i)
    .map((x) => x.f);
}

function topProblem(findings: readonly Finding[], rankOf: RankOf): TopProblem | null {
  const first = orderFindings(findings.filter((f) => f.severity !== "info"), rankOf)[0];
  return first ? { rule: first.rule, severity: first.severity, sheet: first.sheet, cell: first.cell, message: first.message } : null;
}

/** A workbook's verdict: the worst of its forms (with its own findings counted in), 未找到表格 when it has none. */
export function decideWorkbook(forms: ReadonlyArray<{ verdict: FormVerdict }>, own: readonly Finding[], lang: Lang): FileVerdict {
  const w = WORDS[lang];
  const byKind: Record<FormVerdictKind, number> = { fix: 0, unfilled: 0, "not-checked": 0, submit: 0 };
  const counts = countBySeverity(own);
  let acknowledged = 0;
  for (const f of forms) {
    byKind[f.verdict.kind]++;
    for (const s of ["error", "warning", "info"] as const) counts[s] += f.verdict.counts[s];
    acknowledged += f.verdict.acknowledged ?? 0;
  }
  const ack = acknowledged > 0 ? { acknowledged } : {};
  if (forms.length === 0) return { kind: "no-form", text: w.noForm, forms: byKind, counts };
  const kind = (["fix", "unfilled", "not-checked", "submit"] as const).find((k) => byKind[k] > 0)!;
  const text = (lang === "zh" ? workbookTextZh(forms.length, byKind, counts) : workbookTextEn(forms.length, byKind, counts)) + (acknowledged > 0 ? w.acknowledged(acknowledged) : "");
  return { kind, text, forms: byKind, counts, ...ack };
}

function workbookTextZh(n: number, k: Record<FormVerdictKind, number>, c: Record<Severity, number>): string {
  const parts: string[] = [];
  if (k.fix) parts.push(`${k.fix} 张需修改`);
  if (k.unfilled) parts.push(`${k.unfilled} 张未填写`);
  if (k["not-checked"]) parts.push(`${k["not-checked"]} 张未校验`);
  if (parts.length === 0) return `共 ${n} 张表，都可以提交${c.warning ? `，请核对 ${c.warning} 个警告` : ""}`;
  if (k.submit) parts.push(`${k.submit} 张可以提交`);
  return `共 ${n} 张表，${parts.join("，")}`;
}

function workbookTextEn(n: number, k: Record<FormVerdictKind, number>, c: Record<Severity, number>): string {
  const parts: string[] = [];
  if (k.fix) parts.push(`${k.fix} to fix`);
  if (k.unfilled) parts.push(`${k.unfilled} not filled in`);
  if (k["not-checked"]) parts.push(`${k["not-checked"]} not checked`);
  if (parts.length === 0) return `${n} form(s), all can be submitted${c.warning ? `; review ${c.warning} warning(s)` : ""}`;
  if (k.submit) parts.push(`${k.submit} can be submitted`);
  return `${n} form(s): ${parts.join(", ")}`;
}

/** The verdict of a file that could not be read, with its one-line reason. */
export function unreadableVerdict(reason: string, lang: Lang): FileVerdict {
  return {
    kind: "unreadable",
    text: `${WORDS[lang].unreadable}${lang === "zh" ? "：" : ": "}${reason}`,
    forms: { fix: 0, unfilled: 0, "not-checked": 0, submit: 0 },
    counts: { error: 0, warning: 0, info: 0 },
  };
}

/** Whether a verdict lets the form (or file) go: only 可以提交. */
export const canSubmit = (kind: FileVerdictKind): boolean => kind === "submit";
