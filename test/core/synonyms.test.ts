import { checkWorkbook } from "../../src/core/engine";
import { Grid } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import { CellValue, SheetSnapshot } from "../../src/core/snapshot";

/** A sheet from rows of cells (no merges), starting at B3. */
function sheet(rows: CellValue[][], name = "表"): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array(width - r.length).fill("")]);
  return { name, top: 2, left: 1, values, formats: values.map((r) => r.map(() => "General")), merges: [] };
}

/** A form with every header written the other way RULES.md §1 lists, the 权重 column before the target. */
const renamed = sheet([
  ["项目支出绩效自评表"],
  ["（2021年度）"],
  ["项目名称", "某某项目"],
  ["资金情况（万元）", "", "年初预算", "调整后预算数", "预算执行数", "权重", "预算执行率", "得分"],
  ["", "总额", 100, 80, 72, 10, "90%", 9],
  ["", "其中：财政资金", 100, 80, 72],
  ["年度总体目标", "……"],
  ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "权重", "年度目标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
  ["", "产出指标（50分）", "数量指标", "培训人数", 25, "≥100人", "120人次", 25, ""],
  ["", "", "时效指标", "完成时间", 25, "12月底前", "2021年12月20日", 25, ""],
  ["", "效益指标（30分）", "社会效益指标", "群众知晓率", 30, "有效提高", "达成", 30, ""],
  ["", "满意度指标（10分）", "满意度指标", "满意率", 10, "95%以上", "0.9", 9, "个别对象不满意，已回访"],
  ["合计", "", "", "", 100, "", "", 98],
]);

describe("renamed and reordered columns (RULES.md §1 synonyms)", () => {
  test("every column is found by its other name", () => {
    const f = locateForms(new Grid(renamed))[0];
    expect(f.funds?.columns).toEqual({ initial: 3, annual: 4, executed: 5, weight: 6, rate: 7, score: 8 });
    expect(f.indicators?.columns).toEqual({ level1: 2, level2: 3, name: 4, weight: 5, target: 6, actual: 7, score: 8, cause: 9 });
    expect(f.year).toBe(2021);
    expect(f.projectName).toBe("某某项目");
  });

  test("checked the same: 90% execution of the adjusted budget, totals, no false findings", () => {
    const r = checkWorkbook({ sheets: [renamed] });
    const form = r.forms[0];
    expect(form.budget).toEqual({ executionRate: 0.9, score: 9 });
    expect(form.totals).toMatchObject({ weights: 100, reportedScore: 98, sumOfScores: 98 });
    expect(form.totals.recalculatedScore).toBeCloseTo(9 + 25 + 25 + 30 + 9.47, 6); // (0.9 / 0.95) × 10 as written back: 9.47
    const rules = form.findings.map((x) => `${x.rule}@${x.cell}`);
    // 0.9 against ≥95%: 9.47 by the rule, 9 written (9.47 rounded: info), its cause given; nothing else
    expect(rules).toEqual(["indicator-score@I14"]);
    expect(form.findings[0]).toMatchObject({ severity: "info", actual: 9 });
  });
});

describe("columns that say how a score is computed are no score column (RULES.md §6)", () => {
  // 分值 | 得分计算方法 | 得分, as some 市本级 forms print it: text in the method column, never "unparseable"
  const withMethod = sheet([
    ["绩效目标自评表"],
    ["（2021年度）"],
    ["项目名称", "某某项目"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", 100, 100, 100, 10, "100%", 10],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分计算方法", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "培训人数", "≥100人", "120人", 50, "完成值÷指标值×分值", 50, ""],
    ["", "效益指标", "社会效益指标", "群众知晓率", "有效提高", "达成", 30, "定性：达成得满分", 30, ""],
    ["", "满意度指标", "满意度指标", "满意率", "≥90%", "95%", 10, "按比例计分", 10, ""],
    ["总分", "", "", "", "", "", 100, "", 100],
  ]);
  test("the header words map to no column; 得分 stays the score", () => {
    const f = locateForms(new Grid(withMethod))[0];
    expect(f.indicators?.columns).toEqual({ level1: 2, level2: 3, name: 4, target: 5, actual: 6, weight: 7, score: 9, cause: 10 });
  });
  test("a bare 绩效目标自评表 title is a project form; the method text raises nothing", () => {
    const form = checkWorkbook({ sheets: [withMethod] }).forms[0];
    expect(form.totals).toMatchObject({ weights: 100, reportedScore: 100, sumOfScores: 100 });
    expect(form.findings.map((x) => `${x.rule}@${x.cell}`)).toEqual([]);
  });
});

describe("the department-overall form under both its titles (RULES.md §6)", () => {
  test.each(["部门整体支出绩效自评表", "部门整体绩效自评表", "2021年度部门整体绩效自评表"])("%s: one unsupported-form notice, not checked as a project form", (title) => {
    const r = checkWorkbook({ sheets: [sheet([[title], ["主管部门", "某局"], ["部门预算执行情况（万元）", "年初预算数", "全年（调整）预算数", "全年执行数"], ["", 100, 100, 76]])] });
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].findings.map((x) => `${x.severity} ${x.rule}`)).toEqual(["info unsupported-form"]);
  });
});
