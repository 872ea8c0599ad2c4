import type { Grid } from "../grid";
import type { FormLayout } from "../locate";
import type { CheckOptions } from "../options";
import { synthetic } from "./cells";
import { analyseIndicator } from "./indicator";
import type { BlockAnalysis, BudgetAnalysis, IndicatorAnalysis } from "./types";

/**
 * Indicators in blocks weighted in their labels, with no weight column (Hubei 2020). A met indicator scored its full
 * weight, so its weight is its written score; the one row of a block that is not met gets the remainder of the
 * block's weight when every other row is met. Any other row's weight is unknown: its score is not judged.
 */

/** Weights come from blocks: no weight column, and blocks read (or a family whose template has them). */
export function weightsInBlocks(layout: FormLayout): boolean {
  const ind = layout.indicators;
  return !!ind && ind.columns.weight === undefined && (ind.blocks.length > 0 || layout.family.blocks);
}

/**
 * The blocks with their rows' weights resolved, and the indicators with them (new objects: the ones given are left
 * as they were). With no block label, one block holds every row, worth what the budget leaves of 100.
 */
export function analyseBlocks(grid: Grid, layout: FormLayout, budget: BudgetAnalysis | null, indicators: readonly IndicatorAnalysis[], year: number, options: CheckOptions): { blocks: BlockAnalysis[]; indicators: IndicatorAnalysis[] } {
  const ind = layout.indicators!;
  const groups = ind.blocks.map((b, k) => ({ label: b.label, cell: b.cell, weight: b.weight, rows: indicators.filter((i) => i.layout.block === k) }));
  if (groups.length === 0) {
    const weight = budget?.weightValue != null ? 100 - budget.weightValue : null;
    groups.push({ label: "绩效指标", cell: { row: ind.headerRow, col: layout.left }, weight, rows: indicators.slice() });
  }
  const resolved = new Map<IndicatorAnalysis, IndicatorAnalysis>();
  const blocks = groups.map((g): BlockAnalysis => {
    const rows = resolveWeights(grid, layout, g.weight, g.rows, year, options);
    g.rows.forEach((i, k) => resolved.set(i, rows[k]));
    return { label: g.label, cell: g.cell, weight: g.weight, sumOfScores: g.rows.reduce((s, i) => s + (i.partOf === undefined ? i.score?.value ?? 0 : 0), 0), rows };
  });
  return { blocks, indicators: indicators.map((i) => resolved.get(i) ?? i) };
}

/** One block's rows, each with the weight it is known to have (or none). */
function resolveWeights(grid: Grid, layout: FormLayout, weight: number | null, rows: readonly IndicatorAnalysis[], year: number, options: CheckOptions): IndicatorAnalysis[] {
  let full = 0;
  const open: number[] = [];
  const out = rows.map((i, k): IndicatorAnalysis => {
    const written = i.score?.value ?? null;
    if (i.scoring.met === true && written !== null) {
      // a sub-item's score is part of its parent's (RULES.md §6): not counted again in the block
      if (i.partOf === undefined) full += written;
      return { ...i, weight: synthetic(i.score!.cell, written), weightSource: "score" };
    }
    if (i.partOf === undefined) open.push(k);
    return i;
  });
  if (open.length === 1 && weight !== null) {
    const k = open[0];
    out[k] = { ...analyseIndicator(grid, layout, rows[k].layout, year, options, Math.max(0, weight - full)), weightSource: "remainder" };
  }
  return out;
}
