import type { Grid } from "../grid";
import type { FormLayout } from "../locate";
import { textCell, valueCell } from "./cells";
import type { BudgetAnalysis } from "./types";

/**
 * The budget row (the funds total): its cells, the weight (its cell, else the section label, else what the family's
 * template prescribes), the execution rate and the score it earns.
 */
export function analyseBudget(grid: Grid, layout: FormLayout): BudgetAnalysis | null {
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
  const computedRate = A !== null && B !== null && A > 0 ? B / A : null;
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
