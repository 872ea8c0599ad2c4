"use strict";
/**
 * Byte-level edits of a zip made by a writer, for the files the tests and the corpus need (a wrong CRC-32, a flipped
 * bit inside a deflated part, an end record that counts one entry fewer): made by a script, never by hand. Each takes
 * a Buffer or Uint8Array and returns a new Buffer; the input is not changed.
 */

/** The end of central directory record's offset. */
function eocdOf(b) {
  for (let i = b.length - 22; i >= 0; i--) if (b.readUInt32LE(i) === 0x06054b50) return i;
  throw new Error("no end of central directory");
}

/** Every entry of the central directory: name, where its directory record and local header lie, its sizes. */
function entries(input) {
  const b = Buffer.from(input);
  const e = eocdOf(b);
  const count = b.readUInt16LE(e + 10);
  let p = b.readUInt32LE(e + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    const nameLen = b.readUInt16LE(p + 28), extraLen = b.readUInt16LE(p + 30), commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const dataStart = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    out.push({
      name: b.subarray(p + 46, p + 46 + nameLen).toString("utf8"),
      central: p,
      local,
      dataStart,
      method: b.readUInt16LE(p + 10),
      crc: b.readUInt32LE(p + 16),
      compressedSize: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function entry(b, name) {
  const e = entries(b).find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}`);
  return e;
}

/** The entry's CRC-32 replaced (in its directory record and local header) by `crc` (default: the true one with one bit flipped). */
function withCrc(input, name, crc) {
  const b = Buffer.from(input);
  const e = entry(b, name);
  const v = crc === undefined ? (e.crc ^ 1) >>> 0 : crc >>> 0;
  b.writeUInt32LE(v, e.central + 16);
  b.writeUInt32LE(v, e.local + 14);
  return b;
}

/** One bit flipped in the entry's stored (compressed) bytes, `at` bytes into them (default: the middle). */
function withFlippedBit(input, name, at, bit = 0) {
  const b = Buffer.from(input);
  const e = entry(b, name);
  const i = at === undefined ? Math.floor(e.compressedSize / 2) : at;
  b[e.dataStart + i] ^= 1 << bit;
  return b;
}

/** The end record's entry counts set to `n` (default: one fewer than the directory holds). */
function withEndCount(input, n) {
  const b = Buffer.from(input);
  const e = eocdOf(b);
  const v = n === undefined ? b.readUInt16LE(e + 10) - 1 : n;
  b.writeUInt16LE(v, e + 8);
  b.writeUInt16LE(v, e + 10);
  return b;
}

/** The entries in directory order, with the named one moved last (its directory record last before the end record). */
function withEntryLast(input, name) {
  const b = Buffer.from(input);
  const all = entries(b);
  const e = eocdOf(b);
  const cdStart = b.readUInt32LE(e + 16);
  const recs = all.map((x, i) => b.subarray(x.central, i + 1 < all.length ? all[i + 1].central : e));
  const k = all.findIndex((x) => x.name === name);
  if (k < 0) throw new Error(`no entry ${name}`);
  const order = [...recs.slice(0, k), ...recs.slice(k + 1), recs[k]];
  return Buffer.concat([b.subarray(0, cdStart), ...order, b.subarray(e)]);
}

module.exports = { entries, withCrc, withFlippedBit, withEndCount, withEntryLast };
