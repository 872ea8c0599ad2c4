import { CellValue, MergeArea, SheetSnapshot } from "./snapshot";
import { normalizeLabel } from "./text";
import { canonicalLabel } from "./vocabulary";
import { Parsed, parseCell } from "./parse";

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
  /** per cell of the used range (index (row-top)*width + col-left): merge area, label, parsed value — filled lazily */
  private readonly mergeIndex: Array<MergeArea | undefined>;
  private readonly labelCache: Array<string | undefined>;
  private readonly parsedCache: Array<Parsed | undefined>;
  private readonly width: number;

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.name = sheet.name;
    this.top = sheet.top;
    this.left = sheet.left;
    const rows = sheet.values.length;
    let cols = 0;
    for (const r of sheet.values) if (r.length > cols) cols = r.length;
    this.bottom = sheet.top + rows - 1;
    this.right = sheet.left + cols - 1;
    this.width = Math.max(cols, 1);
    // preallocated (fast holey elements): assigning far into an empty array would make it a slow dictionary
    const size = Math.max(rows, 1) * this.width;
    this.mergeIndex = new Array(size);
    this.labelCache = new Array(size);
    this.parsedCache = new Array(size);
    for (const m of sheet.merges) {
      // Only index the part that overlaps the used range: a merge may be huge (whole columns).
      const t = Math.max(m.top, this.top), b = Math.min(m.bottom, this.bottom);
      const l = Math.max(m.left, this.left), r = Math.min(m.right, this.right);
      if ((b - t + 1) * (r - l + 1) > 1_000_000) continue;
      for (let row = t; row <= b; row++) for (let col = l; col <= r; col++) this.mergeIndex[this.index(row, col)] = m;
    }
  }

  private index(row: number, col: number): number {
    return (row - this.top) * this.width + (col - this.left);
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
    return this.inRange(row, col) ? this.mergeIndex[this.index(row, col)] : undefined;
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
    if (!this.inRange(row, col)) return "";
    const key = this.index(row, col);
    let s = this.labelCache[key];
    if (s === undefined) {
      const v = this.value(row, col);
      s = typeof v === "string" ? canonicalLabel(normalizeLabel(v)) : "";
      this.labelCache[key] = s;
    }
    return s;
  }

  /** The cell's value parsed (with its number format), once: location and analysis share it. */
  parsed(row: number, col: number): Parsed {
    if (!this.inRange(row, col)) return { kind: "blank" };
    const key = this.index(row, col);
    let p = this.parsedCache[key];
    if (p === undefined) {
      p = parseCell(this.value(row, col), this.format(row, col));
      this.parsedCache[key] = p;
    }
    return p;
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
