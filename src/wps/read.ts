import { address, parseRange, rangeAddress } from "../core/a1";
import { CellValue, MAX_SNAPSHOT_CELLS, MergeArea, SheetSnapshot } from "../core/snapshot";
import { CVERR, EtRange, EtScalar, EtWorksheet, asRows } from "./et";

/**
 * One sheet's used range into the engine's snapshot, in a few big bridge calls: the range's place and size, its
 * values in one Value2, its number formats in one NumberFormat — and, only where that comes back null (formats differ
 * over the range), the parts holding values split in halves until each part has one format; merged areas the same way,
 * only when MergeCells over the range is not false. A cell whose Value2 is a CVErr number is read once more (Text), so
 * a real number that happens to equal one stays a number.
 */

/** 0-based box */
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const boxAddress = (b: Box) => (b.top === b.bottom && b.left === b.right ? address(b.top, b.left) : rangeAddress(b.top, b.left, b.bottom, b.right));

/** A cell's value as the engine takes it (as Office.js gives it: "" for blank, error values as their text). */
function cellValue(v: EtScalar, errorText: () => string | null): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") {
    const err = CVERR.get(v);
    if (err !== undefined) {
      const text = errorText();
      if (text !== null && text.trim().toUpperCase() === err) return err;
    }
    return v;
  }
  if (typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Reads the sheet's used range; `name` is the sheet's name as already read. */
export function readSheet(ws: EtWorksheet, name: string, maxCells = MAX_SNAPSHOT_CELLS): SheetSnapshot {
  const used = ws.UsedRange;
  const top = used.Row - 1;
  const left = used.Column - 1;
  const allRows = used.Rows.Count;
  const allCols = used.Columns.Count;
  // a used range past the limit (a stray value at XFD1048576) is read only as far as the limit allows
  const cols = Math.min(allCols, 1024);
  const rows = Math.min(allRows, Math.max(1, Math.floor(maxCells / cols)));
  const clipped = rows < allRows || cols < allCols;
  const range: EtRange = clipped ? ws.Range(boxAddress({ top, left, bottom: top + rows - 1, right: left + cols - 1 })) : used;
  const raw = asRows(range.Value2, rows, cols);
  const values: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = raw[r] ?? [];
    const row: CellValue[] = new Array<CellValue>(cols);
    for (let c = 0; c < cols; c++) row[c] = cellValue(src[c], () => ws.Range(address(top + r, left + c)).Text);
    values.push(row);
  }
  const formats = readFormats(ws, range.NumberFormat, { top, left, bottom: top + rows - 1, right: left + cols - 1 }, values);
  const mergedFlag = range.MergeCells;
  const merges = mergedFlag === false ? [] : readMerges(ws, { top, left, bottom: top + rows - 1, right: left + cols - 1 }, mergedFlag, values);
  const sheet: SheetSnapshot = { name, top, left, values, formats, merges };
  if (clipped) sheet.clipped = { cells: -1, farthest: { row: top + allRows - 1, col: left + allCols - 1 } };
  if (rows === 1 && cols === 1 && values[0][0] === "" && formats[0][0] === "General") return { name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges };
  return sheet;
}

/** Number formats over the box: the range's one format, or — where it is mixed — each part holding values, halved until uniform. */
function readFormats(ws: EtWorksheet, whole: string | null, box: Box, values: CellValue[][]): string[][] {
  const h = box.bottom - box.top + 1, w = box.right - box.left + 1;
  const formats = Array.from({ length: h }, () => new Array<string>(w).fill(whole ?? "General"));
  if (whole !== null) return formats;
  // cells holding a value, summed over rectangles (a part with none keeps General: the engine reads no format there)
  const sum = prefixSums(values, (v) => v !== "");
  const count = (b: Box) => sumIn(sum, w, b.top - box.top, b.left - box.left, b.bottom - box.top + 1, b.right - box.left + 1);
  const fill = (b: Box, f: string) => {
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) formats[r - box.top][c - box.left] = f;
  };
  fill(box, "General");
  const todo: Box[] = [box];
  let first = true;
  while (todo.length) {
    const b = todo.pop()!;
    if (count(b) === 0) continue;
    const f = first ? null : ws.Range(boxAddress(b)).NumberFormat;
    first = false;
    if (f !== null) {
      fill(b, f);
      continue;
    }
    if (b.top === b.bottom && b.left === b.right) continue; // a single cell is never mixed; a host that says so keeps General
    todo.push(...halves(b));
  }
  return formats;
}

/** the box cut in two across its longer side (rows first on a tie: a form's formats run in rows) */
function halves(b: Box): [Box, Box] {
  const h = b.bottom - b.top + 1, w = b.right - b.left + 1;
  if (h >= w) {
    const mid = b.top + Math.floor(h / 2) - 1;
    return [{ ...b, bottom: mid }, { ...b, top: mid + 1 }];
  }
  const mid = b.left + Math.floor(w / 2) - 1;
  return [{ ...b, right: mid }, { ...b, left: mid + 1 }];
}

const inside = (b: Box, m: MergeArea) => b.top >= m.top && b.bottom <= m.bottom && b.left >= m.left && b.right <= m.right;

/**
 * The merged areas touching the box: a part whose MergeCells is false holds none; a part that is merged throughout
 * gives its top-left cell's MergeArea, and what is left of it (merged throughout too) is asked no more; a mixed part is
 * halved. A cell inside an area already found is never asked again.
 */
function readMerges(ws: EtWorksheet, box: Box, whole: boolean | null, values: CellValue[][]): MergeArea[] {
  const found: MergeArea[] = [];
  // a merged area's cells but the first are blank (Value2 holds the value at the first): a part with no blank cell has none
  const blanks = prefixSums(values, (v) => v === "");
  const blankIn = (b: Box) => sumIn(blanks, values[0]?.length ?? 0, b.top - box.top, b.left - box.left, b.bottom - box.top + 1, b.right - box.left + 1);
  const todo: Array<{ b: Box; flag?: boolean | null }> = [{ b: box, flag: whole }];
  const covering = (r: number, c: number) => found.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  while (todo.length) {
    const { b, flag } = todo.pop()!;
    if (found.some((m) => inside(b, m))) continue;
    if (flag === undefined && blankIn(b) === 0) continue;
    const m = flag !== undefined ? flag : ws.Range(boxAddress(b)).MergeCells;
    if (m === false) continue;
    const single = b.top === b.bottom && b.left === b.right;
    if (m !== true && !single) {
      for (const half of halves(b)) todo.push({ b: half });
      continue;
    }
    // merged throughout: the area at the top-left cell, then the rest (merged throughout as well)
    let a = covering(b.top, b.left);
    if (!a) {
      const found1 = parseRange(ws.Range(address(b.top, b.left)).MergeArea.Address(false, false).replace(/\$/g, ""));
      if (!found1) continue; // an address we cannot read: the host said no more than "merged"
      a = { top: found1.top, left: found1.left, bottom: found1.bottom, right: found1.right };
      if (a.bottom === a.top && a.right === a.left) continue; // a host that called a lone cell merged
      found.push(a);
    }
    if (a.right < b.right) todo.push({ b: { top: b.top, bottom: Math.min(b.bottom, a.bottom), left: a.right + 1, right: b.right }, flag: true });
    if (a.bottom < b.bottom) todo.push({ b: { top: a.bottom + 1, bottom: b.bottom, left: b.left, right: b.right }, flag: true });
  }
  return found.sort((x, y) => x.top - y.top || x.left - y.left);
}

/** 2-D prefix sums of the cells where `is` holds */
function prefixSums(values: CellValue[][], is: (v: CellValue) => boolean): Int32Array {
  const h = values.length, w = values[0]?.length ?? 0;
  const sum = new Int32Array((h + 1) * (w + 1));
  for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) sum[(r + 1) * (w + 1) + c + 1] = (is(values[r][c]) ? 1 : 0) + sum[r * (w + 1) + c + 1] + sum[(r + 1) * (w + 1) + c] - sum[r * (w + 1) + c];
  return sum;
}

/** how many in rows r0…r1-1, columns c0…c1-1 (0-based within the box) */
function sumIn(sum: Int32Array, w: number, r0: number, c0: number, r1: number, c1: number): number {
  return sum[r1 * (w + 1) + c1] - sum[r0 * (w + 1) + c1] - sum[r1 * (w + 1) + c0] + sum[r0 * (w + 1) + c0];
}
