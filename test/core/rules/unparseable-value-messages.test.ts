import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";
import { CellValue } from "../../../src/core/snapshot";

/**
 * unparseable-value names the field it could not read, in both languages, for every numeric cell of the form (issue 38:
 * its labels and the data of its messages survived mutation — a finding at the right cell with an empty field name
 * passed every other test). The official 项目2 form: funds D6:I6, its first part D7:F7, indicators from row 14
 * (工作队数量（个）, then 访惠聚工作经费（万元）), 总分 G27/H27.
 */
const form2 = async (cells: Record<string, CellValue>) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);
const lines = (r: ReturnType<typeof check>) => findings(r, "unparseable-value").map((f) => `${f.severity} ${f.cell} ${f.message}`);

const TEXT: Record<string, CellValue> = { D6: "abc", E6: "abc", F6: "abc", G6: "abc", H6: "abc", I6: "abc", D7: "abc", E7: "abc", F7: "abc", G14: "abc", H14: "abc", G27: "abc", H27: "abc" };

describe("unparseable-value says which field", () => {
  test("text in each numeric cell: a warning naming the field (zh)", async () => {
    expect(lines(check(await form2(TEXT)))).toEqual([
      "warning D6 年初预算数“abc”不是数值。",
      "warning E6 全年预算数“abc”不是数值。",
      "warning F6 全年执行数“abc”不是数值。",
      "warning G6 分值“abc”不是数值。",
      "warning H6 执行率“abc”不是数值。",
      "warning I6 得分“abc”不是数值。",
      "warning D7 年初预算数“abc”不是数值。",
      "warning E7 全年预算数“abc”不是数值。",
      "warning F7 全年执行数“abc”不是数值。",
      "warning G14 分值“abc”不是数值。",
      "warning H14 得分“abc”不是数值。",
      "warning G27 总分分值“abc”不是数值。",
      "warning H27 总分“abc”不是数值。",
    ]);
  });

  test("the same in English: each field's English name", async () => {
    const en = lines(check(await form2(TEXT), { lang: "en" })).map((l) => l.split(" ").slice(0, 2).join(" ") + " " + /the ([a-z ]+?) ("|is)/i.exec(l)?.[1]);
    expect(en).toEqual([
      "warning D6 initial budget",
      "warning E6 annual budget",
      "warning F6 executed",
      "warning G6 weight",
      "warning H6 execution rate",
      "warning I6 score",
      "warning D7 initial budget",
      "warning E7 annual budget",
      "warning F7 executed",
      "warning G14 weight",
      "warning H14 score",
      "warning G27 total weight",
      "warning H27 total score",
    ]);
  });

  test("an error value is an error naming the field and its code", async () => {
    const r = check(await form2({ F6: "#DIV/0!", H14: "#REF!" }));
    expect(findings(r, "unparseable-value").map((f) => [f.severity, f.cell, f.actual, f.message.includes(f.cell === "F6" ? "全年执行数" : "得分"), f.message.includes(String(f.actual))])).toEqual([
      ["error", "F6", "#DIV/0!", true, true],
      ["error", "H14", "#REF!", true, true],
    ]);
  });

  test("an error in a target or an actual names the indicator and which of the two", async () => {
    const r = check(await form2({ E14: "#N/A", F15: "#VALUE!" }));
    const fs = findings(r, "unparseable-value");
    expect(fs.map((f) => [f.severity, f.cell, f.actual])).toEqual([
      ["error", "E14", "#N/A"],
      ["error", "F15", "#VALUE!"],
    ]);
    expect(fs[0].message).toContain("工作队数量（个）");
    expect(fs[0].message).toContain("年度指标值");
    expect(fs[1].message).toContain("访惠聚工作经费（万元）");
    expect(fs[1].message).toContain("实际完成值");
    const en = findings(check(await form2({ E14: "#N/A", F15: "#VALUE!" }), { lang: "en" }), "unparseable-value");
    expect(en.map((f) => / the (target|actual) /.exec(f.message)?.[1])).toEqual(["target", "actual"]);
  });

  test("an actual that cannot be read against a numeric target: a warning naming the indicator and the text; not against a text target", async () => {
    const fs = findings(check(await form2({ F14: "约八万" })), "unparseable-value");
    expect(fs.map((f) => [f.severity, f.cell, f.actual])).toEqual([["warning", "F14", "约八万"]]);
    expect(fs[0].message).toBe("「工作队数量（个）」实际完成值“约八万”读不出数值或日期，无法计算得分。");
    // a dated target read against text: the same
    expect(findings(check(await form2({ E14: "2020-12-31", F14: "年底前" })), "unparseable-value").map((f) => f.cell)).toEqual(["F14"]);
    // a qualitative target (text) with a text actual is judged otherwise: no finding here
    expect(findings(check(await form2({ F22: "较好" })), "unparseable-value")).toEqual([]);
  });
});
