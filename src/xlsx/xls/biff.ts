import { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { BUILTIN_FORMATS, CellList } from "../workbook-reader";

/**
 * The BIFF8 records of an .xls workbook's "Workbook" stream (MS-XLS), read into the engine's snapshot — the same
 * snapshot the .xlsx reader (../workbook-reader.ts) gives: raw values (numbers, strings, booleans, error texts;
 * a formula's cached result), each cell's number format, merged areas, worksheet names in order. Only the records the
 * snapshot needs are read; every length is checked against the stream, so damage is an error naming the record, not
 * a crash or a hang. Pure (Uint8Array in).
 */
export class BiffError extends Error {}

/** The workbook is encrypted (FILEPASS): RC4 or XOR obfuscation; nothing past it can be read without the password. */
export class BiffEncrypted extends Error {}

const BOF = 0x0809, EOF = 0x000a, CONTINUE = 0x003c, FILEPASS = 0x002f, BOUNDSHEET = 0x0085, SST = 0x00fc, FORMAT = 0x041e, XF = 0x00e0;
const NUMBER = 0x0203, RK = 0x027e, MULRK = 0x00bd, LABELSST = 0x00fd, LABEL = 0x0204, RSTRING = 0x00d6, FORMULA = 0x0006, STRING = 0x0207;
const BOOLERR = 0x0205, MERGECELLS = 0x00e5, COLINFO = 0x007d, ROW = 0x0208, DEFCOLWIDTH = 0x0055, DEFAULTROWHEIGHT = 0x0225;
const OBJ = 0x005d, MSODRAWING = 0x00ec, BLANK = 0x0201, MULBLANK = 0x00be, FONT = 0x0031, PALETTE = 0x0092;

/** A copy keeps the styles of at most this many cells a sheet (a sheet bordered down to row 65,536 has millions). */
export const MAX_STYLED_CELLS = 1_000_000;

/** At most this many shared strings (a form workbook holds thousands): past it the table is refused, not held. */
export const MAX_SST_STRINGS = 2_000_000;

const ERRORS: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

/** What a sheet holds beyond its cells: column widths and row heights (for a copy), and drawings (charts, pictures). */
export interface XlsSheetExtras {
  /** 0-based column → width in characters (COLINFO coldx / 256) */
  colWidths: Map<number, number>;
  /** 0-based row → height in points (ROW miyRw / 20), for rows with a custom height */
  rowHeights: Map<number, number>;
  /** drawing objects by kind (OBJ records): charts, pictures, comments (notes), other shapes and controls */
  charts: number;
  pictures: number;
  comments: number;
  shapes: number;
  /** cells that hold a formula (row * 16384 + col): a copy keeps their results only */
  formulas: Set<number>;
  /** each cell's XF index (row * 16384 + col → ixfe), blank styled cells (BLANK, MULBLANK) included: a copy's styles */
  styles: Map<number, number>;
  /** more styled cells than MAX_STYLED_CELLS: the rest were not recorded */
  stylesCut: boolean;
  /** BOUNDSHEET8 hsState: 0 visible, 1 hidden, 2 very hidden */
  hidden: number;
}

export interface BiffWorkbook {
  snapshot: WorkbookSnapshot;
  extras: XlsSheetExtras[];
  /** chart sheets, macro sheets, VB modules: sheets a copy cannot keep */
  otherSheets: string[];
  date1904: boolean;
  /** the raw XF and FONT records and the PALETTE's colours (0xRRGGBB from index 8), for a copy's styles (to-xlsx.ts) */
  xfs: Uint8Array[];
  fonts: Uint8Array[];
  palette: number[] | null;
  /** XF index → its number format code */
  xfCodes: string[];
}

/** One record with the CONTINUE records after it, as segments of one logical record. */
class Rec {
  /** offsets of each segment's start, in data */
  bounds: number[] = [];
  constructor(
    readonly type: number,
    readonly data: Uint8Array,
  ) {}
}

/** `styles`: record each cell's XF (for a copy, src/xlsx/xls/to-xlsx.ts); a check does without. */
export function readBiff(s: Uint8Array, opts: { styles?: boolean } = {}): BiffWorkbook {
  const track = opts.styles === true;
  const u16 = (p: number) => s[p] | (s[p + 1] << 8);
  // sheets may not overlap: all the substreams together read the stream about once (a file whose sheet entries all
  // point at one large sheet, or into one another, would otherwise be read once per entry)
  let budget = 2 * s.length + 65536;
  /** records from pos until the substream's EOF (nested BOF/EOF of embedded charts skipped over), CONTINUEs joined */
  function* records(pos: number, where: string): Generator<Rec> {
    let depth = 0;
    while (pos + 4 <= s.length) {
      const type = u16(pos), len = u16(pos + 2);
      if (pos + 4 + len > s.length) throw new BiffError(`${where}: the record at byte ${pos} runs past the end of the stream (truncated)`);
      let end = pos + 4 + len;
      budget -= 4 + len;
      if (budget < 0) throw new BiffError(`${where}: the sheets' records overlap (the stream is read more than twice over)`);
      // CONTINUE records carry the rest of a long record
      let segs: Array<[number, number]> | null = null;
      while (end + 4 <= s.length && u16(end) === CONTINUE) {
        const cl = u16(end + 2);
        if (end + 4 + cl > s.length) throw new BiffError(`${where}: a CONTINUE record at byte ${end} runs past the end of the stream (truncated)`);
        (segs ??= [[pos + 4, pos + 4 + len]]).push([end + 4, end + 4 + cl]);
        end += 4 + cl;
        budget -= 4 + cl;
      }
      let rec: Rec;
      if (!segs) rec = new Rec(type, s.subarray(pos + 4, pos + 4 + len));
      else {
        const total = segs.reduce((n, [a, b]) => n + b - a, 0);
        const data = new Uint8Array(total);
        rec = new Rec(type, data);
        let o = 0;
        for (const [a, b] of segs) {
          rec.bounds.push(o);
          data.set(s.subarray(a, b), o);
          o += b - a;
        }
      }
      pos = end;
      if (type === BOF) {
        depth++;
        if (depth <= 2) yield rec; // the substream's own BOF, or an embedded chart's (counted by the sheet)
        continue;
      }
      if (type === EOF) {
        depth--;
        if (depth <= 0) return;
        continue;
      }
      if (depth <= 1) yield rec;
    }
    throw new BiffError(`${where}: the stream ends before its EOF record (truncated)`);
  }

  if (s.length < 8 || u16(0) !== BOF) throw new BiffError("the Workbook stream does not start with a BOF record");
  const version = u16(4);
  if (version !== 0x0600) throw new BiffError(version === 0x0500 ? "BIFF5" : `BIFF version 0x${version.toString(16)}`);

  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const sheets: Array<{ name: string; pos: number; kind: number; hidden: number }> = [];
  const xfs: Uint8Array[] = [], fonts: Uint8Array[] = [];
  let palette: number[] | null = null;
  let sst: string[] = [];
  let date1904 = false;
  for (const r of records(0, "the workbook globals")) {
    const d = r.data;
    switch (r.type) {
      case FILEPASS:
        throw new BiffEncrypted(d.length >= 2 && (d[0] | (d[1] << 8)) === 0 ? "XOR" : "RC4");
      case 0x0022: // DATEMODE
        date1904 = d.length >= 2 && (d[0] | (d[1] << 8)) === 1;
        break;
      case FORMAT: {
        if (d.length < 5) break;
        const id = d[0] | (d[1] << 8);
        const str = new StrReader(r, 2);
        formats.set(id, str.unicode(str.u16()));
        break;
      }
      case XF:
        if (d.length >= 4) xfFormats.push(d[2] | (d[3] << 8)), xfs.push(d.slice());
        break;
      case FONT:
        fonts.push(d.slice());
        break;
      case PALETTE: {
        const n = d.length >= 2 ? d[0] | (d[1] << 8) : 0;
        palette = [];
        for (let i = 0, p = 2; i < n && p + 4 <= d.length; i++, p += 4) palette.push((d[p] << 16) | (d[p + 1] << 8) | d[p + 2]);
        break;
      }
      case BOUNDSHEET: {
        if (d.length < 8) throw new BiffError("a BOUNDSHEET8 record is too short");
        const pos = (d[0] | (d[1] << 8) | (d[2] << 16) | (d[3] << 24)) >>> 0;
        const str = new StrReader(r, 6);
        sheets.push({ name: str.unicode(str.u8()), pos, kind: d[5], hidden: d[4] & 3 });
        break;
      }
      case SST:
        sst = readSst(r);
        break;
    }
  }
  const xfCodes: string[] = xfFormats.map((id) => normalise(formats.get(id) ?? BUILTIN_FORMATS[id] ?? "General"));

  const out: SheetSnapshot[] = [];
  const extras: XlsSheetExtras[] = [];
  const otherSheets: string[] = [];
  for (const sh of sheets) {
    if (sh.kind !== 0) {
      otherSheets.push(sh.name);
      continue;
    }
    if (sh.pos + 8 > s.length || u16(sh.pos) !== BOF) throw new BiffError(`the sheet ${sh.name}: its position (byte ${sh.pos}) is not a BOF record in the stream`);
    const dt = u16(sh.pos + 6);
    if (dt !== 0x0010) {
      otherSheets.push(sh.name);
      continue;
    }
    const cells = new CellList();
    const merges: MergeArea[] = [];
    const ex: XlsSheetExtras = { colWidths: new Map(), rowHeights: new Map(), charts: 0, pictures: 0, comments: 0, shapes: 0, formulas: new Set(), styles: new Map(), stylesCut: false, hidden: sh.hidden };
    const style = (at: number, ix: number) => {
      if (!track) return;
      if (ex.styles.size < MAX_STYLED_CELLS || ex.styles.has(at)) ex.styles.set(at, ix);
      else ex.stylesCut = true;
    };
    const fmt = (ixfe: number) => xfCodes[ixfe] ?? "General";
    let pendingFormula: { r: number; c: number; f: string } | null = null;
    let first = true;
    for (const r of records(sh.pos, `the sheet ${sh.name}`)) {
      if (first) {
        first = false; // the sheet's own BOF
        continue;
      }
      const d = r.data, n = d.length;
      const rc = () => {
        if (n < 6) throw new BiffError(`the sheet ${sh.name}: a cell record (0x${r.type.toString(16)}) is too short`);
        const row = d[0] | (d[1] << 8), col = d[2] | (d[3] << 8), ix = d[4] | (d[5] << 8);
        style(row * 16384 + col, ix);
        return [row, col, ix];
      };
      // a formula's string result follows in a STRING record (after its SHRFMLA / ARRAY / TABLE, if any)
      if (pendingFormula && r.type !== STRING && r.type !== 0x04bc && r.type !== 0x0221 && r.type !== 0x0236) pendingFormula = null;
      switch (r.type) {
        case NUMBER: {
          const [row, col, ix] = rc();
          if (n < 14) throw new BiffError(`the sheet ${sh.name}: a NUMBER record is too short`);
          cells.add(row, col, f64(d, 6) || 0, fmt(ix));
          break;
        }
        case RK: {
          const [row, col, ix] = rc();
          if (n < 10) throw new BiffError(`the sheet ${sh.name}: an RK record is too short`);
          cells.add(row, col, rkValue(d, 6), fmt(ix));
          break;
        }
        case MULRK: {
          if (n < 6) throw new BiffError(`the sheet ${sh.name}: a MULRK record is too short`);
          const row = d[0] | (d[1] << 8), c0 = d[2] | (d[3] << 8);
          for (let p = 4, c = c0; p + 6 <= n - 2; p += 6, c++) {
            const ix = d[p] | (d[p + 1] << 8);
            style(row * 16384 + c, ix);
            cells.add(row, c, rkValue(d, p + 2), fmt(ix));
          }
          break;
        }
        case LABELSST: {
          const [row, col, ix] = rc();
          if (n < 10) throw new BiffError(`the sheet ${sh.name}: a LABELSST record is too short`);
          const i = (d[6] | (d[7] << 8) | (d[8] << 16) | (d[9] << 24)) >>> 0;
          const v = sst[i] ?? "";
          if (v !== "") cells.add(row, col, v, fmt(ix));
          break;
        }
        case LABEL:
        case RSTRING: {
          const [row, col, ix] = rc();
          const str = new StrReader(r, 6);
          const v = str.unicode(str.u16());
          if (v !== "") cells.add(row, col, v, fmt(ix));
          break;
        }
        case BOOLERR: {
          const [row, col, ix] = rc();
          if (n < 8) throw new BiffError(`the sheet ${sh.name}: a BOOLERR record is too short`);
          cells.add(row, col, d[7] ? (ERRORS[d[6]] ?? "#N/A") : d[6] !== 0, fmt(ix));
          break;
        }
        case FORMULA: {
          const [row, col, ix] = rc();
          if (n < 20) throw new BiffError(`the sheet ${sh.name}: a FORMULA record is too short`);
          ex.formulas.add(row * 16384 + col);
          if (d[12] === 0xff && d[13] === 0xff) {
            const kind = d[6];
            if (kind === 0) pendingFormula = { r: row, c: col, f: fmt(ix) }; // the string follows in a STRING record
            else if (kind === 1) cells.add(row, col, d[8] !== 0, fmt(ix));
            else if (kind === 2) cells.add(row, col, ERRORS[d[8]] ?? "#N/A", fmt(ix));
            // 3: an empty string
          } else cells.add(row, col, f64(d, 6) || 0, fmt(ix));
          break;
        }
        case STRING: {
          if (!pendingFormula) break;
          const str = new StrReader(r, 0);
          const v = str.unicode(str.u16());
          if (v !== "") cells.add(pendingFormula.r, pendingFormula.c, v, pendingFormula.f);
          pendingFormula = null;
          break;
        }
        case BLANK:
          rc();
          break;
        case MULBLANK: {
          if (n < 6) break;
          const row = d[0] | (d[1] << 8), c0 = d[2] | (d[3] << 8);
          if (track) for (let p = 4, c = c0; p + 2 <= n - 2; p += 2, c++) style(row * 16384 + c, d[p] | (d[p + 1] << 8));
          break;
        }
        case MERGECELLS: {
          const count = n >= 2 ? d[0] | (d[1] << 8) : 0;
          for (let k = 0, p = 2; k < count && p + 8 <= n; k++, p += 8) {
            const r1 = d[p] | (d[p + 1] << 8), r2 = d[p + 2] | (d[p + 3] << 8), c1 = d[p + 4] | (d[p + 5] << 8), c2 = d[p + 6] | (d[p + 7] << 8);
            merges.push({ top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) });
          }
          break;
        }
        case COLINFO: {
          if (n < 6) break;
          const c1 = d[0] | (d[1] << 8), c2 = Math.min(d[2] | (d[3] << 8), 255), w = (d[4] | (d[5] << 8)) / 256;
          for (let c = c1; c <= c2; c++) ex.colWidths.set(c, w);
          break;
        }
        case ROW: {
          if (n < 16) break;
          const row = d[0] | (d[1] << 8), h = d[6] | (d[7] << 8), flags = d[12] | (d[13] << 8);
          // fUnsynced (0x40): the height was set by hand; 0x8000 in miyRw: the default height
          if (flags & 0x40 && !(h & 0x8000)) ex.rowHeights.set(row, (h & 0x7fff) / 20);
          break;
        }
        case OBJ: {
          // its first subrecord is ftCmo (0x15): the object's type
          const ot = n >= 6 && d[0] === 0x15 ? d[4] | (d[5] << 8) : -1;
          if (ot === 0x05) ex.charts++;
          else if (ot === 0x08) ex.pictures++;
          else if (ot === 0x19) ex.comments++;
          else ex.shapes++;
          break;
        }
        case BOF: // an embedded chart's substream (its OBJ, type 5, counts it)
          break;
        case MSODRAWING:
        case DEFCOLWIDTH:
        case DEFAULTROWHEIGHT:
          break;
      }
    }
    out.push(cells.snapshot(sh.name, merges));
    extras.push(ex);
  }
  return { snapshot: { sheets: out }, extras, otherSheets, date1904, xfs, fonts, palette, xfCodes };
}

const scratch = new Uint8Array(8);
const scratchF64 = new Float64Array(scratch.buffer);

/** A little-endian double at d[p..p+8). */
function f64(d: Uint8Array, p: number): number {
  for (let i = 0; i < 8; i++) scratch[i] = d[p + i];
  return scratchF64[0];
}

/** "GENERAL" and "General" as Excel writes the default format. */
function normalise(code: string): string {
  return /^general$/i.test(code) ? "General" : code;
}

/** An RK number: a 30-bit integer or the top 30 bits of a double, either maybe ÷ 100. */
function rkValue(d: Uint8Array, p: number): number {
  const rk = (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24)) >>> 0;
  let v: number;
  if (rk & 2) v = (rk | 0) >> 2;
  else {
    const hi = rk & 0xfffffffc;
    scratch.fill(0, 0, 4);
    scratch[4] = hi & 0xff;
    scratch[5] = (hi >>> 8) & 0xff;
    scratch[6] = (hi >>> 16) & 0xff;
    scratch[7] = hi >>> 24;
    v = scratchF64[0];
  }
  return rk & 1 ? v / 100 : v;
}

/**
 * Reads the strings of one logical record (its CONTINUE segments joined): a string's characters that run into the
 * next segment go on after one new flags byte there (MS-XLS 2.5.293 XLUnicodeRichExtendedString).
 */
class StrReader {
  p: number;
  private readonly d: Uint8Array;
  private readonly bounds: number[];
  private bi = 1;

  constructor(r: Rec, start: number) {
    this.d = r.data;
    this.bounds = r.bounds;
    this.p = start;
  }

  get left(): number {
    return this.d.length - this.p;
  }

  private need(n: number): void {
    if (this.p + n > this.d.length) throw new BiffError("a string runs past the end of its record");
  }

  u8(): number {
    this.need(1);
    return this.d[this.p++];
  }

  u16(): number {
    this.need(2);
    const v = this.d[this.p] | (this.d[this.p + 1] << 8);
    this.p += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = (this.d[this.p] | (this.d[this.p + 1] << 8) | (this.d[this.p + 2] << 16) | (this.d[this.p + 3] << 24)) >>> 0;
    this.p += 4;
    return v;
  }

  skip(n: number): void {
    this.need(n);
    this.p += n;
  }

  /** the next segment's start after p, or the end */
  private nextBound(): number {
    while (this.bi < this.bounds.length && this.bounds[this.bi] < this.p) this.bi++;
    return this.bi < this.bounds.length ? this.bounds[this.bi] : this.d.length;
  }

  /** cch characters after the flags byte (rich-text runs and phonetic data skipped). */
  unicode(cch: number): string {
    const flags = this.u8();
    let high = flags & 1;
    const runs = flags & 8 ? this.u16() : 0;
    const ext = flags & 4 ? this.u32() : 0;
    const parts: string[] = [];
    let left = cch;
    while (left > 0) {
      const end = this.nextBound();
      const width = high ? 2 : 1;
      const fit = Math.min(left, Math.floor((end - this.p) / width));
      if (fit <= 0) {
        if (end >= this.d.length) throw new BiffError("a string runs past the end of its record");
        // the characters go on in the next CONTINUE, after its own flags byte
        this.p = end;
        high = this.u8() & 1;
        continue;
      }
      parts.push(high ? utf16(this.d, this.p, fit) : latin1(this.d, this.p, fit));
      this.p += fit * width;
      left -= fit;
    }
    this.skip(Math.min(runs * 4 + ext, this.left));
    return parts.length === 1 ? parts[0] : parts.join("");
  }
}

function latin1(d: Uint8Array, p: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, Array.from(d.subarray(p + i, p + Math.min(n, i + 4096))));
  return s;
}

function utf16(d: Uint8Array, p: number, n: number): string {
  let s = "";
  const codes: number[] = new Array(Math.min(n, 4096));
  for (let i = 0; i < n; i += 4096) {
    const m = Math.min(4096, n - i);
    codes.length = m;
    for (let k = 0; k < m; k++) codes[k] = d[p + (i + k) * 2] | (d[p + (i + k) * 2 + 1] << 8);
    s += String.fromCharCode.apply(null, codes);
  }
  return s;
}

function readSst(r: Rec): string[] {
  const str = new StrReader(r, 0);
  if (str.left < 8) throw new BiffError("the SST record is too short");
  str.u32();
  const unique = str.u32();
  const out: string[] = [];
  // the count is only a claim: strings are read while the record holds them, never allocated ahead
  while (out.length < unique && str.left >= 3) {
    if (out.length >= MAX_SST_STRINGS) throw new BiffError(`the shared string table holds more than ${MAX_SST_STRINGS} strings`);
    out.push(str.unicode(str.u16()));
  }
  return out;
}

export type { CellValue };
