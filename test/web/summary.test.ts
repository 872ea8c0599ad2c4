import { VERDICT_LABEL } from "../../src/core/outcome";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { batchZip, summaryWorkbookFor, uniqueNames } from "../../src/web/bundle";
import { FileOutcome, processBytes } from "../../src/web/pipeline";
import { SummaryRow, checkedName, sortRows, summaryRows } from "../../src/web/summary";
import { quoteSheetName } from "../../src/xlsx/summary-workbook";

/** The batch summary (rows, sorting), the 汇总 workbook read back by exceljs, and the .zip read back by JSZip. */
const ROOT = path.resolve(__dirname, "../..");
const read = (rel: string): FileOutcome => processBytes(path.basename(rel), new Uint8Array(fs.readFileSync(path.join(ROOT, rel))));

const batch = () => [read("test/fixtures/official.xlsx"), read("test/fixtures/no-form.xlsx"), read("test/corpus/old-binary.xls"), read("test/fixtures/department.xlsx")];

describe("summary rows", () => {
  test("one row per form; a file without a form or unreadable gets one row saying so", () => {
    const o = batch();
    const rows = summaryRows(o, "zh");
    const official = o[0].reports!.zh.forms;
    expect(rows.filter((r) => r.file === "official.xlsx").map((r) => r.form)).toEqual(official.map((f) => f.projectName));
    expect(rows.filter((r) => r.file === "official.xlsx").map((r) => r.errors)).toEqual(official.map((f) => f.counts.error));
    expect(rows.find((r) => r.file === "no-form.xlsx")).toMatchObject({ status: "no-form", form: "未找到项目支出绩效自评表", warnings: 1 });
    // an unreadable file is not a form with one error: it has a verdict of its own
    expect(rows.find((r) => r.file === "old-binary.xls")).toMatchObject({ status: "unreadable", verdict: "unreadable", form: "", errors: 0, note: o[2].problem!.zh });
    expect(rows.filter((r) => r.file === "official.xlsx").map((r) => r.verdict)).toEqual(official.map((f) => f.verdict.kind));
    const first = rows.find((r) => r.file === "official.xlsx")!;
    expect(first).toMatchObject({ sheet: official[0].sheet, cell: official[0].range.split(":")[0], rate: official[0].budget.executionRate, written: official[0].totals.reportedScore, recalculated: official[0].totals.recalculatedScore });
    // a grade only where the form has no error (the JSON keeps it)
    const withError = rows.find((r) => r.file === "official.xlsx" && r.errors > 0)!;
    expect(withError.grade).toBeNull();
    expect(official.find((f) => f.counts.error > 0)!.grade).not.toBeNull();
    expect(rows.find((r) => r.file === "official.xlsx" && r.errors === 0)!.grade).toBe(official.find((f) => f.counts.error === 0)!.grade);
    expect(summaryRows(o, "en").find((r) => r.file === "old-binary.xls")!.note).toContain("save it as .xlsx");
    // the top problem of each form: its verdict's
    official.forEach((f, i) => expect(rows.filter((r) => r.file === "official.xlsx")[i].top).toBe(f.verdict.top ? `${f.verdict.top.cell} ${f.verdict.top.message}` : ""));
    expect(rows.some((r) => r.top !== "")).toBe(true);
  });

  test("sorting: by number either way with blanks last, by grade in 优良中差 order, ties in batch order", () => {
    const rows = summaryRows(batch(), "zh");
    const rates = (rs: SummaryRow[]) => rs.map((r) => r.rate);
    const asc = sortRows(rows, "rate", "asc");
    const desc = sortRows(rows, "rate", "desc");
    const nums = rates(asc).filter((x): x is number => x !== null);
    expect(rates(asc)).toEqual([...nums, ...rates(asc).slice(nums.length)]);
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    expect(rates(desc).filter((x) => x !== null)).toEqual([...nums].sort((a, b) => b - a));
    expect(rates(desc).slice(-1)[0]).toBeNull();
    const grades = sortRows(rows, "grade", "asc").map((r) => r.grade).filter(Boolean) as string[];
    const order = ["优", "良", "中", "差"];
    expect(grades).toEqual([...grades].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    const byErrors = sortRows(rows, "errors", "desc");
    for (let i = 1; i < byErrors.length; i++) {
      expect(byErrors[i - 1].errors).toBeGreaterThanOrEqual(byErrors[i].errors);
      if (byErrors[i - 1].errors === byErrors[i].errors) expect(rows.indexOf(byErrors[i - 1])).toBeLessThan(rows.indexOf(byErrors[i]));
    }
    expect(sortRows(rows, "file", "asc")).not.toBe(rows); // a copy
  });
});

describe("the 汇总 workbook and the .zip", () => {
  test("exceljs reads the 汇总 workbook: headers, figures, and a HYPERLINK to each form", async () => {
    const o = batch();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(summaryWorkbookFor(o, "zh", false) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("汇总")!;
    const rows = summaryRows(o, "zh");
    expect(ws.getRow(1).values).toEqual([undefined, "文件", "表（项目）", "结论", "主要问题", "模板", "执行率", "填写总分", "重算总分", "等级", "错误", "警告", "说明"]);
    expect(ws.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const a = ws.getCell(i + 2, 1).value as { formula?: string; result?: string } | string;
      if (r.status === "unreadable") expect(a).toBe(r.file);
      else if (r.sheet) expect(a).toEqual({ formula: `HYPERLINK("${r.file}#${quoteSheetName(r.sheet)}!${r.cell}","${r.file}")`, result: r.file });
      expect(ws.getCell(i + 2, 2).value ?? "").toBe(r.form);
      expect(ws.getCell(i + 2, 3).value).toBe(VERDICT_LABEL.zh[r.verdict]);
      expect(ws.getCell(i + 2, 4).value ?? "").toBe(r.top);
      expect(ws.getCell(i + 2, 6).value ?? null).toBe(r.rate);
      expect(ws.getCell(i + 2, 8).value ?? null).toBe(r.recalculated);
      expect(ws.getCell(i + 2, 10).value).toBe(r.errors);
    });
  });

  test("the .zip holds the 汇总 workbook linking to the annotated copies, the batch JSON and one JSON per file", async () => {
    const o = batch();
    const copy = new Uint8Array(fs.readFileSync(path.join(ROOT, "test/fixtures/official.xlsx")));
    const z = await JSZip.loadAsync(batchZip(o, "zh", new Map([[0, copy]])));
    expect(Object.keys(z.files).sort()).toEqual(["json/", "json/department.json", "json/no-form.json", "json/official.json", "json/old-binary.json", "official.checked.xlsx", "selfeval.json", "汇总.xlsx"].filter((n) => n !== "json/" || z.files["json/"]).sort());
    expect(new Uint8Array(await z.file("official.checked.xlsx")!.async("uint8array"))).toEqual(copy);
    expect(JSON.parse(await z.file("selfeval.json")!.async("string")).files.map((f: { file: string }) => f.file)).toEqual(["official.xlsx", "no-form.xlsx", "old-binary.xls", "department.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await z.file("汇总.xlsx")!.async("nodebuffer")) as unknown as ArrayBuffer);
    expect((wb.worksheets[0].getCell("A2").value as { formula: string }).formula).toMatch(/^HYPERLINK\("official\.checked\.xlsx#'/);
  });

  test("names stay unique in a batch, and characters a zip or a formula cannot hold are made safe", () => {
    expect(uniqueNames(["a.xlsx", "A.xlsx", "a.xlsx", "b"])).toEqual(["a.xlsx", "A (2).xlsx", "a (3).xlsx", "b"]);
    expect(uniqueNames(['x:"y".xlsx'])).toEqual(["x__y_.xlsx"]);
    expect(quoteSheetName("it's")).toBe("'it''s'");
    expect(checkedName("表.xlsx")).toBe("表.checked.xlsx");
    // an .xls becomes a new .xlsx, named for its source when its .xlsx twin is in the same batch
    expect(checkedName("表.xls", ["表.xls"])).toBe("表.checked.xlsx");
    expect(checkedName("表.xls", ["表.xls", "表.xlsx"])).toBe("表.xls.checked.xlsx");
    expect(checkedName("表.et", ["表.ET", "表.XLS"])).toBe("表.et.checked.xlsx");
    expect(checkedName("宏.XLSM")).toBe("宏.checked.xlsm"); // as check --out: Excel refuses macros in an .xlsx
  });
});
