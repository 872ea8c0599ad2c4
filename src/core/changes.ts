import { sheetCellKey } from "./a1";
import { CellValue } from "./snapshot";

/** Cells as the add-in reads and writes them: plain data shared by the planners (core) and the Office adapter. */
export interface CellRef {
  sheet: string;
  /** A1, one cell */
  address: string;
}

export interface CellState extends CellRef {
  value: CellValue;
  numberFormat: string;
  /** pattern null: the API cannot tell (before ExcelApi 1.9) */
  fill: { color: string; pattern: string | null };
  /** the cell's note, or null (null also where notes are unsupported) */
  note: string | null;
  /** "=…" when the cell holds a formula */
  formula?: string | null;
  /** the cell's sheet is protected */
  protected?: boolean;
}

export interface CellChange extends CellRef {
  value?: CellValue;
  numberFormat?: string;
  /** a fill colour "#RRGGBB", or "none" to clear the fill */
  fill?: string;
  /** add this note, or delete the cell's note with null */
  note?: string | null;
  /** add a comment with this text (where notes are unsupported) */
  addComment?: string;
  /** delete the comment with this id */
  deleteComment?: string;
}

export const cellKey = (c: CellRef): string => sheetCellKey(c.sheet, c.address);

/** A fill that is "no fill": pattern None, or — where the API cannot tell (before ExcelApi 1.9) — plain white. */
export function isNoFill(fill: CellState["fill"]): boolean {
  return fill.pattern === "None" || (fill.pattern === null && fill.color.toUpperCase() === "#FFFFFF");
}

/** The changes that bring cells back to a recorded state (rollback and undo): only what differs. */
export function planRestore(original: CellState[], current: Map<string, CellState>): CellChange[] {
  const out: CellChange[] = [];
  for (const o of original) {
    const c = current.get(cellKey(o));
    if (!c) continue;
    const ch: CellChange = { sheet: o.sheet, address: o.address };
    if (c.numberFormat !== o.numberFormat) ch.numberFormat = o.numberFormat;
    if (c.value !== o.value) ch.value = o.value;
    const oNone = isNoFill(o.fill);
    const cNone = isNoFill(c.fill);
    if (oNone !== cNone || (!oNone && o.fill.color.toUpperCase() !== c.fill.color.toUpperCase())) ch.fill = oNone ? "none" : o.fill.color;
    if (c.note !== o.note) {
      if (c.note !== null) out.push({ sheet: o.sheet, address: o.address, note: null });
      if (o.note !== null) ch.note = o.note;
    }
    if (Object.keys(ch).length > 2) out.push(ch);
  }
  return out;
}
