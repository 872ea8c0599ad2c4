import { inflateSync } from "fflate";
import { WorkbookSnapshot } from "../core/snapshot";
import { XlsxFormatError, readXlsxSnapshotSync } from "../xlsx/fast-read";
import type { ZipReader } from "../xlsx/zip";
import { FormatError, PackageError } from "./errors";

/**
 * The page's one door to reading a workbook: bytes in, the engine's snapshot and the add-in's saved settings out.
 * Everything else of the page goes through here, so moving to the browser build of the shared reader
 * (src/xlsx/workbook-reader.ts, issue 13) is a change of this file only.
 *
 * Until then: the lean reader's parsing (src/xlsx/fast-read.ts) over a zip directory read here with DataView and
 * inflated with fflate (no Buffer, no Node zlib). The same defences as src/xlsx/zip.ts: sizes are checked before
 * anything is inflated, and inflation is capped at the declared size, so a zip bomb is refused, not unpacked.
 * Throws PackageError / FormatError, which src/web/errors.ts turns into the CLI's messages.
 */
export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** the add-in's settings saved in the workbook (selfeval.settings.v1), or null */
  settings: unknown;
}

const MAX_TOTAL = 512 * 1024 * 1024;
const MAX_ENTRY = 256 * 1024 * 1024;
const SETTINGS_KEY = "selfeval.settings.v1";

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  encrypted: boolean;
}

// made on first use: a browser without TextDecoder must still load the page, to be told what it lacks
let decoder: TextDecoder | null = null;
const utf8 = { decode: (b: Uint8Array) => (decoder ??= new TextDecoder("utf-8")).decode(b) };

/** A zip directory over bytes: the part of src/xlsx/zip.ts's ZipReader the lean reader uses (`entries`, `text`). */
class BytesZip {
  readonly entries = new Map<string, Entry>();
  private readonly v: DataView;

  constructor(private readonly b: Uint8Array) {
    this.v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const eocd = this.findEocd();
    const count = this.v.getUint16(eocd + 10, true);
    const cdSize = this.v.getUint32(eocd + 12, true);
    const cdOffset = this.v.getUint32(eocd + 16, true);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new PackageError("zip64 packages are not supported");
    if (cdOffset + cdSize > b.length) throw new PackageError("the zip is truncated (its directory lies past the end of the file)");
    let p = cdOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || this.v.getUint32(p, true) !== 0x02014b50) throw new PackageError("the zip directory is damaged");
      const flags = this.v.getUint16(p + 8, true);
      const method = this.v.getUint16(p + 10, true);
      const compressedSize = this.v.getUint32(p + 20, true);
      const size = this.v.getUint32(p + 24, true);
      const nameLen = this.v.getUint16(p + 28, true);
      const extraLen = this.v.getUint16(p + 30, true);
      const commentLen = this.v.getUint16(p + 32, true);
      const offset = this.v.getUint32(p + 42, true);
      const name = utf8.decode(b.subarray(p + 46, p + 46 + nameLen));
      if (size > MAX_ENTRY) throw new PackageError(`the part ${name} would unpack to ${Math.round(size / 1048576)} MB (limit ${Math.round(MAX_ENTRY / 1048576)} MB)`);
      total += size;
      if (total > MAX_TOTAL) throw new PackageError(`the workbook would unpack to more than ${Math.round(MAX_TOTAL / 1048576)} MB: refused (possible zip bomb)`);
      this.entries.set(name, { name, method, compressedSize, size, offset, encrypted: (flags & 1) === 1 });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  private findEocd(): number {
    const b = this.b;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (this.v.getUint32(i, true) === 0x06054b50) return i;
    throw new PackageError("not a zip archive, or a truncated one (no end of central directory)");
  }

  read(name: string): Uint8Array | null {
    let e = this.entries.get(name);
    if (!e) {
      const lower = name.toLowerCase();
      for (const [k, v] of this.entries) if (k.toLowerCase() === lower) e = v;
    }
    if (!e) return null;
    if (e.encrypted) throw new PackageError("the workbook is encrypted");
    const b = this.b;
    if (e.offset + 30 > b.length || this.v.getUint32(e.offset, true) !== 0x04034b50) throw new PackageError(`the part ${e.name} is damaged`);
    const start = e.offset + 30 + this.v.getUint16(e.offset + 26, true) + this.v.getUint16(e.offset + 28, true);
    if (start + e.compressedSize > b.length) throw new PackageError(`the zip is truncated inside ${e.name}`);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data;
    if (e.method !== 8) throw new PackageError(`the part ${e.name} uses an unsupported compression method (${e.method})`);
    // a fixed output buffer: a part that lies about its size cannot inflate without bound (the CLI's cap, and its words)
    const cap = Math.max(e.size, 1) + 1024;
    const out = new Uint8Array(cap + 1);
    let got: Uint8Array;
    try {
      got = inflateSync(data, { out });
    } catch (err) {
      throw new PackageError(`the part ${e.name} cannot be unpacked (${(err as Error).message})`);
    }
    if (got.length > cap) throw new PackageError(`the part ${e.name} cannot be unpacked (Cannot create a Buffer larger than ${cap} bytes)`);
    return got;
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : utf8.decode(b);
  }
}

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** The add-in's settings from the web extension part (as src/xlsx/settings.ts reads them for the CLI). */
function readSettings(zip: BytesZip): unknown {
  const parts = [...zip.entries.keys()].filter((f) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(f));
  for (const p of parts) {
    const xml = zip.text(p) ?? "";
    for (const m of xml.matchAll(/<(?:\w+:)?property\s+([^>]*?)\/?>/g)) {
      const n = /name="([^"]*)"/.exec(m[1]);
      const v = /value="([^"]*)"/.exec(m[1]);
      if (!n || !v || unescapeXml(n[1]) !== SETTINGS_KEY) continue;
      try {
        let value: unknown = JSON.parse(unescapeXml(v[1]));
        if (typeof value === "string") value = JSON.parse(value);
        return value;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Reads a workbook's bytes. Throws PackageError (zip refused or damaged) or FormatError (a zip, not a workbook). */
export function readWorkbook(bytes: Uint8Array): ReadResult {
  const zip = new BytesZip(bytes);
  let snapshot: WorkbookSnapshot;
  try {
    // the lean reader only asks the zip for parts' text
    snapshot = readXlsxSnapshotSync(bytes as unknown as Buffer, zip as unknown as ZipReader);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw new FormatError(e.message);
    throw e;
  }
  return { snapshot, settings: readSettings(zip) };
}
