import { parseAddress, parseRange } from "../core/a1";
import { CellValue, MergeArea, PlacedCell, SheetSnapshot, WorkbookSnapshot, snapshotFromCells } from "../core/snapshot";
import { ZipReader } from "./zip";

/**
 * A lean .xlsx reader for checking: only what the engine needs (values, number formats, merged areas), read straight
 * from the package into the snapshot, without building exceljs's whole workbook model. The result equals
 * `workbookSnapshot` over exceljs (tests hold the two together on every fixture); the CLI uses this one to check and
 * exceljs only where it writes (--out, fix). The zip reader refuses a zip bomb before inflating it.
 */
export class XlsxFormatError extends Error {}

/** Excel's built-in number formats (ECMA-376 18.8.30; the zh-CN ones for 27–36 and 50–58). */
const BUILTIN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午 h"时"mm"分"', 35: '上午/下午 h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss",
  46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@", 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午 h"时"mm"分"', 56: '上午/下午 h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes("&") && !s.includes("_x")) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
      e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : null;
}

/** All text of the <t> runs inside an element (rich text runs included, phonetic runs excluded). */
function textOf(xml: string): string {
  const noPhonetic = xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  let out = "";
  for (const m of noPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) out += m[1];
  return decodeXml(out);
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

export async function readXlsxSnapshot(buffer: Buffer | ArrayBuffer): Promise<WorkbookSnapshot> {
  return readXlsxSnapshotSync(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer));
}

export function readXlsxSnapshotSync(bytes: Buffer, zip: ZipReader = new ZipReader(bytes)): WorkbookSnapshot {
  const text = (_: ZipReader, name: string) => zip.text(name);
  const workbook = text(zip, "xl/workbook.xml");
  if (!workbook) throw new XlsxFormatError("xl/workbook.xml is missing: not an Excel workbook");
  const rels = text(zip, "xl/_rels/workbook.xml.rels") ?? "";
  const relTargets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) relTargets.set(id, resolveTarget(target));
  }
  // (date1904 workbooks keep their serial numbers as written, as Office.js returns them)

  const shared: string[] = [];
  const sst = text(zip, "xl/sharedStrings.xml");
  if (sst) for (const m of sst.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\b[^>]*\/>/g)) shared.push(m[1] === undefined ? "" : textOf(m[1]));

  const formats: string[] = [];
  const styles = text(zip, "xl/styles.xml");
  if (styles) {
    const custom = new Map<number, string>();
    for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
      const id = Number(attr(m[0], "numFmtId"));
      const code = attr(m[0], "formatCode");
      if (code !== null) custom.set(id, code);
    }
    const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles);
    if (xfs) {
      for (const m of xfs[1].matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
        const id = Number(attr(m[0], "numFmtId") ?? 0);
        formats.push(custom.get(id) ?? BUILTIN[id] ?? "General");
      }
    }
  }

  const sheets: SheetSnapshot[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const rid = attr(m[0], "r:id") ?? /\s\w+:id="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const path = relTargets.get(rid);
    const xml = path ? text(zip, path) : null;
    sheets.push(xml === null ? { name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges: [] } : readSheet(name, xml, shared, formats));
  }
  return { sheets };
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

function readSheet(name: string, xml: string, shared: string[], formats: string[]): SheetSnapshot {
  const cells: PlacedCell[] = [];
  let nextRow = 0, nextCol = 0, lastRowSeen = -1;
  const data = /<(?:\w+:)?sheetData\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheetData>/.exec(xml)?.[1] ?? "";
  // rows, to place cells written without an r attribute
  for (const row of data.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const rAttr = /\sr="(\d+)"/.exec(row[1]);
    const rowIndex = rAttr ? Number(rAttr[1]) - 1 : lastRowSeen + 1;
    lastRowSeen = rowIndex;
    nextRow = rowIndex;
    nextCol = 0;
    const body = row[2];
    if (!body) continue;
    for (const m of body.matchAll(CELL)) {
      const attrs = m[1];
      const inner = m[2];
      const ref = /\sr="([A-Z]+\d+)"/.exec(attrs);
      const at = ref ? parseAddress(ref[1]) : { row: nextRow, col: nextCol };
      if (!at) continue;
      nextCol = at.col + 1;
      if (inner === undefined) continue; // a styled blank cell
      const t = /\st="([^"]*)"/.exec(attrs)?.[1] ?? "n";
      const vRaw = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
      let v: CellValue = "";
      if (t === "s") v = vRaw === undefined ? "" : (shared[Number(vRaw)] ?? "");
      else if (t === "inlineStr") v = textOf(/<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner)?.[1] ?? "");
      else if (t === "str") v = vRaw === undefined ? "" : decodeXml(vRaw);
      else if (t === "b") v = vRaw === undefined ? "" : vRaw.trim() === "1" || vRaw.trim() === "true";
      else if (t === "e") v = vRaw === undefined ? "" : decodeXml(vRaw);
      else if (t === "d") v = vRaw === undefined ? "" : isoToSerial(vRaw);
      else if (vRaw !== undefined && vRaw !== "") {
        const n = Number(vRaw);
        v = Number.isFinite(n) ? n : decodeXml(vRaw);
      }
      if (v === "") continue;
      const s = /\ss="(\d+)"/.exec(attrs);
      const f = s ? (formats[Number(s[1])] ?? "General") : "General";
      cells.push({ r: at.row, c: at.col, v, f });
    }
  }
  const merges: MergeArea[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\sref="([^"]+)"[^>]*>/g)) {
    const r = parseRange(m[1]);
    if (r) merges.push(r);
  }
  return snapshotFromCells(name, cells, merges);
}

function isoToSerial(iso: string): CellValue {
  const t = Date.parse(iso.endsWith("Z") || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isFinite(t) ? (t - Date.UTC(1899, 11, 30)) / 86400000 : iso;
}
