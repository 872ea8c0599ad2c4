import { deflateSync, strToU8 } from "fflate";
import type { Inflate } from "../inflate";
import { browserInflate } from "../inflate-browser";
import { crc32 } from "../crc32";
import { decodePart } from "../xml";
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipEntry, ZipError, ZipLimits, partKey } from "../zip-archive";

/**
 * An .xlsx package to copy with a few parts changed: the zip directory is read once (by ZipArchive, the reader's own:
 * zip64, bytes before the zip, the zip-bomb limits), a part is inflated only when it is asked for (through the same
 * Inflate: fflate in the browser, Node's zlib when the CLI passes it), and on writing every untouched part is copied
 * as its original compressed bytes (same CRC, same sizes), so whatever we do not mean to change cannot change. Runs in
 * the browser too: Uint8Array in and out, fflate for deflate, no Buffer, fs or Node zlib.
 */
export class PackageError extends Error {}

interface Entry extends ZipEntry {
  /** the raw (compressed) bytes of the part */
  raw: Uint8Array;
}

/** the zip CRC-32 (../crc32.ts; re-exported where callers have imported it from) */
export { crc32 };

export class XlsxPackage {
  /** part names in their original order, then new parts */
  private readonly order: string[] = [];
  private readonly entries = new Map<string, Entry>();
  /** parts replaced or added: their new bytes */
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly textCache = new Map<string, string>();
  /** part key (partKey) → the first stored name with it, for find() without a scan per lookup */
  private readonly byKey = new Map<string, string>();

  private readonly zip: ZipArchive;

  constructor(bytes: Uint8Array, inflate: Inflate = browserInflate, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    this.zip = new ZipArchive(bytes, inflate, limits);
    for (const [name, e] of this.zip.entries) {
      if (e.encrypted) throw new ZipError("the workbook is encrypted", "encrypted");
      // every part's local header is checked now: a damaged package is refused before anything is patched
      this.order.push(name);
      this.entries.set(name, { ...e, raw: this.zip.raw(e) });
      const key = partKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, name);
    }
  }

  /** The part names (as stored, without a leading slash), new ones included, removed ones left out. */
  names(): string[] {
    return this.order.filter((n) => !this.removed.has(n));
  }

  /** The stored name of a part, matched case-insensitively as Office does; null when absent. */
  find(name: string): string | null {
    const n = name.replace(/^\//, "");
    if (this.removed.has(n)) return null;
    if (this.entries.has(n) || this.changed.has(n)) return n;
    const key = partKey(n);
    const k = this.byKey.get(key);
    if (k !== undefined && !this.removed.has(k)) return k;
    // the first one of that key was removed: a later one, if any (rare: a package with two spellings of one name)
    if (k !== undefined) for (const o of this.order) if (partKey(o) === key && !this.removed.has(o)) return o;
    return null;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  read(name: string): Uint8Array | null {
    const n = this.find(name);
    if (n === null) return null;
    const c = this.changed.get(n);
    if (c) return c;
    // held to its declared size and CRC-32 by the archive
    return this.zip.unpack(this.entries.get(n)!);
  }

  /** A part as text (UTF-8, UTF-16 or the encoding its XML declaration names, as the reader decodes it); null when absent. */
  text(name: string): string | null {
    const n = this.find(name);
    if (n === null) return null;
    const cached = this.textCache.get(n);
    if (cached !== undefined) return cached;
    const s = decodePart(this.read(n)!);
    this.textCache.set(n, s);
    return s;
  }

  /** Replaces or adds a part (text is written as UTF-8; an XML declaration naming another encoding is corrected). */
  write(name: string, data: string | Uint8Array): void {
    const n = this.find(name) ?? name.replace(/^\//, "");
    if (!this.entries.has(n) && !this.changed.has(n)) {
      this.order.push(n);
      if (!this.byKey.has(partKey(n))) this.byKey.set(partKey(n), n);
    }
    this.removed.delete(n);
    if (typeof data === "string") {
      const text = data.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])(?!utf-?8["'])[A-Za-z0-9._-]+(["'])/i, "$1UTF-8$2");
      this.textCache.set(n, text);
      this.changed.set(n, strToU8(text));
    } else {
      this.textCache.delete(n);
      this.changed.set(n, data);
    }
  }

  /** Drops the decoded texts and changed parts once the copy is made (they can be as large as the parts). */
  release(): void {
    this.textCache.clear();
    this.changed.clear();
  }

  remove(name: string): void {
    const n = this.find(name);
    if (n !== null) this.removed.add(n);
  }

  /** Was this part changed, added or removed? */
  isChanged(name: string): boolean {
    const n = this.find(name) ?? name;
    return this.changed.has(n) || this.removed.has(n);
  }

  /**
   * The whole package: untouched parts copied raw, changed ones deflated (with `deflate` when given — Node's native
   * zlib in the CLI — else fflate).
   */
  toBytes(deflate: (data: Uint8Array) => Uint8Array = (d) => deflateSync(d, { level: 6 })): Uint8Array {
    const chunks: Uint8Array[] = [];
    const central: Uint8Array[] = [];
    let offset = 0;
    let count = 0;
    const now = dosTime(new Date());
    for (const name of this.names()) {
      const nameBytes = strToU8(name);
      const changed = this.changed.get(name);
      const orig = this.entries.get(name);
      let method: number, crc: number, size: number, raw: Uint8Array, time: number, date: number;
      if (changed || !orig) {
        const data = changed ?? new Uint8Array(0);
        method = 8;
        raw = deflate(data);
        crc = crc32(data);
        size = data.length;
        time = orig?.time ?? now.time;
        date = orig?.date ?? now.date;
      } else {
        // copied as stored only when sound: unpacked once to hold it to its size and CRC-32 (a damaged entry is
        // refused, never copied on for another reader to refuse)
        this.zip.verify(this.zip.entries.get(name)!);
        ({ method, crc, size, raw, time, date } = orig);
      }
      if (offset > 0xfffffff0 || raw.length > 0xfffffff0 || size > 0xfffffff0) throw new PackageError("the copy would need zip64, which is not written");
      const flags = 0x800; // names in UTF-8
      const local = new Uint8Array(30 + nameBytes.length);
      const lv = new DataView(local.buffer);
      lv.setUint32(0, 0x04034b50, true);
      lv.setUint16(4, 20, true);
      lv.setUint16(6, flags, true);
      lv.setUint16(8, method, true);
      lv.setUint16(10, time, true);
      lv.setUint16(12, date, true);
      lv.setUint32(14, crc, true);
      lv.setUint32(18, raw.length, true);
      lv.setUint32(22, size, true);
      lv.setUint16(26, nameBytes.length, true);
      lv.setUint16(28, 0, true);
      local.set(nameBytes, 30);
      const cd = new Uint8Array(46 + nameBytes.length);
      const cv = new DataView(cd.buffer);
      cv.setUint32(0, 0x02014b50, true);
      cv.setUint16(4, 20, true);
      cv.setUint16(6, 20, true);
      cv.setUint16(8, flags, true);
      cv.setUint16(10, method, true);
      cv.setUint16(12, time, true);
      cv.setUint16(14, date, true);
      cv.setUint32(16, crc, true);
      cv.setUint32(20, raw.length, true);
      cv.setUint32(24, size, true);
      cv.setUint16(28, nameBytes.length, true);
      cv.setUint32(42, offset, true);
      cd.set(nameBytes, 46);
      chunks.push(local, raw);
      central.push(cd);
      offset += local.length + raw.length;
      count++;
    }
    const cdStart = offset;
    let cdSize = 0;
    for (const c of central) {
      chunks.push(c);
      cdSize += c.length;
    }
    if (count > 0xfffe) throw new PackageError("the copy would need zip64, which is not written");
    const end = new Uint8Array(22);
    const ev = new DataView(end.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, count, true);
    ev.setUint16(10, count, true);
    ev.setUint32(12, cdSize, true);
    ev.setUint32(16, cdStart, true);
    chunks.push(end);
    const total = chunks.reduce((s, c) => s + c.length, 0);
    const out = new Uint8Array(total);
    let p = 0;
    for (const c of chunks) {
      out.set(c, p);
      p += c.length;
    }
    return out;
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
