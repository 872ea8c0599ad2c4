import { Grid } from "../grid";
import type { FormLayout } from "../locate";
import type { CheckOptions } from "../options";
import { gradeOf, sameAt2 } from "../scoring";
import { analyseBlocks, weightsInBlocks } from "./blocks";
import { analyseBudget } from "./budget";
import { isEmpty } from "./cells";
import { uncheckedSections } from "./coverage";
import { analyseIndicator } from "./indicator";
import { scoredSubItems } from "./sub-items";
import { totalCells, totals } from "./totals";
import type { BlockAnalysis, FormAnalysis, IndicatorAnalysis } from "./types";

/**
 * One pass over a located form, along the pipeline: the budget (budget.ts), each indicator (indicator.ts), the
 * weights of indicators in blocks (blocks.ts), the total row and the sums (totals.ts), what went unread
 * (coverage.ts). Every cell it needs is parsed once, every figure recalculated once; the rules only read the result.
 */
export function analyseForm(grid: Grid, layout: FormLayout, options: CheckOptions): FormAnalysis {
  const year = layout.year ?? options.defaultYear;
  const budget = analyseBudget(grid, layout);
  const inBlocks = weightsInBlocks(layout);
  const read: IndicatorAnalysis[] = (layout.indicators?.rows ?? []).map((row) => analyseIndicator(grid, layout, row, year, options, inBlocks ? "unknown" : null));
  for (const [k, parent] of scoredSubItems(read)) read[k] = { ...read[k], partOf: read[parent].row };
  let indicators = read;
  let blocks: BlockAnalysis[] = [];
  if (inBlocks) ({ blocks, indicators } = analyseBlocks(grid, layout, budget, read, year, options));
  const { totalWeight, totalScore, headerTotal } = totalCells(grid, layout);
  const sums = totals(layout, budget, indicators, inBlocks ? blocks : null, options);
  const unfilled = indicators.length > 0 && indicators.every((i) => isEmpty(i.actual) && isEmpty(i.score));
  const unchecked = uncheckedSections(layout, budget, indicators, inBlocks);
  return {
    layout,
    year,
    budget,
    indicators,
    totalWeight,
    totalScore,
    headerTotal,
    weights: sums.weights,
    sumOfScores: sums.sumOfScores,
    recalculatedScore: sums.recalculatedScore,
    cap: sums.cap,
    grade: gradeOf(sums.recalculatedScore),
    level1: sums.level1,
    level1Declared: sums.level1Declared,
    unchecked,
    unfilled,
    blocks,
    // no grade for a form that could not be fully read, is not filled in, or whose weights do not add up to 100 (a
    // recalculated 180 of 190 is no score out of 100: RULES.md §6, a budget 分值 other than the family's)
    gradeOrNull: unchecked.length > 0 || unfilled || !sameAt2(sums.weights, 100) ? null : gradeOf(sums.recalculatedScore),
  };
}
