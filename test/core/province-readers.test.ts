import { address } from "../../src/core/a1";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { check, loadFixture, withCells } from "../support/workbooks";

/**
 * Issue 30 phase 2, the readers behind the province fixtures (test/cli/provinces.test.ts asserts the fixtures whole):
 * each case changes one cell of a fixture and shows the reading turn — so the reading, not the fixture, is what holds.
 */

/** The A1 address of the first cell of a sheet whose text is `text`. */
function cellOf(wb: WorkbookSnapshot, sheetName: string, text: string): string {
  const s = wb.sheets.find((x) => x.name === sheetName)!;
  for (let r = 0; r < s.values.length; r++) for (let c = 0; c < s.values[r].length; c++) if (s.values[r][c] === text) return address(s.top + r, s.left + c);
  throw new Error(`no cell "${text}" on ${sheetName}`);
}
const right = (a1: string, n: number) => a1.replace(/^[A-Z]+/, (col) => String.fromCharCode(col.charCodeAt(0) + n));
const only = (wb: WorkbookSnapshot, name: string): WorkbookSnapshot => ({ ...wb, sheets: wb.sheets.filter((s) => s.name === name) });

describe("scored sub-items count once only while they add up to their parent's score", () => {
  test("central: 20 = 12 + 8 counts the parent; 20 ≠ 12 + 7 counts every row (weights 120, as before phase 2)", async () => {
    const wb = only(await loadFixture("provinces/central-variants"), "分项编号（均有分）");
    expect(check(wb).forms[0].totals).toMatchObject({ weights: 100, sumOfScores: 99 });
    const score = right(cellOf(wb, "分项编号（均有分）", "2.组道养护里程"), 4); // 三级 D → 得分 H
    const changed = check(withCells(wb, "分项编号（均有分）", { [score]: 7 })).forms[0];
    expect(changed.totals).toMatchObject({ weights: 120, sumOfScores: 118 });
    expect(changed.grade).toBeNull();
  });
  test("Hubei: the block's sum leaves the sub-items out (37.5 of 40); renamed without their numbers they are rows of their own", async () => {
    const wb = only(await loadFixture("provinces/hubei-sub-items"), "分项有分（标签在表头）");
    expect(check(wb).forms[0].findings).toEqual([]);
    const at = cellOf(wb, "分项有分（标签在表头）", "1.省级监测站点");
    const f = check(withCells(wb, "分项有分（标签在表头）", { [at]: "省级监测站点" })).forms[0];
    // 省级 is no sub-item now; 2.县级 alone under it adds up to nothing: every row counts, the block overflows
    expect(f.findings.map((x) => `${x.cell} ${x.rule}`)).toContain("A11 block-score-exceeds-weight");
  });
});

describe("a total written in the header", () => {
  test("自评总分 | 95 is the written total; the same cells labelled 财政审核评分 (the reviewer's) are not: the form lacks its total", async () => {
    const wb = only(await loadFixture("provinces/header-total"), "表头自评总分");
    expect(check(wb).forms[0].totals.reportedScore).toBe(95);
    const label = cellOf(wb, "表头自评总分", "自评总分");
    const f = check(withCells(wb, "表头自评总分", { [label]: "财政审核评分" })).forms[0];
    expect(f.totals.reportedScore).toBeNull();
    expect(f.findings.map((x) => x.rule)).toContain("form-incomplete");
  });
  test("自评得分：99分 in one cell is read as 99; 自评得分：93分 is read as 93 and disagrees with Σ 99, with no fix on the label's text", async () => {
    const wb = only(await loadFixture("provinces/header-total"), "标题行自评得分");
    const at = cellOf(wb, "标题行自评得分", "自评得分：99分");
    expect(check(wb).forms[0].totals.reportedScore).toBe(99);
    const f = check(withCells(wb, "标题行自评得分", { [at]: "自评得分：93分" })).forms[0];
    expect(f.totals.reportedScore).toBe(93);
    const total = f.findings.find((x) => x.rule === "total-score")!;
    expect(total).toMatchObject({ cell: at, severity: "error", expected: 99, actual: 93 });
    expect(total.fix).toBeUndefined();
  });
});

describe("a total row whose budget reads 0", () => {
  test("0 leaves the budget section unchecked (no grade); 100 budgeted and 90 executed there read the rate again", async () => {
    const wb = only(await loadFixture("provinces/central-variants"), "总额行为零");
    expect(check(wb).forms[0]).toMatchObject({ unchecked: ["funds"], grade: null });
    const total = cellOf(wb, "总额行为零", "年度资金总额：");
    // label in B (merged B–C): 年初 D, 全年 E, 执行 F
    const f = check(withCells(wb, "总额行为零", { [right(total, 3)]: 100, [right(total, 4)]: 90 })).forms[0];
    expect(f.unchecked).toEqual([]);
    expect(f.budget.executionRate).toBe(0.9);
  });
});

describe("the transfer-payment form is known by its title", () => {
  test("转移支付…绩效目标自评表 is not checked; a 转移支付…项目支出绩效自评表 (a project funded by one) is a project form", async () => {
    const wb = only(await loadFixture("provinces/transfer-payment"), "陈列布展（休宁）");
    expect(check(wb).forms[0]).toMatchObject({ kind: "transfer", checked: false });
    const title = cellOf(wb, "陈列布展（休宁）", "休宁县转移支付区域（项目）绩效目标自评表");
    const f = check(withCells(wb, "陈列布展（休宁）", { [title]: "休宁县中央转移支付项目支出绩效自评表" })).forms[0];
    expect(f).toMatchObject({ kind: "project", checked: true });
  });
});
