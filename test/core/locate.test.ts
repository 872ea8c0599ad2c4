import { Grid } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import { check, findings, loadFixture } from "../support/workbooks";

describe("form location", () => {
  test("official template: one form per sheet, the cover sheet and its 项目名称 table ignored", async () => {
    const r = check(await loadFixture("official"));
    expect(r.forms.map((f) => [f.sheet, f.range, f.year])).toEqual([
      ["项目1", "A1:I26", 2020],
      ["项目2", "A1:I27", 2020],
      ["项目3", "A1:I25", 2020],
      ["项目4", "A1:I29", 2020],
    ]);
    expect(r.forms.map((f) => f.projectName)).toEqual([
      "昌吉州工业和信息化局安全生产项目资金",
      "访惠聚专项资金",
      "工业高质量发展研究工作项目",
      "2020年度自治区节能减排专项资金拟支持工业节能监管能力建设及能效对标",
    ]);
  });

  test("four forms stacked on one sheet are four forms", async () => {
    const r = check(await loadFixture("stacked"));
    expect(r.forms.map((f) => f.range)).toEqual(["A1:I26", "A30:I56", "A60:I84", "A88:I116"]);
    expect(r.forms.every((f) => f.sheet === "自评表")).toBe(true);
  });

  test("a shifted start cell (C5) with formulas and percent formats reads the same figures", async () => {
    const r = check(await loadFixture("shifted"));
    expect(r.forms.map((f) => f.range)).toEqual(["C5:K30", "C5:K29"]);
    expect(r.forms[0].budget).toEqual({ executionRate: 0.75, score: 7.5 });
    expect(r.forms[0].totals).toEqual({ weights: 100, reportedScore: 90.5, sumOfScores: 91.5, recalculatedScore: 95 });
  });

  test("provincial variant: 权重 before the target, 指标性质/度量单位 columns, 合计, 全年/实际值 header over two rows", async () => {
    const wb = await loadFixture("provincial");
    const layout = locateForms(new Grid(wb.sheets[0]))[0];
    expect(layout.indicators?.columns).toEqual({ level1: 0, level2: 1, name: 2, weight: 3, nature: 4, target: 5, unit: 6, actual: 7, score: 8, cause: 9 });
    expect(layout.indicators?.headerRows).toBe(2);
    expect(layout.funds?.columns).toEqual({ initial: 2, annual: 3, executed: 4, weight: 5, rate: 6, score: 7, reason: 8 });
    expect(layout.funds?.labelWeight).toBe(10);
    const r = check(wb);
    expect(r.forms[0].totals).toEqual({ weights: 100, reportedScore: 90.5, sumOfScores: 91.5, recalculatedScore: 95 });
    expect(r.forms[1].totals.weights).toBe(100);
  });

  test("merged 一级/二级 labels come down their merge; a lost 一级 is inferred from the 二级", async () => {
    const wb = await loadFixture("official");
    const layout = locateForms(new Grid(wb.sheets.find((s) => s.name === "项目4")!))[0];
    const rows = layout.indicators!.rows;
    expect(rows.map((r) => r.category)).toEqual([
      "output", "output", "output", "output", "output", "output", "output", "output", "output", "output", "output",
      "outcome", "outcome", "satisfaction", "satisfaction",
    ]);
    expect(rows.filter((r) => r.level1Inferred).length).toBe(2);
    expect(rows[12].level2).toBe("生态效益指标");
    expect(rows[1].level1).toBe("产出指标");
  });

  test("N/A rows (三级 /) are not indicators", async () => {
    const wb = await loadFixture("official");
    const layout = locateForms(new Grid(wb.sheets.find((s) => s.name === "项目2")!))[0];
    expect(layout.indicators!.rows.length).toBe(12);
  });

  test("a workbook with no form says so, with no form findings", async () => {
    const r = check(await loadFixture("no-form"));
    expect(r.forms).toEqual([]);
    expect(findings(r).map((f) => f.rule)).toEqual(["no-form"]);
  });

  test("a whole-department form is recognised and reported as not checked", async () => {
    const r = check(await loadFixture("department"));
    expect(r.forms.map((f) => [f.sheet, f.kind, f.checked])).toEqual([
      ["部门整体", "department", false],
      ["项目", "project", true],
    ]);
    expect(findings(r, "unsupported-form").map((f) => `${f.sheet}!${f.cell}`)).toEqual(["部门整体!A1"]);
  });

  test("an empty sheet and a sheet of noise give no form and no exception", () => {
    const noise = { name: "x", top: 0, left: 0, merges: [], values: [["项目名称"], ["总分", 3], ["一级指标"]], formats: [["General"], ["General", "General"], ["General"]] };
    expect(() => check({ sheets: [{ name: "e", top: 0, left: 0, values: [[""]], formats: [["General"]], merges: [] }, noise] })).not.toThrow();
    const r = check({ sheets: [noise] });
    expect(r.forms.length).toBe(1);
    expect(findings(r, "form-incomplete").length).toBe(1);
  });
});
