import type { Grid } from "../grid";
import { stripBrackets } from "../text";
import type { CellRef } from "./types";

/**
 * A total written in the form's header rather than in a 总分 row (RULES.md §6: the evaluation frame's `自评得分 98`, a
 * title line `自评得分：92分`): the label's cell and the cell holding the number — the next cell of the row, or the
 * label's own cell when the number is written inside it. 财政审核评分 (the reviewer's) is not the unit's total.
 */
export interface HeaderTotal {
  label: CellRef;
  value: CellRef;
}

const LABEL = /^(?:项目)?(?:自评得分|自评总分|自评分数?|总分|总得分)[:：]?$/;
/** the number written inside the label's cell: 自评得分：92 / 自评总分（分）: 97.5分 */
export const IN_CELL = /(?:自评得分|自评总分|自评分数?|总分|总得分)\s*(?:[(（]分[)）])?\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)\s*分?/;

/** The header's total in rows top…last (the rows before the form's first section), or null. */
export function findHeaderTotal(grid: Grid, top: number, last: number): HeaderTotal | null {
  for (let r = top; r <= last; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v !== "string" || v.length > 80) continue;
      const label = stripBrackets(grid.label(r, c));
      if (LABEL.test(label)) {
        // the value: the next cell of the row that is not blank (a number, or blank when the total is not written)
        // (text there — 自评得分 | 优 — is no total: the search goes on)
        const from = grid.spanEnd(r, c) + 1;
        let k = from;
        while (k <= grid.right && grid.isBlank(r, k)) k++;
        if (k > grid.right) return { label: { row: r, col: c }, value: { row: r, col: from <= grid.right ? from : c } };
        if (grid.parsed(r, k).kind === "number") return { label: { row: r, col: c }, value: { row: r, col: k } };
        continue;
      }
      if (IN_CELL.test(v.replace(/\s+/g, "")) && !/财政审核|审核评分/.test(v)) return { label: { row: r, col: c }, value: { row: r, col: c } };
    }
  }
  return null;
}
