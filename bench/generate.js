"use strict";
/**
 * Generated workbooks for the benchmark (written to bench/tmp/, git-ignored): the seed forms laid out as the official
 * template, many to a workbook; one form of 1,000 indicator rows; a hostile sheet with 1,000,000 formatted blank cells; folders of 200 and 50
 * workbooks of 100 forms for bulk checking, and a folder of 3 small workbooks.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");
const { loadSeed } = require("../scripts/seed");
const L = require("../scripts/layouts");

const root = path.resolve(__dirname, "..");
const forms = loadSeed(path.join(root, "samples/seed-forms.txt"));
const OUT = path.join(__dirname, "tmp");

/** n forms, 10 stacked to a sheet. */
async function manyForms(n, file) {
  const wb = new ExcelJS.Workbook();
  for (let s = 0; s * 10 < n; s++) {
    const plan = L.newPlan(`表${s + 1}`);
    let r = 0;
    for (let i = s * 10; i < Math.min(n, s * 10 + 10); i++) r = L.official(plan, forms[i % 4], r, 0) + 3;
    L.writePlan(wb, plan);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function longForm(rows, file) {
  const base = forms[0];
  const indicators = [];
  for (let i = 0; i < rows; i++) {
    const src = base.indicators[i % base.indicators.length];
    indicators.push({ ...src, l1: i === 0 ? "产出指标" : "", l2: i === 0 ? "数量指标" : "", name: `${src.name}（${i + 1}）` });
  }
  const wb = new ExcelJS.Workbook();
  const plan = L.newPlan("长表");
  L.official(plan, { ...base, indicators }, 0, 0);
  L.writePlan(wb, plan);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The official workbook with column J of sheet 项目1 formatted from the form down to row 1,048,576. */
async function hostile(file) {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(root, "test/fixtures/official.xlsx")));
  const wbXml = await zip.file("xl/workbook.xml").async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels").async("string");
  const rid = /<sheet[^>]*name="项目1"[^>]*r:id="([^"]+)"/.exec(wbXml)[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)[1];
  const sheetPath = `xl/${target.replace(/^\/?xl\//, "")}`;
  let xml = await zip.file(sheetPath).async("string");
  const styles = await zip.file("xl/styles.xml").async("string");
  const xfCount = Number(/<cellXfs count="(\d+)"/.exec(styles)[1]);
  const s = Math.max(1, xfCount - 1);
  const lastRow = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const parts = [];
  for (let r = lastRow + 1; r <= 1048576; r++) parts.push(`<row r="${r}"><c r="J${r}" s="${s}"/></row>`);
  xml = xml.replace("</sheetData>", parts.join("") + "</sheetData>").replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:J1048576"/>');
  zip.file(sheetPath, xml);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** copies of one workbook as unit-001.xlsx … in a fresh folder */
function folderOf(src, dir, n) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (let i = 0; i < n; i++) fs.copyFileSync(src, path.join(dir, `unit-${String(i + 1).padStart(3, "0")}.xlsx`));
  return dir;
}

async function generateAll() {
  fs.mkdirSync(OUT, { recursive: true });
  const made = {};
  for (const n of [1, 10, 100, 500]) made[`forms-${n}`] = await manyForms(n, path.join(OUT, `forms-${n}.xlsx`));
  made["rows-1000"] = await longForm(1000, path.join(OUT, "rows-1000.xlsx"));
  made.hostile = await hostile(path.join(OUT, "hostile.xlsx"));
  // bulk checking: 200 workbooks of 100 forms (20,000 forms), and the first 50 of them for the memory comparison
  made.bulk = folderOf(made["forms-100"], path.join(OUT, "bulk"), 200);
  made.bulk50 = folderOf(made["forms-100"], path.join(OUT, "bulk-50"), 50);
  // a few small files: where one thread should beat booting workers
  made.few = folderOf(await manyForms(4, path.join(OUT, "forms-4.xlsx")), path.join(OUT, "few"), 3);
  return made;
}

module.exports = { generateAll, manyForms, longForm, hostile, OUT };
if (require.main === module) generateAll().then((m) => console.log(m));
