import { crc32 } from "./crc32";
import { Inflate, InflateOverflow } from "./inflate";
import { LIMITS, LimitError, limits as activeLimits } from "./limits";
import { utf8 } from "./xml";

/**
 * A minimal zip reader for .xlsx packages, browser-safe (Uint8Array in, no Buffer, no Node zlib): the central
 * directory (zip64 included), then each part inflated on demand through the given Inflate. Sizes and the packing
 * ratio are checked before anything is inflated, and inflation is capped at the declared size, so a zip bomb is
 * refused, not unpacked. Every entry unpacked is held to its declared size and CRC-32: a damaged part is said to be
 * damaged. The directory is read to its end, as common readers (Python's zipfile, Excel) do, even when the end
 * record counts fewer entries.
 */
/** What is wrong with the zip: a possible bomb (a size or ratio excess), damage, encryption, or something unsupported. */
export type ZipProblem = "bomb" | "damaged" | "encrypted" | "unsupported";

export class ZipError extends Error {
  constructor(
    message: string,
    readonly kind: ZipProblem = "damaged",
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  encrypted: boolean;
  /** general purpose flags, CRC-32 and DOS time and date, as the directory gives them (a raw copy keeps them) */
  flags: number;
  crc: number;
  time: number;
  date: number;
}

export interface ZipLimits {
  /** the whole package, unpacked */
  maxTotalBytes: number;
  /** one part, unpacked */
  maxEntryBytes: number;
}

/** the figures of limits.ts (LIMITS), in the shape callers have passed since before it */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: LIMITS.maxTotalBytes, maxEntryBytes: LIMITS.maxPartBytes };

/** A part name as the package is looked up by: no leading slash, forward slashes, case folded (Office ignores case). */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly view: DataView;
  /** entries whose bytes were unpacked and matched their CRC-32 and size */
  private readonly verified = new WeakSet<ZipEntry>();

  constructor(
    protected readonly bytes: Uint8Array,
    private readonly inflate: Inflate,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const b = bytes;
    this.view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const eocd = this.findEocd();
    let count = this.u16(eocd + 10);
    let cdSize = this.u32(eocd + 12);
    let cdOffset = this.u32(eocd + 16);
    const zip64 = count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
    if (zip64) {
      // zip64: the locator sits just before the end record and points at the zip64 end record
      const loc = eocd - 20;
      if (loc < 0 || this.u32(loc) !== 0x07064b50) throw new ZipError("the zip64 directory locator is missing");
      const rec = this.u64(loc + 8);
      if (rec + 56 > b.length || this.u32(rec) !== 0x06064b50) throw new ZipError("the zip64 end of directory is damaged");
      count = this.u64(rec + 32);
      cdSize = this.u64(rec + 40);
      cdOffset = this.u64(rec + 48);
    }
    // bytes before the zip (a self-extracting stub): every offset moves by their length
    let shift = 0;
    const isDirectory = (o: number) => o >= 0 && o + 4 <= b.length && this.u32(o) === 0x02014b50;
    const gap = eocd - (cdOffset + cdSize);
    if (!zip64 && gap > 0 && count > 0 && !isDirectory(cdOffset) && isDirectory(cdOffset + gap)) shift = gap;
    cdOffset += shift;
    if (cdOffset + cdSize > b.length) throw new ZipError("the zip is truncated (its directory lies past the end of the file)");
    if (count > activeLimits().maxEntries) throw new LimitError("maxEntries", "", count);
    let p = cdOffset;
    let total = 0;
    // to the directory's end: the end record's count is the least there is (a record counting one fewer still has
    // its last entry read, as Python's zipfile and Excel read it); fewer entries than it counts is damage
    for (let i = 0; ; i++) {
      if (i >= count && !isDirectory(p)) break;
      if (i >= activeLimits().maxEntries) throw new LimitError("maxEntries", "", i + 1);
      if (p + 46 > b.length || this.u32(p) !== 0x02014b50) throw new ZipError(i < count ? `the zip directory is damaged (it lists ${i} of the ${count} entries its end record counts)` : "the zip directory is damaged");
      const flags = this.u16(p + 8);
      const method = this.u16(p + 10);
      let compressedSize = this.u32(p + 20);
      let size = this.u32(p + 24);
      const nameLen = this.u16(p + 28);
      const extraLen = this.u16(p + 30);
      const commentLen = this.u16(p + 32);
      let offset = this.u32(p + 42);
      if (p + 46 + nameLen + extraLen > b.length) throw new ZipError("the zip directory is damaged");
      const name = utf8(b.subarray(p + 46, p + 46 + nameLen));
      if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
        // the zip64 extra field holds, in this order, the fields whose 32-bit slot is all ones
        let x = p + 46 + nameLen;
        const end = x + extraLen;
        while (x + 4 <= end) {
          const id = this.u16(x), len = this.u16(x + 2);
          if (id === 0x0001) {
            let q = x + 4;
            if (size === 0xffffffff) (size = this.u64(q)), (q += 8);
            if (compressedSize === 0xffffffff) (compressedSize = this.u64(q)), (q += 8);
            if (offset === 0xffffffff) offset = this.u64(q);
            break;
          }
          x += 4 + len;
        }
      }
      if (size > limits.maxEntryBytes) throw new ZipError(`the part ${name} would unpack to ${Math.round(size / 1048576)} MB (limit ${Math.round(limits.maxEntryBytes / 1048576)} MB)`, "bomb");
      if (method === 8 && size > activeLimits().ratioFrom && size > Math.max(compressedSize, 1) * activeLimits().maxRatio)
        throw new ZipError(`the part ${name} would unpack to ${Math.round(size / 1048576)} MB from ${Math.round(compressedSize / 1024)} KB, ${Math.round(size / Math.max(compressedSize, 1))} times its packed size (limit ${activeLimits().maxRatio} times)`, "bomb");
      total += size;
      if (total > limits.maxTotalBytes) throw new ZipError(`the workbook would unpack to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB: refused (possible zip bomb)`, "bomb");
      const entry = { name, method, compressedSize, size, offset: offset + shift, encrypted: (flags & 1) === 1, flags, crc: this.u32(p + 16), time: this.u16(p + 12), date: this.u16(p + 14) };
      this.entries.set(name, entry);
      const key = partKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  private u16(p: number): number {
    return this.view.getUint16(p, true);
  }
  private u32(p: number): number {
    return this.view.getUint32(p, true);
  }
  private u64(p: number): number {
    return this.view.getUint32(p, true) + this.view.getUint32(p + 4, true) * 0x100000000;
  }

  private findEocd(): number {
    const b = this.bytes;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
    throw new ZipError("not a zip archive, or a truncated one (no end of central directory)");
  }

  /** The entry of a part name: exact, else case-insensitive with slashes normalised, as Office finds parts. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.byKey.get(partKey(name));
  }

  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }

  /** An entry's stored bytes, as compressed in the file (a view, not a copy): what a copy writes back unchanged. */
  raw(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    if (e.offset + 30 > b.length || this.u32(e.offset) !== 0x04034b50) throw new ZipError(`the part ${e.name} is damaged`);
    const start = e.offset + 30 + this.u16(e.offset + 26) + this.u16(e.offset + 28);
    if (start + e.compressedSize > b.length) throw new ZipError(`the zip is truncated inside ${e.name}`);
    return b.subarray(start, start + e.compressedSize);
  }

  /** A part's bytes; null when absent. */
  read(name: string): Uint8Array | null {
    const e = this.entry(name);
    return e ? this.unpack(e) : null;
  }

  /** An entry's bytes, unpacked (capped at its declared size), held to its declared size and CRC-32. */
  unpack(e: ZipEntry): Uint8Array {
    if (e.encrypted) throw new ZipError("the workbook is encrypted", "encrypted");
    const data = this.raw(e);
    let out: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipError(`the part ${e.name} is damaged (stored with two sizes)`);
      out = data;
    } else if (e.method !== 8) throw new ZipError(`the part ${e.name} uses an unsupported compression method (${e.method})`, "unsupported");
    else
      try {
        // capped at the declared size: a part that lies about its size cannot inflate without bound
        out = this.inflate(data, e.size);
      } catch (err) {
        // more than declared from more packed bytes than it declares unpacked: a size lie (a possible bomb);
        // from fewer, a damaged stream that decodes to something else
        if (err instanceof InflateOverflow)
          throw data.length > e.size * 1.01 + 64
            ? new ZipError(`the part ${e.name} would unpack to more than its declared ${e.size} bytes (its size is a lie)`, "bomb")
            : new ZipError(`the part ${e.name} is damaged: it unpacks to more than its declared ${e.size} bytes`);
        throw new ZipError(`the part ${e.name} is damaged: its compressed data cannot be unpacked (${(err as Error).message})`);
      }
    if (out.length !== e.size) throw new ZipError(`the part ${e.name} is damaged: it unpacks to ${out.length} bytes, not the ${e.size} its directory entry declares`);
    if (!this.verified.has(e)) {
      const crc = crc32(out);
      if (crc !== e.crc) throw new ZipError(`the part ${e.name} is damaged: its CRC-32 is ${hex(crc)}, not the ${hex(e.crc)} its directory entry declares`);
      this.verified.add(e);
    }
    return out;
  }

  /** Unpacks an entry to hold it to its size and CRC-32 (a copy writes it raw only when it is sound). */
  verify(e: ZipEntry): void {
    if (!this.verified.has(e)) this.unpack(e);
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
