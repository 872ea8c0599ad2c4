import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsxSnapshotSync } from "../../src/xlsx/fast-read";
import { InputError } from "../../src/xlsx/input";
import { MAX_SST_STRINGS } from "../../src/xlsx/xls/biff";
import { readXls } from "../../src/xlsx/xls/read";
import { ROOT } from "../support/workbooks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rec, bof, eof, compound } = require("../../scripts/make-hostile-xls.js") as {
  rec: (type: number, data: Buffer) => Buffer;
  bof: (dt: number) => Buffer;
  eof: () => Buffer;
  compound: (name: string, stream: Buffer) => Buffer;
};

/**
 * The .xls reader (src/xlsx/xls/) against LibreOffice's own re-save of each .xls as .xlsx, and against a second
 * writer (xlwt). The files are made by scripts/make-xls.sh and committed.
 */
const LO = path.join(ROOT, "test/xls/libreoffice");
const XLWT = path.join(ROOT, "test/xls/xlwt");
const names = fs.readdirSync(LO).filter((f) => f.endsWith(".xls")).map((f) => f.replace(/\.xls$/, "")).sort();
const fixtures = fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx"));

async function json(...files: string[]) {
  let out = "";
  const code = await main(["check", ...files, "--json", "--lang", "en"], { out: (s) => (out += s + "\n"), err: () => {}, isTTY: false });
  return { code, files: JSON.parse(out).files as Array<{ file: string; forms: Array<Record<string, unknown> & { findings: Finding[] }>; findings: Finding[]; error?: string }> };
}
interface Finding {
  rule: string;
  cell: string;
  severity: string;
}
/** what must agree: each form (range, template, figures) and every finding's rule, cell and severity */
const gist = (f: { forms: Array<Record<string, unknown> & { findings: Finding[] }>; findings: Finding[] }) => ({
  forms: f.forms.map(({ findings, ...form }) => ({ ...form, findings: findings.map((x) => [x.rule, x.cell, x.severity]) })),
  findings: f.findings.map((x) => [x.rule, x.cell, x.severity]),
});

describe("the .xls reader", () => {
  test("every fixture workbook has its LibreOffice .xls, its re-save and its xlwt .xls", () => {
    expect(names).toEqual(fixtures.map((f) => f.replace(/\.xlsx$/, "")).sort());
    for (const n of names) {
      expect(fs.existsSync(path.join(LO, `${n}.resaved.xlsx`))).toBe(true);
      expect(fs.existsSync(path.join(XLWT, `${n}.xls`))).toBe(true);
    }
  });

  test.each(names)("%s.xls (LibreOffice) reads to the same snapshot as LibreOffice's re-save of it as .xlsx", (n) => {
    const xls = readXls(`${n}.xls`, fs.readFileSync(path.join(LO, `${n}.xls`))).snapshot;
    const xlsx: WorkbookSnapshot = readXlsxSnapshotSync(fs.readFileSync(path.join(LO, `${n}.resaved.xlsx`)));
    const norm = (s: WorkbookSnapshot) => s.sheets.map((sh) => ({ ...sh, merges: [...sh.merges].sort((a, b) => a.top - b.top || a.left - b.left) }));
    expect(norm(xls)).toEqual(norm(xlsx));
    expect(xls.sheets.length).toBeGreaterThan(0);
  });

  test("check --json: each LibreOffice .xls gives the forms and findings of its re-save as .xlsx", async () => {
    const r = await json(...names.flatMap((n) => [path.join(LO, `${n}.xls`), path.join(LO, `${n}.resaved.xlsx`)]));
    expect(r.files).toHaveLength(names.length * 2);
    let forms = 0;
    for (let i = 0; i < names.length; i++) {
      const [a, b] = [r.files[2 * i], r.files[2 * i + 1]];
      expect(a.error).toBeUndefined();
      expect(gist(a)).toEqual(gist(b));
      forms += a.forms.length;
    }
    expect(forms).toBeGreaterThan(10);
  });

  test("check --json: each xlwt .xls (a second writer) gives the forms and findings of the fixture it was written from", async () => {
    const r = await json(...names.flatMap((n) => [path.join(XLWT, `${n}.xls`), path.join(ROOT, "test/fixtures", `${n}.xlsx`)]));
    for (let i = 0; i < names.length; i++) {
      expect(r.files[2 * i].error).toBeUndefined();
      expect(gist(r.files[2 * i])).toEqual(gist(r.files[2 * i + 1]));
    }
  });

  test("a WPS .et of the same compound-file BIFF8 format is read like the .xls", () => {
    const bytes = fs.readFileSync(path.join(LO, "official.xls"));
    expect(readXls("单位.et", bytes).snapshot).toEqual(readXls("official.xls", bytes).snapshot);
  });

  test("an .xls renamed .xlsx is still read; an .xlsx-named compound file without a workbook is encrypted", () => {
    const bytes = fs.readFileSync(path.join(LO, "official.xls"));
    expect(readXls("official.xlsx", bytes).snapshot.sheets.length).toBeGreaterThan(0);
    const e = (() => {
      try {
        readXls("x.xlsx", compound("EncryptedPackage", Buffer.from("x")));
      } catch (err) {
        return err as InputError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(InputError);
    expect(e!.problem).toBe("encrypted");
  });
});

/** A workbook of one sheet, records written here: the globals (with `globals` before the sheet list), then the sheet. */
function book(globals: Buffer[], cells: Buffer[]): Buffer {
  const sheetEntry = (pos: number) => rec(0x0085, Buffer.concat([u32(pos), Buffer.from([0, 0, 2, 0]), Buffer.from("S1", "latin1")])); // visible worksheet "S1"
  const length = Buffer.concat([bof(5), ...globals, sheetEntry(0), eof()]).length;
  return compound("Workbook", Buffer.concat([bof(5), ...globals, sheetEntry(length), eof(), bof(0x10), ...cells, eof()]));
}
const u16 = (...v: number[]) => Buffer.from(new Uint16Array(v).buffer);
const u32 = (...v: number[]) => Buffer.from(new Uint32Array(v).buffer);
const f64 = (v: number) => Buffer.from(new Float64Array([v]).buffer);
const values = (b: Buffer) => readXls("t.xls", b).snapshot.sheets[0];

describe("BIFF records", () => {
  test("RK numbers: integers, ÷100 and the top bits of a double; MULRK; NUMBER; BOOLERR; a formula's cached string", () => {
    const rk = (v: number) => u32(v);
    const s = values(
      book(
        [rec(0x00e0, Buffer.concat([u16(0, 9), Buffer.alloc(16)]))], // XF 0: format 9 (0%)
        [
          rec(0x027e, Buffer.concat([u16(0, 0, 0), rk((1234 << 2) | 2)])), // 1234
          rec(0x027e, Buffer.concat([u16(0, 1, 0), rk((1234 << 2) | 3)])), // 12.34
          rec(0x027e, Buffer.concat([u16(0, 2, 0), rk(0x3ff00000)])), // 1.0 as a double's top bits
          rec(0x00bd, Buffer.concat([u16(1, 0), u16(0), rk((-5 << 2) | 2), u16(0), rk((7 << 2) | 2), u16(1)])), // MULRK -5, 7
          rec(0x0203, Buffer.concat([u16(2, 0, 0), f64(0.875)])),
          rec(0x0205, Buffer.concat([u16(2, 1, 0), Buffer.from([1, 0])])), // TRUE
          rec(0x0205, Buffer.concat([u16(2, 2, 0), Buffer.from([0x07, 1])])), // #DIV/0!
          rec(0x0006, Buffer.concat([u16(3, 0, 0), Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]), u16(0), u32(0), u16(0)])),
          rec(0x0207, Buffer.concat([u16(3), Buffer.from([0]), Buffer.from("abc", "latin1")])),
        ],
      ),
    );
    expect(s.values).toEqual([
      [1234, 12.34, 1],
      [-5, 7, ""],
      [0.875, true, "#DIV/0!"],
      ["abc", "", ""],
    ]);
    expect(s.formats[0][0]).toBe("0%");
  });

  test("a shared string split over CONTINUE records, changing from one byte to two a character", () => {
    const sstHead = Buffer.concat([u32(1, 1), u16(6), Buffer.from([0]), Buffer.from("abc", "latin1")]);
    const cont = Buffer.concat([Buffer.from([1]), Buffer.from("预算执", "utf16le")]);
    const s = values(book([rec(0x00fc, sstHead), rec(0x003c, cont)], [rec(0x00fd, Buffer.concat([u16(0, 0, 0), u32(0)]))]));
    expect(s.values).toEqual([["abc预算执"]]);
  });

  test("merged cells keep the value at the master only", () => {
    const s = values(
      book(
        [],
        [
          rec(0x0204, Buffer.concat([u16(0, 0, 0), u16(2), Buffer.from([0]), Buffer.from("hi", "latin1")])),
          rec(0x0204, Buffer.concat([u16(0, 1, 0), u16(1), Buffer.from([0]), Buffer.from("x", "latin1")])),
          rec(0x00e5, Buffer.concat([u16(1), u16(0, 1, 0, 1)])),
        ],
      ),
    );
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 1 }]);
    expect(s.values).toEqual([["hi"]]);
  });

  test(`a shared string table past ${MAX_SST_STRINGS} strings is refused, not held`, () => {
    const n = MAX_SST_STRINGS + 1;
    // empty strings, 3 bytes each, in CONTINUE records of at most 8223 bytes
    const body = Buffer.alloc(n * 3);
    const parts = [rec(0x00fc, Buffer.concat([u32(n, n), body.subarray(0, 8217)]))];
    for (let p = 8217; p < body.length; p += 8223) parts.push(rec(0x003c, body.subarray(p, Math.min(body.length, p + 8223))));
    const stream = Buffer.concat([bof(5), ...parts, eof()]);
    // too long for the one-FAT-sector container: read the records directly
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readBiff } = require("../../src/xlsx/xls/biff") as typeof import("../../src/xlsx/xls/biff");
    expect(() => readBiff(new Uint8Array(stream))).toThrow(/more than 2000000 strings/);
  });
});
