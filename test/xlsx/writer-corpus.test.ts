import * as fs from "fs";
import * as path from "path";
import { address, rangeAddress } from "../../src/core/a1";
import { CellValue } from "../../src/core/snapshot";
import { main } from "../../src/cli/main";
import { readXlsxSnapshot } from "../../src/xlsx/fast-read";
import { ROOT } from "../support/workbooks";

// the same projection the script wrote the expected files with (plain JS: the script runs under node)
const { summarizeForms } = require("../../scripts/form-summary") as { summarizeForms: (forms: unknown[]) => unknown[] };

/**
 * The writer corpus (test/writers/, made by scripts/make-writer-corpus.js): every file, from LibreOffice, Gnumeric,
 * openpyxl, XlsxWriter, SheetJS, exceljs and hand-made packages, read as LibreOffice read it — cell values, merged
 * areas — and checked through the CLI to the same forms, numbers and findings as the engine gives on LibreOffice's
 * values.
 */
const DIR = path.join(ROOT, "test/writers");
const cases = fs.readdirSync(DIR).filter((f) => f.endsWith(".expected.json")).sort();

interface Expected {
  file: string;
  notWorksheets: string[];
  sheets: Array<{ name: string; cells: Record<string, { v: CellValue }>; merges: string[] }>;
  forms: Array<{ sheet: string; range: string; projectName: string; budget: unknown; totals: unknown; findings: string[] }>;
}

const norm = (v: CellValue): CellValue => (typeof v === "number" ? Number(v.toPrecision(12)) : v);

async function cli(file: string) {
  let out = "";
  const code = await main(["check", file, "--json"], { out: (s) => (out += s + "\n"), err: () => undefined, isTTY: false });
  return { code, json: JSON.parse(out) };
}

test("the corpus holds every writer the README lists", () => {
  expect(cases.length).toBeGreaterThanOrEqual(19);
  for (const c of cases) expect(fs.existsSync(path.join(DIR, c.replace(/\.expected\.json$/, ".xlsx")))).toBe(true);
});

describe.each(cases)("%s", (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, name), "utf8")) as Expected;
  const file = path.join(DIR, expected.file);

  test("cell values and merged areas as LibreOffice reads them", async () => {
    const snap = await readXlsxSnapshot(fs.readFileSync(file));
    const worksheets = expected.sheets.filter((s) => !expected.notWorksheets.includes(s.name));
    expect(snap.sheets.map((s) => s.name)).toEqual(worksheets.map((s) => s.name));
    for (const want of worksheets) {
      const got = snap.sheets.find((s) => s.name === want.name)!;
      const cells: Record<string, CellValue> = {};
      got.values.forEach((row, r) => row.forEach((v, c) => v !== "" && (cells[address(got.top + r, got.left + c)] = norm(v))));
      const wantCells = Object.fromEntries(Object.entries(want.cells).map(([a, x]) => [a, norm(x.v)]));
      expect(cells).toEqual(wantCells);
      expect(got.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)).sort()).toEqual([...want.merges].sort());
    }
  });

  test("the CLI finds the same forms, numbers and findings", async () => {
    const { json } = await cli(file);
    const forms = summarizeForms(json.files[0].forms);
    expect(forms.length).toBeGreaterThan(0);
    expect(forms).toEqual(expected.forms);
  });
});
