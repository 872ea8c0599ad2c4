#!/usr/bin/env node
"use strict";
/**
 * The writer corpus (test/writers/): the seed forms written by many programs, and hand-made packages for each legal
 * construct the reader must take (Open XML SDK shapes, odd XML, parts found only through relationships, UTF-16,
 * zip64, chartsheets and dialog sheets). Next to each file, LibreOffice's reading of it (converted to flat ODS and
 * parsed) is committed as <file>.expected.json: cell values, merged areas, and what the engine finds on those values.
 * npm test never runs this (it needs LibreOffice, Gnumeric and Debian's python3-openpyxl/xlsxwriter): run
 * `node scripts/make-writer-corpus.js` after `npm run build:cli`, and commit the result.
 */
const fs = require("fs");
const { summarizeForms } = require("./form-summary");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");
const ExcelJS = require("exceljs");
const XLSX = require("xlsx"); // devDependency, corpus and bench only
const { XMLParser } = require("fast-xml-parser");
const { loadSeed } = require("./seed");
const L = require("./layouts");

const root = path.resolve(__dirname, "..");
const OUT = path.join(root, "test/writers");
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-writers-"));
const forms = loadSeed(path.join(root, "samples/seed-forms.txt"));
const PY = "/usr/bin/python3";

/** The content every writer gets: an official form with percentages formatted, and a provincial one. */
function plans() {
  const a = L.newPlan("项目1");
  L.official(a, forms[0], 0, 0, { percent: true });
  const b = L.newPlan("项目2");
  L.provincial(b, forms[1], 0, 0);
  return [a, b];
}

const A1 = (r, c) => `${L.colName(c)}${r + 1}`;

// ---------- writers ----------

async function exceljs(file, ps) {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2021, 2, 31));
  for (const p of ps) L.writePlan(wb, p);
  await wb.xlsx.writeFile(file);
}

function sheetjs(file, ps, bookSST) {
  const wb = XLSX.utils.book_new();
  for (const p of ps) {
    const ws = {};
    let maxR = 0, maxC = 0;
    for (const c of p.cells) {
      ws[A1(c.r, c.c)] = typeof c.v === "number" ? { t: "n", v: c.v, ...(c.numFmt ? { z: c.numFmt } : {}) } : { t: "s", v: c.v };
      maxR = Math.max(maxR, c.r);
      maxC = Math.max(maxC, c.c);
    }
    ws["!ref"] = `A1:${A1(maxR, maxC)}`;
    ws["!merges"] = p.merges.map(([r1, c1, r2, c2]) => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } }));
    XLSX.utils.book_append_sheet(wb, ws, p.name);
  }
  XLSX.writeFile(wb, file, { bookSST, compression: true });
}

function python(kind, file, ps) {
  const json = path.join(TMP, "plans.json");
  fs.writeFileSync(json, JSON.stringify(ps));
  execFileSync(PY, [path.join(__dirname, "writer-corpus.py"), kind, json, file], { stdio: "inherit" });
}

function soffice(args, cwd) {
  execFileSync("soffice", [`-env:UserInstallation=file://${TMP}/lo-profile`, "--headless", ...args], { cwd, stdio: "ignore", timeout: 120000 });
}

function libreoffice(file, source, filter = "Calc MS Excel 2007 XML") {
  const dir = path.join(TMP, "lo-out");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  soffice(["--convert-to", `xlsx:${filter}`, "--outdir", dir, source]);
  fs.copyFileSync(path.join(dir, path.basename(source)), file);
}

function gnumeric(file, source, exporter = "Gnumeric_Excel:xlsx2") {
  execFileSync("ssconvert", [`--export-type=${exporter}`, source, file], { stdio: "ignore" });
}

// ---------- hand-made packages ----------

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = (k) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${k}`;
const CT = {
  wb: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  ws: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sst: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  cs: "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
  ds: "application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/**
 * A package written by hand. o: { prefix ("x:" or ""), noRefs (no r on rows and cells), emptySi (an <si/> first,
 * as the Open XML SDK writes), quirks (single quotes, spaces around =, > in values, CDATA, comments holding old
 * cells, PIs, character and entity references, rich runs with a self-closed <t/>, phonetic runs), inline (inline
 * strings instead of shared ones), paths: { workbook, sst, styles, sheet(i) }, targets: "relative"|"absolute",
 * percentNames, extraSheets (a chartsheet and a dialog sheet) }.
 */
function handmade(ps, o = {}) {
  const P = o.prefix ?? "";
  const q = o.quirks ? (v) => `'${String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&apos;")}'` : (v) => `"${esc(v)}"`;
  const eq = o.quirks ? " = " : "=";
  const paths = { workbook: "xl/workbook.xml", sst: "xl/sharedStrings.xml", styles: "xl/styles.xml", sheet: (i) => `xl/worksheets/sheet${i + 1}.xml`, ...(o.paths || {}) };
  const parts = {};
  // shared strings and formats
  const strings = [];
  const sIndex = new Map();
  if (o.emptySi) strings.push("");
  const sid = (t) => {
    if (!sIndex.has(t)) {
      sIndex.set(t, strings.length);
      strings.push(t);
    }
    return sIndex.get(t);
  };
  const fmtCodes = [];
  const xfOf = (code) => {
    if (!code) return 0;
    let i = fmtCodes.indexOf(code);
    if (i < 0) i = fmtCodes.push(code) - 1;
    return i + 1;
  };
  const decl = o.quirks ? `<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n<?selfeval-test a processing instruction?>\n` : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const text = (t, i) => {
    if (!o.quirks) return esc(t);
    // alternate the spellings of character data: references, CDATA, plain
    if (i % 3 === 0) return [...t].map((ch) => (ch.codePointAt(0) > 127 ? `&#x${ch.codePointAt(0).toString(16)};` : esc(ch))).join("");
    if (i % 3 === 1 && !t.includes("]]>")) return `<![CDATA[${t}]]>`;
    return [...t].map((ch) => (ch.codePointAt(0) > 127 && ch.codePointAt(0) % 2 ? `&#${ch.codePointAt(0)};` : esc(ch))).join("");
  };
  const sheetXmls = ps.map((p, si) => {
    const rows = new Map();
    for (const c of p.cells) {
      if (!rows.has(c.r)) rows.set(c.r, []);
      rows.get(c.r).push(c);
    }
    const rowNums = [...rows.keys()].sort((a, b) => a - b);
    let out = `${decl}<${P}worksheet xmlns${P ? ":" + P.slice(0, -1) : ""}="${NS_MAIN}" xmlns:r="${NS_R}">`;
    if (o.quirks) out += `<!-- an old version of the sheet: <${P}sheetData><${P}row r="1"><${P}c r="A1"><${P}v>999</${P}v></${P}c></${P}row></${P}sheetData> -->`;
    out += `<${P}sheetData>`;
    let prevRow = -1;
    let k = 0;
    for (const r of rowNums) {
      // rows without r must be consecutive: write the empty rows between
      if (o.noRefs) for (let e = prevRow + 1; e < r; e++) out += `<${P}row/>`;
      out += o.noRefs ? `<${P}row>` : `<${P}row r${eq}${q(r + 1)}>`;
      const cells = rows.get(r).sort((a, b) => a.c - b.c);
      let prevCol = -1;
      for (const c of cells) {
        if (o.noRefs) for (let e = prevCol + 1; e < c.c; e++) out += `<${P}c/>`;
        prevCol = c.c;
        const ref = o.noRefs ? "" : ` r${eq}${q(A1(c.r, c.c))}`;
        const s = xfOf(c.numFmt) ? ` s${eq}${q(xfOf(c.numFmt))}` : "";
        if (o.quirks && k % 7 === 3) out += `<!-- <${P}c r="${A1(c.r, c.c)}"><${P}v>12345</${P}v></${P}c> -->`;
        k++;
        if (typeof c.v === "number") out += `<${P}c${ref}${s}><${P}v>${c.v}</${P}v></${P}c>`;
        else if (o.inline) out += `<${P}c${ref}${s} t="inlineStr"><${P}is><${P}t xml:space="preserve">${text(c.v, k)}</${P}t></${P}is></${P}c>`;
        else out += `<${P}c${ref}${s} t${eq}${q("s")}><${P}v>${sid(c.v)}</${P}v></${P}c>`;
      }
      out += `</${P}row>`;
      prevRow = r;
    }
    out += `</${P}sheetData>`;
    if (p.merges.length) out += `<${P}mergeCells count="${p.merges.length}">${p.merges.map(([r1, c1, r2, c2]) => `<${P}mergeCell ref${eq}${q(`${A1(r1, c1)}:${A1(r2, c2)}`)}/>`).join("")}</${P}mergeCells>`;
    out += `</${P}worksheet>`;
    parts[paths.sheet(si)] = out;
    return paths.sheet(si);
  });
  // shared strings: rich runs with a self-closed <t/>, phonetic runs, for some
  let sst = `${decl}<${P}sst xmlns${P ? ":" + P.slice(0, -1) : ""}="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">`;
  strings.forEach((t, i) => {
    if (t === "") sst += `<${P}si/>`;
    else if (o.quirks && i % 4 === 1 && t.length > 2) {
      const h = Math.floor([...t].length / 2);
      const a = [...t].slice(0, h).join(""), b = [...t].slice(h).join("");
      sst += `<${P}si><${P}r><${P}rPr><${P}b/><${P}sz val${eq}'11'/></${P}rPr><${P}t>${text(a, i)}</${P}t></${P}r><${P}r><${P}t xml:space='preserve'/></${P}r><${P}r><${P}t>${text(b, i + 1)}</${P}t></${P}r><${P}rPh sb="0" eb="1"><${P}t>pinyin</${P}t></${P}rPh></${P}si>`;
    } else sst += `<${P}si><${P}t${/^\s|\s$/.test(t) ? ' xml:space="preserve"' : ""}>${text(t, i)}</${P}t></${P}si>`;
  });
  sst += `</${P}sst>`;
  if (!o.inline) parts[paths.sst] = sst;
  const styles = `${decl}<${P}styleSheet xmlns${P ? ":" + P.slice(0, -1) : ""}="${NS_MAIN}">${fmtCodes.length ? `<${P}numFmts count="${fmtCodes.length}">${fmtCodes.map((f, i) => `<${P}numFmt numFmtId${eq}${q(164 + i)} formatCode${eq}${q(f)}/>`).join("")}</${P}numFmts>` : ""}<${P}fonts count="1"><${P}font><${P}sz val="11"/><${P}name val="宋体"/></${P}font></${P}fonts><${P}fills count="2"><${P}fill><${P}patternFill patternType="none"/></${P}fill><${P}fill><${P}patternFill patternType="gray125"/></${P}fill></${P}fills><${P}borders count="1"><${P}border/></${P}borders><${P}cellStyleXfs count="1"><${P}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${P}cellStyleXfs><${P}cellXfs count="${fmtCodes.length + 1}"><${P}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${fmtCodes.map((_, i) => `<${P}xf numFmtId${eq}${q(164 + i)} fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</${P}cellXfs></${P}styleSheet>`;
  parts[paths.styles] = styles;
  // workbook, its relationships
  const rel = (from, to) => {
    if (o.targets === "absolute") return "/" + to.split("/").map((x) => (o.percentNames ? encodeURIComponent(x) : x)).join("/");
    const fromDir = path.posix.dirname(from);
    let t = path.posix.relative(fromDir, to);
    if (o.targets === "dotted") t = `./${t}`;
    return t.split("/").map((x) => (o.percentNames && x !== ".." && x !== "." ? encodeURIComponent(x) : x)).join("/");
  };
  const wbRels = [];
  const sheetEls = [];
  ps.forEach((p, i) => {
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL("worksheet")}" Target="${esc(rel(paths.workbook, sheetXmls[i]))}"/>`);
    sheetEls.push(`<${P}sheet name${eq}${q(p.name)} sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  });
  const extraCT = [];
  if (o.extraSheets) {
    // a chartsheet (with its drawing and chart) and a dialog sheet: listed in <sheets>, neither is a worksheet
    const n = ps.length;
    parts["xl/chartsheets/sheet1.xml"] = `${decl}<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`;
    parts["xl/chartsheets/_rels/sheet1.xml.rels"] = `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL("drawing")}" Target="../drawings/drawing1.xml"/></Relationships>`;
    parts["xl/drawings/drawing1.xml"] = `${decl}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8000000" cy="5000000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="8000000" cy="5000000"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`;
    parts["xl/drawings/_rels/drawing1.xml.rels"] = `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL("chart")}" Target="../charts/chart1.xml"/></Relationships>`;
    parts["xl/charts/chart1.xml"] = `${decl}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'项目1'!$D$6:$F$6</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`;
    parts["xl/dialogsheets/sheet1.xml"] = `${decl}<dialogsheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/></dialogsheet>`;
    wbRels.push(`<Relationship Id="rId${n + 1}" Type="${REL("chartsheet")}" Target="chartsheets/sheet1.xml"/>`);
    wbRels.push(`<Relationship Id="rId${n + 2}" Type="${REL("dialogsheet")}" Target="dialogsheets/sheet1.xml"/>`);
    sheetEls.splice(1, 0, `<${P}sheet name="图表" sheetId="${n + 1}" r:id="rId${n + 1}"/>`);
    sheetEls.push(`<${P}sheet name="对话框" sheetId="${n + 2}" r:id="rId${n + 2}"/>`);
    extraCT.push(["/xl/chartsheets/sheet1.xml", CT.cs], ["/xl/dialogsheets/sheet1.xml", CT.ds], ["/xl/drawings/drawing1.xml", CT.drawing], ["/xl/charts/chart1.xml", CT.chart]);
  }
  let k = ps.length + 10;
  if (!o.inline) wbRels.push(`<Relationship Id="rId${k++}" Type="${REL("sharedStrings")}" Target="${esc(rel(paths.workbook, paths.sst))}"/>`);
  wbRels.push(`<Relationship Id="rId${k++}" Type="${REL("styles")}" Target="${esc(rel(paths.workbook, paths.styles))}"/>`);
  parts[paths.workbook] = `${decl}<${P}workbook xmlns${P ? ":" + P.slice(0, -1) : ""}="${NS_MAIN}" xmlns:r="${NS_R}"><${P}bookViews><${P}workbookView/></${P}bookViews><${P}sheets>${sheetEls.join("")}</${P}sheets></${P}workbook>`;
  const relsOf = (part) => `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;
  parts[relsOf(paths.workbook)] = `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`;
  parts["_rels/.rels"] = `${decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL("officeDocument")}" Target="${esc(o.targets === "absolute" ? "/" + paths.workbook : paths.workbook)}"/></Relationships>`;
  const over = [[paths.workbook, CT.wb], ...sheetXmls.map((x) => [x, CT.ws]), [paths.styles, CT.styles], ...(o.inline ? [] : [[paths.sst, CT.sst]])].map(([p, t]) => [`/${p.split("/").map(encodeURIComponent).join("/")}`, t]);
  if (o.percentNames) {
    // OPC keeps a part name's percent-encoding in its zip item name
    for (const name of Object.keys(parts)) {
      const enc = name.split("/").map((x) => (x.startsWith("[") ? x : encodeURIComponent(x))).join("/");
      if (enc !== name) {
        parts[enc] = parts[name];
        delete parts[name];
      }
    }
  }
  parts["[Content_Types].xml"] = `${decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${[...over, ...extraCT].map(([p, t]) => `<Override PartName="${esc(p)}" ContentType="${t}"/>`).join("")}</Types>`;
  return parts;
}

/** A zip of the parts (text as UTF-8 unless `encode` says otherwise); zip64 records for every entry when asked. */
function zip(parts, { zip64 = false, encode = (_, s) => Buffer.from(s, "utf8") } = {}) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === "string" ? encode(name, content) : content;
    const comp = zlib.deflateRawSync(data, { level: 6 });
    const crc = zlib.crc32(data);
    const nameBuf = Buffer.from(name, "utf8");
    const extraLocal = zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (zip64) {
      extraLocal.writeUInt16LE(1, 0);
      extraLocal.writeUInt16LE(16, 2);
      extraLocal.writeBigUInt64LE(BigInt(data.length), 4);
      extraLocal.writeBigUInt64LE(BigInt(comp.length), 12);
    }
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(zip64 ? 45 : 20, 4);
    lh.writeUInt16LE(0x0800, 6);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(0x52210000, 10); // 2021-03-31 00:00
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(zip64 ? 0xffffffff : comp.length, 18);
    lh.writeUInt32LE(zip64 ? 0xffffffff : data.length, 22);
    lh.writeUInt16LE(nameBuf.length, 26);
    lh.writeUInt16LE(extraLocal.length, 28);
    locals.push(lh, nameBuf, extraLocal, comp);
    const extraC = zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (zip64) {
      extraC.writeUInt16LE(1, 0);
      extraC.writeUInt16LE(24, 2);
      extraC.writeBigUInt64LE(BigInt(data.length), 4);
      extraC.writeBigUInt64LE(BigInt(comp.length), 12);
      extraC.writeBigUInt64LE(BigInt(offset), 20);
    }
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(zip64 ? 45 : 20, 4);
    ch.writeUInt16LE(zip64 ? 45 : 20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(0x52210000, 12);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(zip64 ? 0xffffffff : comp.length, 20);
    ch.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
    ch.writeUInt16LE(nameBuf.length, 28);
    ch.writeUInt16LE(extraC.length, 30);
    ch.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    central.push(ch, nameBuf, extraC);
    offset += 30 + nameBuf.length + extraLocal.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const n = Object.keys(parts).length;
  const tail = [];
  if (zip64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(n), 24);
    z.writeBigUInt64LE(BigInt(n), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(zip64 ? 0xffff : n, 8);
  e.writeUInt16LE(zip64 ? 0xffff : n, 10);
  e.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  e.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, e]);
}

const utf16 = (name, s) => {
  // every XML part in UTF-16 (little-endian with a BOM; the sheets big-endian), the declaration saying so
  const x = s.replace(/encoding=(["'])UTF-8\1/, 'encoding="UTF-16"');
  if (/worksheets/.test(name)) {
    const le = Buffer.from(x, "utf16le");
    for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x, "utf16le")]);
};

// ---------- LibreOffice's reading ----------

const EPOCH = Date.UTC(1899, 11, 30);

/** LibreOffice converts the file to flat ODS; its cells (typed values), merges and sheets are read from that. */
function libreofficeReading(file) {
  const dir = path.join(TMP, "fods");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  soffice(["--convert-to", "fods", "--outdir", dir, file]);
  const fods = path.join(dir, path.basename(file).replace(/\.xlsx$/, ".fods"));
  if (!fs.existsSync(fods)) throw new Error(`LibreOffice could not read ${file}`);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true, trimValues: false, parseTagValue: false, parseAttributeValue: false, processEntities: true, htmlEntities: false });
  const doc = parser.parse(fs.readFileSync(fods, "utf8"));
  const find = (nodes, name) => {
    for (const n of nodes) {
      if (n[name]) return n;
      for (const k of Object.keys(n)) if (k !== ":@" && Array.isArray(n[k])) {
        const f = find(n[k], name);
        if (f) return f;
      }
    }
    return null;
  };
  const sheets = [];
  const spreadsheet = find(doc, "office:spreadsheet");
  const textOf = (nodes) => {
    let s = "";
    for (const n of nodes) {
      if ("#text" in n) s += n["#text"];
      else if (n["text:s"]) s += " ".repeat(Number(n[":@"]?.["@text:c"] ?? 1));
      else if (n["text:tab"]) s += "\t";
      else if (n["text:line-break"]) s += "\n";
      else for (const k of Object.keys(n)) if (k !== ":@" && Array.isArray(n[k])) s += textOf(n[k]);
    }
    return s;
  };
  for (const t of spreadsheet["office:spreadsheet"]) {
    if (!t["table:table"]) continue;
    const name = t[":@"]["@table:name"];
    const cells = {};
    const merges = [];
    let r = 0;
    const rowsOf = (nodes, out) => {
      for (const n of nodes) {
        if (n["table:table-row"]) out.push(n);
        else if (n["table:table-header-rows"] || n["table:table-row-group"] || n["table:table-rows"]) rowsOf(n[Object.keys(n).find((k) => k !== ":@")], out);
      }
      return out;
    };
    for (const row of rowsOf(t["table:table"], [])) {
      const rep = Number(row[":@"]?.["@table:number-rows-repeated"] ?? 1);
      let c = 0;
      for (const cell of row["table:table-row"]) {
        const tag = cell["table:table-cell"] ? "table:table-cell" : cell["table:covered-table-cell"] ? "table:covered-table-cell" : null;
        if (!tag) continue;
        const a = cell[":@"] || {};
        const crep = Number(a["@table:number-columns-repeated"] ?? 1);
        if (tag === "table:table-cell" && (a["@table:number-columns-spanned"] || a["@table:number-rows-spanned"])) {
          const cs = Number(a["@table:number-columns-spanned"] ?? 1), rs = Number(a["@table:number-rows-spanned"] ?? 1);
          if (cs > 1 || rs > 1) merges.push(`${A1(r, c)}:${A1(r + rs - 1, c + cs - 1)}`);
        }
        const type = a["@office:value-type"];
        let v = null;
        if (tag === "table:table-cell" && type) {
          if (type === "float" || type === "percentage" || type === "currency") v = Number(a["@office:value"]);
          else if (type === "boolean") v = a["@office:boolean-value"] === "true";
          else if (type === "date") v = (Date.parse(a["@office:date-value"].length === 10 ? a["@office:date-value"] + "T00:00:00Z" : a["@office:date-value"] + "Z") - EPOCH) / 86400000;
          else if (type === "time") {
            const m = /PT(\d+)H(\d+)M([\d.]+)S/.exec(a["@office:time-value"]);
            v = m ? (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) / 86400 : null;
          } else v = cell[tag].filter((n) => n["text:p"]).map((n) => textOf(n["text:p"])).join("\n");
        }
        if (v !== null && v !== "") for (let i = 0; i < crep; i++) for (let j = 0; j < rep; j++) cells[A1(r + j, c + i)] = { v, percent: type === "percentage" };
        c += crep;
      }
      r += rep;
    }
    sheets.push({ name, cells, merges });
  }
  return sheets;
}

/** What the engine finds on LibreOffice's values (percentages formatted 0%, everything else General). */
function engineOn(sheets) {
  const { runCheck } = require(path.join(root, "build/core/engine.js"));
  const { snapshotFromCells } = require(path.join(root, "build/core/snapshot.js"));
  const { parseAddress, parseRange } = require(path.join(root, "build/core/a1.js"));
  const snap = {
    sheets: sheets.map((s) =>
      snapshotFromCells(
        s.name,
        Object.entries(s.cells).map(([a, x]) => ({ ...(({ row, col }) => ({ r: row, c: col }))(parseAddress(a)), v: x.v, f: x.percent ? "0%" : "General" })),
        s.merges.map(parseRange),
      ),
    ),
  };
  return summarizeForms(runCheck(snap, {}).report.forms);
}


// ---------- the corpus ----------

async function main() {
  if (!fs.existsSync(path.join(root, "build/core/engine.js"))) throw new Error("run npm run build:cli first");
  fs.mkdirSync(OUT, { recursive: true });
  const ps = plans();
  const made = [];
  const add = (file, writer, constructs, readingOf) => made.push({ file, writer, constructs, readingOf });
  const f = (n) => path.join(OUT, n);

  await exceljs(f("exceljs.xlsx"), ps);
  add("exceljs.xlsx", "exceljs 4.4", ["shared strings", "styles with custom number formats"]);
  libreoffice(f("libreoffice.xlsx"), f("exceljs.xlsx"));
  add("libreoffice.xlsx", "LibreOffice Calc 7.4 (soffice --convert-to xlsx)", ["LibreOffice's package layout"]);
  libreoffice(f("libreoffice-ooxml.xlsx"), f("exceljs.xlsx"), "Calc Office Open XML");
  add("libreoffice-ooxml.xlsx", "LibreOffice Calc 7.4 (Office Open XML filter)", ["LibreOffice's other OOXML export"]);
  gnumeric(f("gnumeric.xlsx"), f("exceljs.xlsx"));
  add("gnumeric.xlsx", "Gnumeric (ssconvert, Gnumeric_Excel:xlsx2)", ["Gnumeric's package layout"]);
  gnumeric(f("gnumeric-xlsx1.xlsx"), f("exceljs.xlsx"), "Gnumeric_Excel:xlsx");
  add("gnumeric-xlsx1.xlsx", "Gnumeric (ssconvert, Gnumeric_Excel:xlsx, the first exporter)", ["Gnumeric's older package layout"]);
  python("openpyxl", f("openpyxl.xlsx"), ps);
  add("openpyxl.xlsx", "python3-openpyxl", ["openpyxl's package layout"]);
  python("openpyxl-write-only", f("openpyxl-write-only.xlsx"), ps);
  add("openpyxl-write-only.xlsx", "python3-openpyxl (write_only)", ["streamed rows"]);
  python("xlsxwriter", f("xlsxwriter.xlsx"), ps);
  add("xlsxwriter.xlsx", "python3-xlsxwriter", ["merged areas padded with styled blanks"]);
  python("xlsxwriter-constant-memory", f("xlsxwriter-constant-memory.xlsx"), ps);
  add("xlsxwriter-constant-memory.xlsx", "python3-xlsxwriter (constant_memory)", ["inline strings"]);
  sheetjs(f("sheetjs.xlsx"), ps, false);
  add("sheetjs.xlsx", "SheetJS 0.18.5", ["strings written as t=\"str\"/inline"]);
  sheetjs(f("sheetjs-sst.xlsx"), ps, true);
  add("sheetjs-sst.xlsx", "SheetJS 0.18.5 (bookSST)", ["shared strings"]);

  const hand = [
    ["sdk-shape.xlsx", { prefix: "x:", noRefs: true, emptySi: true }, ["x: prefixes (Open XML SDK)", "rows and cells without r", "<si/> first in the shared strings"]],
    ["odd-xml.xlsx", { quirks: true, emptySi: true }, ["single-quoted attributes", "spaces around =", "character references (hex, decimal) and &amp;-style entities", "CDATA", "comments holding old cells", "processing instructions", "rich text with a self-closed <t/>", "phonetic runs"]],
    ["inline-strings.xlsx", { inline: true, quirks: true }, ["inline strings (t=inlineStr) with CDATA and references"]],
    ["relocated-parts.xlsx", { paths: { workbook: "xl/book/wb.xml", sst: "xl/text/strings.xml", styles: "xl/look/formats.xml", sheet: (i) => `xl/tables/表 ${i + 1}.xml` }, percentNames: true }, ["workbook part found through _rels/.rels", "shared strings and styles under other names", "relative targets with ..", "percent-encoded part names and targets"]],
    ["absolute-targets.xlsx", { paths: { workbook: "wb/main.xml", sst: "wb/shared/s.xml", styles: "st/styles.xml", sheet: (i) => `wb/sheets/s${i + 1}.xml` }, targets: "absolute" }, ["absolute targets", "workbook outside xl/"]],
    ["chartsheet-dialogsheet.xlsx", { extraSheets: true }, ["a chartsheet and a dialog sheet listed among the sheets"]],
  ];
  for (const [name, o, constructs] of hand) {
    fs.writeFileSync(f(name), zip(handmade(ps, o)));
    add(name, "hand-made", constructs);
    // LibreOffice lists them as sheets; Office.js (and the engine) does not: not worksheets
    if (o.extraSheets) made[made.length - 1].notWorksheets = ["图表", "对话框"];
  }
  // zip64 and UTF-16: LibreOffice reads the same parts in a plain UTF-8 zip (its zip64 reading is not relied on)
  const plain = handmade(ps, { prefix: "x:" });
  fs.writeFileSync(f("zip64.xlsx"), zip(plain, { zip64: true }));
  add("zip64.xlsx", "hand-made", ["zip64 end of directory and extra fields"], "zip64-plain");
  fs.writeFileSync(f("utf16.xlsx"), zip(handmade(ps, {}), { encode: utf16 }));
  add("utf16.xlsx", "hand-made", ["UTF-16 LE and BE parts with byte order marks"]);

  const plainFile = path.join(TMP, "zip64-plain.xlsx");
  fs.writeFileSync(plainFile, zip(plain));
  // node scripts/make-writer-corpus.js [file…]: write everything, read again only the files named
  const only = process.argv.slice(2);
  for (const m of made) {
    if (only.length && !only.includes(m.file)) continue;
    const source = m.readingOf === "zip64-plain" ? plainFile : f(m.file);
    const sheets = libreofficeReading(source);
    const expected = { file: m.file, writer: m.writer, constructs: m.constructs, readBy: m.readingOf ? "LibreOffice, on the same parts in a plain zip" : "LibreOffice", notWorksheets: m.notWorksheets ?? [], sheets, forms: engineOn(sheets.filter((s) => !(m.notWorksheets ?? []).includes(s.name))) };
    fs.writeFileSync(f(m.file.replace(/\.xlsx$/, ".expected.json")), JSON.stringify(expected, null, 1) + "\n");
    console.log(`${m.file}: ${sheets.length} sheets, ${expected.forms.length} forms`);
  }
  fs.rmSync(TMP, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
