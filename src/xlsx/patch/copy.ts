import { address, columnName, parseAddress } from "../../core/a1";
import { parsePercentText } from "./values";
import { NOTE_PREFIX } from "../../core/marks";
import { CellValue } from "../../core/snapshot";
import { SheetNotes } from "./notes";
import type { Inflate } from "../inflate";
import { XlsxPackage } from "./package";
import { CONTENT_TYPE, REL_TYPE, SheetEntry, WorkbookParts, addRel, ensureContentType, freePartName, relPrefix, relsPathOf, workbookParts } from "./parts";
import { SheetPatcher } from "./sheet";
import { setWebExtensionProperty } from "./webextension";
import { StylePatcher } from "./styles";
import { attr, child, children, escapeAttr, escapeText, q, root, setAttr, splice } from "./xml";

/**
 * A copy of a workbook with a few cells changed, made by patching the package's parts in place: the sheets that hold
 * a changed cell, styles.xml (appended to), the notes' parts, and — for a report — the workbook part, its
 * relationships and the content types. Every other part is copied as its original bytes: charts, drawings, images,
 * tables, data validation, conditional formats, defined names, print setup, views, hyperlinks, custom XML, VBA.
 */
export type WriteOutcome = "written" | "formula" | "no-sheet" | "bad-address";

interface OpenSheet {
  entry: SheetEntry;
  patcher: SheetPatcher;
  notes: SheetNotes | null;
}

export interface ReportSheetSpec {
  name: string;
  rows: CellValue[][];
  bold: number[];
  links: Array<{ row: number; col: number; sheet: string; address: string; text: string }>;
  /** column widths (0-based column → characters) */
  widths?: Record<number, number>;
}

/** A property's stored value (JSON, a JSON string of JSON as some writers store it) is this value. */
function sameJson(stored: string, value: unknown): boolean {
  try {
    let v: unknown = JSON.parse(stored);
    if (typeof v === "string") v = JSON.parse(v);
    return JSON.stringify(v) === JSON.stringify(value);
  } catch {
    return false;
  }
}

export class WorkbookCopy {
  readonly pkg: XlsxPackage;
  readonly parts: WorkbookParts;
  private styles: StylePatcher | null = null;
  private readonly open = new Map<string, OpenSheet>();
  private recalc = false;
  private report: ReportSheetSpec | null = null;

  /** `inflate`: how parts are unpacked (the reader's Inflate; fflate when not given, so it runs in a browser). */
  constructor(bytes: Uint8Array, inflate?: Inflate) {
    this.pkg = new XlsxPackage(bytes, inflate);
    this.parts = workbookParts(this.pkg);
  }

  private sheet(name: string): OpenSheet | null {
    const hit = this.open.get(name);
    if (hit) return hit;
    const entry = this.parts.sheets.find((s) => s.name === name) ?? this.parts.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!entry || !entry.part || !entry.worksheet) return null;
    // sheets that list one part share its patcher (else the last one written would drop the others' changes)
    for (const o of this.open.values())
      if (o.entry.part === entry.part) {
        this.open.set(name, o);
        return o;
      }
    const xml = this.pkg.text(entry.part);
    if (xml === null) return null;
    const s: OpenSheet = { entry, patcher: new SheetPatcher(xml), notes: null };
    this.open.set(name, s);
    return s;
  }

  private notesOf(s: OpenSheet): SheetNotes {
    if (!s.notes) s.notes = new SheetNotes(this.pkg, s.entry.part!, s.patcher, this.parts.workbook);
    return s.notes;
  }

  private stylePatcher(): StylePatcher {
    if (!this.styles) {
      const existing = this.parts.styles !== null && this.pkg.has(this.parts.styles);
      const part = existing ? this.parts.styles! : this.pkg.has("xl/styles.xml") ? freePartName(this.pkg, "xl/styles", ".xml") : "xl/styles.xml";
      this.styles = new StylePatcher(this.pkg, part, existing, this.parts.workbook);
    }
    return this.styles;
  }

  /** The note a person left on a cell (its text), or null. */
  note(sheet: string, a1: string): string | null {
    const s = this.sheet(sheet);
    if (!s) return null;
    return this.notesOf(s).note(a1);
  }

  /** Fills a cell (keeping its font, border, number format and alignment) and adds our note to it. */
  mark(sheet: string, a1: string, argb: string, note: string | null): boolean {
    const s = this.sheet(sheet);
    const at = parseAddress(a1);
    if (!s || !at) return false;
    const info = s.patcher.info(at.row, at.col);
    s.patcher.set(at.row, at.col, { style: this.stylePatcher().withFill(info.style, argb) });
    if (note !== null) this.notesOf(s).add(at.row, at.col, note, NOTE_PREFIX);
    return true;
  }

  /** Does the cell hold a formula? */
  isFormula(sheet: string, a1: string): boolean {
    const s = this.sheet(sheet);
    const at = parseAddress(a1);
    return !!s && !!at && s.patcher.info(at.row, at.col).formula;
  }

  /**
   * Writes a value in a cell's own form: a number as a number, text as text (an inline string), a percent text into
   * an empty or numeric cell as a number with a percent format (as Excel stores what one types). A formula cell is
   * never overwritten.
   */
  write(sheet: string, a1: string, value: CellValue): WriteOutcome {
    const s = this.sheet(sheet);
    if (!s) return "no-sheet";
    const at = parseAddress(a1);
    if (!at) return "bad-address";
    const info = s.patcher.info(at.row, at.col);
    if (info.formula) return "formula";
    const text = info.type === "s" || info.type === "str" || info.type === "inlineStr";
    if (typeof value === "number") s.patcher.set(at.row, at.col, { value: { t: "n", v: value } });
    else if (typeof value === "boolean") s.patcher.set(at.row, at.col, { value: { t: "n", v: value ? 1 : 0 } });
    else {
      const pct = text ? null : parsePercentText(value);
      if (pct !== null) {
        const styles = this.stylePatcher();
        const fmt = styles.numFmtOf(info.style);
        const isPercent = fmt === 9 || fmt === 10 || (styles.formatCode(fmt) ?? "").includes("%");
        s.patcher.set(at.row, at.col, { value: { t: "n", v: pct.value }, ...(isPercent ? {} : { style: styles.withNumFmt(info.style, pct.decimals > 0 ? 10 : 9) }) });
      } else s.patcher.set(at.row, at.col, { value: { t: "str", v: value } });
    }
    this.recalc = true;
    return "written";
  }

  /**
   * Sets one of the add-in's document settings (a property of a web-extension part, its value JSON-encoded, as Office
   * stores them and src/xlsx/workbook-reader readSettingFromPackage reads them): the property's value replaced where a
   * part has it — nothing else of that part changes — else added to our add-in's part, else a web-extension part of
   * our own added and linked as Excel links it (taskpanes part, relationships, content types, the manifest's Id:
   * ./webextension.ts). Nothing is written when the value is what the part holds already.
   */
  setDocumentSetting(key: string, value: unknown): void {
    setWebExtensionProperty(this.pkg, key, JSON.stringify(value), (stored) => sameJson(stored, value));
  }

  /** Adds (or replaces) a sheet of plain rows: the 校验报告. */
  setReportSheet(spec: ReportSheetSpec): void {
    this.report = spec;
  }

  /** The copy as bytes (`deflate`: raw deflate for the changed parts; fflate when not given). */
  toBytes(deflate?: (data: Uint8Array) => Uint8Array): Uint8Array {
    for (const s of new Set(this.open.values())) {
      s.notes?.finish();
      if (s.patcher.changed) this.pkg.write(s.entry.part!, s.patcher.result());
    }
    if (this.report) this.writeReport(this.report);
    if (this.styles) this.styles.finish();
    if (this.recalc) this.fullCalcOnLoad();
    return this.pkg.toBytes(deflate);
  }

  /**
   * Lets go of the sheets' texts, patchers and changed parts once the bytes are made (the copy is read back next, and
   * a sheet near the part limit is held several times over otherwise). The copy cannot be written again after it.
   */
  release(): void {
    this.open.clear();
    this.styles = null;
    this.pkg.release();
  }

  /** Formulas that read a written cell are recalculated when the copy is opened. */
  private fullCalcOnLoad(): void {
    const part = this.parts.workbook;
    const xml = this.pkg.text(part)!;
    const r = root(xml);
    const calc = child(xml, r, "calcPr");
    if (calc) {
      const tag = xml.slice(calc.tag.start, calc.tag.end);
      if (attr(tag, "fullCalcOnLoad") === "1") return;
      this.pkg.write(part, splice(xml, [{ start: calc.tag.start, end: calc.tag.end, text: setAttr(tag, "fullCalcOnLoad", "1") }]));
      return;
    }
    const later = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
    const at = children(xml, r).find((c) => later.includes(c.tag.local))?.tag.start ?? r.innerEnd;
    this.pkg.write(part, splice(xml, [{ start: at, end: at, text: `<${q(r.tag.prefix, "calcPr")} fullCalcOnLoad="1"/>` }]));
  }

  private writeReport(spec: ReportSheetSpec): void {
    const pkg = this.pkg;
    const styles = this.stylePatcher();
    const bold = styles.bold();
    const link = styles.link();
    const boldRows = new Set(spec.bold);
    const links = new Map(spec.links.map((l) => [`${l.row},${l.col}`, l]));
    const rowsXml: string[] = [];
    spec.rows.forEach((row, ri) => {
      const cells: string[] = [];
      row.forEach((v, ci) => {
        const l = links.get(`${ri},${ci}`);
        const s = l ? link : boldRows.has(ri) ? bold : 0;
        const sAttr = s ? ` s="${s}"` : "";
        const ref = address(ri, ci);
        const value = l ? l.text : v;
        if (value === "" || value === null || value === undefined) {
          if (s) cells.push(`<c r="${ref}"${sAttr}/>`);
        } else if (typeof value === "number" && Number.isFinite(value)) cells.push(`<c r="${ref}"${sAttr}><v>${value}</v></c>`);
        else if (typeof value === "boolean") cells.push(`<c r="${ref}"${sAttr} t="b"><v>${value ? 1 : 0}</v></c>`);
        else cells.push(`<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(String(value))}</t></is></c>`);
      });
      if (cells.length) rowsXml.push(`<row r="${ri + 1}">${cells.join("")}</row>`);
    });
    const widths = Object.entries(spec.widths ?? {})
      .map(([c, w]) => `<col min="${Number(c) + 1}" max="${Number(c) + 1}" width="${w}" customWidth="1"/>`)
      .join("");
    const hyperlinks = spec.links.map((l) => `<hyperlink ref="${address(l.row, l.col)}" location="${escapeAttr(`${quoteForRef(l.sheet)}!${l.address}`)}" display="${escapeAttr(l.text)}"/>`).join("");
    const width = Math.max(1, ...spec.rows.map((r) => r.length));
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<dimension ref="A1:${columnName(width - 1)}${Math.max(1, spec.rows.length)}"/>` +
      `<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
      (widths ? `<cols>${widths}</cols>` : "") +
      `<sheetData>${rowsXml.join("")}</sheetData>` +
      (hyperlinks ? `<hyperlinks>${hyperlinks}</hyperlinks>` : "") +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

    const existing = this.parts.sheets.find((s) => s.name === spec.name);
    if (existing && existing.part && existing.worksheet) {
      // our sheet from an earlier run: replaced, with whatever it pointed to dropped
      pkg.write(existing.part, xml);
      pkg.remove(relsPathOf(existing.part));
      return;
    }
    const part = freePartName(pkg, "xl/worksheets/sheet", ".xml");
    pkg.write(part, xml);
    ensureContentType(pkg, part, CONTENT_TYPE.worksheet);
    const rid = addRel(pkg, this.parts.workbook, REL_TYPE.worksheet, part);
    const ns = relPrefix(pkg.text(this.parts.workbook)!);
    const wb = ns.xml;
    const r = root(wb);
    const sheets = child(wb, r, "sheets");
    const ids = this.parts.sheets.map((s) => Number(s.sheetId) || 0);
    const el = `<${q(r.tag.prefix, "sheet")} name="${escapeAttr(uniqueName(spec.name, this.parts.sheets))}" sheetId="${Math.max(0, ...ids) + 1}" ${ns.prefix}:id="${rid}"/>`;
    if (!sheets) throw new Error("the workbook part has no sheets");
    pkg.write(
      this.parts.workbook,
      sheets.tag.kind === "empty"
        ? splice(wb, [{ start: sheets.tag.start, end: sheets.tag.end, text: `<${sheets.tag.qname}>${el}</${sheets.tag.qname}>` }])
        : splice(wb, [{ start: sheets.innerEnd, end: sheets.innerEnd, text: el }]),
    );
  }
}

function quoteForRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function uniqueName(name: string, sheets: SheetEntry[]): string {
  const taken = new Set(sheets.map((s) => s.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name}${i}`.toLowerCase())) return `${name}${i}`;
}
