import { parseAddress } from "../../core/a1";
import { address } from "../../core/a1";
import { Element, Tag, XmlError, attr, child, children, escapeText, q, root, setAttr, splice, tags, textBetween } from "./xml";

/**
 * One worksheet part, patched cell by cell: the cells we change are rewritten (their style index, and for a write
 * their value), cells and rows we need are inserted in order; every other byte of the part stays as it was. Cells
 * are placed as the reader places them: by their `r` attribute, or — where a writer left it out — by position.
 */
export type NewValue = { t: "n"; v: number } | { t: "str"; v: string };

export interface CellInfo {
  row: number;
  col: number;
  /** the style index the cell shows: its own, else its row's, else its column's */
  style: number;
  /** the cell exists in the part */
  exists: boolean;
  formula: boolean;
  /** the value type as written (n, s, str, inlineStr, b, e, d), "" for an empty cell */
  type: string;
}

interface CellLoc {
  col: number;
  tag: Tag;
  /** content range; equal to tag.end for an empty cell */
  innerStart: number;
  innerEnd: number;
  end: number;
  formula: boolean;
}

interface RowLoc {
  index: number;
  tag: Tag;
  innerStart: number;
  innerEnd: number;
  end: number;
  cells: CellLoc[];
}

/** The worksheet's children in the order the schema requires (CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

export class SheetPatcher {
  readonly prefix: string;
  private readonly rows: RowLoc[] = [];
  private readonly byKey = new Map<string, { row: RowLoc; cell: CellLoc }>();
  private readonly rowByIndex = new Map<number, RowLoc>();
  private readonly colStyles: Array<{ min: number; max: number; style: number }> = [];
  private readonly sheetData: Element | null;
  private readonly patches = new Map<string, { row: number; col: number; style?: number; value?: NewValue }>();

  constructor(readonly xml: string) {
    const r = root(xml);
    this.prefix = r.tag.prefix;
    this.sheetData = child(xml, r, "sheetData");
    const cols = child(xml, r, "cols");
    if (cols)
      for (const c of children(xml, cols, "col")) {
        const t = xml.slice(c.tag.start, c.tag.end);
        const s = attr(t, "style");
        if (s !== null) this.colStyles.push({ min: Number(attr(t, "min")) - 1, max: Number(attr(t, "max")) - 1, style: Number(s) });
      }
    if (this.sheetData && this.sheetData.innerEnd > this.sheetData.innerStart) this.index(this.sheetData);
  }

  private index(sd: Element): void {
    const xml = this.xml;
    let depth = 0;
    let row: RowLoc | null = null;
    let cell: { tag: Tag; col: number; formula: boolean } | null = null;
    let lastRow = -1;
    let nextCol = 0;
    for (const t of tags(xml, sd.innerStart, sd.innerEnd)) {
      if (t.kind === "close") {
        depth--;
        if (depth === 0 && row) {
          row.innerEnd = t.start;
          row.end = t.end;
          row = null;
        } else if (depth === 1 && cell && row) {
          const loc: CellLoc = { col: cell.col, tag: cell.tag, innerStart: cell.tag.end, innerEnd: t.start, end: t.end, formula: cell.formula };
          row.cells.push(loc);
          this.byKey.set(`${row.index},${loc.col}`, { row, cell: loc });
          cell = null;
        }
        continue;
      }
      if (depth === 0 && t.local === "row") {
        const text = xml.slice(t.start, t.end);
        const r = attr(text, "r");
        const index = r !== null && /^\d+$/.test(r.trim()) ? Number(r) - 1 : lastRow + 1;
        lastRow = index;
        nextCol = 0;
        const loc: RowLoc = { index, tag: t, innerStart: t.end, innerEnd: t.end, end: t.end, cells: [] };
        this.rows.push(loc);
        if (!this.rowByIndex.has(index)) this.rowByIndex.set(index, loc);
        if (t.kind === "open") {
          row = loc;
          depth++;
        }
        continue;
      }
      if (depth === 1 && row && t.local === "c") {
        const text = xml.slice(t.start, t.end);
        const r = attr(text, "r");
        const at = r ? parseAddress(r) : null;
        const col = at ? at.col : nextCol;
        nextCol = col + 1;
        if (t.kind === "empty") {
          const loc: CellLoc = { col, tag: t, innerStart: t.end, innerEnd: t.end, end: t.end, formula: false };
          row.cells.push(loc);
          this.byKey.set(`${row.index},${col}`, { row, cell: loc });
        } else {
          cell = { tag: t, col, formula: false };
          depth++;
        }
        continue;
      }
      if (cell && depth === 2 && t.local === "f") cell.formula = true;
      if (t.kind === "open") depth++;
    }
    if (depth !== 0) throw new XmlError("the sheet's rows are not closed");
  }

  info(row: number, col: number): CellInfo {
    const hit = this.byKey.get(`${row},${col}`);
    if (hit) {
      const tag = this.xml.slice(hit.cell.tag.start, hit.cell.tag.end);
      const empty = hit.cell.innerEnd === hit.cell.innerStart || !/<(\w+:)?(v|is)\b/.test(this.xml.slice(hit.cell.innerStart, hit.cell.innerEnd));
      return { row, col, style: Number(attr(tag, "s") ?? 0) || 0, exists: true, formula: hit.cell.formula, type: empty && !hit.cell.formula ? "" : (attr(tag, "t") ?? "n") };
    }
    return { row, col, style: this.inheritedStyle(row, col), exists: false, formula: false, type: "" };
  }

  /** The text of a cell's value as written (shared strings not resolved: the index). */
  rawValue(row: number, col: number): string | null {
    const hit = this.byKey.get(`${row},${col}`);
    if (!hit) return null;
    const v = children(this.xml, { tag: hit.cell.tag, innerStart: hit.cell.innerStart, innerEnd: hit.cell.innerEnd, end: hit.cell.end }, "v")[0];
    return v ? textBetween(this.xml, v.innerStart, v.innerEnd) : null;
  }

  private inheritedStyle(row: number, col: number): number {
    const r = this.rowByIndex.get(row);
    if (r) {
      const t = this.xml.slice(r.tag.start, r.tag.end);
      const cf = attr(t, "customFormat");
      const s = attr(t, "s");
      if (s !== null && (cf === "1" || cf === "true")) return Number(s) || 0;
    }
    for (const c of this.colStyles) if (col >= c.min && col <= c.max) return c.style;
    return 0;
  }

  set(row: number, col: number, patch: { style?: number; value?: NewValue }): void {
    const k = `${row},${col}`;
    const cur = this.patches.get(k) ?? { row, col };
    this.patches.set(k, { ...cur, ...patch });
  }

  get changed(): boolean {
    return this.patches.size > 0;
  }

  private cellXml(row: number, col: number, tagText: string | null, style: number | undefined, value: NewValue | undefined, keepInner: string): string {
    const c = q(this.prefix, "c");
    let tag = tagText ?? `<${c} r="${address(row, col)}"/>`;
    if (style !== undefined) tag = setAttr(tag, "s", String(style));
    let inner = keepInner;
    if (value) {
      tag = setAttr(setAttr(setAttr(tag, "t", value.t === "n" ? null : "inlineStr"), "vm", null), "cm", null);
      inner =
        value.t === "n"
          ? `<${q(this.prefix, "v")}>${String(value.v)}</${q(this.prefix, "v")}>`
          : `<${q(this.prefix, "is")}><${q(this.prefix, "t")} xml:space="preserve">${escapeText(value.v)}</${q(this.prefix, "t")}></${q(this.prefix, "is")}>`;
    }
    const qname = /^<([^\s/>]+)/.exec(tag)![1];
    const open = tag.replace(/\s*\/>$/, ">");
    return inner === "" ? (tag.endsWith("/>") ? tag : `${open}</${qname}>`) : `${open}${inner}</${qname}>`;
  }

  /** The part with every patch applied. */
  result(): string {
    if (this.patches.size === 0) return this.xml;
    const xml = this.xml;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const newCellsByRow = new Map<number, Array<{ col: number; text: string }>>();
    for (const p of this.patches.values()) {
      const hit = this.byKey.get(`${p.row},${p.col}`);
      if (hit) {
        const tagText = xml.slice(hit.cell.tag.start, hit.cell.tag.end);
        const keep = xml.slice(hit.cell.innerStart, hit.cell.innerEnd);
        edits.push({ start: hit.cell.tag.start, end: hit.cell.end, text: this.cellXml(p.row, p.col, tagText, p.style, p.value, keep) });
      } else {
        const list = newCellsByRow.get(p.row) ?? [];
        list.push({ col: p.col, text: this.cellXml(p.row, p.col, null, p.style, p.value, "") });
        newCellsByRow.set(p.row, list);
      }
    }
    const newRows: Array<{ index: number; text: string }> = [];
    for (const [rowIndex, cells] of newCellsByRow) {
      cells.sort((a, b) => a.col - b.col);
      const row = this.rowByIndex.get(rowIndex);
      if (!row) {
        const rq = q(this.prefix, "row");
        newRows.push({ index: rowIndex, text: `<${rq} r="${rowIndex + 1}">${cells.map((c) => c.text).join("")}</${rq}>` });
        continue;
      }
      let rowTag = xml.slice(row.tag.start, row.tag.end);
      const spans = attr(rowTag, "spans");
      if (spans && /^\d+:\d+$/.test(spans)) {
        const [a, b] = spans.split(":").map(Number);
        const lo = Math.min(a, ...cells.map((c) => c.col + 1));
        const hi = Math.max(b, ...cells.map((c) => c.col + 1));
        if (lo !== a || hi !== b) rowTag = setAttr(rowTag, "spans", `${lo}:${hi}`);
      }
      if (row.tag.kind === "empty") {
        edits.push({ start: row.tag.start, end: row.tag.end, text: `${rowTag.replace(/\s*\/>$/, ">")}${cells.map((c) => c.text).join("")}</${row.tag.qname}>` });
        continue;
      }
      if (rowTag !== xml.slice(row.tag.start, row.tag.end)) edits.push({ start: row.tag.start, end: row.tag.end, text: rowTag });
      // each new cell before the first existing cell to its right
      for (const c of cells) {
        const after = row.cells.find((x) => x.col > c.col);
        const at = after ? after.tag.start : row.innerEnd;
        edits.push({ start: at, end: at, text: c.text });
      }
    }
    if (newRows.length) {
      newRows.sort((a, b) => a.index - b.index);
      const sd = this.sheetData;
      if (!sd) throw new XmlError("the sheet has no sheetData");
      if (sd.tag.kind === "empty") {
        const sdTag = xml.slice(sd.tag.start, sd.tag.end).replace(/\s*\/>$/, ">");
        edits.push({ start: sd.tag.start, end: sd.tag.end, text: `${sdTag}${newRows.map((r) => r.text).join("")}</${sd.tag.qname}>` });
      } else
        for (const nr of newRows) {
          const after = this.rows.find((r) => r.index > nr.index);
          const at = after ? after.tag.start : sd.innerEnd;
          edits.push({ start: at, end: at, text: nr.text });
        }
    }
    // inserts at one point keep their order (cells sorted by column, rows by index)
    return splice(xml, edits);
  }
}

/** Inserts a child of the worksheet at its place in the schema's order; returns the new part. */
export function insertWorksheetChild(xml: string, local: string, text: string): string {
  const r = root(xml);
  const later = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1);
  let at = r.innerEnd;
  for (const c of children(xml, r)) {
    if (later.includes(c.tag.local)) {
      at = c.tag.start;
      break;
    }
  }
  return splice(xml, [{ start: at, end: at, text }]);
}
