#!/usr/bin/env node
"use strict";
/**
 * Hostile .xls files (test/xls/hostile/), each to be refused with one clear message, in bounded time and memory
 * (test/robustness/xls.test.ts). Made from LibreOffice's official.xls (test/xls/libreoffice/, by scripts/make-xls.sh)
 * or from records written here into a compound file of our own. Deterministic: run `node scripts/make-hostile-xls.js`.
 */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const OUT = path.join(process.env.SELFEVAL_FIXTURE_ROOT || root, "test/xls/hostile");
const ENDOFCHAIN = 0xfffffffe, FATSECT = 0xfffffffd, FREESECT = 0xffffffff;

/** A BIFF record. */
function rec(type, data) {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(data.length, 2);
  return Buffer.concat([h, data]);
}

const bof = (dt) => {
  const d = Buffer.alloc(16);
  d.writeUInt16LE(0x0600, 0);
  d.writeUInt16LE(dt, 2);
  return rec(0x0809, d);
};
const eof = () => rec(0x000a, Buffer.alloc(0));

/** One stream named `name` in a version-3 compound file: FAT in sector 0, directory in 1, the stream from 2 on. */
function compound(name, stream) {
  const data = Buffer.concat([stream, Buffer.alloc(Math.max(0, 4096 - stream.length))]); // ≥ 4096: no mini stream
  const n = Math.ceil(data.length / 512);
  if (n + 2 > 128) throw new Error("stream too long for one FAT sector");
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(ENDOFCHAIN, 0x3c);
  header.writeUInt32LE(ENDOFCHAIN, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);
  for (let i = 0; i < n; i++) fat.writeUInt32LE(i === n - 1 ? ENDOFCHAIN : 3 + i, (2 + i) * 4);
  const dir = Buffer.alloc(512);
  const entry = (at, nm, type, start, size, child) => {
    Buffer.from(nm + "\0", "utf16le").copy(dir, at);
    dir.writeUInt16LE((nm.length + 1) * 2, at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1;
    dir.writeUInt32LE(FREESECT, at + 68);
    dir.writeUInt32LE(FREESECT, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(size, at + 120);
  };
  entry(0, "Root Entry", 5, ENDOFCHAIN, 0, 1);
  entry(128, name, 2, 2, data.length, FREESECT);
  return Buffer.concat([header, fat, dir, data, Buffer.alloc(n * 512 - data.length)]);
}

/** The version-3 file's FAT entry for sector `id` (the first FAT sector only), and the directory entry named `name`. */
function fatOffset(buf, id) {
  return (buf.readUInt32LE(0x4c) + 1) * 512 + id * 4;
}
function dirEntry(buf, name) {
  // the directory's first sector holds the root and the Workbook entries in LibreOffice's files
  const at = (buf.readUInt32LE(0x30) + 1) * 512;
  for (let p = at; p < at + 512; p += 128) if (buf.toString("utf16le", p, p + name.length * 2) === name) return p;
  throw new Error(`no ${name} entry`);
}

function main() {
  const base = fs.readFileSync(path.join(root, "test/xls/libreoffice/official.xls"));
  fs.mkdirSync(OUT, { recursive: true });
  const write = (name, bytes) => fs.writeFileSync(path.join(OUT, name), bytes);

  // cut off at 60%: the stream's sectors run past the end
  write("truncated.xls", base.subarray(0, Math.floor(base.length * 0.6)));

  // the Workbook stream's chain turns back on itself after its second sector
  {
    const b = Buffer.from(base);
    const e = dirEntry(b, "Workbook");
    const start = b.readUInt32LE(e + 116);
    const second = b.readUInt32LE(fatOffset(b, start));
    b.writeUInt32LE(start, fatOffset(b, second));
    write("fat-loop.xls", b);
  }

  // the Workbook stream says it holds 2 GB in a file of a few KB
  {
    const b = Buffer.from(base);
    b.writeUInt32LE(0x7ffffff0, dirEntry(b, "Workbook") + 120);
    write("sector-count-lie.xls", b);
  }

  // an SST that claims 4 294 967 295 strings, holds three, and whose last says 65 535 characters but has 10
  {
    const strs = [];
    const add = (s) => {
      const h = Buffer.alloc(3);
      h.writeUInt16LE(s.length, 0);
      strs.push(h, Buffer.from(s, "latin1"));
    };
    add("abc");
    add("def");
    const last = Buffer.alloc(3);
    last.writeUInt16LE(65535, 0);
    strs.push(last, Buffer.from("0123456789", "latin1"));
    const head = Buffer.alloc(8);
    head.writeUInt32LE(0xffffffff, 0);
    head.writeUInt32LE(0xffffffff, 4);
    write("huge-sst.xls", compound("Workbook", Buffer.concat([bof(5), rec(0x00fc, Buffer.concat([head, ...strs])), eof()])));
  }

  // encrypted: FILEPASS with RC4 (wEncryptionType 1, the RC4 header's version 1.1) and with XOR obfuscation (0)
  {
    const rc4 = Buffer.alloc(54);
    rc4.writeUInt16LE(1, 0);
    rc4.writeUInt16LE(1, 2);
    rc4.writeUInt16LE(1, 4);
    write("encrypted-rc4.xls", compound("Workbook", Buffer.concat([bof(5), rec(0x002f, rc4), eof()])));
    const xor = Buffer.alloc(6);
    xor.writeUInt16LE(0, 0);
    xor.writeUInt16LE(0x1234, 2);
    xor.writeUInt16LE(0x5678, 4);
    write("encrypted-xor.xls", compound("Workbook", Buffer.concat([bof(5), rec(0x002f, xor), eof()])));
  }

  // 200 sheet entries that all point at one sheet: read once per entry, it would be read 200 times over
  {
    const entry = (pos, i) => {
      const name = Buffer.from(`S${i}`, "latin1");
      const d = Buffer.alloc(8 + name.length);
      d.writeUInt32LE(pos, 0);
      d[6] = name.length;
      name.copy(d, 8);
      return rec(0x0085, d);
    };
    const cells = [];
    for (let r = 0; r < 60; r++) {
      const d = Buffer.alloc(14);
      d.writeUInt16LE(r, 0);
      d.writeDoubleLE(r, 6);
      cells.push(rec(0x0203, d));
    }
    const head = (pos) => Buffer.concat([bof(5), ...Array.from({ length: 200 }, (_, i) => entry(pos, i)), eof()]);
    const at = head(0).length;
    write("overlapping-sheets.xls", compound("Workbook", Buffer.concat([head(at), bof(0x10), ...cells, eof()])));
  }

  // an .et that is not the BIFF format (no Workbook stream)
  write("not-biff.et", compound("WpsContent", Buffer.from("not a BIFF stream")));
  for (const f of fs.readdirSync(OUT).sort()) console.log(`test/xls/hostile/${f}`);
}

// the record and container writers, for tests that build their own BIFF streams
module.exports = { rec, bof, eof, compound };
if (require.main === module) main();
