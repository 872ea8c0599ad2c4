import { address } from "./a1";
import { FormAnalysis } from "./analyse";
import { CellRef } from "./locate";
import { CheckOptions } from "./options";
import { roundTo } from "./numbers";
import { formatNumber, formatPercent } from "./parse";
import { isRoundingOf, sameAt2 } from "./scoring";
import { CellValue } from "./snapshot";
import type { Grid } from "./grid";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** stable rule id, e.g. "missing-deviation-cause" */
  rule: string;
  /** which of the rule's messages (its meta.messages): a test, or a tool reading --json, says *which* problem */
  messageId?: string;
  /** the values the message was filled with (numbers as computed, words in the report's language) */
  data?: Record<string, string | number>;
  severity: Severity;
  sheet: string;
  /** the one cell to look at, A1 */
  cell: string;
  message: string;
  expected?: number | string | null;
  actual?: number | string | null;
  /** "percent": expected and actual are fractions to show as percentages (0.5 → 50%) */
  valueFormat?: "percent";
  /** what `expected` is, when it is a figure the rule computed (各项得分之和): the detail line names it */
  expectedLabel?: string;
  /** what `actual` is, when it is not the cell's own value (各项分值之和): the detail line names it */
  actualLabel?: string;
  /** a starting point the person may copy (e.g. a deviation cause with the indicator's own figures); never written for them */
  hint?: string;
  /** the change the rule that judged this cell proposes (ESLint's fix on the report): what 改为 … writes */
  fix?: Fix;
  /**
   * How the rule computed its figure (计算过程, Excel's "Show Calculation Steps"): each line a result and the form's own
   * figures it came from, with their cells — 94.8 = 9 (I6) + 10 (H14) + …; 9 = 10 (G7) × 90%; 90% = 18 (F7) ÷ 20 (E7).
   * The figures are the engine's, as computed: surfaces show them, never derive them.
   */
  steps?: CalcStep[];
  /**
   * A warning's fingerprint (core/acknowledge.ts): what it judged — rule, message, form, the row's 三级指标 name, the
   * values — not where; what 已核对 is keyed by. Only warnings of a form have one.
   */
  fingerprint?: string;
}

/** One line of a calculation: `result = terms[0] op terms[1] op …`. */
export interface CalcStep {
  result: number;
  /** "percent": the result is a fraction shown as a percentage */
  resultFormat?: "percent";
  op: "+" | "×" | "÷";
  terms: CalcTerm[];
}

/** A figure in a calculation: its value and, when it is read from the form, its cell (A1, on the finding's sheet). */
export interface CalcTerm {
  value: number;
  format?: "percent";
  cell?: string;
}

/** A calculation as a rule reports it: terms name their cell by position (the engine turns it into A1). */
export interface StepInput {
  result: number;
  resultFormat?: "percent";
  op: CalcStep["op"];
  terms: Array<{ value: number; format?: "percent"; at?: CellRef | null }>;
}

/** What a proposed edit changes: a rate, a score (the total follows it), or the total itself. */
export type FixKind = "rate" | "score" | "total";

/** A proposed edit of one cell, made by the rule that judges it; write-back only selects among these. */
export interface Fix {
  sheet: string;
  /** A1 */
  address: string;
  /** what the cell holds now, and what would be written (in the cell's own form: a percent stays a percent) */
  old: CellValue;
  new: CellValue;
  /** "percent": old and new are fractions shown as percentages (a percent-formatted rate cell) */
  valueFormat?: "percent";
  /** an indicator score: written only when the user ticks it */
  optional: boolean;
  label: string;
  /** for a total: its label once indicator scores are ticked */
  altLabel?: string;
  /** what it changes (the proposing rule's meta.proposes) */
  kind?: FixKind;
}

/** What a rule says about the edit it proposes: labels in both languages, so write-back can speak either. */
export interface FixInput {
  at: CellRef;
  old: CellValue;
  new: CellValue;
  valueFormat?: "percent";
  optional?: boolean;
  label: { zh: string; en: string };
  altLabel?: { zh: string; en: string };
}

/** Words in both languages: a message template, or a value that reads differently in each. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The values a message template is filled with: {name} → a string, a number (shown at two decimals) or words. */
export type MessageData = Record<string, string | number | Bilingual>;

/** What a rule reports: which of its messages, with what data (ESLint's `context.report({ messageId, data })`). */
export type Report = {
  /** the rule's default severity (meta.severity) when omitted */
  severity?: Severity;
  at: CellRef;
  messageId: string;
  data?: MessageData;
  fix?: FixInput;
  /** how the figure was computed (计算过程) */
  steps?: StepInput[];
} & Pick<Finding, "expected" | "actual" | "valueFormat" | "expectedLabel" | "actualLabel" | "hint">;

export interface RuleContext {
  form: FormAnalysis;
  /** the sheet the form is on, for a rule that reads a cell the analysis does not name (a grade printed in the 总分 row) */
  grid?: Grid;
  options: CheckOptions;
  /** words in the language of the options (for data, hints and labels; messages come from meta.messages) */
  say(zh: string, en: string): string;
  report(f: Report): void;
  /** a write the rule proposes without a finding to show (e.g. a total that only changes once scores are ticked) */
  propose(fix: FixInput): void;
}

/** Rules a rule keeps quiet on a form: named ones, or every other rule but those named. */
export type Quieting = { rules: readonly string[] } | { allBut: readonly string[] };

/**
 * What a rule decides about itself (ESLint's `meta`): its messages, its default severity, its place in the list of what
 * blocks submission, the rules it keeps quiet and the kind of fix it proposes. Present, engine and write-back read it;
 * no list outside the rules decides for them.
 */
export interface RuleMeta {
  /** message id → template in both languages, with {placeholders} for data */
  messages: Record<string, Bilingual>;
  /** the severity of its findings where the rule has one (a report may still give its own) */
  severity?: Severity;
  /** what blocks submission comes first: a lower rank is listed earlier among findings of one severity (unique) */
  rank: number;
  /** the rules this one keeps quiet on a form, when what it says stands for theirs (null: none) */
  quiets?(form: FormAnalysis): Quieting | null;
  /** the kind of cell change it proposes (a rule without it proposes none) */
  proposes?: FixKind;
  /**
   * A review hint (审核提示): what a bureau's reviewer sends back beyond arithmetic. Never an error; settings may switch
   * it off or show it as info or warning (`{"rules": {"<id>": "off" | "info" | "warning"}}`, 设置 → 审核提示).
   */
  switchable?: boolean;
  /** for a review hint: its source (the document or practice it follows), shown in 设置 and the README */
  source?: Bilingual;
}

export interface Rule {
  id: string;
  /** the rule's short name, shown in the pane and the README's rule table (the id stays in the JSON) */
  title?: { zh: string; en: string };
  /** the rule's doc line */
  description: { zh: string; en: string };
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** A message template filled with its data in one language: {w} → 5, {name} → 培训人次. */
export function fillMessage(template: string, data: MessageData | undefined, lang: "zh" | "en"): string {
  if (!data) return template;
  return template.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = data[key];
    if (v === undefined) return m;
    return typeof v === "number" ? formatNumber(v, 2) : typeof v === "string" ? v : v[lang];
  });
}

/** The data as the finding carries it: words in the report's language, numbers as computed. */
export function resolveData(data: MessageData | undefined, lang: "zh" | "en"): Record<string, string | number> | undefined {
  if (!data) return undefined;
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === "object" ? v[lang] : v;
  return out;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function cellOf(ref: CellRef): string {
  return address(ref.row, ref.col);
}

export const fmt = (n: number): string => formatNumber(n, 2);
export const pct = (n: number): string => formatPercent(n, 2);
/** full precision for --json (4 decimals, as always), by the same rounding as what is shown */
export const r4 = (n: number): number => roundTo(n, 4);

/**
 * A written score against the computed one (RULES.md §2 rounding): null when they agree at 2 decimals;
 * info when the written one is the computed one rounded; error when above (inflated); warning when below.
 */
export function scoreDifference(written: number, computed: number, acceptRounding = true): Severity | null {
  if (sameAt2(written, computed)) return null;
  if (acceptRounding && isRoundingOf(written, computed)) return "info";
  return written > computed ? "error" : "warning";
}
