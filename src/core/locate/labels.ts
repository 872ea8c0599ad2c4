import type { Grid } from "../grid";
import { stripBrackets } from "../text";
import type { CellRef } from "./types";

/**
 * The label index: every short text cell of the sheet, label-normalised, in row order. The sheet is read once, and
 * every label search scans only these.
 */
export interface LabelCell {
  row: number;
  col: number;
  label: string;
}

export function labelCells(grid: Grid): LabelCell[] {
  const out: LabelCell[] = [];
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v !== "string" || v.length === 0 || v.length > 80) continue;
      const l = grid.label(r, c);
      if (l.length === 0 || l.length > 40) continue;
      out.push({ row: r, col: c, label: l });
    }
  }
  return out;
}

/** Index of the first label cell at or below a row. */
export function firstAtRow(cells: readonly LabelCell[], row: number): number {
  let lo = 0, hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first label cell in rows top…bottom (and columns left…right) that passes the test. */
export type Find = (top: number, bottom: number, test: (label: string) => boolean, left?: number, right?: number) => CellRef | null;

export function finder(grid: Grid, cells: readonly LabelCell[]): Find {
  return (top, bottom, test, left = grid.left, right = grid.right) => {
    for (let i = firstAtRow(cells, top); i < cells.length && cells[i].row <= bottom; i++) {
      const x = cells[i];
      if (x.col >= left && x.col <= right && test(x.label)) return { row: x.row, col: x.col };
    }
    return null;
  };
}

/** The labels of rows top…bottom, in order. */
export function labelsIn(cells: readonly LabelCell[], top: number, bottom: number): string[] {
  const out: string[] = [];
  for (let i = firstAtRow(cells, top); i < cells.length && cells[i].row <= bottom; i++) out.push(cells[i].label);
  return out;
}

/** Text of a header column over the band's rows, each merged area counted once, at its first column. */
export function headerText(grid: Grid, rows: readonly number[], col: number): string {
  let s = "";
  let lastRow = -1;
  for (const r of rows) {
    const m = grid.merge(r, col);
    const mr = m ? m.top : r;
    if ((m ? m.left : col) !== col || mr === lastRow) continue; // another column's merge, or the same merge again
    lastRow = mr;
    s += grid.label(mr, col);
  }
  return s.includes("(") || s.includes("[") || s.includes("【") ? stripBrackets(s) : s;
}

/** A label of at most n characters once its brackets and a trailing colon are gone. */
export const shortLabel = (l: string, n: number): boolean => stripBrackets(l).replace(/[:：]$/, "").length <= n;
