import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report, fillMessage } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";
import { level1LabelMismatch } from "../../../src/core/rules/level1-label-mismatch";
import { CellValue } from "../../../src/core/snapshot";
import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * Guards of indicator-misfiled, indicator-weight-unknown and level1-label-mismatch that survived mutation (issue 38).
 * The official 项目2 form: 产出指标 rows 14–20 (数量 14–15, 质量 16, 时效 17, 成本 18–20), 效益指标 rows 21–25,
 * 满意度指标 row 26; weights in G, no blocks.
 */
const form2 = async (cells: Record<string, CellValue> = {}) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);

describe("indicator-misfiled: a 执行率 belongs under 产出", () => {
  test("预算执行率 under 产出指标 is where it belongs; under 效益指标 it is misfiled", async () => {
    expect(hits(check(await form2({ D14: "预算执行率" })), "indicator-misfiled")).toEqual([]);
    expect(hits(check(await form2({ D17: "资金结余率" })), "indicator-misfiled")).toEqual([]);
    expect(hits(check(await form2({ D22: "预算执行率" })), "indicator-misfiled")).toEqual(["info 项目2!D22 budget"]);
  });
});

describe("indicator-weight-unknown: only a form read in blocks (Hubei 2020) infers weights", () => {
  test("a blank weight on a form with a weight column is missing-value's, not an unknown weight", async () => {
    const r = check(await form2({ G14: "" }));
    expect(hits(r, "missing-value")).toEqual(["error 项目2!G14 missing"]);
    expect(hits(r, "indicator-weight-unknown")).toEqual([]);
  });
  test("a form with no weight column at all is section-unreadable's (分值/权重 not found), not an unknown weight", async () => {
    const r = check(await form2({ G12: "" }));
    expect(hits(r, "section-unreadable")).toEqual(["warning 项目2!A12 unreadable"]);
    expect(hits(r, "indicator-weight-unknown")).toEqual([]);
  });
});

describe("level1-label-mismatch: one note per 一级 cell, naming only its own rows", () => {
  // hand-built: only the fields the rule reads
  const ind = (row: number, level1: string, level1Row: number, level2: string, category: string, level1Mismatch: boolean) => ({
    layout: { row, level1, level1Row, level2, category, level1Mismatch },
  });
  const run = (indicators: unknown[]): Report[] => {
    const out: Report[] = [];
    const form = { layout: { indicators: { columns: { level1: 1 } } }, indicators } as unknown as FormAnalysis;
    level1LabelMismatch.check({ form, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined });
    return out;
  };
  test("产出指标 over 社会效益 rows and 效益指标 over a 满意度 row: two notes, each with its own 二级", () => {
    const rs = run([
      ind(13, "产出指标", 13, "数量指标", "output", false),
      ind(14, "产出指标", 13, "社会效益指标", "outcome", true),
      ind(15, "产出指标", 13, "社会效益指标", "outcome", true),
      ind(16, "产出指标", 13, "生态效益指标", "outcome", true),
      ind(17, "效益指标", 17, "可持续影响指标", "outcome", false),
      ind(18, "效益指标", 17, "服务对象满意度指标", "satisfaction", true),
    ]);
    expect(rs.map((r) => [r.at, r.expected, r.actual, fillMessage(level1LabelMismatch.meta.messages.covers.zh, r.data, "zh")])).toEqual([
      [{ row: 13, col: 1 }, "效益指标", "产出指标", "一级指标“产出指标”覆盖了二级指标为“社会效益指标、生态效益指标”的行；这些行按二级指标计入效益指标。"],
      [{ row: 17, col: 1 }, "满意度指标", "效益指标", "一级指标“效益指标”覆盖了二级指标为“服务对象满意度指标”的行；这些行按二级指标计入满意度指标。"],
    ]);
  });
});
