import { CheckOptions } from "./options";
import { roundTo } from "./numbers";
import { Op, Parsed, commensurate, dayNumber, isMoneyUnit } from "./parse";

/**
 * The scoring rules of RULES.md §2 as plain functions of target, actual and weight.
 */
export type Method = "positive" | "reverse" | "date" | "qualitative" | "unscored";

export interface Score {
  method: Method;
  /** the score the rule gives, when the rule fixes one */
  expected: number | null;
  /** the scores the rule allows, when it leaves a judgment (qualitative tiers, late dates) */
  range: [number, number] | null;
  /** whether the indicator met its target (null: cannot tell) */
  met: boolean | null;
  /** B ÷ A − 1 for a positive indicator that exceeds its target */
  over: number | null;
  /** the units of target and actual could not be compared */
  unitMismatch: { target: string; actual: string } | null;
  /**
   * When the score is the weight scaled by a ratio (a missed target: B ÷ A; a reverse indicator over its target:
   * A ÷ B): the ratio's figures in the units compared ("percent": fractions of a percent target).
   */
  ratio?: { num: number; den: number; percent: boolean };
}

const COST_WORDS = /费用|经费|成本|资金(?!.*(率|及时|到位|使用|执行|支付))/;

/** The direction of a quantitative indicator: the operator written, or by default = (a cost: ≤). */
export function direction(op: Op | null, targetUnit: string, name: string): "positive" | "reverse" {
  if (op === "<=" || op === "<") return "reverse";
  if (op === ">=" || op === ">" || op === "=") return "positive";
  if (isMoneyUnit(targetUnit) || (targetUnit === "" && COST_WORDS.test(name))) return "reverse";
  return "positive";
}

/** Operator from a 指标性质 cell: ≥ / ≤ / = / 正向 / 反向 / 定性. */
export function natureOp(text: string): Op | "qualitative" | null {
  const t = text.replace(/\s/g, "");
  if (!t) return null;
  if (/^(≥|≧|>=|>|＞|正向|不低于|不少于|大于等于)/.test(t)) return ">=";
  if (/^(≤|≦|<=|<|＜|反向|不高于|不超过|小于等于)/.test(t)) return "<=";
  if (/^(=|＝|等于)/.test(t)) return "=";
  if (/定性/.test(t)) return "qualitative";
  return null;
}

export function scoreQuantitative(
  target: { op: Op | null; value: number; unit: string },
  actual: { value: number; unit: string },
  weight: number,
  name: string,
  options: CheckOptions,
  opOverride: Op | null = null,
): Score {
  const c = commensurate(target, actual);
  const dir = direction(opOverride ?? target.op, target.unit || actual.unit, name);
  if (!c) return { method: dir, expected: null, range: null, met: null, over: null, unitMismatch: { target: target.unit, actual: actual.unit } };
  const { a, b } = c;
  let expected: number;
  let over: number | null = null;
  if (dir === "positive") {
    if (b >= a || a <= 0) expected = weight;
    else expected = Math.max(0, (b / a) * weight);
    if (a > 0 && b > a * (1 + options.overachievementThreshold) + 1e-12) {
      over = b / a - 1;
      if (options.overachievementDeduction > 0) expected = Math.max(0, weight - options.overachievementDeduction);
    }
  } else {
    if (b <= a) expected = weight;
    else if (a <= 0) expected = 0;
    else if (options.reverseFormula === "linear") expected = Math.max(0, (1 - (b - a) / a) * weight);
    else expected = (a / b) * weight;
  }
  // the ratio the score came from, when it is one (a missed target, ratio formulas): the finding's 计算过程 shows it
  const scaled = over === null && a > 0 && (dir === "positive" ? b < a : b > a && options.reverseFormula !== "linear");
  return { method: dir, expected, range: null, met: dir === "positive" ? b >= a || a <= 0 : b <= a, over, unitMismatch: null, ...(scaled ? { ratio: dir === "positive" ? { num: b, den: a, percent: c.unit === "%" } : { num: a, den: b, percent: c.unit === "%" } } : {}) };
}

export const DONE = /^(已?完成|已?达成|是|已?达到|已?实现|按时完成|按期完成|达到预期|达标|全部完成|已落实|落实)$/;
const NOT_DONE = /^(未完成|未达成|否|未达到|未实现|未达标|没有完成)$/;

function tierRange(fraction: number, weight: number, options: CheckOptions): [number, number] {
  const { achieved, partly } = options.qualitativeTiers;
  if (fraction >= achieved) return [achieved * weight, weight];
  if (fraction >= partly) return [partly * weight, achieved * weight];
  return [0, partly * weight];
}

/** Qualitative targets: the three tiers of the weight. */
export function scoreQualitative(targetText: string, actual: Parsed, weight: number, options: CheckOptions): Score {
  const base = { method: "qualitative" as const, expected: null, over: null, unitMismatch: null };
  const norm = (s: string) => s.replace(/[\s。，,；;]/g, "");
  let fraction: number | null = null;
  if (actual.kind === "number" && (actual.unit === "%" || actual.unit === "")) {
    const v = actual.unit === "%" ? actual.value : actual.value > 1 ? actual.value / 100 : actual.value;
    fraction = Math.min(v, 1);
  } else if (actual.kind === "text") {
    const t = norm(actual.text);
    if (DONE.test(t) || t === norm(targetText)) fraction = 1;
    else if (NOT_DONE.test(t)) fraction = 0;
  }
  if (fraction === null) return { ...base, range: [0, weight], met: null };
  const range = tierRange(fraction, weight, options);
  return { ...base, range, met: fraction >= 1 ? true : fraction < options.qualitativeTiers.achieved ? false : null };
}

/** Deadlines: on or before → the weight; late → not met, the score left to judgment below the achieved tier. */
export function scoreDate(
  target: { op: Op | null; year: number | null; month: number; day: number },
  actual: Parsed,
  weight: number,
  year: number,
  options: CheckOptions,
): Score {
  const base = { method: "date" as const, over: null, unitMismatch: null };
  if (actual.kind === "date") {
    const onTime = dayNumber(actual, target.year ?? year) <= dayNumber(target, actual.year ?? year);
    if (onTime) return { ...base, expected: weight, range: null, met: true };
    return { ...base, expected: null, range: [0, options.qualitativeTiers.achieved * weight], met: false };
  }
  if (actual.kind === "text" && DONE.test(actual.text.replace(/\s/g, ""))) return { ...base, expected: weight, range: null, met: true };
  if (actual.kind === "number" && actual.unit === "%" ) {
    return { ...base, expected: null, range: tierRange(Math.min(actual.value, 1), weight, options), met: actual.value >= 1 };
  }
  return { ...base, expected: null, range: [0, weight], met: null };
}

/**
 * Rounding (RULES.md §2): compare at 2 decimals; a written score equal to the computed one rounded is consistent.
 * The one rounding of src/core/numbers.ts (half-up on the decimal value).
 */
export function round(n: number, digits: number): number {
  return roundTo(n, digits);
}

export function sameAt2(a: number, b: number): boolean {
  return Math.abs(round(a, 2) - round(b, 2)) < 1e-9;
}

export function isRoundingOf(written: number, computed: number): boolean {
  return sameAt2(written, round(computed, 0)) || sameAt2(written, round(computed, 1));
}

export type Grade = "优" | "良" | "中" | "差";

export function gradeOf(total: number): Grade {
  const t = round(total, 2);
  if (t >= 90) return "优";
  if (t >= 80) return "良";
  if (t >= 60) return "中";
  return "差";
}

/** The cap some provinces put on the total by execution rate (off by default). */
export function totalCap(rate: number): number | null {
  if (rate < 0.5) return 59;
  if (rate < 0.6) return 69;
  if (rate < 0.7) return 79;
  if (rate < 0.8) return 89;
  return null;
}
