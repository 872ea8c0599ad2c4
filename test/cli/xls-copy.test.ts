import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readXlsxSnapshotSync } from "../../src/xlsx/fast-read";
import { readXls } from "../../src/xlsx/xls/read";
import { xlsxFromXls } from "../../src/xlsx/xls/to-xlsx";
import { ROOT } from "../support/workbooks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rec, bof, eof, compound } = require("../../scripts/make-hostile-xls.js") as {
  rec: (type: number, data: Buffer) => Buffer;
  bof: (dt: number) => Buffer;
  eof: () => Buffer;
  compound: (name: string, stream: Buffer) => Buffer;
};

/**
 * The copies of an .xls (check --out, fix): new .xlsx workbooks built from what the .xls reader read, marked and
 * fixed as the copies of its LibreOffice re-save as .xlsx are, with a note of what the copy cannot keep.
 */
const LO = path.join(ROOT, "test/xls/libreoffice");
const names = fs.readdirSync(LO).filter((f) => f.endsWith(".xls")).map((f) => f.replace(/\.xls$/, "")).sort();

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-xls-copy-"));
const REPORT = "校验报告";

async function marks(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === REPORT) continue;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const fill = c.fill as { fgColor?: { argb?: string } } | undefined;
        if (c.note || fill?.fgColor?.argb) out.push(`${ws.name}!${c.address} ${fill?.fgColor?.argb ?? ""} ${c.note ? "note" : ""}`);
      }),
    );
  }
  return out.sort();
}

/** Each cell's look as exceljs reads it: font, borders, alignment, solid fill (Excel's defaults folded in). */
async function looks(file: string): Promise<Map<string, Record<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const out = new Map<string, Record<string, unknown>>();
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const f = c.font ?? {}, b = c.border ?? {}, a = c.alignment ?? {};
        const fill = c.fill as { pattern?: string; fgColor?: { argb?: string } } | undefined;
        out.set(`${ws.name}!${c.address}`, {
          ...(c.font ? { name: f.name } : {}),
          bold: !!f.bold, italic: !!f.italic, underline: f.underline ?? false, size: f.size ?? 11,
          borders: [b.top?.style, b.bottom?.style, b.left?.style, b.right?.style],
          h: (a.horizontal as string) === "general" ? undefined : a.horizontal, v: a.vertical === "bottom" ? undefined : a.vertical, wrap: !!a.wrapText,
          fill: fill?.pattern === "solid" ? fill.fgColor?.argb : undefined,
        });
      }),
    );
  return out;
}

describe("check --out of an .xls", () => {
  test("every LibreOffice .xls gets a .checked.xlsx with the values, merges and marks of its re-save's copy, and the note of what it cannot keep", async () => {
    const dir = tmp();
    const [a, b] = [path.join(dir, "xls"), path.join(dir, "xlsx")];
    fs.mkdirSync(a), fs.mkdirSync(b);
    for (const n of names) fs.copyFileSync(path.join(LO, `${n}.xls`), path.join(a, `${n}.xls`)), fs.copyFileSync(path.join(LO, `${n}.resaved.xlsx`), path.join(b, `${n}.xlsx`));
    const out = path.join(dir, "out"), out2 = path.join(dir, "out2");
    fs.mkdirSync(out), fs.mkdirSync(out2);
    await run("check", a, "--out", out);
    await run("check", b, "--out", out2);
    expect(fs.readdirSync(out).sort()).toEqual(names.map((n) => `${n}.checked.xlsx`).sort());
    let marked = 0;
    for (const n of names) {
      const copy = path.join(out, `${n}.checked.xlsx`);
      const snap = readXlsxSnapshotSync(fs.readFileSync(copy));
      const xls = readXls(`${n}.xls`, fs.readFileSync(path.join(a, `${n}.xls`))).snapshot;
      // the sheets of the .xls as they were (the copy's marks change fills and notes, not values), then the report
      expect(snap.sheets.map((s) => s.name)).toEqual([...xls.sheets.map((s) => s.name), REPORT]);
      expect(snap.sheets.slice(0, -1)).toEqual(xls.sheets);
      const m = await marks(copy);
      expect(m).toEqual(await marks(path.join(out2, `${n}.checked.xlsx`)));
      // the cells look as in the re-save's copy: fonts, borders, alignment, fills (a cell of the default style is not
      // written in ours, so exceljs gives it no font name: the name is compared where ours has the cell)
      const [ours, theirs] = [await looks(copy), await looks(path.join(out2, `${n}.checked.xlsx`))];
      for (const [cell, look] of theirs) {
        const mine = ours.get(cell) ?? { bold: false, italic: false, underline: false, size: 11, borders: [undefined, undefined, undefined, undefined], h: undefined, v: undefined, wrap: false, fill: undefined };
        const { name, ...rest } = look;
        expect([cell, "name" in mine ? { name, ...rest } : rest]).toEqual([cell, mine]);
      }
      marked += m.length;
      const report = snap.sheets[snap.sheets.length - 1].values.flat().join("\n");
      expect(report).toContain("原 .xls 文件中本副本未能保留的内容");
      expect(report).toContain("保留了各工作表的值、数字格式、单元格样式（字体、填充色、边框、对齐）、合并单元格、列宽和行高");
    }
    expect(marked).toBeGreaterThan(10);
  });

  test("x.xls beside x.xlsx: the copies never share a name", async () => {
    const dir = tmp();
    fs.copyFileSync(path.join(LO, "official.xls"), path.join(dir, "x.xls"));
    fs.copyFileSync(path.join(ROOT, "test/fixtures/official.xlsx"), path.join(dir, "x.xlsx"));
    fs.copyFileSync(path.join(LO, "stacked.xls"), path.join(dir, "y.xls"));
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    const r = await run("check", dir, "--out", out);
    expect(r.err).not.toMatch(/exists|已存在/);
    expect(fs.readdirSync(out).sort()).toEqual(["x.checked.xlsx", "x.xls.checked.xlsx", "y.checked.xlsx"]);
  });
});

describe("fix of an .xls", () => {
  test("writes the changes its re-save as .xlsx gets, into <name>.fixed.xlsx, formulas left alone", async () => {
    const dir = tmp();
    for (const n of names) {
      fs.copyFileSync(path.join(LO, `${n}.xls`), path.join(dir, `${n}.xls`));
      fs.copyFileSync(path.join(LO, `${n}.resaved.xlsx`), path.join(dir, `${n}.re.xlsx`));
    }
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    let changes = 0;
    for (const n of names) {
      const x = JSON.parse((await run("fix", path.join(dir, `${n}.xls`), "--out", out, "--json")).out).files[0];
      const y = JSON.parse((await run("fix", path.join(dir, `${n}.re.xlsx`), "--out", out, "--json")).out).files[0];
      expect(x.out).toBe(path.join(out, `${n}.fixed.xlsx`));
      expect(x.changes).toEqual(y.changes);
      expect(x.skipped).toEqual(y.skipped);
      expect(x.notKept.length).toBeGreaterThan(0);
      changes += x.changes.length;
      // the written values are in the copy
      const snap = readXlsxSnapshotSync(fs.readFileSync(x.out));
      for (const c of x.changes) {
        const s = snap.sheets.find((t) => t.name === c.sheet)!;
        const m = /^([A-Z]+)(\d+)$/.exec(c.cell)!;
        const col = [...m[1]].reduce((v, ch) => v * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        expect(s.values[Number(m[2]) - 1 - s.top][col - s.left]).toEqual(c.new);
      }
    }
    expect(changes).toBeGreaterThan(0);
  });
});

describe("the .xlsx built from an .xls", () => {
  const u16 = (...v: number[]) => Buffer.from(new Uint16Array(v).buffer);
  const u32 = (...v: number[]) => Buffer.from(new Uint32Array(v).buffer);
  function book(cells: Buffer[]): Buffer {
    const entry = (pos: number) => rec(0x0085, Buffer.concat([u32(pos), Buffer.from([0, 0, 2, 0]), Buffer.from("S1", "latin1")]));
    const len = Buffer.concat([bof(5), entry(0), eof()]).length;
    return compound("Workbook", Buffer.concat([bof(5), entry(len), eof(), bof(0x10), ...cells, eof()]));
  }

  test("keeps fonts, borders, fills and alignment from the XF, FONT and PALETTE records, and hidden sheets hidden", async () => {
    // FONT: 12 pt, bold (700) and italic or neither, colour 2 (red: one of the eight fixed colours), "楷体"
    const font = (bold: boolean) => rec(0x0031, Buffer.concat([u16(240, bold ? 2 : 0, 2, bold ? 700 : 400, 0), Buffer.from([0, 0, 0, 0]), Buffer.from([2, 1]), Buffer.from("楷体", "utf16le")]));
    // XF: font 1 (the second record), General; centred, wrapped, vertically centred; thin left/right/top/bottom in
    // colour 8 (black); solid fill in colour 13 (the PALETTE's sixth colour)
    const xf = (ifnt: number, border: boolean) =>
      rec(0x00e0, Buffer.concat([u16(ifnt, 0, 0), Buffer.from([2 | 8 | 0x10, 0, 0, 0]), u32(border ? 0x1 | 0x10 | 0x100 | 0x1000 | (8 << 16) | (8 << 23) : 0), u32(border ? 8 | (8 << 7) | (1 << 26) : 0), u16(border ? 13 | (64 << 7) : 0)]));
    const palette = rec(0x0092, Buffer.concat([u16(56), Buffer.concat(Array.from({ length: 56 }, (_, i) => Buffer.from(i === 5 ? [0x12, 0x34, 0x56, 0] : [0, 0, 0, 0])))]));
    const entry = (pos: number, name: string, hidden: number) => rec(0x0085, Buffer.concat([u32(pos), Buffer.from([hidden, 0, name.length, 0]), Buffer.from(name, "latin1")]));
    const globals = [font(false), font(true), xf(0, false), xf(1, true), palette];
    const sheet = [bof(0x10), rec(0x0204, Buffer.concat([u16(0, 0, 1), u16(2), Buffer.from([0]), Buffer.from("hi", "latin1")])), rec(0x0201, u16(1, 1, 1)), eof()];
    const head = (a: number, b: number) => Buffer.concat([bof(5), ...globals, entry(a, "S1", 0), entry(b, "Hid", 1), eof()]);
    const h = head(0, 0).length, sl = Buffer.concat(sheet).length;
    const bytes = compound("Workbook", Buffer.concat([head(h, h + sl), ...sheet, ...sheet]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsxFromXls(readXls("t.xls", bytes, { styles: true }))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("S1")!;
    const a1 = ws.getCell("A1");
    expect(a1.value).toBe("hi");
    expect(a1.font).toMatchObject({ name: "楷体", size: 12, bold: true, italic: true, color: { argb: "FFFF0000" } });
    expect(a1.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(a1.border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } });
    expect(a1.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF123456" } });
    // a blank cell with its own style (BLANK) keeps it: the borders of a form's empty cells
    expect(ws.getCell("B2").border).toMatchObject({ top: { style: "thin" } });
    expect(wb.getWorksheet("Hid")!.state).toBe("hidden");
    expect(ws.state).toBe("visible");
  });

  test("keeps column widths and custom row heights; counts the notes, pictures and charts it cannot keep", async () => {
    const colinfo = rec(0x007d, Buffer.concat([u16(1, 2, 20 * 256, 0, 0, 0)])); // B:C 20 characters wide
    const row = rec(0x0208, Buffer.concat([u16(2, 0, 1, 600, 0, 0, 0x40, 0)])); // row 3: 30 pt, set by hand
    const label = rec(0x0204, Buffer.concat([u16(2, 1, 0), u16(2), Buffer.from([0]), Buffer.from("hi", "latin1")]));
    const obj = (ot: number) => rec(0x005d, Buffer.concat([u16(0x15, 0x12, ot), Buffer.alloc(16), u16(0, 0)]));
    const x = readXls("t.xls", book([colinfo, row, label, obj(0x19), obj(0x08), obj(0x05), obj(0x05)]));
    expect(x.lost).toMatchObject({ comments: 1, pictures: 1, charts: 2, vba: false });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsxFromXls(x)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("S1")!;
    expect([ws.getColumn(1).width, ws.getColumn(2).width, ws.getColumn(3).width]).toEqual([undefined, 20, 20]);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.getCell("B3").value).toBe("hi");
  });
});
