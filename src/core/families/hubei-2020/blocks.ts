import type { Grid } from "../../grid";
import { weightInLabel } from "../../text";
import type { BlockReader, CellRef, IndicatorBlock } from "../family";
import { isBlockLabel } from "./words";

/**
 * Hubei 2020: the indicators come in blocks, each under its label 年度绩效目标1（40分） (or 年度绩效目标1 | 40分) and
 * with its own header row. The block's weight is in its label or in a cell of its own beside it.
 */

/** A block's weight written in a cell of its own beside the label: 年度绩效目标1 | 40分. */
function weightInRow(grid: Grid, r: number, after: number): number | null {
  for (let c = after + 1; c <= grid.right; c++) {
    const m = /^[(（]?(\d+(?:\.\d+)?)分[)）]?$/.exec(grid.label(r, c));
    if (m) return Number(m[1]);
  }
  return null;
}

export const BLOCKS: BlockReader = {
  isLabel: isBlockLabel,
  read(grid: Grid, cell: CellRef): IndicatorBlock {
    const label = grid.text(cell.row, cell.col);
    return { label, cell, weight: weightInLabel(label) ?? weightInRow(grid, cell.row, cell.col) };
  },
};
