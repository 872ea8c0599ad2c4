import { parseAddress } from "../../core/a1";
import { address } from "../../core/a1";
import { Element, Tag, XmlError, attr, children, escapeText, prefixFor, q, setAttr, splice, tags, textBetween } from "./xml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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

  /** the root element and its children, found in the same single pass that indexes the cells */
  readonly root: Element;
  readonly rootChildren: Element[] = [];
  private readonly extra: Array<{ start: number; end: number; text: string }> = [];

  constructor(readonly xml: string) {
    const { root: r, sheetData } = this.scan();
    this.root = r;
    this.prefix = r.tag.prefix;
    this.sheetData = sheetData;
    const cols = this.rootChildren.find((c) => c.tag.local === "cols");
    if (cols)
      for (const c of children(xml, cols, "col")) {
        const t = xml.slice(c.tag.start, c.tag.end);
        const s = attr(t, "style");
        if (s !== null) this.colStyles.push({ min: Number(attr(t, "min")) - 1, max: Number(attr(t, "max")) - 1, style: Number(s) });
      }
  }

  /** One pass over the part: the root's children, and the rows and cells of sheetData. */
  private scan(): { root: Element; sheetData: Element | null } {
    const xml = this.xml;
    let rootEl: Element | null = null;
    let sheetData: Element | null = null;
    const stack: Tag[] = [];
    let inData = false;
    let row: RowLoc | null = null;
    let cell: { tag: Tag; col: number; formula: boolean } | null = null;
    let lastRow = -1;
    let nextCol = 0;
    for (const t of tags(xml)) {
      const depth = stack.length; // the depth of an opening tag's parent
      if (t.kind === "close") {
        const open = stack.pop();
        if (!open) throw new XmlError("an end tag without its start");
        const d = stack.length;
        if (d === 0) rootEl = { tag: open, innerStart: open.end, innerEnd: t.start, end: t.end };
        else if (d === 1) {
          const el = { tag: open, innerStart: open.end, innerEnd: t.start, end: t.end };
          this.rootChildren.push(el);
          if (open.local === "sheetData" && inData) {
            sheetData = el;
            inData = false;
          }
        } else if (inData && d === 2 && row) {
          row.innerEnd = t.start;
          row.end = t.end;
          row = null;
        } else if (inData && d === 3 && cell && row) {
          const loc: CellLoc = { col: cell.col, tag: cell.tag, innerStart: cell.tag.end, innerEnd: t.start, end: t.end, formula: cell.formula };
          row.cells.push(loc);
          this.byKey.set(`${row.index},${loc.col}`, { row, cell: loc });
          cell = null;
        }
        continue;
      }
      if (depth === 0) {
        if (t.kind === "empty") rootEl = { tag: t, innerStart: t.end, innerEnd: t.end, end: t.end };
        else stack.push(t);
        continue;
      }
      if (depth === 1) {
        if (t.kind === "empty") {
          const el = { tag: t, innerStart: t.end, innerEnd: t.end, end: t.end };
          this.rootChildren.push(el);
          if (t.local === "sheetData") sheetData = el;
        } else {
          if (t.local === "sheetData") inData = true;
          stack.push(t);
        }
        continue;
      }
      if (inData && depth === 2 && t.local === "row") {
        const r = refAttr(xml, t);
        const index = r !== null && /^\d+$/.test(r.trim()) ? Number(r) - 1 : lastRow + 1;
        lastRow = index;
        nextCol = 0;
        const loc: RowLoc = { index, tag: t, innerStart: t.end, innerEnd: t.end, end: t.end, cells: [] };
        this.rows.push(loc);
        if (!this.rowByIndex.has(index)) this.rowByIndex.set(index, loc);
        if (t.kind === "open") {
          row = loc;
          stack.push(t);
        }
        continue;
      }
      if (inData && depth === 3 && row && t.local === "c") {
        const r = refAttr(xml, t);
        const at = r ? parseAddress(r) : null;
        const col = at ? at.col : nextCol;
        nextCol = col + 1;
        if (t.kind === "empty") {
          const loc: CellLoc = { col, tag: t, innerStart: t.end, innerEnd: t.end, end: t.end, formula: false };
          row.cells.push(loc);
          this.byKey.set(`${row.index},${col}`, { row, cell: loc });
        } else {
          cell = { tag: t, col, formula: false };
          stack.push(t);
        }
        continue;
      }
      if (cell && depth === 4 && t.local === "f") cell.formula = true;
      if (t.kind === "open") stack.push(t);
    }
    if (stack.length !== 0 || !rootEl) throw new XmlError("the sheet part is not well-formed (unclosed elements)");
    return { root: rootEl, sheetData };
  }

  /** The prefix the part binds to the relationships namespace; declared on the root (in the result) when missing. */
  relPrefix(): string {
    const tag = this.xml.slice(this.root.tag.start, this.root.tag.end);
    const found = prefixFor(tag, REL_NS);
    if (found) return found;
    const queued = this.extra.find((e) => e.start === this.root.tag.start);
    if (queued) return /xmlns:(\w+)="[^"]*relationships"/.exec(queued.text)![1];
    let p = "r";
    for (let i = 1; new RegExp(`\\sxmlns:${p}\\s*=`).test(tag); i++) p = `r${i}`;
    this.extra.push({ start: this.root.tag.start, end: this.root.tag.end, text: tag.replace(/^(<[^\s/>]+)/, `$1 xmlns:${p}="${REL_NS}"`) });
    return p;
  }

  /** Queues a new child of the worksheet, at its place in the schema's order. */
  addChild(local: string, text: string): void {
    const later = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1);
    const next = this.rootChildren.find((c) => later.includes(c.tag.local));
    const at = next ? next.tag.start : this.root.innerEnd;
    this.extra.push({ start: at, end: at, text });
  }

  hasChild(local: string): Element | null {
    return this.rootChildren.find((c) => c.tag.local === local) ?? null;
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
    // a <v> holds a finite number: Infinity or NaN would make the copy one that Excel and openpyxl refuse
    if (patch.value?.t === "n" && !Number.isFinite(patch.value.v)) throw new Error(`the value for ${address(row, col)} is not a finite number (${String(patch.value.v)})`);
    const k = `${row},${col}`;
    const cur = this.patches.get(k) ?? { row, col };
    this.patches.set(k, { ...cur, ...patch });
  }

  get changed(): boolean {
    return this.patches.size > 0 || this.extra.length > 0;
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
    if (!this.changed) return this.xml;
    const xml = this.xml;
    const edits: Array<{ start: number; end: number; text: string }> = [...this.extra];
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

const REF = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** A row's or cell's r attribute, read in place (the hot path of indexing a large sheet); null when absent. */
function refAttr(xml: string, t: Tag): string | null {
  // find " r" within the tag without copying it
  let i = xml.indexOf("r", t.start + t.qname.length + 1);
  while (i >= 0 && i < t.end) {
    const before = xml.charCodeAt(i - 1);
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      REF.lastIndex = i - 1;
      const m = REF.exec(xml);
      if (m && m.index + m[0].length <= t.end) return m[1] ?? m[2];
    }
    i = xml.indexOf("r", i + 1);
  }
  return null;
}
