import * as fs from "fs";
import * as path from "path";
import { rangeAddress } from "../../src/core/a1";
import { runCheck } from "../../src/core/engine";
import { optionsFor } from "../../src/core/settings";
import { EtApplication } from "../../src/wps/et";
import { wpsPort } from "../../src/wps/port";
import { readXlsx } from "../../src/xlsx/read";
import { ROOT } from "../support/workbooks";
import { fakeEt } from "./fake-et";
import { CorpusSheet, etFromCorpus, etFromExceljs } from "./reference";

// the projection the writer corpus compares (plain JS)
const { summarizeForms } = require("../../scripts/form-summary") as { summarizeForms: (forms: unknown[]) => unknown[] };

/**
 * The differential test: for every fixture and every writer-corpus workbook, the WPS stand-in filled from a reference
 * reading (exceljs for the fixtures, LibreOffice's values in the corpus's expected JSON) and read through the WPS
 * adapter gives the same forms, figures and findings as the .xlsx path.
 */
const options = optionsFor({ saved: null, overrides: {} });

async function readThroughWps(model: ReturnType<typeof etFromCorpus>) {
  return wpsPort(fakeEt(model).Application as EtApplication).readSnapshot();
}

async function throughWps(model: ReturnType<typeof etFromCorpus>) {
  return summarizeForms(runCheck(await readThroughWps(model), options).report.forms);
}

const FIXTURES = [
  ...fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx")),
  ...(fs.existsSync(path.join(ROOT, "test/fixtures/provinces")) ? fs.readdirSync(path.join(ROOT, "test/fixtures/provinces")).filter((f) => f.endsWith(".xlsx")).map((f) => `provinces/${f}`) : []),
].sort();

describe("fixtures: exceljs's reading through the WPS adapter, and the .xlsx path", () => {
  test("there are fixtures", () => expect(FIXTURES.length).toBeGreaterThanOrEqual(10));
  test.each(FIXTURES)("%s", async (file) => {
    const bytes = fs.readFileSync(path.join(ROOT, "test/fixtures", file));
    const xlsxReport = runCheck((await readXlsx(bytes)).snapshot, options).report;
    const wpsReport = runCheck(await readThroughWps(await etFromExceljs(bytes)), options).report;
    // the workbook's own findings (no form found, a form not checked) as well as each form's
    const workbookFindings = (r: typeof xlsxReport) => r.findings.map((x) => `${x.rule} ${x.severity} ${x.sheet ?? ""}!${x.cell ?? ""}`).sort();
    expect(summarizeForms(xlsxReport.forms).length + xlsxReport.findings.length).toBeGreaterThan(0);
    expect(summarizeForms(wpsReport.forms)).toEqual(summarizeForms(xlsxReport.forms));
    expect(workbookFindings(wpsReport)).toEqual(workbookFindings(xlsxReport));
  });
});

const CORPUS = fs
  .readdirSync(path.join(ROOT, "test/writers"))
  .filter((f) => f.endsWith(".expected.json"))
  .sort();

describe("writer corpus: LibreOffice's values through the WPS adapter give the expected forms and findings", () => {
  test.each(CORPUS)("%s", async (name) => {
    const expected = JSON.parse(fs.readFileSync(path.join(ROOT, "test/writers", name), "utf8")) as { notWorksheets: string[]; sheets: CorpusSheet[]; forms: unknown[] };
    const sheets = expected.sheets.filter((s) => !expected.notWorksheets.includes(s.name));
    const model = etFromCorpus(sheets);
    expect(await throughWps(model)).toEqual(expected.forms);
    // the merged areas found by halving where MergeCells is mixed are exactly LibreOffice's
    const snap = await readThroughWps(etFromCorpus(sheets));
    for (const want of sheets) {
      const got = snap.sheets.find((s) => s.name === want.name)!;
      expect(got.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)).sort()).toEqual([...want.merges].sort());
    }
  });
});
