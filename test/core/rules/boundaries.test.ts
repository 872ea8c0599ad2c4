import { writtenPercentPlaces } from "../../../src/core/rules/execution-rate";
import { ValueCell } from "../../../src/core/analyse/types";
import { parseCell } from "../../../src/core/parse";
import { CellValue } from "../../../src/core/snapshot";
import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * Each rule's threshold held just either side (issue 38): a score at its weight and one hundredth over, a total at
 * 90 and 89.995 (half-up at two decimals), an execution rate at 60% / 80% / 90% and just under. The official 项目2
 * form is clean: budget 8 of 8 (100%, 10 of 10), indicators of weight 5 and 10 adding up to 100 at H27.
 */
const form2 = async (cells: Record<string, CellValue | [CellValue, string]> = {}) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);
const only = async (rule: string, cells: Record<string, CellValue | [CellValue, string]>, options = {}) => hits(check(await form2(cells), options), rule);

describe("score-exceeds-weight at the weight and at zero", () => {
  test("a score equal to its weight or 0 is fine; 0.01 over or under is not", async () => {
    expect(await only("score-exceeds-weight", { H14: 5 })).toEqual([]);
    expect(await only("score-exceeds-weight", { H14: 0 })).toEqual([]);
    expect(await only("score-exceeds-weight", { H14: 5.01 })).toEqual(["error 项目2!H14 exceeds"]);
    expect(await only("score-exceeds-weight", { H14: -0.01 })).toEqual(["error 项目2!H14 negative"]);
    expect(await only("score-exceeds-weight", { I6: 10 })).toEqual([]);
    expect(await only("score-exceeds-weight", { I6: 10.01 })).toEqual(["error 项目2!I6 exceeds"]);
    const r = check(await form2({ H14: 5.01, H15: -0.5 }));
    expect(findings(r, "score-exceeds-weight").map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ["H14", 5, 5.01],
      ["H15", 0, -0.5],
    ]);
  });
});

describe("execution-exceeds-budget at the budget", () => {
  test("executed = 全年预算数 is fine; 0.01 万元 more is a warning on 全年执行数", async () => {
    expect(await only("execution-exceeds-budget", { F6: 8, F7: 8 })).toEqual([]);
    expect(await only("execution-exceeds-budget", { F6: 8.01, F7: 8.01 })).toEqual(["warning 项目2!F6 exceeds"]);
    expect(findings(check(await form2({ F6: 8.01, F7: 8.01 })), "execution-exceeds-budget")[0]).toMatchObject({ expected: 8, actual: 8.01 });
  });
});

describe("execution-cap (on by a setting) at 80%", () => {
  const cap = { capTotalByExecutionRate: true };
  test("80% executed: no cap; 79.875%: the total is capped at 89", async () => {
    expect(await only("execution-cap", { F6: 6.4, F7: 6.4 }, cap)).toEqual([]);
    expect(await only("execution-cap", { F6: 6.39, F7: 6.39 }, cap)).toEqual(["error 项目2!H27 capped"]);
    expect(findings(check(await form2({ F6: 6.39, F7: 6.39 }), cap), "execution-cap")[0]).toMatchObject({ expected: 89, actual: 100 });
    // a total at the cap is fine, 0.01 over is not
    expect(await only("execution-cap", { F6: 6.39, F7: 6.39, H27: 89 }, cap)).toEqual([]);
    expect(await only("execution-cap", { F6: 6.39, F7: 6.39, H27: 89.01 }, cap)).toEqual(["error 项目2!H27 capped"]);
    // off by default
    expect(await only("execution-cap", { F6: 6.39, F7: 6.39 })).toEqual([]);
  });
});

describe("score-high-for-spending: 优 below 60% executed", () => {
  test("at 60% quiet, at 59.875% with a total of 优 a hint; not with the cap on, not below 优", async () => {
    expect(await only("score-high-for-spending", { F6: 4.8, F7: 4.8 })).toEqual([]);
    expect(await only("score-high-for-spending", { F6: 4.79, F7: 4.79 })).toEqual(["warning 项目2!H27 high"]);
    expect(await only("score-high-for-spending", { F6: 4.79, F7: 4.79 }, { capTotalByExecutionRate: true })).toEqual([]);
    // the total at two decimals: 89.995 is 90.00 (优), 89.994 is 89.99 (良)
    expect(await only("score-high-for-spending", { F6: 4.79, F7: 4.79, H27: 89.995 })).toEqual(["warning 项目2!H27 high"]);
    expect(await only("score-high-for-spending", { F6: 4.79, F7: 4.79, H27: 89.994 })).toEqual([]);
    expect(findings(check(await form2({ F6: 4.79, F7: 4.79 })), "score-high-for-spending")[0]).toMatchObject({ expected: null, actual: 100 });
  });
});

describe("weights-total and total-score at two decimals, half-up", () => {
  test("the weights add up to 100.004 (100.00) or 100.005 (100.01)", async () => {
    expect(await only("weights-total", { G14: 5.004 })).toEqual([]);
    expect(await only("weights-total", { G14: 5.005 })).toEqual(["error 项目2!G27 sum"]);
    expect(findings(check(await form2({ G14: 5.005 })), "weights-total")[0]).toMatchObject({ expected: 100, actual: 100.005 });
    expect(await only("weights-total", { G14: 4.995 })).toEqual([]);
    expect(await only("weights-total", { G14: 4.994 })).toEqual(["error 项目2!G27 sum"]);
  });
  test("the total row's weight", async () => {
    expect(await only("weights-total", { G27: 100.004 })).toEqual([]);
    expect(await only("weights-total", { G27: 100.005 })).toEqual(["error 项目2!G27 totalRow"]);
    expect(await only("weights-total", { G27: 99.995 })).toEqual([]);
    expect(await only("weights-total", { G27: 99.994 })).toEqual(["error 项目2!G27 totalRow"]);
    expect(findings(check(await form2({ G27: 99 })), "weights-total")[0]).toMatchObject({ expected: 100, actual: 99 });
  });
  test("总分 against the sum of the scores; a rounding of it is info unless rounding is not accepted", async () => {
    expect(await only("total-score", { H27: 100.004 })).toEqual([]);
    expect(await only("total-score", { H27: 100.005 })).toEqual(["error 项目2!H27 mismatch"]);
    expect(await only("total-score", { H27: 99.995 })).toEqual([]);
    expect(await only("total-score", { H27: 99.99 })).toEqual(["error 项目2!H27 mismatch"]);
    // Σ 99.6: 100 is its rounding, 99.6 is it
    expect(await only("total-score", { H14: 4.6, H27: 99.6 })).toEqual([]);
    expect(await only("total-score", { H14: 4.6 })).toEqual(["info 项目2!H27 rounded"]);
    expect(await only("total-score", { H14: 4.6 }, { acceptRounding: false })).toEqual(["error 项目2!H27 mismatch"]);
    expect(findings(check(await form2({ H14: 4.6 })), "total-score")[0]).toMatchObject({ expected: 99.6, actual: 100 });
  });
  test("the budget score: 10.004 is 10, 10.005 over, 9.99 under, rounding info", async () => {
    expect(await only("budget-score", { I6: 10.004 })).toEqual([]);
    expect(await only("budget-score", { I6: 9.995 })).toEqual([]);
    expect(await only("budget-score", { I6: 10.005 })).toEqual(["error 项目2!I6 wrong"]);
    expect(await only("budget-score", { I6: 9.99 })).toEqual(["warning 项目2!I6 wrong"]);
    // 7.5 computed at 75%: 8 and 7.5 written
    expect(await only("budget-score", { F6: 6, F7: 6, H6: "75%", I6: 8 })).toEqual(["info 项目2!I6 rounded"]);
    expect(await only("budget-score", { F6: 6, F7: 6, H6: "75%", I6: 8 }, { acceptRounding: false })).toEqual(["error 项目2!I6 wrong"]);
    expect(await only("budget-score", { F6: 6, F7: 6, H6: "75%", I6: 7.5 })).toEqual([]);
    expect(findings(check(await form2({ I6: 9.99 })), "budget-score")[0]).toMatchObject({ expected: 10, actual: 9.99 });
  });
});

describe("execution-rate: one unit in the last written place", () => {
  test("99.99% and 99.9% are rounding of 100% (info); 99.98% and 99.8% are wrong", async () => {
    expect(await only("execution-rate", { H6: "99.99%" })).toEqual(["info 项目2!H6 lastPlace"]);
    expect(await only("execution-rate", { H6: "99.9%" })).toEqual(["info 项目2!H6 lastPlace"]);
    expect(await only("execution-rate", { H6: "99.98%" })).toEqual(["error 项目2!H6 wrong"]);
    expect(await only("execution-rate", { H6: "99.8%" })).toEqual(["error 项目2!H6 wrong"]);
    expect(await only("execution-rate", { H6: "99.99%" }, { acceptRounding: false })).toEqual(["error 项目2!H6 wrong"]);
    expect(await only("execution-rate", { H6: "/" })).toEqual(["warning 项目2!H6 missing"]);
    expect(await only("execution-rate", { H6: [1, "0%"] })).toEqual([]);
    expect(await only("execution-rate", { H6: 1 })).toEqual([]);
    expect(await only("execution-rate", { H6: 100 })).toEqual([]);
    const f = findings(check(await form2({ H6: "99.98%" })), "execution-rate")[0];
    expect(f).toMatchObject({ expected: 1, actual: 0.9998 });
  });
  test("the fix writes the rate in the cell's own form", async () => {
    const fixOf = async (h6: CellValue | [CellValue, string]) => findings(check(await form2({ F6: 6, F7: 6, H6: h6 })), "execution-rate")[0]?.fix?.new;
    expect(await fixOf("80%")).toBe("75%");
    expect(await fixOf([0.8, "0%"])).toBe(0.75);
    expect(await fixOf(80)).toBe(75);
    expect(await fixOf(0.8)).toBe(0.75);
  });
  const cell = (raw: CellValue, format = "General"): ValueCell => {
    const parsed = parseCell(raw, format);
    return { cell: { row: 0, col: 0 }, raw, parsed, value: parsed.kind === "number" ? parsed.value : null };
  };
  test.each<[CellValue, string, number]>([
    [0.8619, "0.00%", 2],
    [0.86, "0%", 0],
    [0.8619, "General", 2],
    [86.19, "General", 2],
    [93, "General", 0],
    [1.5, "General", 0],
    [1.51, "General", 2],
    ["86.19%", "General", 2],
    ["93%", "General", 0],
    ["0.8619", "General", 2],
    ["86.2", "General", 1],
    ["1.5", "General", 0],
    ["1.51", "General", 2],
    ["5‰", "General", 0],
    ["5.25‰", "General", 1],
    ["约百分之九十", "General", 2],
  ])("writtenPercentPlaces(%p, %s) = %d", (raw, format, places) => {
    expect(writtenPercentPlaces(cell(raw, format))).toBe(places);
  });
});

describe("low-execution-unexplained at 90% and at the setting", () => {
  const wb = async (cells: Record<string, CellValue>) => withCells(onlySheets(await loadFixture("provincial"), "安全生产"), "安全生产", cells);
  test("75% without a reason fires, as does 89.95%; 90% does not; the threshold follows the options", async () => {
    expect(hits(check(await wb({})), "low-execution-unexplained")).toEqual(["error 安全生产!I6 noReason"]);
    expect(findings(check(await wb({})), "low-execution-unexplained")[0]).toMatchObject({ expected: null, actual: 0.75 });
    expect(hits(check(await wb({ E6: 17.99, E7: 17.99 })), "low-execution-unexplained")).toEqual(["error 安全生产!I6 noReason"]);
    expect(hits(check(await wb({ E6: 18, E7: 18 })), "low-execution-unexplained")).toEqual([]);
    expect(hits(check(await wb({}), { lowExecutionThreshold: 0.75 }), "low-execution-unexplained")).toEqual([]);
    expect(hits(check(await wb({}), { lowExecutionThreshold: 0.76 }), "low-execution-unexplained")).toEqual(["error 安全生产!I6 noReason"]);
  });
});

describe("block-score-exceeds-weight at the block's weight", () => {
  const wb = async (cells: Record<string, CellValue>) => withCells(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标"), "三个目标", cells);
  test("block 1 (30 分): 10 + 10 + 10 is fine, 10.01 over is not", async () => {
    expect(hits(check(await wb({ F15: 10 })), "block-score-exceeds-weight")).toEqual([]);
    expect(hits(check(await wb({ F15: 10.01 })), "block-score-exceeds-weight")).toEqual(["error 三个目标!A11 exceeds"]);
    expect(findings(check(await wb({ F15: 10.01 })), "block-score-exceeds-weight")[0]).toMatchObject({ expected: 30, actual: 30.01 });
  });
});

describe("indicator-score at the rule's score and at each tier's bounds", () => {
  test("quantitative (=1个, weight 5; 0.5 done → 2.5): above is an error, below a warning, a rounding info", async () => {
    const at = (h14: number, options = {}) => only("indicator-score", { F14: 0.5, H14: h14 }, options);
    expect(await at(2.5)).toEqual([]);
    expect(await at(2.504)).toEqual([]);
    expect(await at(5)).toEqual(["error 项目2!H14 above"]);
    expect(await at(2)).toEqual(["warning 项目2!H14 below"]);
    expect(await at(3)).toEqual(["info 项目2!H14 rounded"]);
    expect(await at(3, { acceptRounding: false })).toEqual(["error 项目2!H14 above"]);
    expect(findings(check(await form2({ F14: 0.5, H14: 2 })), "indicator-score")[0]).toMatchObject({ expected: 2.5, actual: 2, fix: { new: 2.5 } });
  });
  test("qualitative (weight 7, 70% done → 4.2–5.6): the bounds are in, 0.01 outside is not, a rounding of a bound is info", async () => {
    const at = (h22: number, options = {}) => only("indicator-score", { G22: 7, F22: "70%", H22: h22 }, options);
    expect(await at(5.6)).toEqual([]);
    expect(await at(4.2)).toEqual([]);
    expect(await at(5)).toEqual([]);
    expect(await at(5.605)).toEqual(["error 项目2!H22 outsideTier"]);
    expect(await at(5.604)).toEqual([]);
    expect(await at(5.61)).toEqual(["error 项目2!H22 outsideTier"]);
    expect(await at(4.19)).toEqual(["warning 项目2!H22 outsideTier"]);
    expect(await at(6)).toEqual(["info 项目2!H22 outsideTier"]);
    expect(await at(4)).toEqual(["info 项目2!H22 outsideTier"]);
    expect(await at(6, { acceptRounding: false })).toEqual(["error 项目2!H22 outsideTier"]);
    expect(await at(4, { acceptRounding: false })).toEqual(["warning 项目2!H22 outsideTier"]);
    expect(findings(check(await form2({ G22: 7, F22: "70%", H22: 7 })), "indicator-score")[0]).toMatchObject({ expected: "4.2–5.6", actual: 7 });
  });
});

describe("what each finding says: its figures in the message, its fix", () => {
  const said = async (rule: string, cells: Record<string, CellValue | [CellValue, string]>, options = {}) =>
    findings(check(await form2(cells), options), rule).map((f) => `${f.cell} ${f.message}`);
  test("budget, execution and weights", async () => {
    expect(await said("budget-score", { I6: "/" })).toEqual(["I6 预算执行得分未填写，应为 10。"]);
    expect(await said("execution-cap", { F6: 6.39, F7: 6.39 }, { capTotalByExecutionRate: true })).toEqual(["H27 执行率为 79.88%，总分不应超过 89，填写为 100。"]);
    expect(await said("execution-exceeds-budget", { F6: 8.01, F7: 8.01 })).toEqual(["F6 全年执行数 8.01 超过全年预算数 8，请核对；执行率按 100% 计分。"]);
    expect(await said("score-exceeds-weight", { H14: 5.01, H15: -0.5, I6: 10.01 })).toEqual([
      "I6 「预算执行」得分 10.01 超过分值 10。",
      "H14 「工作队数量（个）」得分 5.01 超过分值 5。",
      "H15 「访惠聚工作经费（万元）」得分 -0.5 为负数。",
    ]);
    expect(await said("weights-total", { G14: 5.005 })).toEqual(["G27 各项分值之和为 100.01，应为 100。"]);
    expect(findings(check(await form2({ G14: 5.005 })), "weights-total")[0].actualLabel).toBe("各项分值之和");
    expect(await said("weights-total", { G27: 99 })).toEqual(["G27 总分行的分值填写为 99，应为 100。"]);
    expect(await said("level1-weights", { G26: 20 })).toEqual(["G27 一级指标权重与默认不同：满意度指标 20（默认 10）；如属特殊情况调整，请确认。"]);
  });
  test("the rate and the scores, with the fix each offers", async () => {
    const withFix = async (rule: string, cells: Record<string, CellValue | [CellValue, string]>) =>
      findings(check(await form2(cells)), rule).map((f) => `${f.cell} ${f.message} → ${JSON.stringify(f.fix?.new)}`);
    expect(await withFix("execution-rate", { H6: "/" })).toEqual(["H6 执行率未填写，应为 100%（全年执行数 ÷ 全年预算数）。 → \"100%\""]);
    expect(await withFix("execution-rate", { H6: "99.98%" })).toEqual(["H6 执行率填写为 99.98%，按全年执行数 ÷ 全年预算数应为 100%。 → \"100%\""]);
    expect(await withFix("indicator-score", { G22: 7, F22: "70%", H22: 7 })).toEqual(["H22 「建档立卡户脱贫、一般户困难脱困」得分 7 不在定性指标分档允许的 4.2–5.6 分之间。 → 5.6"]);
    expect(await withFix("indicator-score", { G22: 7, F22: "70%", H22: 4 })).toEqual(["H22 「建档立卡户脱贫、一般户困难脱困」得分 4 不在定性指标分档允许的 4.2–5.6 分之间。 → 4.2"]);
  });
  test("a score is judged against a weight written in the form, not an inferred one (Hubei: block 1's 12 of an inferred 10)", async () => {
    expect(hits(check(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标")), "score-exceeds-weight")).toEqual([]);
  });
});
