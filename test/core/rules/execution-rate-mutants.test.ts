import { CellValue } from "../../../src/core/snapshot";
import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * execution-rate on the official 项目2 form (issue 38: survivors of mutation). Funds in row 6: 全年预算数 E6 = 8,
 * 全年执行数 F6, 执行率 H6 (the text "100%" as published), 得分 I6. RULES.md §2: the rate is F6 ÷ E6; a written rate
 * off by no more than one unit of its last written place is a rounding difference (info), otherwise an error; the
 * rate written back keeps the cell's form (a percent-formatted number stays a fraction shown as a percent, a General
 * number above 1.5 is percent points, at most 1.5 a fraction).
 */
const form2 = async (cells: Record<string, CellValue | [CellValue, string]>) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);
const rate = async (cells: Record<string, CellValue | [CellValue, string]>, lang: "zh" | "en" = "zh") => findings(check(await form2(cells), { lang }), "execution-rate");

describe("execution-rate: a difference within the last written place (lastPlace)", () => {
  test("87% written for 6.9 ÷ 8 = 86.25%: info, the message with both rates in each language, and its calculation step", async () => {
    const [f, ...more] = await rate({ F6: 6.9, F7: 6.9, H6: "87%" });
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: "info", cell: "H6", messageId: "lastPlace", expected: 0.8625, actual: 0.87, valueFormat: "percent" });
    expect(f.message).toBe("执行率填写为 87%，按全年执行数 ÷ 全年预算数为 86.25%，相差不超过所写末位的一个单位，属四舍五入差异；预算得分按算得的执行率判断。");
    const [en] = await rate({ F6: 6.9, F7: 6.9, H6: "87%" }, "en");
    expect(en.message).toBe(
      "The execution rate is written as 87%; executed ÷ annual budget gives 86.25%: within one unit of its last written place, a rounding difference (the budget score is judged from the computed rate).",
    );
    expect(f.steps).toHaveLength(1);
    expect(f.steps![0]).toMatchObject({ result: 0.8625, op: "÷" });
    expect(f.steps![0].terms.map((t) => [t.value, t.cell])).toEqual([
      [6.9, "F6"],
      [8, "E6"],
    ]);
  });

  test("text with a percent sign keeps its decimals: “1.2%” for 0.12 ÷ 8 = 1.5% is 0.3 points off, more than 0.1: an error", async () => {
    expect((await rate({ F6: 0.12, F7: 0.12, H6: "1.2%" })).map((f) => [f.severity, f.messageId])).toEqual([["error", "wrong"]]);
    // “1.4%” is within 0.1 point of 1.5%: rounding
    expect((await rate({ F6: 0.12, F7: 0.12, H6: "1.4%" })).map((f) => [f.severity, f.messageId])).toEqual([["info", "lastPlace"]]);
  });

  test("a fraction written as text (“0.87”) counts in percent points: two decimals of a fraction are whole points", async () => {
    expect((await rate({ F6: 6.9, F7: 6.9, H6: "0.87" })).map((f) => [f.severity, f.messageId, f.actual])).toEqual([["info", "lastPlace", 0.87]]);
    expect((await rate({ F6: 6.9, F7: 6.9, H6: "0.88" })).map((f) => [f.severity, f.messageId, f.actual])).toEqual([["error", "wrong", 0.88]]);
    // percent points as text (“87”): whole points too
    expect((await rate({ F6: 6.9, F7: 6.9, H6: "87" })).map((f) => [f.severity, f.messageId, f.actual])).toEqual([["info", "lastPlace", 0.87]]);
    expect((await rate({ F6: 6.9, F7: 6.9, H6: "88" })).map((f) => [f.severity, f.messageId])).toEqual([["error", "wrong"]]);
  });

  test("a percent-formatted rate above 150% (161% for 12.83 ÷ 8 = 160.375%) is still read in percent points, and written back as a fraction", async () => {
    const [f] = await rate({ F6: 12.83, F7: 12.83, H6: [1.61, "0%"] });
    expect(f).toMatchObject({ severity: "info", messageId: "lastPlace", expected: 1.6038, actual: 1.61 });
    expect(f.fix).toMatchObject({ address: "H6", old: 1.61, new: 1.6038, valueFormat: "percent" });
    // 163% is more than a point off
    expect((await rate({ F6: 12.83, F7: 12.83, H6: [1.63, "0%"] })).map((f) => [f.severity, f.messageId])).toEqual([["error", "wrong"]]);
  });
});

describe("execution-rate: the fix keeps the cell's form", () => {
  test("a General number of 1.5 is a fraction (150%): the computed 155% is written as 1.55, with no percent format", async () => {
    const [f] = await rate({ F6: 12.4, F7: 12.4, H6: 1.5 });
    expect(f).toMatchObject({ messageId: "wrong", expected: 1.55, actual: 1.5 });
    expect(f.fix).toMatchObject({ address: "H6", old: 1.5, new: 1.55 });
    expect(f.fix!.valueFormat).toBeUndefined();
  });
  test("a General fraction (0.9 for 86.25%) is written back as a fraction, not given a percent format", async () => {
    const [f] = await rate({ F6: 6.9, F7: 6.9, H6: 0.9 });
    expect(f.fix).toMatchObject({ old: 0.9, new: 0.8625 });
    expect(f.fix!.valueFormat).toBeUndefined();
    // percent points stay points
    const [g] = await rate({ F6: 6.9, F7: 6.9, H6: 90 });
    expect(g.fix).toMatchObject({ old: 90, new: 86.25 });
    expect(g.fix!.valueFormat).toBeUndefined();
    // a percent-formatted fraction keeps its format
    const [h] = await rate({ F6: 6.9, F7: 6.9, H6: [0.9, "0%"] });
    expect(h.fix).toMatchObject({ old: 0.9, new: 0.8625, valueFormat: "percent" });
  });
});

describe("execution-rate: missing", () => {
  test("a blank rate: a warning with the computed rate and its calculation step", async () => {
    const [f, ...more] = await rate({ F6: 6.9, F7: 6.9, H6: "" });
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: "warning", messageId: "missing", expected: 0.8625, actual: null });
    expect(f.message).toBe("执行率未填写，应为 86.25%（全年执行数 ÷ 全年预算数）。");
    expect(f.steps).toHaveLength(1);
    expect(f.steps![0]).toMatchObject({ result: 0.8625, op: "÷" });
    expect(f.steps![0].terms.map((t) => [t.value, t.cell])).toEqual([
      [6.9, "F6"],
      [8, "E6"],
    ]);
  });
});
