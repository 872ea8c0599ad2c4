import type { Category } from "../framework";
import type { Grid } from "../grid";
import type { CellRef, FormLayout } from "../locate";
import { IN_CELL } from "../locate/header-total";
import type { CheckOptions } from "../options";
import { round, totalCap } from "../scoring";
import { valueCell } from "./cells";
import type { BlockAnalysis, BudgetAnalysis, FormAnalysis, IndicatorAnalysis, ValueCell } from "./types";

/** The total row's cells, and the form's sums: weights, scores as written, scores recalculated, level-1 weights. */

/** The 总分 row's weight and score cells; with no weight column, the score is the first number after the label (总分 | 99.6). */
export function totalCells(grid: Grid, layout: FormLayout): { totalWeight: ValueCell | null; totalScore: ValueCell | null; headerTotal: ValueCell | null } {
  const ind = layout.indicators;
  const totalRow = layout.totalRow;
  const totalWeight = totalRow !== null && ind ? valueCell(grid, totalRow, ind.columns.weight) : null;
  let totalScore = totalRow !== null && ind ? valueCell(grid, totalRow, ind.columns.score) : null;
  if (totalScore && totalScore.parsed.kind === "blank" && layout.totalLabelCell && ind?.columns.weight === undefined) {
    const from = grid.spanEnd(layout.totalLabelCell.row, layout.totalLabelCell.col) + 1;
    for (let c = from; c <= layout.right; c++) {
      if (grid.parsed(totalRow!, c).kind === "number") {
        totalScore = valueCell(grid, totalRow!, c);
        break;
      }
    }
  }
  const headerTotal = layout.headerTotalCell ? headerTotalCell(grid, layout.headerTotalCell) : null;
  if (totalRow === null && headerTotal) totalScore = headerTotal;
  return { totalWeight, totalScore, headerTotal };
}

/** The total written in the header: its own cell, or the number inside its label's text (自评得分：92分). */
function headerTotalCell(grid: Grid, at: CellRef): ValueCell {
  const own = valueCell(grid, at.row, at.col)!;
  if (own.parsed.kind !== "text") return own;
  const m = IN_CELL.exec(own.parsed.text.replace(/\s+/g, ""));
  if (!m) return own;
  const value = Number(m[1]);
  return { ...own, parsed: { kind: "number", op: null, value, unit: "" }, value };
}

export type Totals = Pick<FormAnalysis, "weights" | "sumOfScores" | "recalculatedScore" | "cap" | "level1" | "level1Declared">;

/**
 * The sums. The weights are the budget's and the indicators' (or, with weights in blocks, the blocks'); the
 * recalculated total is the sum of the scores as write-back would write them (two decimals each), so the pane's
 * figure and the preview's agree, capped by the execution rate where that setting is on.
 */
export function totals(layout: FormLayout, budget: BudgetAnalysis | null, indicators: readonly IndicatorAnalysis[], blocks: readonly BlockAnalysis[] | null, options: CheckOptions): Totals {
  const ind = layout.indicators;
  let weights = budget?.weightValue ?? 0;
  let sumOfScores = budget?.score?.value ?? 0;
  let recalculated = round(budget?.computedScore ?? budget?.score?.value ?? 0, 2);
  const level1: Record<Category, number> = { output: 0, outcome: 0, satisfaction: 0 };
  const level1Declared: FormAnalysis["level1Declared"] = {};
  for (const i of indicators) {
    if (i.partOf !== undefined) continue; // a sub-item: its parent counts (RULES.md §6)
    const w = i.weight?.value ?? 0;
    if (!blocks) weights += w;
    sumOfScores += i.score?.value ?? 0;
    recalculated += round(i.recalculated, 2);
    if (i.layout.category) level1[i.layout.category] += w;
    if (i.layout.category && i.layout.level1LabelWeight !== null && ind?.columns.level1 !== undefined)
      level1Declared[i.layout.category] = { weight: i.layout.level1LabelWeight, cell: { row: i.layout.level1Row, col: ind.columns.level1 } };
  }
  if (blocks) for (const b of blocks) weights += b.weight ?? 0;
  let cap: number | null = null;
  if (options.capTotalByExecutionRate && budget?.computedRate != null) {
    cap = totalCap(budget.computedRate);
    if (cap !== null) recalculated = Math.min(recalculated, cap);
  }
  return { weights, sumOfScores, recalculatedScore: recalculated, cap, level1, level1Declared };
}
