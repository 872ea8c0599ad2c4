import { CellValue, MergeArea, SheetSnapshot } from "./snapshot";
import { normalizeLabel } from "./text";

/**
 * Read access to one sheet snapshot in absolute sheet coordinates (0-based), with merged areas resolved.
 * Built once per sheet; every lookup is O(1).
 */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly sheet: SheetSnapshot;
  /** key row*COLS+col → merge area, for every cell covered by a merge */
  private readonly mergeIndex = new Map<number, MergeArea>();
  private readonly labelCache = new Map<number, string>();
  private static readonly COLS = 16384;

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.name = sheet.name;
    this.top = sheet.top;
    this.left = sheet.left;
    const rows = sheet.values.length;
    const cols = rows > 0 ? Math.max(...sheet.values.map((r) => r.length)) : 0;
    this.bottom = sheet.top + rows - 1;
    this.right = sheet.left + cols - 1;
    for (const m of sheet.merges) {
      // Only index the part that overlaps the used range: a merge may be huge (whole columns).
      const t = Math.max(m.top, this.top), b = Math.min(m.bottom, this.bottom);
      const l = Math.max(m.left, this.left), r = Math.min(m.right, this.right);
      if ((b - t + 1) * (r - l + 1) > 1_000_000) continue;
      for (let row = t; row <= b; row++) for (let col = l; col <= r; col++) this.mergeIndex.set(row * Grid.COLS + col, m);
    }
  }

  inRange(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  /** The raw value at a cell ("" when blank or outside the used range). */
  value(row: number, col: number): CellValue {
    if (!this.inRange(row, col)) return "";
    const v = this.sheet.values[row - this.top][col - this.left];
    return v === undefined || v === null ? "" : v;
  }

  format(row: number, col: number): string {
    if (!this.inRange(row, col)) return "General";
    return this.sheet.formats[row - this.top]?.[col - this.left] ?? "General";
  }

  merge(row: number, col: number): MergeArea | undefined {
    return this.mergeIndex.get(row * Grid.COLS + col);
  }

  /** The value a reader sees at a cell: a merged area's master value on every cell it covers. */
  shownValue(row: number, col: number): CellValue {
    const m = this.merge(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  /** The cell's own text, trimmed ("" when blank). */
  text(row: number, col: number): string {
    const v = this.value(row, col);
    return typeof v === "string" ? v.trim() : String(v);
  }

  /** A label-normalised text of the value at (row, col): no white space, half-width punctuation. */
  label(row: number, col: number): string {
    const key = row * Grid.COLS + col;
    let s = this.labelCache.get(key);
    if (s === undefined) {
      const v = this.value(row, col);
      s = typeof v === "string" ? normalizeLabel(v) : "";
      this.labelCache.set(key, s);
    }
    return s;
  }

  isBlank(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === "" || (typeof v === "string" && v.trim() === "");
  }

  /** The last column of the merged area starting at (row, col), or col itself. */
  spanEnd(row: number, col: number): number {
    const m = this.merge(row, col);
    return m && m.top === row && m.left === col ? m.right : col;
  }
}
