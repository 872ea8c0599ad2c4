import { commensurate } from "../../../src/core/parse";
import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * unit-mismatch names the indicator and both units, in Chinese and English (issue 38: a finding with empty data passed
 * every other test). The official 项目2 form: 工作队数量（个） targets 个 (row 14), 帮扶慰问经费（万元） targets 万元 (row 18).
 */
const form2 = async () => onlySheets(await loadFixture("official"), "项目2");
const EDITS = { F14: "1次", F18: "4人" };

describe("unit-mismatch messages", () => {
  test("zh: the indicator, the actual's unit and the target's unit", async () => {
    const fs = findings(check(withCells(await form2(), "项目2", EDITS)), "unit-mismatch");
    expect(fs.map((f) => [f.cell, f.message, f.expected, f.actual])).toEqual([
      ["F14", "「工作队数量（个）」实际完成值单位（次）与年度指标值单位（个）不可比，无法计算得分。", "个", "次"],
      ["F18", "「帮扶慰问经费（万元）」实际完成值单位（人）与年度指标值单位（万元）不可比，无法计算得分。", "万元", "人"],
    ]);
  });

  test("en: the same fields in English", async () => {
    const fs = findings(check(withCells(await form2(), "项目2", EDITS), { lang: "en" }), "unit-mismatch");
    expect(fs.map((f) => f.message)).toEqual([
      "\"工作队数量（个）\": the actual's unit (次) cannot be compared with the target's (个); no score computed.",
      "\"帮扶慰问经费（万元）\": the actual's unit (人) cannot be compared with the target's (万元); no score computed.",
    ]);
  });

  test("a mismatch always has two written units: a bare number compares with any unit (why the rule shows units as they are)", () => {
    for (const u of ["个", "万元", "%", "人次"]) {
      expect(commensurate({ value: 1, unit: u }, { value: 1, unit: "" })).not.toBeNull();
      expect(commensurate({ value: 1, unit: "" }, { value: 1, unit: u })).not.toBeNull();
    }
    expect(commensurate({ value: 1, unit: "个" }, { value: 1, unit: "次" })).toBeNull();
  });
});
