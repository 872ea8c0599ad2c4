import type { Grid } from "../../grid";
import type { CellRef, FormTail } from "../family";
import { CAUSE_LABEL_PREFIX, FORM_CAUSE_LABEL, NOTES_LABEL, REMEDY_LABEL } from "./words";

/**
 * Hubei 2020: after the total, the one form-level cause cell (偏差大或目标未完成原因分析), then 改进措施…, 备注.
 * Scanned cell by cell: the label may share its cell with the text (偏差大或目标未完成原因分析：因……), too long for a label.
 */

/** The first cell in the rows whose whole text (any length) starts as the pattern says. */
function scanRows(grid: Grid, from: number, to: number, re: RegExp): CellRef | null {
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (!grid.isBlank(r, c) && re.test(grid.label(r, c))) return { row: r, col: c };
    }
  }
  return null;
}

export function readTail(grid: Grid, totalRow: number, segEnd: number): FormTail | null {
  const causeLabel = scanRows(grid, totalRow + 1, Math.min(segEnd, totalRow + 6), FORM_CAUSE_LABEL);
  if (!causeLabel) return null;
  const c = grid.spanEnd(causeLabel.row, causeLabel.col) + 1;
  const own = grid.label(causeLabel.row, causeLabel.col).replace(FORM_CAUSE_LABEL, "").replace(/^[:：]/, "");
  // the text in the label's own cell when it has some and the next cell is blank
  const cause = own && (c > grid.right || grid.isBlank(causeLabel.row, c)) ? causeLabel : c <= grid.right ? { row: causeLabel.row, col: c } : null;
  let end = causeLabel.row;
  const remedy = scanRows(grid, causeLabel.row + 1, Math.min(segEnd, causeLabel.row + 4), REMEDY_LABEL);
  if (remedy) end = remedy.row;
  const notes = scanRows(grid, (remedy ?? causeLabel).row + 1, Math.min(segEnd, (remedy ?? causeLabel).row + 4), NOTES_LABEL);
  if (notes) end = notes.row;
  return { causeLabel, cause, end, labelPrefix: CAUSE_LABEL_PREFIX };
}
