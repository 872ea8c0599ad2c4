"use strict";
/**
 * Workbooks at each of the reader's limits (src/xlsx/limits.ts), for bench/sections/60-limits.js: each is the
 * official fixture cut to one form (the normal 1-form file every figure is a ratio to) with one thing grown to just
 * under its limit. Made with the same edits as the hostile corpus (scripts/hostile-corpus.js), into bench/tmp/limits/.
 */
const fs = require("fs");
const path = require("path");
const { zipSync } = require("fflate");
const H = require("../scripts/hostile-corpus");

const root = path.resolve(__dirname, "..");
const OUT = path.join(__dirname, "tmp", "limits");
const SHEET = H.SHEET;

/** The official fixture with one sheet listed (项目1, a whole form), then `edit`. */
function oneForm(edit, n = 1) {
  return H.edited(root, (ctx) => {
    const sheets = [...Array(n)].map((_, i) => `<sheet sheetId="${i + 1}" name="${i ? `项目1 (${i + 1})` : "项目1"}" state="visible" r:id="rId5"/>`).join("");
    ctx.set("xl/workbook.xml", ctx.text("xl/workbook.xml").replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`));
    if (edit) edit(ctx);
  });
}

function packed(parts, big) {
  // hundreds of MB: fflate's level 1 packs them in seconds
  return big ? Buffer.from(zipSync(Object.fromEntries(Object.entries(parts).map(([n, b]) => [n, [b, { level: 1 }]])))) : H.pack(parts);
}

function generate(L) {
  // made once per set of limits: a change of limits.ts makes them again
  const stamp = path.join(OUT, "limits.json");
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== JSON.stringify(L)) fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(stamp, JSON.stringify(L));
  const made = {};
  const put = (name, parts, big) => {
    const file = path.join(OUT, `${name}.xlsx`);
    if (!fs.existsSync(file)) fs.writeFileSync(file, packed(parts, big));
    made[name] = file;
  };
  put("normal", oneForm());
  // merged areas: the limit's count, one-row areas K1:L1… over a box made large by a value at L{n}
  put("merges", oneForm(({ text, set }) => set(SHEET, H.withMerges(text(SHEET), [...Array(L.maxMerges - 30)].map((_, i) => `K${i + 1}:L${i + 1}`), { row: L.maxMerges, ref: `L${L.maxMerges}` }))));
  // sheets: the limit's count, all listing the one form part (each a form to check)
  put("sheets", oneForm(null, L.maxSheets));
  // cells: sheets whose used ranges are 4,000,000 cells each (A1:CV40000, one part listed), at the total's limit
  put(
    "cells",
    oneForm(({ text, set }) => {
      set("xl/worksheets/sheet1.xml", text("xl/worksheets/sheet1.xml").replace("</sheetData>", '<row r="40000"><c r="CV40000"><v>1</v></c></row></sheetData>'));
      const n = Math.floor(L.maxCells / 4_000_000) - 1;
      const extra = [...Array(n)].map((_, i) => `<sheet sheetId="${100 + i}" name="大表${i + 1}" state="visible" r:id="rId4"/>`).join("");
      set("xl/workbook.xml", text("xl/workbook.xml").replace("</sheets>", `${extra}</sheets>`));
    }),
  );
  // relationships: the workbook's relationships part at its limit
  put(
    "relationships",
    oneForm(({ text, set }) => {
      const extra = [...Array(L.maxRelationships - 10)].map((_, i) => `<Relationship Id="rX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${i}.xml"/>`).join("");
      set("xl/_rels/workbook.xml.rels", text("xl/_rels/workbook.xml.rels").replace("</Relationships>", `${extra}</Relationships>`));
    }),
  );
  // shared strings: the table at its limit (distinct short strings after the form's own)
  put(
    "shared-strings",
    oneForm(({ text, set }) => {
      const s = text("xl/sharedStrings.xml");
      const own = (s.match(/<si>/g) || []).length;
      const extra = [];
      for (let i = own; i < L.maxSharedStrings; i++) extra.push(`<si><t>s${i}</t></si>`);
      set("xl/sharedStrings.xml", s.replace("</sst>", `${extra.join("")}</sst>`));
    }),
    true,
  );
  // styles: cellXfs at the limit
  put(
    "styles",
    oneForm(({ text, set }) => {
      const s = text("xl/styles.xml");
      const own = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)[1].match(/<xf /g) || []).length;
      const extra = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'.repeat(L.maxStyles - own);
      set("xl/styles.xml", s.replace("</cellXfs>", `${extra}</cellXfs>`));
    }),
  );
  // entity characters: an entity of 1,000 characters used (limit / 1,000 − 1) times in one cell
  put(
    "entity-chars",
    oneForm(({ text, set }) => {
      const s = text(SHEET).replace(/^(<\?xml[^>]*\?>\s*)/, `$1<!DOCTYPE worksheet [<!ENTITY e "${"字".repeat(1000)}">]>`);
      set(SHEET, s.replace(/<c r="B2" s="1"\/>/, `<c r="B2" s="1" t="inlineStr"><is><t>${"&e;".repeat(L.maxEntityChars / 1000 - 1)}</t></is></c>`));
    }),
  );
  // cell text: one cell of the limit's characters
  put("cell-text", oneForm(({ text, set }) => set(SHEET, text(SHEET).replace(/<c r="B2" s="1"\/>/, `<c r="B2" s="1" t="inlineStr"><is><t>${"长".repeat(L.maxCellText)}</t></is></c>`))));
  // part bytes: the form sheet padded (inside the root, as whitespace and a comment of letters) to just under the
  // part limit, packed at about half the ratio limit (so it is read, not refused as a bomb)
  {
    const file = path.join(OUT, "part-bytes.xlsx");
    if (!fs.existsSync(file)) {
      const parts = oneForm();
      const s = Buffer.from(parts[SHEET]).toString("utf8");
      const at = s.lastIndexOf("</worksheet>");
      const head = Buffer.from(s.slice(0, at) + "<!--"), tail = Buffer.from("-->" + s.slice(at));
      const size = L.maxPartBytes - 1024 * 1024;
      const filler = Buffer.alloc(size - head.length - tail.length, 0x20);
      // a letter every few dozen bytes, from a fixed sequence: deflate cannot pack it past about 100 to 1
      let x = 2463534242;
      for (let i = 0; i < filler.length; i += 40) {
        x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
        filler[i] = 97 + (x % 26);
      }
      parts[SHEET] = Buffer.concat([head, filler, tail]);
      fs.writeFileSync(file, packed(parts, true));
    }
    made["part-bytes"] = file;
  }
  return made;
}

module.exports = { generate, OUT };
