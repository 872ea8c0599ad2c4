/**
 * The workbook as the engine sees it: what Office.js returns for each sheet's used range.
 * Both adapters (Office.js in src/excel, exceljs in src/xlsx) produce exactly this shape.
 *
 * - `values[r][c]` is the raw value as Office.js gives it: number, string, boolean, or "" for a blank cell.
 *   Error values are their text ("#DIV/0!"). A merged area holds its value at the master (top-left) cell only.
 * - `formats[r][c]` is the cell's number format ("General", "0%", "yyyy-mm-dd"…).
 * - `top`/`left` are the 0-based row/column of values[0][0] on the sheet (the used range's first cell).
 * - `merges` use absolute 0-based coordinates, inclusive.
 */
export type CellValue = string | number | boolean;

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  top: number;
  left: number;
  values: CellValue[][];
  formats: string[][];
  merges: MergeArea[];
  /** cells left out because they lie far outside the rest (a stray value at XFD1048576): how many, and the farthest */
  clipped?: { cells: number; farthest: { row: number; col: number } };
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Error values as Excel writes them. */
export const ERROR_VALUES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

export function isErrorValue(v: CellValue): boolean {
  return typeof v === "string" && v.startsWith("#") && ERROR_VALUES.includes(v.trim().toUpperCase());
}

/** How large a sheet snapshot may be (cells of its box); past that, far-away cells are left out and reported. */
export const MAX_SNAPSHOT_CELLS = 4_000_000;

export interface PlacedCell {
  r: number;
  c: number;
  v: CellValue;
  f: string;
}

/**
 * Builds a sheet snapshot from the cells that hold values. A merged area's non-master cells are dropped (Office.js
 * shows the value at the master only). When the cells' box would pass the limit — a stray value at XFD1048576 — the
 * box is cut at the first large gap in rows and columns, and what was left out is recorded in `clipped`.
 */
export function snapshotFromCells(name: string, cells: PlacedCell[], merges: MergeArea[], maxCells = MAX_SNAPSHOT_CELLS): SheetSnapshot {
  const slaves = new Set<number>();
  const bigMerges: MergeArea[] = [];
  for (const mg of merges) {
    if ((mg.bottom - mg.top + 1) * (mg.right - mg.left + 1) > 4096) bigMerges.push(mg);
    else for (let r = mg.top; r <= mg.bottom; r++) for (let c = mg.left; c <= mg.right; c++) if (r !== mg.top || c !== mg.left) slaves.add(r * 16384 + c);
  }
  const isSlave = (r: number, c: number) =>
    slaves.has(r * 16384 + c) || (bigMerges.length > 0 && bigMerges.some((mg) => r >= mg.top && r <= mg.bottom && c >= mg.left && c <= mg.right && (r !== mg.top || c !== mg.left)));
  let kept = merges.length ? cells.filter((x) => !isSlave(x.r, x.c)) : cells;
  if (kept.length === 0) return { name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges };
  const box = (xs: PlacedCell[]) => {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const x of xs) {
      if (x.r < top) top = x.r;
      if (x.r > bottom) bottom = x.r;
      if (x.c < left) left = x.c;
      if (x.c > right) right = x.c;
    }
    return { top, left, bottom, right };
  };
  let b = box(kept);
  let clipped: SheetSnapshot["clipped"];
  if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > maxCells) {
    const cut = (vals: number[], gap: number) => {
      const u = [...new Set(vals)].sort((x, y) => x - y);
      for (let i = 1; i < u.length; i++) if (u[i] - u[i - 1] > gap) return u[i - 1];
      return u[u.length - 1];
    };
    let lastRow = cut(kept.map((x) => x.r), 1000);
    let lastCol = cut(kept.map((x) => x.c), 100);
    // still too large: keep the top-left part that fits
    const width = lastCol - b.left + 1;
    if ((lastRow - b.top + 1) * width > maxCells) lastRow = b.top + Math.floor(maxCells / width) - 1;
    if ((lastRow - b.top + 1) * (lastCol - b.left + 1) > maxCells) lastCol = b.left + Math.floor(maxCells / (lastRow - b.top + 1)) - 1;
    const out = kept.filter((x) => x.r > lastRow || x.c > lastCol);
    kept = kept.filter((x) => x.r <= lastRow && x.c <= lastCol);
    const far = out.reduce((m, x) => (x.r > m.r || (x.r === m.r && x.c > m.c) ? x : m), out[0]);
    clipped = { cells: out.length, farthest: { row: far.r, col: far.c } };
    b = box(kept);
  }
  const h = b.bottom - b.top + 1, w = b.right - b.left + 1;
  const values: CellValue[][] = Array.from({ length: h }, () => new Array<CellValue>(w).fill(""));
  const formats: string[][] = Array.from({ length: h }, () => new Array<string>(w).fill("General"));
  for (const x of kept) {
    values[x.r - b.top][x.c - b.left] = x.v;
    formats[x.r - b.top][x.c - b.left] = x.f;
  }
  const sheet: SheetSnapshot = { name, top: b.top, left: b.left, values, formats, merges };
  if (clipped) sheet.clipped = clipped;
  return sheet;
}
