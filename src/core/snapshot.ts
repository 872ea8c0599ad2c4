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
 * Which cells of a box are merge slaves (covered by a merged area, not its top-left master), for all merges at once
 * in time linear in the box and the merges — a 2-D difference array of how many areas cover each cell, less how many
 * have it as their master — never a box re-marked per merge (2,000 identical merges over one large range, or 5,000
 * disjoint 64×64 merges, cost one pass). Returns null when no merge touches the box. With `overlapping`, also says
 * which merges share a cell of the box with another (Excel never writes such; its repair removes them): set true at
 * their index, found with a second prefix sum, still one pass.
 */
export function mergeSlaves(merges: readonly MergeArea[], top: number, left: number, h: number, w: number, overlapping?: boolean[]): Uint8Array | null {
  const bottom = top + h - 1, right = left + w - 1;
  let d: Int32Array | null = null;
  const W = w + 1;
  let masters: Map<number, number> | null = null;
  for (const mg of merges) {
    const r0 = Math.max(mg.top, top), r1 = Math.min(mg.bottom, bottom), c0 = Math.max(mg.left, left), c1 = Math.min(mg.right, right);
    if (r0 > r1 || c0 > c1) continue;
    d ??= new Int32Array((h + 1) * W);
    const a = r0 - top, b = r1 - top + 1, c = c0 - left, e = c1 - left + 1;
    d[a * W + c]++;
    d[a * W + e]--;
    d[b * W + c]--;
    d[b * W + e]++;
    if (mg.top === r0 && mg.left === c0) {
      masters ??= new Map();
      const k = a * w + c;
      masters.set(k, (masters.get(k) ?? 0) + 1);
    }
  }
  if (!d) return null;
  const slave = new Uint8Array(h * w);
  // prefix sums in place: along each row, then down each column
  for (let r = 0; r < h; r++) {
    let run = 0;
    for (let c = 0; c < w; c++) {
      run += d[r * W + c];
      d[r * W + c] = run + (r > 0 ? d[(r - 1) * W + c] : 0);
      if (d[r * W + c] > 0) slave[r * w + c] = 1;
    }
  }
  if (masters) for (const [k, n] of masters) if (d[Math.floor(k / w) * W + (k % w)] - n <= 0) slave[k] = 0;
  if (overlapping) {
    // cells covered twice or more, summed: a merge overlaps another when its rectangle holds one of them
    let any = false;
    const o = new Int32Array((h + 1) * W);
    for (let r = 0; r < h; r++) {
      let run = 0;
      for (let c = 0; c < w; c++) {
        if (d[r * W + c] > 1) (run++, (any = true));
        o[(r + 1) * W + c + 1] = o[r * W + c + 1] + run;
      }
    }
    if (any)
      merges.forEach((mg, i) => {
        const r0 = Math.max(mg.top, top) - top, r1 = Math.min(mg.bottom, bottom) - top + 1, c0 = Math.max(mg.left, left) - left, c1 = Math.min(mg.right, right) - left + 1;
        if (r0 >= r1 || c0 >= c1) return;
        if (o[r1 * W + c1] - o[r0 * W + c1] - o[r1 * W + c0] + o[r0 * W + c0] > 0) overlapping[i] = true;
      });
  }
  return slave;
}

/** Merges with duplicates left out (one area listed 2,000 times is one area), the first of each kept, in order. */
export function distinctMerges(merges: readonly MergeArea[]): MergeArea[] {
  const seen = new Set<string>();
  const out: MergeArea[] = [];
  for (const m of merges) {
    const k = `${m.top},${m.left},${m.bottom},${m.right}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(m);
  }
  return out;
}

/**
 * Builds a sheet snapshot from the cells that hold values. A merged area's non-master cells are dropped (Office.js
 * shows the value at the master only). When the cells' box would pass the limit — a stray value at XFD1048576 — the
 * box is cut at the first large gap in rows and columns, and what was left out is recorded in `clipped`.
 */
export function snapshotFromCells(name: string, cells: PlacedCell[], merges: MergeArea[], maxCells = MAX_SNAPSHOT_CELLS): SheetSnapshot {
  if (cells.length === 0) return { name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges };
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
  // merge slaves are found over a box of at most maxCells: the cells' own box, else the part kept after clipping
  const dropSlaves = (xs: PlacedCell[], bx: { top: number; left: number; bottom: number; right: number }) => {
    if (merges.length === 0) return xs;
    const bw = bx.right - bx.left + 1;
    const slave = mergeSlaves(merges, bx.top, bx.left, bx.bottom - bx.top + 1, bw);
    return slave ? xs.filter((x) => !slave[(x.r - bx.top) * bw + (x.c - bx.left)]) : xs;
  };
  let b = box(cells);
  let kept: PlacedCell[];
  let clipped: SheetSnapshot["clipped"];
  if ((b.bottom - b.top + 1) * (b.right - b.left + 1) > maxCells) {
    const cut = (vals: number[], gap: number) => {
      const u = [...new Set(vals)].sort((x, y) => x - y);
      for (let i = 1; i < u.length; i++) if (u[i] - u[i - 1] > gap) return u[i - 1];
      return u[u.length - 1];
    };
    let lastRow = cut(cells.map((x) => x.r), 1000);
    let lastCol = cut(cells.map((x) => x.c), 100);
    // still too large: keep the top-left part that fits
    const width = lastCol - b.left + 1;
    if ((lastRow - b.top + 1) * width > maxCells) lastRow = b.top + Math.floor(maxCells / width) - 1;
    if ((lastRow - b.top + 1) * (lastCol - b.left + 1) > maxCells) lastCol = b.left + Math.floor(maxCells / (lastRow - b.top + 1)) - 1;
    let out = cells.filter((x) => x.r > lastRow || x.c > lastCol);
    // a far cell that is a merge slave holds no value Office would show: not counted (tested one by one, within a bound)
    if (merges.length && out.length * merges.length <= 20_000_000)
      out = out.filter((x) => !merges.some((mg) => x.r >= mg.top && x.r <= mg.bottom && x.c >= mg.left && x.c <= mg.right && (x.r !== mg.top || x.c !== mg.left)));
    kept = dropSlaves(
      cells.filter((x) => x.r <= lastRow && x.c <= lastCol),
      { top: b.top, left: b.left, bottom: lastRow, right: lastCol },
    );
    if (out.length) {
      const far = out.reduce((m, x) => (x.r > m.r || (x.r === m.r && x.c > m.c) ? x : m), out[0]);
      clipped = { cells: out.length, farthest: { row: far.r, col: far.c } };
    }
  } else kept = dropSlaves(cells, b);
  if (kept.length === 0) return { name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges };
  b = box(kept);
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
