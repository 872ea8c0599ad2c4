#!/usr/bin/env node
"use strict";
/**
 * Draws the add-in's icons (a check mark on a table, in Excel green) at the sizes the manifest names, as PNG files
 * in assets/. Run: node scripts/make-icons.js. Pure Node: a tiny PNG encoder over zlib.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function icon(x, y, size) {
  const u = x / size, v = y / size;
  const r = 0.16;
  // rounded square
  const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  const inside = Math.hypot(u - cx, v - cy) <= r && u >= 0.04 && u <= 0.96 && v >= 0.04 && v <= 0.96;
  if (!inside) return [0, 0, 0, 0];
  // check mark
  const w = 0.085;
  const d = Math.min(distToSegment(u, v, 0.25, 0.52, 0.43, 0.7), distToSegment(u, v, 0.43, 0.7, 0.76, 0.32));
  if (d < w) return [255, 255, 255, 255];
  // faint table lines
  if (size >= 32 && (Math.abs(v - 0.25) < 0.012 || Math.abs(u - 0.25) < 0.012) && u > 0.1 && v > 0.1) return [46, 140, 88, 255];
  return [16, 124, 65, 255]; // Excel green
}

const out = path.resolve(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, icon));
  console.log(`assets/icon-${size}.png`);
}
