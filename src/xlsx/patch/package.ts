import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";

/**
 * An .xlsx package to copy with a few parts changed: the zip directory is read once, a part is inflated only when it
 * is asked for, and on writing every untouched part is copied as its original compressed bytes (same CRC, same
 * sizes), so whatever we do not mean to change cannot change. Runs in the browser too: Uint8Array in and out, fflate
 * for deflate, no Buffer, fs or Node zlib.
 */
export class PackageError extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** the raw (compressed) bytes of the part */
  raw: Uint8Array;
  time: number;
  date: number;
}

/** Limits on what one part may unpack to (the check has read the package with the same kind of limits first). */
const MAX_PART_BYTES = 256 * 1024 * 1024;

const u16 = (b: Uint8Array, p: number) => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number) => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number) => u32(b, p) + u32(b, p + 4) * 0x100000000;

let CRC_TABLE: Uint32Array | null = null;
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class XlsxPackage {
  /** part names in their original order, then new parts */
  private readonly order: string[] = [];
  private readonly entries = new Map<string, Entry>();
  /** parts replaced or added: their new bytes */
  private readonly changed = new Map<string, Uint8Array>();
  private readonly removed = new Set<string>();
  private readonly textCache = new Map<string, string>();

  constructor(bytes: Uint8Array) {
    const b = bytes;
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
      if (u32(b, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw new PackageError("not a zip archive (no end of central directory)");
    let count = u16(b, eocd + 10);
    let cdOffset = u32(b, eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) {
      // zip64: the locator sits just before the end record
      const loc = eocd - 20;
      if (loc < 0 || u32(b, loc) !== 0x07064b50) throw new PackageError("zip64 package without its locator");
      const rec = u64(b, loc + 8);
      if (rec + 56 > b.length || u32(b, rec) !== 0x06064b50) throw new PackageError("zip64 end record damaged");
      count = u64(b, rec + 32);
      cdOffset = u64(b, rec + 48);
    }
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw new PackageError("the zip directory is damaged");
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const time = u16(b, p + 12);
      const date = u16(b, p + 14);
      const crc = u32(b, p + 16);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let offset = u32(b, p + 42);
      const name = strFromU8(b.subarray(p + 46, p + 46 + nameLen));
      // zip64 extra field: the sizes and offset that did not fit
      let e = p + 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) (size = u64(b, q)), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8);
          if (offset === 0xffffffff) offset = u64(b, q);
        }
        e += 4 + len;
      }
      if (flags & 1) throw new PackageError("the workbook is encrypted");
      if (offset + 30 > b.length || u32(b, offset) !== 0x04034b50) throw new PackageError(`the part ${name} is damaged`);
      const start = offset + 30 + u16(b, offset + 26) + u16(b, offset + 28);
      if (start + compressedSize > b.length) throw new PackageError(`the zip is truncated inside ${name}`);
      if (!this.entries.has(name)) this.order.push(name);
      this.entries.set(name, { name, method, flags, crc, compressedSize, size, raw: b.subarray(start, start + compressedSize), time, date });
      p += 46 + nameLen + extraLen + commentLen;
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
    const lower = n.toLowerCase();
    for (const k of this.order) if (k.toLowerCase() === lower && !this.removed.has(k)) return k;
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
    const e = this.entries.get(n)!;
    if (e.size > MAX_PART_BYTES) throw new PackageError(`the part ${n} is too large to patch`);
    if (e.method === 0) return e.raw;
    if (e.method !== 8) throw new PackageError(`the part ${n} uses an unsupported compression method (${e.method})`);
    const out = inflateSync(e.raw, { out: new Uint8Array(e.size) });
    if (out.length !== e.size) throw new PackageError(`the part ${n} does not unpack to its declared size`);
    return out;
  }

  /** A part as text (UTF-8, or UTF-16 with its byte-order mark); null when absent. */
  text(name: string): string | null {
    const n = this.find(name);
    if (n === null) return null;
    const cached = this.textCache.get(n);
    if (cached !== undefined) return cached;
    const b = this.read(n)!;
    let s: string;
    if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
      s = new TextDecoder(b[0] === 0xff ? "utf-16le" : "utf-16be").decode(b.subarray(2));
    } else s = strFromU8(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);
    this.textCache.set(n, s);
    return s;
  }

  /** Replaces or adds a part (text is written as UTF-8; an XML declaration naming UTF-16 is corrected). */
  write(name: string, data: string | Uint8Array): void {
    const n = this.find(name) ?? name.replace(/^\//, "");
    if (!this.entries.has(n) && !this.changed.has(n)) this.order.push(n);
    this.removed.delete(n);
    if (typeof data === "string") {
      const text = data.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])utf-16(["'])/i, "$1UTF-8$2");
      this.textCache.set(n, text);
      this.changed.set(n, strToU8(text));
    } else {
      this.textCache.delete(n);
      this.changed.set(n, data);
    }
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
