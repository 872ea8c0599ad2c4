import { Grid } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import { check, findings, loadFixture, withCells } from "../support/workbooks";

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

describe("template families: how each is read", () => {
  const layoutOf = async (fixture: string, sheet: string) => {
    const wb = await loadFixture(fixture);
    return locateForms(new Grid(wb.sheets.find((s) => s.name === sheet)!));
  };
  test("Sichuan 2023: the caption 年度预算数（万元） over the label column is not mapped; 调整后预算数 is the budget", async () => {
    const [f] = await layoutOf("family-b-sichuan-2023", "项目支出（导出）");
    expect(f.family.id).toBe("sichuan-2023");
    expect(f.funds?.columns).toEqual({ initial: 2, annual: 3, executed: 4, rate: 5, weight: 6, score: 7, reason: 8 });
    expect(f.indicators?.columns).toEqual({ level1: 1, level2: 2, name: 3, nature: 4, target: 5, unit: 6, actual: 7, weight: 8, score: 9, cause: 10 });
  });
  test("a header repeated after a page break is recorded as a header row, not read as an indicator", async () => {
    const [f] = await layoutOf("family-a-county", "稷山县（附件1）");
    expect(f.indicators?.headerRowsInside).toEqual([30, 31]);
    expect(f.indicators?.rows).toHaveLength(28);
    expect(f.indicators?.rows.some((r) => r.row === 30 || r.row === 31)).toBe(false);
  });
  test("Hubei 2020: blocks with their weights, each block's own header row skipped, the form-level cause cell", async () => {
    const [f] = await layoutOf("family-d-hubei-2020", "三个目标");
    expect(f.family.id).toBe("hubei-2020");
    expect(f.indicators?.blocks.map((b) => [b.label, b.weight, b.cell.row])).toEqual([
      ["年度绩效目标1（30分）", 30, 10],
      ["年度绩效目标2（30分）", 30, 15],
      ["年度绩效目标3（20分）", 20, 20],
    ]);
    expect(f.indicators?.headerRowsInside).toEqual([16, 21]);
    expect(f.indicators?.rows.map((r) => r.block)).toEqual([0, 0, 0, 1, 1, 1, 2, 2]);
    expect(f.funds?.labelWeight).toBe(20);
    expect(f.formCause).toEqual({ row: 25, col: 2 });
    expect(f.bottom).toBe(27);
  });
  test("a bare 年度绩效目标 goal row above a central header is no Hubei block", async () => {
    const wb = withCells(await loadFixture("official"), "项目2", { A11: "年度绩效目标" });
    const f = locateForms(new Grid(wb.sheets.find((s) => s.name === "项目2")!))[0];
    expect(f.family.id).toBe("central");
    expect(f.indicators?.blocks).toEqual([]);
  });
});

describe("Hubei block weights written beside the label", () => {
  test("年度绩效目标2 | 30分 in two cells reads as a 30-point block", async () => {
    const wb = withCells(await loadFixture("family-d-hubei-2020"), "三个目标", { A16: "年度绩效目标2", F16: "30分" });
    const f = locateForms(new Grid(wb.sheets.find((s) => s.name === "三个目标")!))[0];
    expect(f.indicators?.blocks.map((b) => b.weight)).toEqual([30, 30, 20]);
  });
});

describe("a row with no 一级 and a 二级 that names no category", () => {
  test("takes the 一级 written above it (carried down)", async () => {
    const wb = withCells(await loadFixture("official"), "项目4", { C25: "过程指标" });
    const rows = locateForms(new Grid(wb.sheets.find((s) => s.name === "项目4")!))[0].indicators!.rows;
    expect(rows.find((r) => r.row === 24)).toMatchObject({ level2: "过程指标", category: "output", level1Inferred: true });
    expect(rows.find((r) => r.row === 25)).toMatchObject({ level2: "生态效益指标", category: "outcome" });
  });
});
