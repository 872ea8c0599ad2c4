"use strict";
/**
 * Files from strangers (issue 28), made from test/fixtures/official.xlsx by editing its parts and its zip bytes with a
 * script (scripts/zip-tools.js), never by hand: work that would run away (merges, repeated sheets, a sheet of spaces,
 * entity expansion), damage (a wrong CRC-32, a flipped bit, a sheet cut short, an attribute given twice, an end record
 * counting one entry fewer) and a 400-digit 分值. Written into test/corpus/ by scripts/make-corpus.js; what each must
 * give is asserted in test/robustness/hostile.test.ts.
 */
const fs = require("fs");
const path = require("path");
const { unzipSync, zipSync, strToU8, strFromU8 } = require("fflate");
const Z = require("./zip-tools");

const FIXED_DATE = new Date(Date.UTC(2021, 2, 31, 8, 0, 0));
const SHEET = "xl/worksheets/sheet2.xml"; // 项目1, a whole form (A1:I26)

function pack(parts, order) {
  const names = order ?? Object.keys(parts);
  const files = {};
  for (const n of names) files[n] = [parts[n], { mtime: FIXED_DATE, level: 6 }];
  return Buffer.from(zipSync(files, { mtime: FIXED_DATE }));
}

/** The fixture's parts, with `edit(parts, text)` applied (text(name) reads a part, set(name, s) writes one). */
function edited(root, edit) {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(root, "test/fixtures/official.xlsx"))));
  const text = (n) => strFromU8(parts[n]);
  const set = (n, s) => (parts[n] = strToU8(s));
  edit({ parts, text, set });
  return parts;
}

/** A sheet's merged areas with `refs` added after its own (and a value at `far`, so the cells' box is large). */
function withMerges(text, refs, far) {
  const els = refs.map((r) => `<mergeCell ref="${r}"/>`).join("");
  let s = /<mergeCells[^>]*>/.test(text)
    ? text.replace(/<mergeCells[^>]*>([\s\S]*?)<\/mergeCells>/, (_m, own) => `<mergeCells count="${(own.match(/<mergeCell /g) || []).length + refs.length}">${own}${els}</mergeCells>`)
    : text.replace(/(<\/sheetData>|<sheetData\/>)/, `$1<mergeCells count="${refs.length}">${els}</mergeCells>`);
  if (far) s = s.replace("</sheetData>", `<row r="${far.row}"><c r="${far.ref}" t="inlineStr"><is><t>远</t></is></c></row></sheetData>`);
  return s;
}

function col(n) {
  let s = "";
  for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function make(root, OUT) {
  const write = (name, bytes) => fs.writeFileSync(path.join(OUT, name), bytes);

  // 2,000 identical merges over one large range (J30:Z2000), a value at Z2000: one pass, not 2,000 boxes
  write("hostile-merges-identical.xlsx", pack(edited(root, ({ text, set }) => set(SHEET, withMerges(text(SHEET), [...Array(2000)].map(() => "J30:Z1999"), { row: 2000, ref: "Z2000" })))));
  // 2,000 different merges nested over one range: left out of the snapshot (they overlap), the form still read
  write("hostile-merges-nested.xlsx", pack(edited(root, ({ text, set }) => set(SHEET, withMerges(text(SHEET), [...Array(2000)].map((_, i) => `J30:Z${1999 - i}`), { row: 2000, ref: "Z2000" })))));
  // 5,000 disjoint 64×64 merges on an empty sheet (说明 emptied): readable, no Set of 20 million slaves
  write(
    "hostile-merges-disjoint.xlsx",
    pack(
      edited(root, ({ text, set }) => {
        const refs = [];
        for (let i = 0; i < 5000; i++) {
          const r = Math.floor(i / 50) * 64, c = (i % 50) * 64;
          refs.push(`${col(c)}${r + 1}:${col(c + 63)}${r + 64}`);
        }
        const s = text("xl/worksheets/sheet1.xml").replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, "<sheetData/>").replace(/<mergeCells[\s\S]*<\/mergeCells>/, "");
        set("xl/worksheets/sheet1.xml", s.replace(/(<sheetData\/>)/, `$1<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`));
      }),
    ),
  );
  // more merged areas on one sheet than the reader allows (100,001 one-row areas): refused, the limit named
  write("hostile-merges-too-many.xlsx", pack(edited(root, ({ text, set }) => set("xl/worksheets/sheet1.xml", withMerges(text("xl/worksheets/sheet1.xml"), [...Array(100001)].map((_, i) => `K${i + 1}:L${i + 1}`))))));

  // a workbook listing its one form sheet 800 times (under the limit): the part read once
  const listing = (n) =>
    edited(root, ({ text, set }) => {
      const sheets = [...Array(n)].map((_, i) => `<sheet sheetId="${i + 1}" name="项目${i + 1}" state="visible" r:id="rId5"/>`).join("");
      set("xl/workbook.xml", text("xl/workbook.xml").replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`));
    });
  write("hostile-sheets-800.xlsx", pack(listing(800)));
  // …and 5,000 times: past the limit of 1,000 sheets, refused with the limit named
  write("hostile-sheets-5000.xlsx", pack(listing(5000)));
  // five sheets listing one part whose used range is 4,000,000 cells (A1:CV40000): 20,000,000 cells in all, past
  // the 16,000,000 the reader allows (each sheet alone is under the snapshot's 4,000,000)
  write(
    "hostile-cells-total.xlsx",
    pack(
      edited(root, ({ text, set }) => {
        set("xl/worksheets/sheet1.xml", text("xl/worksheets/sheet1.xml").replace("</sheetData>", '<row r="40000"><c r="CV40000"><v>1</v></c></row></sheetData>'));
        const sheets = [...Array(5)].map((_, i) => `<sheet sheetId="${i + 1}" name="大表${i + 1}" state="visible" r:id="rId4"/>`).join("");
        set("xl/workbook.xml", text("xl/workbook.xml").replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`));
      }),
    ),
  );
  // 20,001 relationships in the workbook's relationships part
  write(
    "hostile-relationships.xlsx",
    pack(
      edited(root, ({ text, set }) => {
        const extra = [...Array(20001)].map((_, i) => `<Relationship Id="rX${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${i}.xml"/>`).join("");
        set("xl/_rels/workbook.xml.rels", text("xl/_rels/workbook.xml.rels").replace("</Relationships>", `${extra}</Relationships>`));
      }),
    ),
  );

  // a sheet that unpacks to 120 MB of spaces from about 120 KB: under the part limit (128 MB), past the ratio limit
  {
    const parts = edited(root, () => {});
    // the spaces go before the root closes: the sheet stays well-formed
    const s = strFromU8(parts[SHEET]);
    const at = s.lastIndexOf("</worksheet>");
    parts[SHEET] = Buffer.concat([Buffer.from(s.slice(0, at)), Buffer.alloc(120 * 1024 * 1024 - parts[SHEET].length, 0x20), Buffer.from(s.slice(at))]);
    write("hostile-inflated-spaces.xlsx", pack(parts));
  }

  // a 150 KB entity used 100,000 times in one cell, and 10,000 times in a sheet name
  const entity = (where) =>
    edited(root, ({ text, set }) => {
      const dtd = `<!DOCTYPE worksheet [<!ENTITY big "${"大".repeat(150 * 1024)}">]>`;
      if (where === "cell") {
        const s = text(SHEET).replace(/^(<\?xml[^>]*\?>\s*)/, `$1${dtd}`);
        set(SHEET, s.replace(/<c r="B2" s="1"\/>/, `<c r="B2" s="1" t="inlineStr"><is><t>${"&big;".repeat(100000)}</t></is></c>`));
      } else {
        const s = text("xl/workbook.xml").replace(/^(<\?xml[^>]*\?>\s*)/, `$1${dtd.replace("worksheet", "workbook")}`);
        set("xl/workbook.xml", s.replace('name="说明"', `name="${"&big;".repeat(10000)}"`));
      }
    });
  write("hostile-entity-cell.xlsx", pack(entity("cell")));
  write("hostile-entity-sheet-name.xlsx", pack(entity("name")));
  // a cell of 1,000,001 characters (an inline string): past the cell text limit
  write("hostile-long-cell.xlsx", pack(edited(root, ({ text, set }) => set(SHEET, text(SHEET).replace(/<c r="B2" s="1"\/>/, `<c r="B2" s="1" t="inlineStr"><is><t>${"长".repeat(1000001)}</t></is></c>`)))));

  // damage: a wrong CRC-32 on the form sheet; one flipped bit inside it; the sheet cut after a </row>; an attribute twice
  const good = pack(edited(root, () => {}));
  write("hostile-bad-crc.xlsx", Z.withCrc(good, SHEET));
  write("hostile-flipped-bit.xlsx", Z.withFlippedBit(good, SHEET));
  write(
    "hostile-sheet-cut.xlsx",
    pack(
      edited(root, ({ text, set }) => {
        const s = text(SHEET);
        set(SHEET, s.slice(0, s.indexOf("</row>", s.indexOf('<row r="20"')) + 6));
      }),
    ),
  );
  write("hostile-duplicate-attribute.xlsx", pack(edited(root, ({ text, set }) => set(SHEET, text(SHEET).replace('<c r="H14" s="1">', '<c r="H14" s="1" r="H15">')))));
  // the end record counts one entry fewer than the directory holds, xl/styles.xml last: read to the directory's end
  {
    const parts = edited(root, () => {});
    const order = [...Object.keys(parts).filter((n) => n !== "xl/styles.xml"), "xl/styles.xml"];
    write("hostile-end-count-short.xlsx", Z.withEndCount(pack(parts, order)));
  }

  // a 分值 written as a 400-digit number: read as text, never written back as Infinity
  write("hostile-400-digits.xlsx", pack(edited(root, ({ text, set }) => set(SHEET, text(SHEET).replace('<c r="G14" s="1"><v>5</v></c>', `<c r="G14" s="1"><v>${"9".repeat(400)}</v></c>`)))));
}

module.exports = { make, edited, pack, withMerges, col, SHEET };
