#!/usr/bin/env node
"use strict";
/**
 * Hostile workbooks made at test time (never committed: a few lines of script, bytes made fresh into a temp dir).
 *
 *   entityBomb(source, target)  the workbook `source` (an .xlsx) with one internal XML entity of 150 KB declared in
 *                               the DOCTYPE of its second sheet and referenced, with one more character, in 30 000
 *                               inline-string cells below the form: about 100 KB on disk, about 4.5 GB of strings
 *                               when every reference is expanded (each cell's text is a new 150 KB string). Our
 *                               reader ran it out of memory at 4–5 GB in 7–22 s, aborting the process (issue 27).
 *
 * Run alone: node scripts/make-hostile.js SOURCE.xlsx TARGET.xlsx
 */
const fs = require("fs");
const JSZip = require("jszip");

const ENTITY_KB = 150;
const ROWS = 1000;
const COLS = 30;

function colName(c) {
  let s = "";
  for (c += 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

async function entityBomb(source, target) {
  const zip = await JSZip.loadAsync(fs.readFileSync(source));
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
  const name = sheets[Math.min(1, sheets.length - 1)];
  let xml = await zip.file(name).async("string");
  const decl = xml.indexOf("?>");
  if (!xml.startsWith("<?xml") || decl < 0) throw new Error(`${name}: no XML declaration to put the DOCTYPE after`);
  xml = `${xml.slice(0, decl + 2)}<!DOCTYPE worksheet [<!ENTITY e "${"x".repeat(ENTITY_KB * 1024)}">]>${xml.slice(decl + 2)}`;
  const rows = [];
  for (let r = 200; r < 200 + ROWS; r++) {
    const cells = [];
    for (let c = 0; c < COLS; c++) cells.push(`<c r="${colName(c)}${r}" t="inlineStr"><is><t>&e;项</t></is></c>`);
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  if (!xml.includes("</sheetData>")) throw new Error(`${name}: no sheetData`);
  xml = xml.replace("</sheetData>", `${rows.join("")}</sheetData>`);
  zip.file(name, xml);
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
  fs.writeFileSync(target, bytes);
  return target;
}

module.exports = { entityBomb };

if (require.main === module) {
  const [source, target] = process.argv.slice(2);
  if (!source || !target) {
    console.error("usage: node scripts/make-hostile.js SOURCE.xlsx TARGET.xlsx");
    process.exit(2);
  }
  entityBomb(source, target).then((t) => console.log(`${t}: ${fs.statSync(t).size} bytes`));
}
