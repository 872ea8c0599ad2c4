import { Grid } from "./grid";
import { Category } from "./framework";
import { CellRef, FormLayout, IndicatorRowLayout } from "./locate";
import { CheckOptions } from "./options";
import { Parsed, parseText } from "./parse";
import { Grade, Score, gradeOf, natureOp, round, scoreDate, scoreQualitative, scoreQuantitative, totalCap } from "./scoring";
import { CellValue } from "./snapshot";

/**
 * One pass over a located form: every cell it needs parsed once, every figure recalculated once.
 * The rules only read this.
 */
export interface ValueCell {
  cell: CellRef;
  raw: CellValue;
  parsed: Parsed;
  /** the number it holds, if it holds one */
  value: number | null;
}

export interface BudgetAnalysis {
  row: number;
  labelCell: CellRef;
  initial: ValueCell | null;
  annual: ValueCell | null;
  executed: ValueCell | null;
  weight: ValueCell | null;
  rate: ValueCell | null;
  score: ValueCell | null;
  reason: ValueCell | null;
  /** weight from the cell, else from the section label (预算执行情况（10分）) */
  weightValue: number | null;
  computedRate: number | null;
  computedScore: number | null;
  parts: Array<{ row: number; label: string; initial: ValueCell | null; annual: ValueCell | null; executed: ValueCell | null }>;
}

export interface IndicatorAnalysis {
  row: number;
  layout: IndicatorRowLayout;
  /** the name for messages (at most 60 characters) */
  name: string;
  /** the name as written */
  fullName: string;
  nameCell: CellRef | null;
  target: ValueCell | null;
  actual: ValueCell | null;
  weight: ValueCell | null;
  score: ValueCell | null;
  cause: ValueCell | null;
  /** a real explanation is written (not blank, /, 无, 0 or template text) */
  hasCause: boolean;
  scoring: Score;
  /** the score that goes into the recalculated total */
  recalculated: number;
  /** an explanation is required: not met, or written below the weight */
  causeRequired: boolean;
}

export interface FormAnalysis {
  layout: FormLayout;
  year: number;
  budget: BudgetAnalysis | null;
  indicators: IndicatorAnalysis[];
  totalWeight: ValueCell | null;
  totalScore: ValueCell | null;
  /** budget weight + Σ indicator weights */
  weights: number;
  /** budget score + Σ indicator scores, as written */
  sumOfScores: number;
  /** every score recalculated (capped by execution rate where that setting is on) */
  recalculatedScore: number;
  cap: number | null;
  grade: Grade;
  level1: Record<Category, number>;
  /** level-1 weights written into labels: 产出指标（70分） */
  level1Declared: Partial<Record<Category, { weight: number; cell: CellRef }>>;
}

function valueCell(grid: Grid, row: number, col: number | undefined): ValueCell | null {
  if (col === undefined) return null;
  const parsed = grid.parsed(row, col);
  return { cell: { row, col }, raw: grid.value(row, col), parsed, value: parsed.kind === "number" ? parsed.value : null };
}

/** A text cell that is read, not parsed (the cause column: sentences). */
function textCell(grid: Grid, row: number, col: number | undefined): ValueCell | null {
  if (col === undefined) return null;
  const raw = grid.value(row, col);
  return { cell: { row, col }, raw, parsed: raw === "" ? { kind: "blank" } : { kind: "text", text: String(raw) }, value: null };
}

const NO_EXPLANATION = /^(\/|／|\\|-|--|—|——|无|0|空|不适用|n\/a|na|……|…|\.\.\.)$/i;
const PROMPT_TEXT = /偏差原因分析|改进措施|请填写|填写说明|原因分析$/;

export function isExplanation(v: CellValue | undefined): boolean {
  if (v === undefined || typeof v !== "string") return typeof v === "number" ? v !== 0 : false;
  const t = v.replace(/[\s\u3000]/g, "");
  if (!t) return false;
  if (NO_EXPLANATION.test(t)) return false;
  if (PROMPT_TEXT.test(t) && t.length <= 14) return false;
  return true;
}

/** Written rates: 75%, 0.75 with a percent format, "75%" as text, or 75 meaning percent points. */
export function rateValue(p: Parsed): number | null {
  if (p.kind !== "number") return null;
  if (p.unit === "%") return p.value;
  return Math.abs(p.value) > 1.5 ? p.value / 100 : p.value;
}

export function analyseForm(grid: Grid, layout: FormLayout, options: CheckOptions): FormAnalysis {
  const year = layout.year ?? options.defaultYear;
  const budget = analyseBudget(grid, layout);
  const indicators: IndicatorAnalysis[] = [];
  const ind = layout.indicators;
  if (ind) {
    for (const rowLayout of ind.rows) indicators.push(analyseIndicator(grid, layout, rowLayout, year, options));
  }
  const totalRow = layout.totalRow;
  const totalWeight = totalRow !== null && ind ? valueCell(grid, totalRow, ind.columns.weight) : null;
  const totalScore = totalRow !== null && ind ? valueCell(grid, totalRow, ind.columns.score) : null;

  let weights = budget?.weightValue ?? 0;
  let sumOfScores = budget?.score?.value ?? 0;
  // the recalculated total is the sum of the scores as write-back would write them (two decimals each), so the pane's
  // figure and the preview's agree
  let recalculated = round(budget?.computedScore ?? budget?.score?.value ?? 0, 2);
  const level1: Record<Category, number> = { output: 0, outcome: 0, satisfaction: 0 };
  const level1Declared: FormAnalysis["level1Declared"] = {};
  for (const i of indicators) {
    const w = i.weight?.value ?? 0;
    weights += w;
    sumOfScores += i.score?.value ?? 0;
    recalculated += round(i.recalculated, 2);
    if (i.layout.category) level1[i.layout.category] += w;
    if (i.layout.category && i.layout.level1LabelWeight !== null && ind?.columns.level1 !== undefined)
      level1Declared[i.layout.category] = { weight: i.layout.level1LabelWeight, cell: { row: i.layout.level1Row, col: ind.columns.level1 } };
  }
  let cap: number | null = null;
  if (options.capTotalByExecutionRate && budget?.computedRate != null) {
    cap = totalCap(budget.computedRate);
    if (cap !== null) recalculated = Math.min(recalculated, cap);
  }
  return {
    layout,
    year,
    budget,
    indicators,
    totalWeight,
    totalScore,
    weights,
    sumOfScores,
    recalculatedScore: recalculated,
    cap,
    grade: gradeOf(recalculated),
    level1,
    level1Declared,
  };
}

function analyseBudget(grid: Grid, layout: FormLayout): BudgetAnalysis | null {
  const f = layout.funds;
  if (!f || f.totalRow === null) return null;
  const r = f.totalRow;
  const c = f.columns;
  const initial = valueCell(grid, r, c.initial);
  const annual = valueCell(grid, r, c.annual);
  const executed = valueCell(grid, r, c.executed);
  const weight = valueCell(grid, r, c.weight);
  const rate = valueCell(grid, r, c.rate);
  const score = valueCell(grid, r, c.score);
  const reason = textCell(grid, r, c.reason);
  const weightValue = weight?.value ?? f.labelWeight;
  const A = annual?.value ?? null;
  const B = executed?.value ?? null;
  const computedRate = A !== null && B !== null && A > 0 ? B / A : A === 0 && B === 0 ? null : null;
  const computedScore = computedRate !== null && weightValue !== null ? weightValue * Math.min(Math.max(computedRate, 0), 1) : null;
  let labelCol = grid.left;
  for (let col = grid.left; col <= grid.right; col++) if (!grid.isBlank(r, col)) { labelCol = col; break; }
  return {
    row: r,
    labelCell: { row: r, col: labelCol },
    initial,
    annual,
    executed,
    weight,
    rate,
    score,
    reason,
    weightValue,
    computedRate,
    computedScore,
    parts: f.parts.map((p) => ({
      row: p.row,
      label: p.label,
      initial: valueCell(grid, p.row, c.initial),
      annual: valueCell(grid, p.row, c.annual),
      executed: valueCell(grid, p.row, c.executed),
    })),
  };
}

function analyseIndicator(grid: Grid, layout: FormLayout, rowLayout: IndicatorRowLayout, year: number, options: CheckOptions): IndicatorAnalysis {
  const cols = layout.indicators!.columns;
  const r = rowLayout.row;
  const name = cols.name !== undefined ? grid.text(r, cols.name) : "";
  let target = valueCell(grid, r, cols.target);
  let actual = valueCell(grid, r, cols.actual);
  const weight = valueCell(grid, r, cols.weight);
  const score = valueCell(grid, r, cols.score);
  const cause = textCell(grid, r, cols.cause);
  // 指标性质 and 度量单位 in their own columns: the target is operator + value + unit from three cells.
  const nature = cols.nature !== undefined ? natureOp(grid.text(r, cols.nature)) : null;
  const unitText = cols.unit !== undefined ? grid.text(r, cols.unit) : "";
  const unit = unitText && !/^[\/／\-—]$/.test(unitText) ? unitText.replace(/\s/g, "") : "";
  const withUnit = (v: ValueCell | null): ValueCell | null => {
    if (!v) return v;
    if (v.parsed.kind === "number" && v.parsed.unit === "" && unit) {
      const p = typeof v.raw === "string" ? parseText(v.raw + unit) : parseText(String(v.raw) + unit);
      if (p.kind === "number") return { ...v, parsed: { ...p, op: v.parsed.op ?? p.op }, value: p.value };
    }
    return v;
  };
  target = withUnit(target);
  actual = withUnit(actual);

  const w = weight?.value ?? null;
  let s: Score = { method: "unscored", expected: null, range: null, met: null, over: null, unitMismatch: null };
  if (w !== null && target && actual) {
    const t = target.parsed;
    const a = actual.parsed;
    if (nature === "qualitative" && t.kind !== "date") s = scoreQualitative(t.kind === "text" ? t.text : String(target.raw), a, w, options);
    else if (t.kind === "number" && a.kind === "number") s = scoreQuantitative(t, a, w, name, options, nature === "qualitative" ? null : nature);
    else if (t.kind === "date") s = scoreDate(t, a, w, year, options);
    else if (t.kind === "text") s = scoreQualitative(t.text, a, w, options);
  }
  const written = score?.value ?? null;
  let recalculated: number;
  if (s.expected !== null) recalculated = s.expected;
  else if (s.range) recalculated = written === null ? s.range[1] : Math.min(Math.max(written, s.range[0]), s.range[1]);
  else recalculated = written ?? 0;
  const hasCause = isExplanation(cause?.raw);
  const notMet = w !== null && (s.met === false || recalculated < w - 1e-9);
  const writtenBelow = w !== null && written !== null && written < w - 1e-9;
  return {
    row: r,
    layout: rowLayout,
    name: [...name].length > 60 ? `${[...name].slice(0, 60).join("")}…` : name,
    fullName: name,
    nameCell: cols.name !== undefined ? { row: r, col: cols.name } : null,
    target,
    actual,
    weight,
    score,
    cause,
    hasCause,
    scoring: s,
    recalculated,
    causeRequired: notMet || writtenBelow,
  };
}
