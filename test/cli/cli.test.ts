import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { ROOT, fixturePath } from "../support/workbooks";

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
}
interface JsonForm {
  sheet: string;
  range: string;
  projectName: string;
  year: number;
  budget: { executionRate: number; score: number };
  totals: { weights: number; reportedScore: number; sumOfScores: number; recalculatedScore: number };
  grade: string;
  findings: JsonFinding[];
}

describe("selfeval check --json: the facts of RULES.md §4", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    const r = await run("check", fixturePath("official"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.files).toHaveLength(1);
    expect(json.files[0].file).toBe(fixturePath("official"));
    expect(json.files[0].findings).toEqual([]);
    forms = json.files[0].forms;
  });

  test("form 1: 执行率 75% and budget score 7.5, both right", () => {
    const f = forms[0];
    expect(f).toMatchObject({ sheet: "项目1", range: "A1:I26", projectName: "昌吉州工业和信息化局安全生产项目资金", year: 2020 });
    expect(f.budget).toEqual({ executionRate: 0.75, score: 7.5 });
    expect(f.findings.filter((x) => x.rule === "execution-rate" || x.rule === "budget-score")).toEqual([]);
  });
  test("form 1: 总分 written 90.5, the written scores add up to 91.5", () => {
    expect(forms[0].totals).toMatchObject({ weights: 100, reportedScore: 90.5, sumOfScores: 91.5 });
    expect(forms[0].findings.filter((x) => x.rule === "total-score")).toEqual([
      expect.objectContaining({ severity: "error", cell: "H26", expected: 91.5, actual: 90.5 }),
    ]);
  });
  test("form 1: 项目资金支付及时率 written 3, the rule gives 2.5 (3 is 2.5 rounded)", () => {
    expect(forms[0].findings.find((x) => x.cell === "H20")).toMatchObject({ rule: "indicator-score", severity: "info", expected: 2.5, actual: 3 });
  });
  test("form 1: 开展安全生产培训费用 (≤5万元, actual 0.23万元) is met: the rule gives 5, 1 is written", () => {
    expect(forms[0].findings.find((x) => x.cell === "H22")).toMatchObject({ rule: "indicator-score", severity: "warning", expected: 5, actual: 1 });
    expect(forms[0].findings.filter((x) => x.rule === "missing-deviation-cause")).toEqual([]);
  });
  test("form 1: 安全执法检查次数 target 4次 while its name says 6次, actual 50% over with no explanation", () => {
    const at14 = forms[0].findings.filter((x) => x.cell === "E14" || x.cell === "I14").map((x) => [x.rule, x.cell, x.severity]);
    expect(at14).toEqual([
      ["name-target-mismatch", "E14", "warning"],
      ["overachievement-unexplained", "I14", "warning"],
    ]);
    expect(forms[0].findings.find((x) => x.rule === "overachievement-unexplained")?.actual).toBe(0.5);
  });
  test("form 1: recalculated total and grade", () => {
    expect(forms[0].totals.recalculatedScore).toBe(95);
    expect(forms[0].grade).toBe("优");
  });
  test("forms 2, 3, 4: weights add up to 100, totals match, no error-level finding", () => {
    for (const f of forms.slice(1)) {
      expect(f.totals.weights).toBe(100);
      expect(f.totals.reportedScore).toBe(f.totals.sumOfScores);
      expect(f.findings.filter((x) => x.severity === "error")).toEqual([]);
    }
  });
  test("form 4: 现场节能诊断服务企业数 (≥25家, actual 53) more than double, unexplained", () => {
    expect(forms[3].findings).toEqual([expect.objectContaining({ rule: "overachievement-unexplained", cell: "I14", severity: "warning" })]);
  });
});

describe("selfeval check: output, exit codes, files", () => {
  test("human output: per form figures, findings table, summary; exit 1 on error findings", async () => {
    const r = await run("check", fixturePath("official"));
    expect(r.code).toBe(1);
    // no grade beside an error (the JSON keeps the engine's grade; the verdict has none)
    expect(r.out).toContain("结论：需修改：1 个错误，3 个警告");
    expect(r.out).toContain("执行率 75% · 预算得分 7.5 · 填写总分 90.5 · 得分合计 91.5 · 重算总分 95 · 等级 —");
    expect(r.out).toMatch(/错误\s+项目1!H26\s+total-score/);
    expect(r.out).toContain("4 张表，错误 1，警告 4，提示 1");
  });
  test("--lang en", async () => {
    const r = await run("check", fixturePath("official"), "--lang", "en");
    expect(r.out).toContain("The total is written as 90.5, but the scores add up to 91.5.");
    expect(r.out).toContain("4 form(s), 1 error(s), 4 warning(s), 1 info");
  });
  test("exit 0 when there is no error-level finding", async () => {
    expect((await run("check", fixturePath("no-form"))).code).toBe(0);
  });
  test("usage errors exit 2 with a message", async () => {
    const r = await run("check");
    expect(r.code).toBe(2);
    expect(r.err).toContain("name at least one");
    expect((await run("check", "x.xlsx", "--lang", "fr")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
  });
  test("unreadable files exit 2 with one line each, and the other files are still checked", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-"));
    fs.writeFileSync(path.join(dir, "a-not-zip.xlsx"), "hello");
    fs.copyFileSync(fixturePath("official"), path.join(dir, "b-good.xlsx"));
    const r = await run("check", dir, "--json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { file: string }) => path.basename(f.file))).toEqual(["a-not-zip.xlsx", "b-good.xlsx"]);
    expect(json.files[0].findings[0].rule).toBe("unreadable-file");
    expect(json.files[1].forms).toHaveLength(4);
    expect(r.err).toMatch(/a-not-zip\.xlsx: 不是有效的 \.xlsx 文件/);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.err).toContain("[2/2]"); // progress
  });
  test("--out writes an annotated copy with a 校验报告 sheet and leaves the input untouched", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-out-"));
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(fixturePath("official"), input);
    const before = fs.readFileSync(input);
    const r = await run("check", input, "--out", path.join(dir, "out"));
    expect(r.code).toBe(1);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out", "in.checked.xlsx"));
    const h26 = wb.getWorksheet("项目1")!.getCell("H26");
    expect((h26.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(JSON.stringify(h26.note)).toContain("91.5"); // a note as Excel writes it: exceljs reads it as rich text
    // other cells keep their own look: exceljs shares style objects between cells
    expect((wb.getWorksheet("项目1")!.getCell("H22").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect((wb.getWorksheet("项目1")!.getCell("H25").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    const report = wb.getWorksheet("校验报告")!;
    const cells: string[] = [];
    report.eachRow((row) => cells.push(row.values!.toString()));
    // the problem by its Chinese name, without the English rule id beside it (issue 32)
    expect(cells.join("\n")).toContain("总分填写为 90.5，但各项得分之和为 91.5。");
    expect(cells.join("\n")).not.toContain("total-score");
    // an existing output is not overwritten without --force
    const again = await run("check", input, "--out", path.join(dir, "out"));
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    expect((await run("check", input, "--out", path.join(dir, "out"), "--force")).code).toBe(1);
  });
  test("the demo sample is the official layout of the four seed forms", () => {
    expect(fs.existsSync(path.join(ROOT, "samples/seed-forms.xlsx"))).toBe(true);
  });
});

describe("selfeval check --jobs (worker threads)", () => {
  test("the same JSON, in the same order, as one file after another; an unreadable file among them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-jobs-"));
    for (const n of ["official", "stacked", "shifted", "provincial", "no-form", "truncated"]) fs.copyFileSync(fixturePath(n), path.join(dir, `${n}.xlsx`));
    fs.writeFileSync(path.join(dir, "broken.xlsx"), "PK\u0003\u0004 truncated");
    const one = await run("check", dir, "--json", "--jobs", "1");
    const two = await run("check", dir, "--json", "--jobs", "2");
    expect(two.code).toBe(2);
    expect(two.out).toBe(one.out);
    expect(JSON.parse(two.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual([
      "broken.xlsx", "no-form.xlsx", "official.xlsx", "provincial.xlsx", "shifted.xlsx", "stacked.xlsx", "truncated.xlsx",
    ]);
    expect((await run("check", dir, "--jobs", "0")).code).toBe(2);
  });
});
