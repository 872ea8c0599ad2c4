#!/usr/bin/env node
"use strict";
/**
 * The robustness corpus (test/corpus/): malformed workbooks and files that are not what they claim.
 * Each case's expected outcome is asserted in test/robustness/corpus.test.ts. Run: npm run corpus.
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");
const { loadSeed } = require("./seed");
const L = require("./layouts");

const root = path.resolve(__dirname, "..");
const OUT = path.join(process.env.SELFEVAL_FIXTURE_ROOT || root, "test/corpus");
const forms = loadSeed(path.join(root, "samples/seed-forms.txt"));
const FIXED_DATE = new Date(Date.UTC(2021, 2, 31, 8, 0, 0));

function book() {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

const sheetFrom = (wb, plan, edit) => L.writePlan(wb, plan, { edit });

function officialPlan(name, form, opts) {
  const p = L.newPlan(name);
  L.official(p, form, 0, 0, opts);
  return p;
}

async function save(name, wb) {
  const file = path.join(OUT, name);
  await wb.xlsx.writeFile(file);
  await L.freezeZip(file);
  return file;
}

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const f2 = forms[1];

  // Error values in every numeric column (official layout: budget D6:I6, indicators E..H from row 14).
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表", f2), (ws) => {
      ["D6", "E6", "F6", "G6", "H6", "I6"].forEach((a, i) => (ws.getCell(a).value = { error: ["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?"][i] }));
      for (let r = 14; r <= 20; r++) for (const c of ["E", "F", "G", "H"]) ws.getCell(`${c}${r}`).value = { error: "#REF!" };
      ws.getCell("G27").value = { error: "#N/A" };
      ws.getCell("H27").value = { error: "#DIV/0!" };
    });
    await save("error-values.xlsx", wb);
  }
  // Text in numeric cells.
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表", f2), (ws) => {
      ws.getCell("E6").value = "八万元整";
      ws.getCell("G14").value = "五分";
      ws.getCell("H15").value = "满分";
      ws.getCell("H27").value = "一百";
    });
    await save("text-in-numbers.xlsx", wb);
  }
  // Thousands separators, negative and huge numbers.
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表", f2), (ws) => {
      ["D6", "E6", "F6", "D7", "E7", "F7"].forEach((a) => (ws.getCell(a).value = "1,234.5"));
      ws.getCell("H14").value = -5;
      ws.getCell("F25").value = 1e308;
      ws.getCell("F18").value = "-4万元";
    });
    await save("odd-numbers.xlsx", wb);
  }
  // Two 总分 rows.
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表", forms[0]), (ws) => {
      ws.getCell("A27").value = "总分";
      ws.getCell("G27").value = 100;
      ws.getCell("H27").value = 88;
    });
    await save("duplicate-total.xlsx", wb);
  }
  // A form without indicators.
  {
    const wb = book();
    const p = officialPlan("表", { ...f2, indicators: [] });
    sheetFrom(wb, p);
    await save("no-indicators.xlsx", wb);
  }
  // Merged areas crossing sections (funds into goals, and across the indicator header).
  {
    const wb = book();
    const p = officialPlan("表", f2);
    p.merges = p.merges.filter((m) => !(m[1] <= 8 && m[3] >= 8 && m[0] <= 14 && m[2] >= 8));
    const ws = sheetFrom(wb, { ...p, merges: [] });
    for (const [r1, c1, r2, c2] of p.merges) {
      try {
        ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
      } catch {}
    }
    try {
      ws.unMergeCells("I6");
      ws.mergeCells("I7:I13"); // from the funds rows into the goals and the indicator header
    } catch {}
    await save("merge-across-sections.xlsx", wb);
  }
  // Hidden rows and columns.
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表", forms[0]), (ws) => {
      ws.getRow(20).hidden = true;
      ws.getColumn("I").hidden = true;
    });
    await save("hidden-rows-columns.xlsx", wb);
  }
  // 30,000-character cells.
  {
    const wb = book();
    const long = "因疫情原因延期。".repeat(3750); // 30,000 characters
    sheetFrom(wb, officialPlan("表", forms[0]), (ws) => {
      ws.getCell("B11").value = long;
      ws.getCell("I20").value = long;
      ws.getCell("D21").value = long.slice(0, 30000);
    });
    await save("long-cells.xlsx", wb);
  }
  // Emoji and rare CJK (outside the BMP).
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表😀", { ...forms[0], name: "𠀀𪚥工程😀项目" }), (ws) => {
      ws.getCell("D14").value = "安全执法检查次数😀𪚥";
      ws.getCell("I22").value = "疫情😷原因，延迟开班𠮷";
    });
    await save("emoji-rare-cjk.xlsx", wb);
  }
  // A value at XFD1048576.
  {
    const wb = book();
    sheetFrom(wb, officialPlan("表", f2), (ws) => {
      ws.getCell("XFD1048576").value = "x";
    });
    await save("far-cell-xfd1048576.xlsx", wb);
  }

  // Files that are not what they claim.
  fs.writeFileSync(path.join(OUT, "not-a-zip.xlsx"), "这不是一个 Excel 文件，只是一段文字。\n");
  {
    const good = fs.readFileSync(path.join(root, "test/fixtures/official.xlsx"));
    fs.writeFileSync(path.join(OUT, "truncated-zip.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  }
  {
    // A zip bomb: one part that inflates to 1 GiB of zeros from about 1 MB, its size declared truthfully.
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const chunks = [];
    deflate.on("data", (c) => chunks.push(c));
    const zero = Buffer.alloc(1 << 20);
    for (let i = 0; i < 1024; i++) deflate.write(zero);
    await new Promise((r) => deflate.end(r));
    const data = Buffer.concat(chunks);
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const size = 1 << 30;
    const crc = 0; // not checked before the size limit refuses the part
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(size, 22); local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20); central.writeUInt32LE(size, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(0, 42);
    const cdOffset = 30 + name.length + data.length;
    const cd = Buffer.concat([central, name]);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(1, 8); eocd.writeUInt16LE(1, 10); eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(cdOffset, 16);
    fs.writeFileSync(path.join(OUT, "zip-bomb.xlsx"), Buffer.concat([local, name, data, cd, eocd]));
  }
  {
    // A part that lies about its size: declares 10 KB, inflates to 64 MB.
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(root, "test/fixtures/official.xlsx")));
    zip.file("xl/worksheets/sheet2.xml", Buffer.alloc(64 << 20, 0x20), { date: FIXED_DATE, createFolders: false });
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    // rewrite the declared uncompressed size of that part (central directory and local header) to 10 KB
    const nameBytes = Buffer.from("xl/worksheets/sheet2.xml");
    for (let i = 0; i < buf.length - 4; i++) {
      const sig = buf.readUInt32LE(i);
      if (sig === 0x02014b50 && buf.subarray(i + 46, i + 46 + nameBytes.length).equals(nameBytes)) buf.writeUInt32LE(10240, i + 24);
      if (sig === 0x04034b50 && buf.subarray(i + 30, i + 30 + nameBytes.length).equals(nameBytes)) buf.writeUInt32LE(10240, i + 22);
    }
    fs.writeFileSync(path.join(OUT, "zip-size-lie.xlsx"), buf);
  }
  {
    // An encrypted workbook: Excel stores it as an OLE compound file even with the .xlsx name.
    const ole = Buffer.alloc(1536);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
    Buffer.from("EncryptedPackage", "utf16le").copy(ole, 1024);
    fs.writeFileSync(path.join(OUT, "encrypted.xlsx"), ole);
    fs.writeFileSync(path.join(OUT, "old-binary.xls"), ole);
  }
  fs.writeFileSync(path.join(OUT, "forms.csv"), "项目名称,全年预算数,全年执行数\n安全生产,20,15\n");
  // files from strangers (issue 28): runaway work, damage, a 400-digit 分值
  require("./hostile-corpus").make(root, OUT);
  for (const f of fs.readdirSync(OUT).sort()) console.log(`test/corpus/${f}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
