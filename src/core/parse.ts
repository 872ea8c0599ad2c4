import { CellValue, isErrorValue } from "./snapshot";
import { toHalfWidth } from "./text";

/**
 * Value parsing: what a cell of the form says, whatever way it is written.
 * Pure and total: every input gives a result, never an exception.
 */
export type Op = ">=" | "<=" | "=" | ">" | "<";

export type Parsed =
  | { kind: "blank" }
  | { kind: "placeholder"; text: string }
  | { kind: "error"; code: string }
  /** `value` is in the written unit; a percentage is a fraction (75% → 0.75) with unit "%". */
  | { kind: "number"; op: Op | null; value: number; unit: string }
  /** A calendar day; `year` null when not written. */
  | { kind: "date"; op: Op | null; year: number | null; month: number; day: number }
  | { kind: "text"; text: string };

const PLACEHOLDERS = new Set(["/", "\\", "-", "--", "—", "——", "─", "无", "……", "…", "...", "n/a", "na", "不适用", "空", "#"]);

/** Operator words before the number, longest first. */
const PRE_OPS: Array<[string, Op]> = [
  ["大于等于", ">="], ["大于或等于", ">="], ["小于等于", "<="], ["小于或等于", "<="],
  ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["至少", ">="], ["达到", ">="], ["达", ">="],
  ["不高于", "<="], ["不超过", "<="], ["不大于", "<="], ["不多于", "<="], ["控制在", "<="], ["最多", "<="],
  ["大于", ">"], ["高于", ">"], ["超过", ">"], ["多于", ">"], ["小于", "<"], ["低于", "<"], ["少于", "<"],
  ["等于", "="], ["为", "="], ["约", "="],
];
const POST_OPS: Array<[string, Op]> = [
  ["及以上", ">="], ["以上", ">="], ["及以下", "<="], ["以下", "<="], ["以内", "<="], ["之内", "<="], ["内", "<="],
];

const OPERATOR_SPELLINGS: Record<string, string> = { "≥": ">=", "≧": ">=", "⩾": ">=", "≤": "<=", "≦": "<=", "⩽": "<=", "＜": "<", "＞": ">", "＝": "=", "=>": ">=", "=<": "<=" };

/** Replace the many ways of writing an operator by one ASCII spelling; drop white space and thousands separators. */
export function normalizeValueText(s: string): string {
  let t = /[\uff01-\uff5e\u3000]/.test(s) ? toHalfWidth(s) : s;
  t = t.replace(/[\s\u00a0\u200b]/g, "").replace(/=>|=<|[≥≧⩾≤≦⩽＜＞＝]/g, (m) => OPERATOR_SPELLINGS[m]);
  t = t.replace(/[。；;，,]+$/, "");
  // thousands separators: 1,234.5 → 1234.5 (only between digit groups of three)
  return t.replace(/(\d),(?=\d{3}(?:\D|$))/g, "$1");
}

export function isPercentFormat(format: string): boolean {
  // a % outside quoted text and escapes ("General" has none)
  return /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}

export function isDateFormat(format: string): boolean {
  // y, m or d outside quoted text, escapes and [colour]/[$-804] brackets, and no digit placeholder ("General", "@" and "" have none)
  const f = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").toLowerCase();
  return /[ymd]/.test(f) && !/[#0?]/.test(f.replace(/\.0+/g, ""));
}

/** Excel serial day number → calendar date (1900 date system). */
export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysInMonth(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2001, month, 0)).getUTCDate();
}

export function parseCell(value: CellValue, format = "General"): Parsed {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "error", code: String(value) };
    if (isPercentFormat(format)) return { kind: "number", op: null, value, unit: "%" };
    if (isDateFormat(format) && value > 0 && value < 2958466) return { kind: "date", op: null, ...serialToDate(value) };
    return { kind: "number", op: null, value, unit: "" };
  }
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  return parseText(value);
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

export function parseText(raw: string): Parsed {
  const s = raw ?? "";
  // the common cases first: a plain number written as text, a one-character placeholder
  if (PLAIN_NUMBER.test(s)) {
    const n = Number(s);
    // a 400-digit number is no quantity (Number gives Infinity): text, never a value to compute or write back
    if (Number.isFinite(n)) return { kind: "number", op: null, value: n, unit: "" };
    return { kind: "text", text: s };
  }
  if (isErrorValue(s)) return { kind: "error", code: s.trim().toUpperCase() };
  const t = normalizeValueText(s);
  if (t === "") return { kind: "blank" }; // blanks of every kind (spaces, U+3000, U+00A0, U+200B) are gone
  if (PLACEHOLDERS.has(t.toLowerCase()) || /^[\/\\\-—─…．.]+$/.test(t)) return { kind: "placeholder", text: s.trim() };
  return parseDate(t) ?? parseNumber(t) ?? { kind: "text", text: s.trim() };
}

const DATE_AFTER: Record<string, Op> = { 前: "<=", 之前: "<=", 以前: "<=", 内: "<=", 以内: "<=", 止: "<=", 前完成: "<=", 底前: "<=" };

function parseDate(t: string): Parsed | null {
  let m = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]?|(底|末|份|中旬|上旬|下旬))?(前完成|之前|以前|以内|前|内|止|完成)?$/.exec(t);
  if (m) {
    const year = m[1] ? Number(m[1]) : null;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    let day: number;
    if (m[3]) day = Number(m[3]);
    else if (m[4] === "上旬") day = 10;
    else if (m[4] === "中旬") day = 20;
    else day = daysInMonth(year, month);
    if (day < 1 || day > daysInMonth(year, month)) return null;
    return { kind: "date", op: m[5] ? DATE_AFTER[m[5]] ?? null : null, year, month, day };
  }
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})[日号]?(前|之前|以前)?$/.exec(t);
  if (m) {
    const month = Number(m[2]), day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(m[1]), month)) return null;
    return { kind: "date", op: m[4] ? "<=" : null, year: Number(m[1]), month, day };
  }
  m = /^(\d{4})年(?:底|末|年底|年末|度内|内|度)(前|之前|以前)?$/.exec(t);
  if (m) return { kind: "date", op: "<=", year: Number(m[1]), month: 12, day: 31 };
  return null;
}

/**
 * A unit: `%`, `‰`, a word of up to four letters or characters (`万元`, `人次`, `m²`), or a compound one — a word then
 * `/`, `*`, `·`, `×` and further words (`元/户`, `元/人*月`, `元/人·月`, `人次/年`, `万元/公里`; RULES.md §6).
 */
const UNIT_WORD = "[A-Za-z\\u4e00-\\u9fff²³]";
const NUMBER_RE = new RegExp(
  `^(.*?)(>=|<=|>|<|=)?([-+])?(\\d+(?:\\.\\d+)?|\\.\\d+)(%|‰|${UNIT_WORD}{0,4}?(?:[/*·×・]${UNIT_WORD}{1,4}?)*)(及以上|以上|及以下|以下|以内|之内|内)?$`,
  "u",
);

function parseNumber(t: string): Parsed | null {
  const m = NUMBER_RE.exec(t);
  if (!m) return null;
  const [, pre, sym, sign, digits, unitRaw, post] = m;
  let op: Op | null = (sym as Op | undefined) ?? null;
  if (pre !== "") {
    const word = PRE_OPS.find(([w]) => pre.endsWith(w));
    // Any other text before the number makes it a sentence, not a value.
    if (!word) return null;
    if (!op) op = word[1];
  }
  const p = POST_OPS.find(([w]) => w === post);
  if (p && !op) op = p[1];
  let value = Number((sign === "-" ? "-" : "") + digits);
  if (!Number.isFinite(value)) return null;
  let unit = unitRaw; // "" when none (the group always takes part)
  if (unit === "百分比" || unit === "百分点") unit = "%"; // ≥100百分比 (system exports spell the unit out)
  if (unit === "%") value = value / 100;
  else if (unit === "‰") {
    value = value / 1000;
    unit = "%";
  }
  // A "unit" that is really an operator word left over ("10以上" is handled by post; "10个以上" too).
  if (/[以前内上下]$/.test(unit) && unit.length > 1) return null;
  return { kind: "number", op, value, unit };
}

/** Units: what they measure and how much of the base unit one of them is. */
export function unitInfo(unit: string): { family: string; factor: number } {
  // a compound unit (元/户, 元/人*月): the first part scales as a unit of its own, the rest must be the same words
  const slash = unit.search(/[/*·×・]/);
  if (slash > 0) {
    const head = unitInfo(unit.slice(0, slash));
    return { family: `${head.family}${unit.slice(slash).replace(/[*×・]/g, "·")}`, factor: head.factor };
  }
  let u = unit;
  let factor = 1;
  const prefix = /^(万|亿|千|百)(.+)/.exec(u);
  if (prefix) {
    factor = prefix[1] === "万" ? 1e4 : prefix[1] === "亿" ? 1e8 : prefix[1] === "千" ? 1e3 : 100;
    u = prefix[2];
  }
  if (u === "元") return { family: "money", factor };
  if (u === "人" || u === "人次" || u === "名" || u === "位") return { family: "person", factor };
  if (u === "次" || u === "场" || u === "场次" || u === "期" || u === "批" || u === "轮") return { family: "times", factor };
  if (u === "公里") return { family: "米", factor: factor * 1000 };
  return { family: u, factor };
}

export function isMoneyUnit(unit: string): boolean {
  return unitInfo(unit).family === "money"; // "" and "%" are families of their own
}

/**
 * Brings target and actual to one scale. A percent against a bare number is the same quantity
 * (=100% vs 100, =1 vs 100%); a missing unit on one side takes the other's. Null when the units differ.
 */
export function commensurate(
  target: { value: number; unit: string },
  actual: { value: number; unit: string },
): { a: number; b: number; unit: string } | null {
  const tu = target.unit, au = actual.unit;
  if (tu === au) return { a: target.value, b: actual.value, unit: tu };
  if (tu === "%" && au === "") return { a: target.value, b: Math.abs(actual.value) <= 1 ? actual.value : actual.value / 100, unit: "%" };
  if (au === "%" && tu === "") return { a: Math.abs(target.value) <= 1 ? target.value : target.value / 100, b: actual.value, unit: "%" };
  if (tu === "") return { a: target.value, b: actual.value, unit: au };
  if (au === "") return { a: target.value, b: actual.value, unit: tu };
  // a percent against a unit: unitInfo("%") is the family "%" of its own, which no other parsed unit has
  const ti = unitInfo(tu), ai = unitInfo(au);
  if (ti.family !== ai.family) return null;
  return { a: target.value * ti.factor, b: actual.value * ai.factor, unit: ti.factor <= ai.factor ? tu : au };
}

/** A plain number from a numeric cell (weight, score, amount): numbers, numeric text, "75%". */
export function numericValue(p: Parsed): number | null {
  return p.kind === "number" ? p.value : null;
}

export function dayNumber(d: { year: number | null; month: number; day: number }, defaultYear: number): number {
  return Date.UTC(d.year ?? defaultYear, d.month - 1, d.day) / 86400000;
}

// the one formatter (src/core/numbers.ts), where its importers have always found it
export { formatNumber, formatPercent } from "./numbers";
