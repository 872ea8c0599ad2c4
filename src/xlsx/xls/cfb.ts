/**
 * The compound-file container (MS-CFB) that holds an .xls workbook's streams: a strict reader of only what the
 * .xls reader needs — the directory and the bytes of named streams. Pure (Uint8Array in, no Node, no DOM).
 *
 * Every chain is walked with a visited map, so a FAT or mini-FAT loop is an error, not a hang; every sector number is
 * checked against the file's length, so a truncated file or a size that lies is an error before anything is
 * allocated; nothing is allocated larger than the file.
 */
export class CfbError extends Error {}

const FREESECT = 0xffffffff, ENDOFCHAIN = 0xfffffffe;

export interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root */
  type: number;
  start: number;
  size: number;
}

export class CompoundFile {
  readonly entries: CfbEntry[] = [];
  private readonly ssz: number;
  private readonly sectors: number;
  private readonly fat: Uint32Array;
  private miniFat: Uint32Array | null = null;
  private miniStream: Uint8Array | null = null;
  private readonly cutoff: number;

  constructor(private readonly b: Uint8Array) {
    if (b.length < 512) throw new CfbError(`the file is only ${b.length} bytes, shorter than a compound file's header`);
    const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    for (let i = 0; i < 8; i++) if (b[i] !== sig[i]) throw new CfbError("not a compound file (its signature is wrong)");
    const major = this.u16(0x1a), shift = this.u16(0x1e);
    if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw new CfbError(`unknown compound-file version ${major} (sector shift ${shift})`);
    this.ssz = 1 << shift;
    // sectors in the file (a last partial sector counts: some writers do not pad it)
    this.sectors = Math.ceil((b.length - this.ssz) / this.ssz);
    if (this.sectors <= 0) throw new CfbError("the file holds a header and no sectors (truncated)");
    this.cutoff = this.u32(0x38) || 4096;
    const perSector = this.ssz / 4;

    // the FAT's sectors: 109 in the header, the rest in the DIFAT chain
    const fatIds: number[] = [];
    for (let i = 0; i < 109; i++) {
      const id = this.u32(0x4c + i * 4);
      if (id === FREESECT || id === ENDOFCHAIN) break;
      fatIds.push(id);
    }
    let dif = this.u32(0x44);
    const seenDif = new Set<number>();
    while (dif !== ENDOFCHAIN && dif !== FREESECT) {
      if (seenDif.has(dif)) throw new CfbError("the DIFAT chain loops");
      if (dif >= this.sectors) throw new CfbError(`the DIFAT names sector ${dif}, past the end of the file (truncated?)`);
      seenDif.add(dif);
      const at = this.offset(dif);
      for (let i = 0; i < perSector - 1; i++) {
        const id = this.u32(at + i * 4);
        if (id === FREESECT || id === ENDOFCHAIN) continue;
        fatIds.push(id);
      }
      dif = this.u32(at + (perSector - 1) * 4);
    }
    if (fatIds.length === 0) throw new CfbError("the compound file has no FAT");
    if (fatIds.length > this.sectors) throw new CfbError(`the header claims ${fatIds.length} FAT sectors in a file of ${this.sectors} sectors`);
    this.fat = new Uint32Array(fatIds.length * perSector);
    fatIds.forEach((id, k) => {
      if (id >= this.sectors) throw new CfbError(`the FAT names sector ${id}, past the end of the file (truncated?)`);
      const at = this.offset(id);
      for (let i = 0; i < perSector; i++) this.fat[k * perSector + i] = this.u32(at + i * 4);
    });

    // the directory: 128-byte entries
    const dir = this.readChain(this.u32(0x30), -1, "the directory");
    for (let p = 0; p + 128 <= dir.length; p += 128) {
      const nameLen = dir[p + 64] | (dir[p + 65] << 8);
      const type = dir[p + 66];
      if (type === 0) continue;
      let name = "";
      for (let i = 0; i + 1 < Math.min(nameLen, 64) - 1; i += 2) name += String.fromCharCode(dir[p + i] | (dir[p + i + 1] << 8));
      const start = (dir[p + 116] | (dir[p + 117] << 8) | (dir[p + 118] << 16) | (dir[p + 119] << 24)) >>> 0;
      const low = (dir[p + 120] | (dir[p + 121] << 8) | (dir[p + 122] << 16) | (dir[p + 123] << 24)) >>> 0;
      const high = major === 4 ? (dir[p + 124] | (dir[p + 125] << 8) | (dir[p + 126] << 16) | (dir[p + 127] << 24)) >>> 0 : 0;
      const size = high > 0 ? Infinity : low;
      this.entries.push({ name, type, start, size });
    }
    if (this.entries.length === 0 || this.entries[0].type !== 5) throw new CfbError("the compound file's directory has no root entry");
  }

  private u16(p: number): number {
    return this.b[p] | (this.b[p + 1] << 8);
  }

  private u32(p: number): number {
    return (this.b[p] | (this.b[p + 1] << 8) | (this.b[p + 2] << 16) | (this.b[p + 3] << 24)) >>> 0;
  }

  private offset(id: number): number {
    return (id + 1) * this.ssz;
  }

  /** The sectors of a chain, read into one array (size bytes, or the whole chain when size < 0). */
  private readChain(start: number, size: number, what: string): Uint8Array {
    const ids: number[] = [];
    const seen = new Uint8Array(this.sectors);
    for (let id = start; id !== ENDOFCHAIN; id = this.fat[id]) {
      if (id === FREESECT && size >= 0 && ids.length * this.ssz >= size) break; // a writer that ended the chain with FREESECT
      if (id >= this.sectors || id >= this.fat.length) throw new CfbError(`${what} runs to sector ${id === FREESECT ? "FREESECT" : id}, past the end of the file (truncated?)`);
      if (seen[id]) throw new CfbError(`${what}'s sector chain loops (sector ${id} twice)`);
      seen[id] = 1;
      ids.push(id);
      if (size >= 0 && ids.length * this.ssz >= size) break;
    }
    const total = size >= 0 ? size : ids.length * this.ssz;
    if (total > ids.length * this.ssz) throw new CfbError(`${what} says it holds ${total} bytes but its sectors hold ${ids.length * this.ssz} (truncated, or the size lies)`);
    const out = new Uint8Array(total);
    let o = 0;
    for (const id of ids) {
      const at = this.offset(id), n = Math.min(this.ssz, total - o, this.b.length - at);
      if (n < Math.min(this.ssz, total - o)) throw new CfbError(`${what} is cut off at the end of the file (truncated)`);
      out.set(this.b.subarray(at, at + n), o);
      o += n;
      if (o >= total) break;
    }
    return out;
  }

  /** The first stream of this name (any case), or null. */
  find(name: string): CfbEntry | null {
    const n = name.toLowerCase();
    return this.entries.find((e) => e.type === 2 && e.name.toLowerCase() === n) ?? null;
  }

  has(name: string): boolean {
    const n = name.toLowerCase();
    return this.entries.some((e) => e.name.toLowerCase() === n);
  }

  /** A stream's bytes. */
  read(e: CfbEntry): Uint8Array {
    const what = `the stream ${e.name}`;
    if (e.size > this.b.length) throw new CfbError(`${what} says it holds ${e.size} bytes, more than the whole file (${this.b.length}): the size lies`);
    if (e.size >= this.cutoff) return this.readChain(e.start, e.size, what);
    // a small stream: 64-byte sectors of the mini stream
    if (!this.miniStream) {
      const root = this.entries[0];
      if (root.size > this.b.length) throw new CfbError("the mini stream says it is larger than the whole file: the size lies");
      this.miniStream = this.readChain(root.start, root.size, "the mini stream");
      const mf = this.u32(0x3c);
      const raw = mf === ENDOFCHAIN || mf === FREESECT ? new Uint8Array(0) : this.readChain(mf, -1, "the mini FAT");
      this.miniFat = new Uint32Array(raw.length / 4);
      for (let i = 0; i < this.miniFat.length; i++) this.miniFat[i] = (raw[i * 4] | (raw[i * 4 + 1] << 8) | (raw[i * 4 + 2] << 16) | (raw[i * 4 + 3] << 24)) >>> 0;
    }
    const ms = this.miniStream, mfat = this.miniFat!;
    const count = Math.ceil(ms.length / 64);
    const out = new Uint8Array(e.size);
    const seen = new Uint8Array(count);
    let o = 0;
    for (let id = e.start; o < e.size; id = mfat[id]) {
      if (id === ENDOFCHAIN || id >= count || id >= mfat.length) throw new CfbError(`${what} is cut off in the mini stream (truncated, or its size lies)`);
      if (seen[id]) throw new CfbError(`${what}'s mini-sector chain loops`);
      seen[id] = 1;
      const n = Math.min(64, e.size - o, ms.length - id * 64);
      out.set(ms.subarray(id * 64, id * 64 + n), o);
      o += n;
    }
    return out;
  }
}
