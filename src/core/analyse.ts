import { Grid } from "./grid";
import { Category } from "./framework";
import { CellRef, FormLayout, IndicatorRowLayout } from "./locate";
import { CheckOptions } from "./options";
import { Parsed, parseText } from "./parse";
import { DONE, Grade, Score, gradeOf, natureOp, round, scoreDate, scoreQualitative, scoreQuantitative, totalCap } from "./scoring";
import { CellValue } from "./snapshot";
import { isPromptText, withoutPrompts } from "./vocabulary";

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
  /**
   * Where the weight comes from: its own cell; or, with no weight column (Hubei 2020), the written score of a met
   * indicator ("score"), the remainder of the block's weight ("remainder"), or unknown (null: the score is not judged).
   */
  weightSource: "cell" | "score" | "remainder" | null;
}

/** A section the checker could not read: its figures are not checked and the form gets no grade. */
export interface UncheckedSection {
  /** "funds" | "indicators" | "total" */
  section: string;
  zh: string;
  en: string;
  lookedForZh: string;
  lookedForEn: string;
  at: CellRef;
}

export interface BlockAnalysis {
  label: string;
  cell: CellRef;
  weight: number | null;
  /** Σ written scores of its rows */
  sumOfScores: number;
  rows: IndicatorAnalysis[];
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
  /** sections not checked (figures 未校验, no grade) */
  unchecked: UncheckedSection[];
  /** an unfilled template: every 完成值 and 得分 empty */
  unfilled: boolean;
  /** Hubei 2020 blocks (empty for the other families) */
  blocks: BlockAnalysis[];
  /** the grade, null when a section went unchecked or the form is not filled in */
  gradeOrNull: Grade | null;
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
  // the template's own instruction is no reason; what the unit wrote after it is
  const own = withoutPrompts(t).replace(/^[;；。.,，:：]+/, "");
  if (own !== t) return own.length > 0 && isExplanation(own);
  if (isPromptText(t)) return false;
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
  // Hubei 2020: no weight column, weights in the block labels (or one unlabelled block: what the budget leaves of 100)
  const blocksMode = !!ind && ind.columns.weight === undefined && (ind.blocks.length > 0 || layout.family.blocks);
  if (ind) {
    for (const rowLayout of ind.rows) indicators.push(analyseIndicator(grid, layout, rowLayout, year, options, blocksMode ? "unknown" : null));
  }
  const blocks: BlockAnalysis[] = [];
  if (blocksMode && ind) {
    ind.blocks.forEach((b, k) => blocks.push({ label: b.label, cell: b.cell, weight: b.weight, sumOfScores: 0, rows: indicators.filter((i) => i.layout.block === k) }));
    if (blocks.length === 0) {
      const weight = budget?.weightValue != null ? 100 - budget.weightValue : null;
      blocks.push({ label: "绩效指标", cell: { row: ind.headerRow, col: layout.left }, weight, sumOfScores: 0, rows: indicators.slice() });
    }
    for (const block of blocks) resolveBlockWeights(grid, layout, block, year, options, indicators);
  }
  const totalRow = layout.totalRow;
  const totalWeight = totalRow !== null && ind ? valueCell(grid, totalRow, ind.columns.weight) : null;
  let totalScore = totalRow !== null && ind ? valueCell(grid, totalRow, ind.columns.score) : null;
  if (totalScore && totalScore.parsed.kind === "blank" && layout.totalLabelCell && ind?.columns.weight === undefined) {
    // 总分 written in the first cell after the label (Hubei: 总分 | 99.6)
    const from = grid.spanEnd(layout.totalLabelCell.row, layout.totalLabelCell.col) + 1;
    for (let c = from; c <= layout.right; c++) {
      if (grid.parsed(totalRow!, c).kind === "number") {
        totalScore = valueCell(grid, totalRow!, c);
        break;
      }
    }
  }

  let weights = budget?.weightValue ?? 0;
  let sumOfScores = budget?.score?.value ?? 0;
  // the recalculated total is the sum of the scores as write-back would write them (two decimals each), so the pane's
  // figure and the preview's agree
  let recalculated = round(budget?.computedScore ?? budget?.score?.value ?? 0, 2);
  const level1: Record<Category, number> = { output: 0, outcome: 0, satisfaction: 0 };
  const level1Declared: FormAnalysis["level1Declared"] = {};
  for (const i of indicators) {
    const w = i.weight?.value ?? 0;
    if (!blocksMode) weights += w;
    sumOfScores += i.score?.value ?? 0;
    recalculated += round(i.recalculated, 2);
    if (i.layout.category) level1[i.layout.category] += w;
    if (i.layout.category && i.layout.level1LabelWeight !== null && ind?.columns.level1 !== undefined)
      level1Declared[i.layout.category] = { weight: i.layout.level1LabelWeight, cell: { row: i.layout.level1Row, col: ind.columns.level1 } };
  }
  if (blocksMode) for (const b of blocks) weights += b.weight ?? 0;
  let cap: number | null = null;
  if (options.capTotalByExecutionRate && budget?.computedRate != null) {
    cap = totalCap(budget.computedRate);
    if (cap !== null) recalculated = Math.min(recalculated, cap);
  }
  const unfilled = indicators.length > 0 && indicators.every((i) => isEmpty(i.actual) && isEmpty(i.score));
  const unchecked = uncheckedSections(layout, budget, indicators, blocksMode);
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
    unchecked,
    unfilled,
    blocks,
    gradeOrNull: unchecked.length > 0 || unfilled ? null : gradeOf(recalculated),
  };
}

const isEmpty = (v: ValueCell | null) => !v || v.parsed.kind === "blank" || v.parsed.kind === "placeholder";

/** What could not be read, section by section: named with what was looked for (RULES.md §5: nothing skipped silently). */
function uncheckedSections(layout: FormLayout, budget: BudgetAnalysis | null, indicators: IndicatorAnalysis[], blocksMode: boolean): UncheckedSection[] {
  const out: UncheckedSection[] = [];
  const origin = { row: layout.top, col: layout.left };
  const f = layout.funds;
  if (layout.kind !== "project") return out;
  if (f && f.totalRow !== null) {
    const at = f.labelCell ?? { row: f.totalRow, col: layout.left };
    const lacking: string[] = [];
    if (f.columns.annual === undefined) lacking.push("全年预算数/调整后预算数/预算数");
    if (f.columns.executed === undefined) lacking.push("全年执行数/预算执行数/执行数");
    if (budget && f.columns.annual !== undefined && f.columns.executed !== undefined) {
      const bad = [budget.annual, budget.executed].filter((v) => v && (v.parsed.kind === "text" || v.parsed.kind === "date" || v.parsed.kind === "error"));
      for (const v of bad) lacking.push(`${v === budget.annual ? "预算数" : "执行数"}为数值（读到“${String(v!.raw)}”）`);
    }
    if (lacking.length > 0)
      out.push({ section: "funds", zh: "预算执行情况", en: "budget execution", lookedForZh: lacking.join("、") + " 列", lookedForEn: "the budget and executed columns with numbers", at });
  } else if (!f || f.totalRow === null) {
    out.push({
      section: "funds",
      zh: "预算执行情况",
      en: "budget execution",
      lookedForZh: f ? "年度资金总额/总额 行" : "项目资金/资金情况/预算执行情况 部分及其年度资金总额行",
      lookedForEn: f ? "the 年度资金总额 (total) row" : "the funds section (项目资金/资金情况/预算执行情况) and its total row",
      at: f?.labelCell ?? origin,
    });
  }
  const ind = layout.indicators;
  if (!ind || ind.rows.length === 0) {
    out.push({
      section: "indicators",
      zh: "绩效指标",
      en: "indicators",
      lookedForZh: ind ? "表头下的指标行" : "一级指标/二级指标/三级指标 表头",
      lookedForEn: ind ? "indicator rows under the header" : "the 一级指标/二级指标/三级指标 header",
      at: ind ? { row: ind.headerRow, col: layout.left } : origin,
    });
  } else {
    const lacking: string[] = [];
    if (ind.columns.name === undefined) lacking.push("三级指标");
    if (ind.columns.score === undefined) lacking.push("得分");
    if (ind.columns.weight === undefined && !blocksMode) lacking.push("分值/权重");
    if (ind.columns.target === undefined) lacking.push("指标值/年度指标值");
    if (ind.columns.actual === undefined) lacking.push("实际完成值/完成值");
    if (lacking.length > 0)
      out.push({ section: "indicators", zh: "绩效指标", en: "indicators", lookedForZh: lacking.join("、") + " 列", lookedForEn: "the columns " + lacking.join(", "), at: { row: ind.headerRow, col: layout.left } });
  }
  if (layout.totalRow === null && indicators.length > 0) {
    out.push({ section: "total", zh: "总分", en: "total", lookedForZh: "总分/合计 行", lookedForEn: "the 总分/合计 row", at: origin });
  }
  return out;
}

/**
 * Hubei 2020: no weight column. A met indicator scored its full weight, so its weight is its written score; the one
 * row of a block that is not met gets the remainder of the block's weight when every other row is met. Any other
 * row's weight is unknown: its score is not judged.
 */
function resolveBlockWeights(grid: Grid, layout: FormLayout, block: BlockAnalysis, year: number, options: CheckOptions, all: IndicatorAnalysis[]): void {
  block.sumOfScores = block.rows.reduce((s, i) => s + (i.score?.value ?? 0), 0);
  const open: IndicatorAnalysis[] = [];
  let full = 0;
  for (const i of block.rows) {
    const written = i.score?.value ?? null;
    if (i.scoring.met === true && written !== null) {
      i.weightSource = "score";
      i.weight = synthetic(i.score!.cell, written);
      full += written;
    } else open.push(i);
  }
  if (open.length === 1 && block.weight !== null) {
    const i = open[0];
    const w = Math.max(0, block.weight - full);
    const again = analyseIndicator(grid, layout, i.layout, year, options, w);
    Object.assign(i, again, { weightSource: "remainder" as const });
    all[all.indexOf(i)] = i;
  }
}

function synthetic(cell: CellRef, w: number): ValueCell {
  return { cell, raw: w, parsed: { kind: "number", op: null, value: w, unit: "" }, value: w };
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
  const weightValue = weight?.value ?? f.labelWeight ?? layout.family.budgetWeight;
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

/**
 * One indicator row. `weightOverride`: null reads the weight column; "unknown" (Hubei, no weight column) scores against
 * a weight of 1 only to learn whether the target was met; a number is the weight known otherwise (a block's remainder).
 */
function analyseIndicator(grid: Grid, layout: FormLayout, rowLayout: IndicatorRowLayout, year: number, options: CheckOptions, weightOverride: number | "unknown" | null = null): IndicatorAnalysis {
  const cols = layout.indicators!.columns;
  const r = rowLayout.row;
  const name = cols.name !== undefined ? grid.text(r, cols.name) : "";
  let target = valueCell(grid, r, cols.target);
  let actual = valueCell(grid, r, cols.actual);
  const score = valueCell(grid, r, cols.score);
  const weight = typeof weightOverride === "number" && score ? synthetic(score.cell, weightOverride) : valueCell(grid, r, cols.weight);
  // Hubei: the one form-level cause cell stands for every row.
  let cause = cols.cause === undefined && layout.formCause ? textCell(grid, layout.formCause.row, layout.formCause.col) : textCell(grid, r, cols.cause);
  if (cause && layout.formCauseLabel && cause.cell.row === layout.formCauseLabel.row && cause.cell.col === layout.formCauseLabel.col && typeof cause.raw === "string") {
    // label and text in one cell: only the text after the label counts
    const text = cause.raw.replace(/^[\s\u3000]*偏差大或目标未完成原因分析[\s\u3000]*[:：]?/, "");
    cause = { ...cause, raw: text, parsed: text.trim() ? { kind: "text", text } : { kind: "blank" } };
  }
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

  const w = weightOverride === "unknown" ? 1 : weight?.value ?? null;
  let s: Score = { method: "unscored", expected: null, range: null, met: null, over: null, unitMismatch: null };
  if (w !== null && target && actual) {
    const t = target.parsed;
    const a = actual.parsed;
    if (nature === "qualitative" && t.kind !== "date") s = scoreQualitative(t.kind === "text" ? t.text : String(target.raw), a, w, options);
    else if (t.kind === "number" && a.kind === "number") s = scoreQuantitative(t, a, w, name, options, nature === "qualitative" ? null : nature);
    // a numeric target with the actual written as 完成 / 已完成 / 达成: the target was reached (Sichuan exports)
    else if (t.kind === "number" && a.kind === "text" && DONE.test(a.text.replace(/[\s。，,；;]/g, ""))) s = { method: "positive", expected: w, range: null, met: true, over: null, unitMismatch: null };
    else if (t.kind === "date") s = scoreDate(t, a, w, year, options);
    else if (t.kind === "text") s = scoreQualitative(t.text, a, w, options);
  }
  const written = score?.value ?? null;
  let recalculated: number;
  if (s.expected !== null) recalculated = s.expected;
  else if (s.range) recalculated = written === null ? s.range[1] : Math.min(Math.max(written, s.range[0]), s.range[1]);
  else recalculated = written ?? 0;
  const hasCause = isExplanation(cause?.raw);
  if (weightOverride === "unknown") {
    // weight not known: the score is not judged; only whether the target was met counts
    const unknown: Score = { ...s, expected: null, range: null };
    return {
      row: r, layout: rowLayout, name: shortName(name), fullName: name, nameCell: cols.name !== undefined ? { row: r, col: cols.name } : null,
      target, actual, weight: null, score, cause, hasCause, scoring: unknown, recalculated: written ?? 0, causeRequired: s.met === false, weightSource: null,
    };
  }
  const notMet = w !== null && (s.met === false || recalculated < w - 1e-9);
  const writtenBelow = w !== null && written !== null && written < w - 1e-9;
  return {
    row: r,
    layout: rowLayout,
    name: shortName(name),
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
    weightSource: typeof weightOverride === "number" ? "remainder" : weight ? "cell" : null,
  };
}

function shortName(name: string): string {
  return [...name].length > 60 ? `${[...name].slice(0, 60).join("")}…` : name;
}
