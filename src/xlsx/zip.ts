import * as zlib from "zlib";

/**
 * A minimal zip reader for .xlsx packages: the central directory, then each part inflated on demand with Node's
 * native zlib, synchronously. Sizes are checked before anything is inflated, and inflation is capped at the declared
 * size, so a zip bomb is refused, not unpacked.
 */
export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
  encrypted: boolean;
}

export interface ZipLimits {
  /** the whole package, unpacked */
  maxTotalBytes: number;
  /** one part, unpacked */
  maxEntryBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * 1024 * 1024, maxEntryBytes: 256 * 1024 * 1024 };

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly buf: Buffer,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    const eocd = this.findEocd();
    const count = buf.readUInt16LE(eocd + 10);
    const cdSize = buf.readUInt32LE(eocd + 12);
    const cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("zip64 packages are not supported");
    if (cdOffset + cdSize > buf.length) throw new ZipError("the zip is truncated (its directory lies past the end of the file)");
    let p = cdOffset;
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ZipError("the zip directory is damaged");
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const compressedSize = buf.readUInt32LE(p + 20);
      const size = buf.readUInt32LE(p + 24);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const offset = buf.readUInt32LE(p + 42);
      const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
      if (size > limits.maxEntryBytes) throw new ZipError(`the part ${name} would unpack to ${Math.round(size / 1048576)} MB (limit ${Math.round(limits.maxEntryBytes / 1048576)} MB)`);
      total += size;
      if (total > limits.maxTotalBytes) throw new ZipError(`the workbook would unpack to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB: refused (possible zip bomb)`);
      this.entries.set(name, { name, method, compressedSize, size, offset, encrypted: (flags & 1) === 1 });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  private findEocd(): number {
    const b = this.buf;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) if (b.readUInt32LE(i) === 0x06054b50) return i;
    throw new ZipError("not a zip archive, or a truncated one (no end of central directory)");
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A part's bytes; null when absent. Part names are matched case-insensitively, as Office does. */
  read(name: string): Buffer | null {
    let e = this.entries.get(name);
    if (!e) {
      const lower = name.toLowerCase();
      for (const [k, v] of this.entries) if (k.toLowerCase() === lower) e = v;
    }
    if (!e) return null;
    if (e.encrypted) throw new ZipError("the workbook is encrypted");
    const b = this.buf;
    if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== 0x04034b50) throw new ZipError(`the part ${e.name} is damaged`);
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    if (start + e.compressedSize > b.length) throw new ZipError(`the zip is truncated inside ${e.name}`);
    const data = b.subarray(start, start + e.compressedSize);
    if (e.method === 0) return data;
    if (e.method !== 8) throw new ZipError(`the part ${e.name} uses an unsupported compression method (${e.method})`);
    try {
      // capped at the declared size: a part that lies about its size cannot inflate without bound
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) + 1024 });
    } catch (err) {
      throw new ZipError(`the part ${e.name} cannot be unpacked (${(err as Error).message})`);
    }
  }

  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : b.toString("utf8");
  }
}
