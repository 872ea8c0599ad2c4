import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../../src/cli/main";
import { parseText } from "../../src/core/parse";
import { MergeArea, PlacedCell, mergeSlaves, snapshotFromCells } from "../../src/core/snapshot";
import { crc32 } from "../../src/xlsx/crc32";
import { nodeInflate } from "../../src/xlsx/inflate-node";
import { InputError, describeReadError } from "../../src/xlsx/input";
import { LIMITS, LimitError, ReadLimits } from "../../src/xlsx/limits";
import { SheetPatcher } from "../../src/xlsx/patch/sheet";
import { readWorkbookBytes } from "../../src/xlsx/workbook-reader";
import { ZipArchive, ZipError } from "../../src/xlsx/zip-archive";
import { ROOT, fixturePath } from "../support/workbooks";

/**
 * Files from strangers (issue 28), each made by scripts/hostile-corpus.js: work that would run away is linear or
 * refused with the limit named, damage is said to be damage, and a copy is never less valid than its input.
 */
const corpus = (f: string) => path.join(ROOT, "test/corpus", f);
const bytes = (f: string) => new Uint8Array(fs.readFileSync(corpus(f)));
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-hostile-"));

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

const ENGINE_WORDS = /Invalid string length|Invalid array length|maximum size exceeded|Maximum call stack|out of memory|\n\s+at /i;

describe("refused, with what was too large or what is damaged named, exit 2", () => {
  const cases: Array<[string, RegExp, RegExp]> = [
    ["hostile-merges-too-many.xlsx", /合并单元格区域数（sheet 说明）超过上限 100,000/, /merged areas \(sheet 说明\)/],
    ["hostile-sheets-5000.xlsx", /工作表数（xl\/workbook\.xml）为 1,001，超过上限 1,000/, /sheets \(xl\/workbook\.xml\)/],
    ["hostile-cells-total.xlsx", /各工作表已用区域的单元格总数（sheet 大表5）为 20,000,000，超过上限 16,000,000/, /cells in the sheets' used ranges, all sheets together \(sheet 大表5\): 20,000,000/],
    ["hostile-relationships.xlsx", /关系数（xl\/_rels\/workbook\.xml\.rels）超过上限 20,000/, /relationships \(xl\/_rels\/workbook\.xml\.rels\)/],
    ["hostile-entity-cell.xlsx", /DTD 实体展开后的字符数（xl\/worksheets\/sheet2\.xml, sheet 项目1）超过上限 1,000,000/, /characters expanded from DTD entities/],
    ["hostile-entity-sheet-name.xlsx", /DTD 实体展开后的字符数（xl\/workbook\.xml）/, /characters expanded from DTD entities \(xl\/workbook\.xml\)/],
    ["hostile-long-cell.xlsx", /单个单元格的字符数（cell B2）为 1,000,001/, /characters in one cell \(cell B2\)/],
    ["hostile-inflated-spaces.xlsx", /zip 炸弹.*sheet2\.xml would unpack to 120 MB from \d+ KB, \d+ times its packed size/, /possible zip bomb/],
    ["hostile-bad-crc.xlsx", /损坏.*sheet2\.xml is damaged: its CRC-32 is/, /damaged.*CRC-32/],
    ["hostile-flipped-bit.xlsx", /损坏.*sheet2\.xml is damaged/, /damaged/],
    ["hostile-sheet-cut.xlsx", /工作簿已损坏.*sheet2\.xml \(sheet 项目1\) is not well-formed XML: the document ends with 2 elements still open/, /the workbook is damaged/],
    ["hostile-duplicate-attribute.xlsx", /工作簿已损坏.*sheet2\.xml \(sheet 项目1\) is not well-formed XML: the attribute r given twice/, /the workbook is damaged/],
  ];

  test.each(cases)("%s", async (file, zh, en) => {
    const before = bytes(file);
    const out = tmp();
    for (const [argv, words] of [
      [["check", corpus(file), "--json"], zh],
      [["check", corpus(file), "--lang", "en"], en],
      [["fix", corpus(file), "--out", out, "--json"], zh],
    ] as Array<[string[], RegExp]>) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      const lines = r.err.split("\n").filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0].startsWith(`selfeval: ${corpus(file)}: `)).toBe(true);
      expect(lines[0]).toMatch(words);
      expect(r.err + r.out).not.toMatch(ENGINE_WORDS);
      if (argv.includes("--json")) expect(() => JSON.parse(r.out)).not.toThrow();
    }
    // damage is never told as a bomb, a bomb never as damage
    const { err } = await run("check", corpus(file));
    expect(/zip 炸弹/.test(err)).toBe(file === "hostile-inflated-spaces.xlsx");
    expect(fs.readdirSync(out)).toEqual([]);
    expect(Buffer.from(bytes(file)).equals(Buffer.from(before))).toBe(true);
  });

  test("a part that lies about its size is still a possible zip bomb; a flipped bit is damage", () => {
    const lie = () => new ZipArchive(bytes("zip-size-lie.xlsx"), nodeInflate).read("xl/worksheets/sheet2.xml");
    expect(lie).toThrow(ZipError);
    expect(() => lie()).toThrow(/would unpack to more than its declared 10240 bytes/);
    let kind = "";
    try {
      lie();
    } catch (e) {
      kind = (e as ZipError).kind;
    }
    expect(kind).toBe("bomb");
    try {
      new ZipArchive(bytes("hostile-flipped-bit.xlsx"), nodeInflate).read("xl/worksheets/sheet2.xml");
      kind = "read";
    } catch (e) {
      kind = (e as ZipError).kind;
    }
    expect(kind).toBe("damaged");
  });
});

describe("linear under the limits", () => {
  const official = () => readWorkbookBytes(new Uint8Array(fs.readFileSync(fixturePath("official"))), nodeInflate);

  test("2,000 identical merges over one large range: one area, the form read as without them", () => {
    const snap = readWorkbookBytes(bytes("hostile-merges-identical.xlsx"), nodeInflate);
    const base = official();
    const s = snap.sheets[1];
    expect(s.merges.length).toBe(base.sheets[1].merges.length + 1);
    expect(s.merges.filter((m) => m.top === 29 && m.left === 9)).toEqual([{ top: 29, left: 9, bottom: 1998, right: 25 }]);
    expect(s.values.slice(0, 26).map((r) => r.slice(0, 9))).toEqual(base.sheets[1].values);
    expect(s.values[1999][25]).toBe("远");
  });

  test("2,000 nested merges: left out (they overlap), the form's own kept", () => {
    const snap = readWorkbookBytes(bytes("hostile-merges-nested.xlsx"), nodeInflate);
    expect(snap.sheets[1].merges).toEqual(official().sheets[1].merges);
  });

  test("5,000 disjoint 64×64 merges on an empty sheet: readable, the forms checked", async () => {
    const snap = readWorkbookBytes(bytes("hostile-merges-disjoint.xlsx"), nodeInflate);
    expect(snap.sheets[0]).toMatchObject({ name: "说明", values: [[""]] });
    expect(snap.sheets[0].merges).toHaveLength(5000);
    const r = await run("check", corpus("hostile-merges-disjoint.xlsx"), "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].forms).toHaveLength(4);
  });

  test("one sheet part listed 800 times: 800 forms, and check --out writes a copy that reads back", async () => {
    const out = tmp();
    const r = await run("check", corpus("hostile-sheets-800.xlsx"), "--out", out, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0].forms).toHaveLength(800);
    const copy = new Uint8Array(fs.readFileSync(path.join(out, "hostile-sheets-800.checked.xlsx")));
    const snap = readWorkbookBytes(copy, nodeInflate);
    expect(snap.sheets).toHaveLength(801);
    // the one part is marked once: one note per cell, never 800 comments on one cell
    const parts = unzipSync(copy);
    const comments = Object.keys(parts).filter((n) => /comments\d*\.xml$/.test(n));
    expect(comments).toHaveLength(1);
    const refs = [...strFromU8(parts[comments[0]]).matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(new Set(refs).size).toBe(refs.length);
  });

  test("a file at the sheet limit (1,000): check --out writes its copy of 1,001 sheets (the 校验报告 added), read back", async () => {
    const H = require("../../scripts/hostile-corpus");
    const parts = H.edited(ROOT, ({ text, set }: { text: (n: string) => string; set: (n: string, s: string) => void }) => {
      const sheets = [...Array(LIMITS.maxSheets)].map((_, i) => `<sheet sheetId="${i + 1}" name="项目${i + 1}" state="visible" r:id="rId5"/>`).join("");
      set("xl/workbook.xml", text("xl/workbook.xml").replace(/<sheets>[\s\S]*<\/sheets>/, `<sheets>${sheets}</sheets>`));
    });
    const dir = tmp();
    const file = path.join(dir, "at-limit.xlsx");
    fs.writeFileSync(file, H.pack(parts));
    const r = await run("check", file, "--out", dir, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const copy = new Uint8Array(fs.readFileSync(path.join(dir, "at-limit.checked.xlsx")));
    expect(new ZipArchive(copy, nodeInflate).has("xl/workbook.xml")).toBe(true);
  });

  test("merge slaves in one pass equal the merges marked one by one (any merges, overlapping or not)", () => {
    const area = fc.record({ top: fc.integer({ min: 0, max: 12 }), left: fc.integer({ min: 0, max: 12 }), h: fc.integer({ min: 1, max: 6 }), w: fc.integer({ min: 1, max: 6 }) }).map((a) => ({ top: a.top, left: a.left, bottom: a.top + a.h - 1, right: a.left + a.w - 1 }));
    fc.assert(
      fc.property(fc.array(area, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 14 }), (merges, top, left, h, w) => {
        const over: boolean[] = [];
        const got = mergeSlaves(merges, top, left, h, w, over);
        const want = new Uint8Array(h * w);
        const count = new Int32Array(h * w);
        let touched = false;
        for (const m of merges)
          for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, top + h - 1); r++)
            for (let c = Math.max(m.left, left); c <= Math.min(m.right, left + w - 1); c++) {
              touched = true;
              count[(r - top) * w + (c - left)]++;
              if (r !== m.top || c !== m.left) want[(r - top) * w + (c - left)] = 1;
            }
        expect(got === null).toBe(!touched);
        if (got) expect(Array.from(got)).toEqual(Array.from(want));
        merges.forEach((m, i) => {
          let shared = false;
          for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, top + h - 1); r++)
            for (let c = Math.max(m.left, left); c <= Math.min(m.right, left + w - 1); c++) if (count[(r - top) * w + (c - left)] > 1) shared = true;
          expect(!!over[i]).toBe(shared);
        });
      }),
      { numRuns: 500, seed: 28 },
    );
  });

  test("snapshotFromCells: 5,000 disjoint 64×64 merges with a value in each and a far cell (the clipped path)", () => {
    const merges: MergeArea[] = [];
    const cells: PlacedCell[] = [];
    for (let i = 0; i < 5000; i++) {
      const r = Math.floor(i / 50) * 64, c = (i % 50) * 64;
      merges.push({ top: r, left: c, bottom: r + 63, right: c + 63 });
      cells.push({ r, c, v: i, f: "General" }, { r: r + 1, c: c + 1, v: "slave", f: "General" });
    }
    cells.push({ r: 1_000_000, c: 16000, v: "far", f: "General" });
    const s = snapshotFromCells("s", cells, merges);
    // 5,000 areas of 4,096 cells pass the snapshot's 4,000,000 cells: the box is clipped, the far cell the farthest
    expect(s.clipped?.farthest).toEqual({ row: 1_000_000, col: 16000 });
    expect(s.values.length * s.values[0].length).toBeLessThanOrEqual(4_000_000);
    expect(s.values.flat().filter((v) => v === "slave")).toEqual([]);
    expect(s.values.flat().filter((v) => typeof v === "number").length).toBeGreaterThan(0);
  });
});

describe("a copy never less valid than its input", () => {
  test("a 400-digit 分值 is text, never Infinity: the fixed copy has only finite numbers in what it writes", async () => {
    expect(parseText("9".repeat(400))).toEqual({ kind: "text", text: "9".repeat(400) });
    const out = tmp();
    const r = await run("fix", corpus("hostile-400-digits.xlsx"), "--out", out, "--json");
    expect(r.code).toBe(0);
    const copy = unzipSync(new Uint8Array(fs.readFileSync(path.join(out, "hostile-400-digits.fixed.xlsx"))));
    const sheet = strFromU8(copy["xl/worksheets/sheet2.xml"]);
    expect(sheet).not.toMatch(/<v>(-?Infinity|NaN)<\/v>/);
    expect(JSON.parse(r.out).files[0].changes.every((c: { new: unknown }) => typeof c.new !== "number" || Number.isFinite(c.new))).toBe(true);
    const check = await run("check", corpus("hostile-400-digits.xlsx"), "--json");
    const f = JSON.parse(check.out).files[0];
    expect(f.forms.flatMap((x: { findings: Array<{ rule: string; cell: string }> }) => x.findings).some((x: { rule: string; cell: string }) => x.rule === "unparseable-value" && x.cell === "G14")).toBe(true);
  });

  test("the patcher refuses to write a number that is not finite", () => {
    const p = new SheetPatcher(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
    expect(() => p.set(0, 0, { value: { t: "n", v: Infinity } })).toThrow(/not a finite number/);
    expect(() => p.set(0, 0, { value: { t: "n", v: NaN } })).toThrow(/not a finite number/);
  });

  test("an end record counting one entry fewer: the last entry (xl/styles.xml) is read, and the copy keeps it", async () => {
    const input = bytes("hostile-end-count-short.xlsx");
    const zip = new ZipArchive(input, nodeInflate);
    expect(zip.has("xl/styles.xml")).toBe(true);
    expect(readWorkbookBytes(input, nodeInflate)).toEqual(readWorkbookBytes(new Uint8Array(fs.readFileSync(fixturePath("official"))), nodeInflate));
    const out = tmp();
    expect((await run("fix", corpus("hostile-end-count-short.xlsx"), "--out", out)).code).toBe(0);
    const copy = new Uint8Array(fs.readFileSync(path.join(out, "hostile-end-count-short.fixed.xlsx")));
    expect(Buffer.from(new ZipArchive(copy, nodeInflate).read("xl/styles.xml")!).equals(Buffer.from(zip.read("xl/styles.xml")!))).toBe(true);
    // a second reader (JSZip, CRCs checked) reads the copy too
    const z = await JSZip.loadAsync(copy, { checkCRC32: true });
    expect(await z.file("xl/styles.xml")!.async("string")).toBe(strFromU8(zip.read("xl/styles.xml")!));
  });

  test("a directory that holds fewer entries than its end record counts is damage", () => {
    const Z = require("../../scripts/zip-tools");
    const good = fs.readFileSync(fixturePath("official"));
    const n = Z.entries(good).length;
    expect(() => new ZipArchive(new Uint8Array(Z.withEndCount(good, n + 1)), nodeInflate)).toThrow(/lists 14 of the 15 entries/);
  });
});

describe("the pieces", () => {
  test("CRC-32 against the standard check values", () => {
    const u = (s: string) => new TextEncoder().encode(s);
    expect(crc32(u("123456789"))).toBe(0xcbf43926);
    expect(crc32(u(""))).toBe(0);
    expect(crc32(u("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
    // in pieces, and across the eight-byte stride
    const long = u("abcdefghijklmnopqrstuvwxyz0123456789".repeat(37));
    expect(crc32(long.subarray(13), crc32(long.subarray(0, 13)))).toBe(crc32(long));
    const zlib = require("zlib") as typeof import("zlib");
    if (typeof (zlib as unknown as { crc32?: unknown }).crc32 === "function") expect(crc32(long)).toBe((zlib as unknown as { crc32(b: Uint8Array): number }).crc32(long));
  });

  test("every limit has words in both languages, naming the figure", () => {
    for (const k of Object.keys(LIMITS) as Array<keyof ReadLimits>) {
      const e = new LimitError(k, "xl/x.xml", LIMITS[k] + 1);
      const shown = describeReadError(e);
      expect(shown).toBeInstanceOf(InputError);
      expect(shown.problem).toBe("too-large");
      expect(shown.zh).toContain("（xl/x.xml）");
      expect(shown.en).toContain("(xl/x.xml)");
      expect(shown.zh + shown.en).not.toMatch(/undefined|NaN/);
      expect(shown.en).toMatch(/\d/);
    }
  });

  test("a JavaScript engine's own limit is never shown in its words", () => {
    for (const m of ["Invalid string length", "Set maximum size exceeded", "Invalid array length"]) {
      const shown = describeReadError(new RangeError(m));
      expect(shown.zh + shown.en).not.toContain(m);
      expect(shown.zh).toContain("过大或过于复杂");
    }
  });
});
