import { CellValue, MAX_SNAPSHOT_CELLS, MergeArea, PlacedCell, SheetSnapshot, WorkbookSnapshot, distinctMerges, mergeSlaves, snapshotFromCells } from "../core/snapshot";
import { address } from "../core/a1";
import { STORE_NAMESPACE, StoreRecord, newerValue, newestRecord, parseStoreXml } from "../core/document-store";
import { LimitError, limits, within } from "./limits";
import type { Inflate } from "./inflate";
import { findWorkbookPart, partText, readRelationships } from "./package";
import { CLOSE, END, OPEN, XmlError, XmlScanner, decodeEntities } from "./xml";
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipLimits } from "./zip-archive";

/**
 * The workbook reader, for Node and the browser alike (Uint8Array in; no Buffer, fs or Node zlib: the inflate is
 * passed in — nodeInflate from inflate-node.ts in the CLI, browserInflate from inflate-browser.ts in a page).
 * Only what the engine needs (values, number formats, merged areas), read straight from the package into the
 * snapshot — the same snapshot exceljs's model gives (tests hold the two together on every fixture).
 *
 *   const snapshot = readWorkbookBytes(bytes, browserInflate);
 *   const pkg = openWorkbook(bytes, browserInflate); pkg.snapshot(); pkg.setting("selfeval.settings.v1");
 */
export class XlsxFormatError extends Error {}
/** A part that is not well-formed XML (cut short, an attribute given twice…): damage, told with the part it is in. */
export class XlsxDamagedError extends XlsxFormatError {}

/** Excel's built-in number formats (ECMA-376 18.8.30; the zh-CN ones for 27–36 and 50–58). */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss",
  46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@", 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午 h"时"mm"分"', 56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** OOXML's own escape for characters XML cannot carry: _xHHHH_ (and _x005F_ for a literal underscore). */
export function unescapeOoxml(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A workbook package, opened once: its snapshot and its saved add-in settings come from the same directory. */
export interface WorkbookPackage {
  zip: ZipArchive;
  snapshot(): WorkbookSnapshot;
  /** a document setting the add-in saved (web extension property, JSON-decoded); null when absent */
  setting(key: string): unknown;
}

export function openWorkbook(bytes: Uint8Array, inflate: Inflate, limits: ZipLimits = DEFAULT_ZIP_LIMITS): WorkbookPackage {
  const zip = new ZipArchive(bytes, inflate, limits);
  return { zip, snapshot: () => readWorkbookPackage(zip), setting: (key) => readSettingFromPackage(zip, key) };
}

/** The whole read, bytes to snapshot. */
export function readWorkbookBytes(bytes: Uint8Array, inflate: Inflate, limits: ZipLimits = DEFAULT_ZIP_LIMITS): WorkbookSnapshot {
  return readWorkbookPackage(new ZipArchive(bytes, inflate, limits));
}

/** Relationship kinds of sheets that are not worksheets (Office.js lists only worksheets). */
const NOT_WORKSHEETS = new Set(["chartsheet", "dialogsheet", "macrosheet", "xlmacrosheet", "xlintlmacrosheet"]);

export function readWorkbookPackage(zip: ZipArchive): WorkbookSnapshot {
  return wellFormed("of the workbook (its relationships or workbook part)", () => readPackage(zip));
}

function readPackage(zip: ZipArchive): WorkbookSnapshot {
  const wbPart = findWorkbookPart(zip);
  const workbook = wbPart === null ? null : partText(zip, wbPart);
  if (wbPart === null || workbook === null) throw new XlsxFormatError("the package has no workbook part (xl/workbook.xml): not an Excel workbook");
  const rels = new Map<string, { kind: string; target: string }>();
  let sstPart: string | null = null, stylesPart: string | null = null;
  for (const r of wellFormed(wbPart, () => readRelationships(zip, wbPart))) {
    if (r.external) continue;
    rels.set(r.id, r);
    if (r.kind === "sharedstrings" && sstPart === null) sstPart = r.target;
    if (r.kind === "styles" && stylesPart === null) stylesPart = r.target;
  }
  // a writer that left out the relationship but wrote the part under its usual name: Excel's default names
  if (sstPart === null && zip.has("xl/sharedStrings.xml")) sstPart = "xl/sharedStrings.xml";
  if (stylesPart === null && zip.has("xl/styles.xml")) stylesPart = "xl/styles.xml";
  // (date1904 workbooks keep their serial numbers as written, as Office.js returns them)
  const sstXml = sstPart === null ? null : partText(zip, sstPart);
  const shared = sstXml === null ? [] : wellFormed(sstPart!, () => readSharedStrings(sstXml));
  const stylesXml = stylesPart === null ? null : partText(zip, stylesPart);
  const formats = stylesXml === null ? [] : wellFormed(stylesPart!, () => readCellFormats(stylesXml));

  const sheets: SheetSnapshot[] = [];
  wellFormed(wbPart, () => readSheets(zip, wbPart, workbook, rels, shared, formats, sheets));
  return { sheets };
}

function readSheets(zip: ZipArchive, wbPart: string, workbook: string, rels: Map<string, { kind: string; target: string }>, shared: string[], formats: string[], sheets: SheetSnapshot[]): void {
  // a part listed by several sheets is read once (5,000 sheets of one part are 5,000 names over one parse)
  const byPart = new Map<string, SheetSnapshot | null>();
  let listed = 0, cells = 0;
  const push = (sheet: SheetSnapshot) => {
    // the engine holds each sheet's box (and indexes it): all boxes together are bounded, shared parts counted each time
    cells += sheet.values.length * (sheet.values[0]?.length ?? 1);
    if (cells > limits().maxCells) throw new LimitError("maxCells", `sheet ${sheet.name}`, cells);
    sheets.push(sheet);
  };
  const x = new XmlScanner(workbook);
  let sheetsDepth = -1;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === CLOSE) {
      if (x.depth < sheetsDepth) sheetsDepth = -1;
      continue;
    }
    if (x.is("sheets")) {
      sheetsDepth = x.depth;
      continue;
    }
    if (!x.is("sheet") || sheetsDepth < 0 || x.depth !== sheetsDepth + 1) continue;
    within("maxSheets", ++listed, wbPart);
    const name = x.attr("name") ?? "";
    const rid = x.attr("id", true) ?? "";
    const rel = rels.get(rid);
    if (rel && NOT_WORKSHEETS.has(rel.kind)) continue;
    const seen = rel ? byPart.get(rel.target.toLowerCase()) : undefined;
    if (seen !== undefined) {
      if (seen) push({ ...seen, name });
      continue;
    }
    const xml = rel ? partText(zip, rel.target) : null;
    if (xml === null) {
      push({ name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges: [] });
      continue;
    }
    const sheet = wellFormed(rel!.target, () => readSheet(name, xml, shared, formats), name);
    byPart.set(rel!.target.toLowerCase(), sheet);
    if (sheet) push(sheet);
  }
}

/** Runs a part's parse; XML that cannot be tokenized becomes a format error naming the part (and sheet). */
function wellFormed<T>(part: string, parse: () => T, sheet?: string): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof XmlError) throw new XlsxDamagedError(`the part ${part}${sheet ? ` (sheet ${sheet})` : ""} is not well-formed XML: ${e.message}`);
    // a limit passed deep in a parse: said with the part it was passed in
    if (e instanceof LimitError && e.where === "") throw new LimitError(e.limit, `${part}${sheet ? `, sheet ${sheet}` : ""}`, e.found);
    throw e;
  }
}

/** The text of an <si> or <is>: its <t> runs (rich text included), phonetic runs (<rPh>) left out. */
function richText(x: XmlScanner): string {
  if (x.selfClosing) {
    x.skip();
    return "";
  }
  const top = x.depth;
  let out = "";
  for (;;) {
    const t = x.next();
    if (t === END) return out;
    if (t === CLOSE) {
      if (x.depth < top) return unescapeOoxml(out);
      continue;
    }
    if (x.is("t")) out += x.text();
    else if (x.is("rPh")) x.skip();
  }
}

export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const x = new XmlScanner(xml);
  for (let t = x.next(); t !== END; t = x.next())
    if (t === OPEN && x.is("si")) {
      const text = richText(x);
      if (text.length > limits().maxCellText) throw new LimitError("maxCellText", `shared string ${out.length}`, text.length);
      out.push(text);
      if (out.length > limits().maxSharedStrings) throw new LimitError("maxSharedStrings", "", null);
    }
  return out;
}

/** cellXfs index → number format code. */
export function readCellFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  const formats: string[] = [];
  const x = new XmlScanner(xml);
  let xfsDepth = -1;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === CLOSE) {
      if (x.depth < xfsDepth) xfsDepth = -1;
      continue;
    }
    if (x.is("numFmt")) {
      const code = x.attr("formatCode");
      if (code !== null) custom.set(Number(x.attr("numFmtId")), code);
      if (custom.size > limits().maxStyles) throw new LimitError("maxStyles", "", null);
    } else if (x.is("cellXfs")) xfsDepth = x.depth;
    else if (xfsDepth >= 0 && x.depth === xfsDepth + 1 && x.is("xf")) {
      const id = Number(x.attr("numFmtId") ?? 0);
      formats.push(custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
      if (formats.length > limits().maxStyles) throw new LimitError("maxStyles", "", null);
    }
  }
  // numFmts come before cellXfs in the schema; a writer that puts them after still gets its codes
  return formats;
}

/**
 * One worksheet part → its snapshot; null when the part is not a worksheet (a chartsheet or dialog sheet listed
 * without its relationship kind). Cells written without an r attribute follow the previous cell of their row; rows
 * without one follow the previous row.
 */
export function readSheet(name: string, xml: string, shared: string[], formats: string[]): SheetSnapshot | null {
  const x = new XmlScanner(xml);
  const s = xml;
  const cells = new CellList();
  const merges: MergeArea[] = [];
  let row = -1, nextCol = 0, root = true, r = 0, col = 0;
  // an empty cell's reference, kept unparsed until a cell without one needs it
  let lastRefStart = -1, lastRefEnd = -1;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN) continue;
    const ls = x.localStart, len = x.nameEnd - ls;
    if (root) {
      root = false;
      if (!x.is("worksheet")) return null;
      continue;
    }
    const c0 = s.charCodeAt(ls);
    if (len === 1 && c0 === 99) {
      const a = x.attrs;
      if (x.selfClosing) {
        // an empty cell (styled, or padding a merge): only its place matters, for a later cell without r
        let k = 0;
        for (; k < x.attrCount * 5; k += 5) if (a[k] === a[k + 1] && a[k + 2] - a[k + 1] === 1 && s.charCodeAt(a[k + 1]) === 114) break;
        if (k < x.attrCount * 5) {
          lastRefStart = a[k + 3];
          lastRefEnd = a[k + 4];
        } else {
          if (lastRefStart >= 0) {
            const at = cellRef(s, lastRefStart, lastRefEnd);
            if (at >= 0) nextCol = (at % 16384) + 1;
          }
          lastRefStart = -1;
          nextCol++;
        }
        x.skip();
        continue;
      }
      // <c r s t>: the reference is parsed only when needed (a value, or a later cell without one follows)
      let refStart = -1, refEnd = -1, style = -1, type = T_N;
      for (let i = 0; i < x.attrCount; i++) {
        const k = i * 5;
        if (a[k] !== a[k + 1] || a[k + 2] - a[k + 1] !== 1) continue;
        const an = s.charCodeAt(a[k + 1]), vs = a[k + 3], ve = a[k + 4];
        if (an === 114) (refStart = vs), (refEnd = ve);
        else if (an === 115) {
          style = digits(s, vs, ve);
          if (style < 0) style = Number(x.attrValue(i).trim());
        } else if (an === 116) type = ve - vs === 1 && s.charCodeAt(vs) === 115 ? T_S : typeCode(x.attrValue(i).trim());
      }
      if (refStart < 0) {
        // no r: the cell after the previous one
        if (lastRefStart >= 0) {
          const at = cellRef(s, lastRefStart, lastRefEnd);
          if (at >= 0) nextCol = (at % 16384) + 1;
        }
        lastRefStart = -1;
        col = nextCol;
        r = row < 0 ? 0 : row;
        nextCol = col + 1;
      } else {
        lastRefStart = -1;
        let at = cellRef(s, refStart, refEnd);
        if (at === -2) {
          const v = decodeEntities(s.slice(refStart, refEnd), x.entities, x.budget);
          at = cellRef(v, 0, v.length);
        }
        if (at >= 0) {
          r = Math.floor(at / 16384);
          col = at % 16384;
        } else {
          r = row < 0 ? 0 : row;
          col = nextCol;
        }
        nextCol = col + 1;
      }

      let v: CellValue = "";
      const fmt = style >= 0 ? (formats[style] ?? "General") : "General";
      // the common spelling, exactly "<v>text</v></c>": read in place (anything else takes the general path below)
      const p = x.pos;
      if (s.charCodeAt(p) === 60 && s.charCodeAt(p + 1) === 118 && s.charCodeAt(p + 2) === 62) {
        const lt = s.indexOf("<", p + 3);
        // "</v></c>", compared by character codes (startsWith at an offset is a slow call here)
        if (lt > 0 && s.charCodeAt(lt + 1) === 47 && s.charCodeAt(lt + 2) === 118 && s.charCodeAt(lt + 3) === 62 && s.charCodeAt(lt + 4) === 60 && s.charCodeAt(lt + 5) === 47 && s.charCodeAt(lt + 6) === 99 && s.charCodeAt(lt + 7) === 62) {
          x.pos = lt + 8;
          x.depth--;
          v = valueAt(x, type, p + 3, lt, shared);
          if (v !== "") cells.add(r, col, v, fmt);
          continue;
        }
      }
      // the cell's children: <f>, <v>, <is>, <extLst>
      const top = x.depth;
      for (;;) {
        const u = x.next();
        if (u === END) break;
        if (u === CLOSE) {
          if (x.depth < top) break;
          continue;
        }
        if (x.depth !== top + 1) continue;
        if (x.nameEnd - x.localStart === 1 && s.charCodeAt(x.localStart) === 118) {
          // <v>: read in place when it is plain text (the common case), through text() otherwise
          v = !x.selfClosing && x.plainText() ? valueAt(x, type, x.textStart, x.textEnd, shared) : cellValue(type, x.text(), shared);
        } else if (x.is("is")) {
          const text = richText(x);
          if (type === T_INLINE || v === "") v = text;
        } else x.skip();
      }
      if (v === "") continue;
      cells.add(r, col, v, fmt);
    } else if (len === 3 && c0 === 114 && x.is("row")) {
      let n = -1;
      for (let i = 0; i < x.attrCount; i++) {
        const k = i * 5;
        if (x.attrs[k] !== x.attrs[k + 1] || x.attrs[k + 2] - x.attrs[k + 1] !== 1 || s.charCodeAt(x.attrs[k]) !== 114) continue;
        n = digits(s, x.attrs[k + 3], x.attrs[k + 4]);
        if (n < 0) n = Number(x.attrValue(i).trim());
      }
      row = Number.isInteger(n) && n >= 1 && n <= 1048576 ? n - 1 : row + 1;
      nextCol = 0;
      lastRefStart = -1;
    } else if (x.is("mergeCell")) {
      // the ref read in place; spelled with references, decoded first
      for (let i = 0; i < x.attrCount; i++) {
        const k = i * 5, a = x.attrs;
        if (a[k] !== a[k + 1] || a[k + 2] - a[k + 1] !== 3 || s.charCodeAt(a[k + 1]) !== 114 || s.charCodeAt(a[k + 1] + 1) !== 101 || s.charCodeAt(a[k + 1] + 2) !== 102) continue;
        let m = mergeRange(s, a[k + 3], a[k + 4]);
        if (m === null) {
          const v = x.attrValue(i);
          m = mergeRange(v, 0, v.length);
        }
        if (m) {
          merges.push(m);
          if (merges.length > limits().maxMerges) throw new LimitError("maxMerges", `sheet ${name}`, null);
        }
        break;
      }
    } else if (x.is("extLst") || x.is("AlternateContent") || x.is("headerFooter") || x.is("drawing") || x.is("legacyDrawing")) x.skip();
  }
  // one area listed many times is one area (the engine's grid indexes each merge it is given)
  return cells.snapshot(name, distinctMerges(merges));
}

/**
 * The cells of a sheet in parallel arrays, then the snapshot: the same result as snapshotFromCells (merge slaves
 * dropped, the box of what is left), built without an object per cell; a box past the snapshot limit goes through
 * snapshotFromCells, which clips far cells and records them.
 */
export class CellList {
  rows: number[] = [];
  cols: number[] = [];
  vals: CellValue[] = [];
  fmts: string[] = [];

  add(r: number, c: number, v: CellValue, f: string): void {
    if (typeof v === "string" && v.length > limits().maxCellText) throw new LimitError("maxCellText", `cell ${address(r, c)}`, v.length);
    this.rows.push(r);
    this.cols.push(c);
    this.vals.push(v);
    this.fmts.push(f);
  }

  snapshot(name: string, merges: MergeArea[]): SheetSnapshot {
    const { rows, cols, vals, fmts } = this;
    const n = rows.length;
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (let i = 0; i < n; i++) {
      const r = rows[i], c = cols[i];
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    const h = bottom - top + 1, w = right - left + 1;
    if (n === 0 || h * w > MAX_SNAPSHOT_CELLS) {
      const placed: PlacedCell[] = [];
      for (let i = 0; i < n; i++) placed.push({ r: rows[i], c: cols[i], v: vals[i], f: fmts[i] });
      return snapshotFromCells(name, placed, merges);
    }
    // every merge's slaves marked in one pass (core/snapshot.ts), never a box re-marked per merge; merges that
    // overlap another within the cells are left out of the snapshot (Excel writes none; its repair drops them), so
    // the engine's grid never marks one cell for many merges
    const overlapping: boolean[] = [];
    const slave = merges.length ? mergeSlaves(merges, top, left, h, w, overlapping) : null;
    if (overlapping.length) merges = merges.filter((_, i) => !overlapping[i]);
    let kt = top, kl = left, kb = bottom, kr = right;
    if (slave) {
      (kt = Infinity), (kl = Infinity), (kb = -1), (kr = -1);
      for (let i = 0; i < n; i++) {
        const r = rows[i], c = cols[i];
        if (slave[(r - top) * w + (c - left)]) continue;
        if (r < kt) kt = r;
        if (r > kb) kb = r;
        if (c < kl) kl = c;
        if (c > kr) kr = c;
      }
      if (kb < 0) return { name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges };
    }
    const kh = kb - kt + 1, kw = kr - kl + 1;
    const values: CellValue[][] = new Array(kh);
    const formats: string[][] = new Array(kh);
    // rows copied from one blank row: slice() of a packed array is a copy, fill() on a new one is far slower
    const blankValues: CellValue[] = [], blankFormats: string[] = [];
    for (let c = 0; c < kw; c++) blankValues.push(""), blankFormats.push("General");
    for (let r = 0; r < kh; r++) {
      values[r] = blankValues.slice();
      formats[r] = blankFormats.slice();
    }
    for (let i = 0; i < n; i++) {
      const r = rows[i], c = cols[i];
      if (slave && slave[(r - top) * w + (c - left)]) continue;
      values[r - kt][c - kl] = vals[i];
      formats[r - kt][c - kl] = fmts[i];
    }
    return { name, top: kt, left: kl, values, formats, merges };
  }
}

/** ref[start..end) as "A1:B2" (or one cell) → the merged area; null when it is not one. */
function mergeRange(ref: string, start: number, end: number): MergeArea | null {
  let colon = -1;
  for (let i = start; i < end; i++) if (ref.charCodeAt(i) === 58) colon = i;
  const a = cellRef(ref, start, colon < 0 ? end : colon);
  const b = colon < 0 ? a : cellRef(ref, colon + 1, end);
  if (a < 0 || b < 0) return null;
  const r1 = Math.floor(a / 16384), c1 = a % 16384, r2 = Math.floor(b / 16384), c2 = b % 16384;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * v[start..end) as "B7" (any case; "$B$7" and surrounding spaces too) → row * 16384 + col, 0-based; -1 when it is
 * not a cell reference on a sheet; -2 when it holds a character reference (decode, then ask again).
 */
function cellRef(v: string, start: number, n: number): number {
  const at = plainCellRef(v, start, n);
  if (at === -1) for (let p = start; p < n; p++) if (v.charCodeAt(p) === 38) return -2;
  return at;
}

function plainCellRef(v: string, start: number, n: number): number {
  let i = start, col = 0, row = 0;
  while (i < n && (v.charCodeAt(i) === 32 || v.charCodeAt(i) === 36)) i++;
  const c0 = i;
  for (; i < n; i++) {
    const c = v.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === c0 || i - c0 > 3) return -1;
  if (v.charCodeAt(i) === 36) i++;
  const r0 = i;
  for (; i < n; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  while (i < n && v.charCodeAt(i) === 32) i++;
  if (i < n) return -1;
  if (i === r0 || col > 16384 || row < 1 || row > 1048576) return -1;
  return (row - 1) * 16384 + (col - 1);
}

const T_N = 0, T_S = 1, T_STR = 2, T_INLINE = 3, T_B = 4, T_E = 5, T_D = 6;

function typeCode(t: string): number {
  switch (t) {
    case "s":
      return T_S;
    case "str":
      return T_STR;
    case "inlineStr":
      return T_INLINE;
    case "b":
      return T_B;
    case "e":
      return T_E;
    case "d":
      return T_D;
    default:
      return T_N;
  }
}

/** s[a..b) as a plain decimal integer (at most 15 digits); -1 when it is anything else. */
function digits(s: string, a: number, b: number): number {
  if (b <= a || b - a > 15) return -1;
  let n = 0;
  for (let p = a; p < b; p++) {
    const d = s.charCodeAt(p) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A <v>'s value from its raw text s[a0..a1) (entities not yet decoded), by the cell's type. */
function valueAt(x: XmlScanner, type: number, a0: number, a1: number, shared: string[]): CellValue {
  const s = x.s;
  if (type === T_S) {
    const i = digits(s, a0, a1);
    return i >= 0 ? (shared[i] ?? "") : cellValue(type, x.decode(a0, a1), shared);
  }
  if (type === T_N) {
    const i = a1 - a0 < 16 ? digits(s, a0, a1) : -1;
    return i >= 0 ? i : cellValue(type, x.entities || hasRef(s, a0, a1) ? x.decode(a0, a1) : s.slice(a0, a1), shared);
  }
  return cellValue(type, x.decode(a0, a1), shared);
}

function hasRef(s: string, a: number, b: number): boolean {
  for (let p = a; p < b; p++) {
    const c = s.charCodeAt(p);
    if (c === 38 || c === 13) return true;
  }
  return false;
}

function cellValue(type: number, vRaw: string, shared: string[]): CellValue {
  switch (type) {
    case T_S: {
      const i = Number(vRaw);
      return Number.isInteger(i) && vRaw.trim() !== "" ? (shared[i] ?? "") : "";
    }
    case T_STR:
    case T_INLINE:
      return unescapeOoxml(vRaw);
    case T_B: {
      const b = vRaw.trim();
      return b === "1" || b === "true";
    }
    case T_E:
      return vRaw.trim();
    case T_D:
      return vRaw.trim() === "" ? "" : isoToSerial(vRaw.trim());
    default: {
      if (vRaw.trim() === "") return "";
      const n = Number(vRaw);
      return Number.isFinite(n) ? n : unescapeOoxml(vRaw);
    }
  }
}

function isoToSerial(iso: string): CellValue {
  const t = Date.parse(iso.endsWith("Z") || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(t) ? (t - Date.UTC(1899, 11, 30)) / 86400000 : iso;
}

/**
 * A document setting the add-in saved. In Excel, Office stores them as properties of the add-in's web extension part
 * (xl/webextensions/webextension*.xml), each value JSON-encoded (sometimes twice); in WPS 表格 the add-in keeps them in
 * its own custom XML part (customXml/item*.xml, core/document-store.ts). When a workbook carries both, the newer wins
 * (by the time each was saved). null when absent or unreadable.
 */
export function readSettingFromPackage(zip: ZipArchive, key: string): unknown {
  const ours = storeRecordOf(zip);
  return newerValue(officeSetting(zip, key), ours?.values[key] ?? null, ours?.savedAt ?? "");
}

function officeSetting(zip: ZipArchive, key: string): unknown {
  const parts = [...zip.entries.keys()].filter((f) => /(^|\/)webextensions?\/webextension[^/]*\.xml$/i.test(f.replace(/\\/g, "/")));
  for (const p of parts) {
    const xml = partText(zip, p) ?? "";
    const x = new XmlScanner(xml);
    for (let t = x.next(); t !== END; t = x.next()) {
      if (t !== OPEN || !x.is("property") || x.attr("name") !== key) continue;
      const v = x.attr("value");
      if (v === null) return null;
      try {
        let value: unknown = JSON.parse(v);
        if (typeof value === "string") value = JSON.parse(value);
        return value;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** the add-in's own store part (WPS), the newest where there are several; null when there is none or it is damaged */
function storeRecordOf(zip: ZipArchive): StoreRecord | null {
  const parts = [...zip.entries.keys()].filter((f) => /(^|\/)customXml\/item\d*\.xml$/i.test(f.replace(/\\/g, "/")));
  const records: Array<StoreRecord | null> = [];
  for (const p of parts) {
    try {
      const xml = partText(zip, p);
      if (xml !== null && xml.includes(STORE_NAMESPACE)) records.push(parseStoreXml(xml));
    } catch {
      // a damaged part of someone else's is no reason to fail the check
    }
  }
  return newestRecord(records);
}

// re-exported so a browser page needs one import
export { readRelationships, findWorkbookPart } from "./package";
export { ZipArchive, ZipError, DEFAULT_ZIP_LIMITS } from "./zip-archive";
export type { ZipLimits } from "./zip-archive";
export type { Inflate } from "./inflate";
