import { address } from "./a1";
import { FormAnalysis } from "./analyse";
import { CellRef } from "./locate";
import { CheckOptions } from "./options";
import { roundTo } from "./numbers";
import { formatNumber, formatPercent } from "./parse";
import { isRoundingOf, sameAt2 } from "./scoring";
import { CellValue } from "./snapshot";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** stable rule id, e.g. "missing-deviation-cause" */
  rule: string;
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
}

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

export interface RuleContext {
  form: FormAnalysis;
  options: CheckOptions;
  /** the message in the language of the options */
  say(zh: string, en: string): string;
  report(f: { severity: Severity; at: CellRef; message: string; expected?: number | string | null; actual?: number | string | null; valueFormat?: "percent"; expectedLabel?: string; actualLabel?: string; hint?: string; fix?: FixInput }): void;
  /** a write the rule proposes without a finding to show (e.g. a total that only changes once scores are ticked) */
  propose(fix: FixInput): void;
}

export interface Rule {
  id: string;
  /** the rule's short name, shown in the pane and the README's rule table (the id stays in the JSON) */
  title?: { zh: string; en: string };
  /** the rule's doc line */
  description: { zh: string; en: string };
  check(ctx: RuleContext): void;
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
