import { DEFAULT_OPTIONS, resolveOptions } from "../../src/core/options";
import { Parsed } from "../../src/core/parse";
import { direction, gradeOf, isRoundingOf, natureOp, round, sameAt2, scoreDate, scoreQualitative, scoreQuantitative, totalCap } from "../../src/core/scoring";

/**
 * The scoring rules of RULES.md §2 as plain functions, each threshold, operator and rounding held at the values just
 * either side of it (issue 38: a wrong rule must fail a test, which coverage alone does not say).
 */
const O = DEFAULT_OPTIONS;
const n = (value: number, unit = ""): Parsed => ({ kind: "number", op: null, value, unit });
const text = (t: string): Parsed => ({ kind: "text", text: t });
const q = (op: ">=" | "<=" | "=" | null, a: number, b: number, opts = O, w = 10, unit = "") =>
  scoreQuantitative({ op, value: a, unit }, { value: b, unit }, w, "指标", opts);

describe("direction and 指标性质", () => {
  test("the operator written decides; without one a money unit or a cost word means ≤", () => {
    expect(direction("<=", "", "x")).toBe("reverse");
    expect(direction("<", "", "x")).toBe("reverse");
    expect(direction(">=", "万元", "费用")).toBe("positive");
    expect(direction(">", "", "x")).toBe("positive");
    expect(direction(">", "万元", "x")).toBe("positive");
    expect(direction("=", "万元", "成本")).toBe("positive");
    expect(direction(null, "万元", "x")).toBe("reverse");
    expect(direction(null, "元", "x")).toBe("reverse");
    expect(direction(null, "", "培训费用")).toBe("reverse");
    expect(direction(null, "", "项目成本")).toBe("reverse");
    expect(direction(null, "", "资金")).toBe("reverse");
    // 资金到位率, 资金使用: a rate or a use of the funds, not a cost
    expect(direction(null, "", "资金到位率")).toBe("positive");
    expect(direction(null, "", "资金使用合规性")).toBe("positive");
    // a cost word beside a unit that is no money is a count
    expect(direction(null, "人次", "培训费用")).toBe("positive");
    expect(direction(null, "%", "成本")).toBe("positive");
    expect(direction(null, "", "培训人次")).toBe("positive");
  });

  test("scoreQuantitative takes the unit of the actual when the target has none", () => {
    const s = scoreQuantitative({ op: null, value: 10, unit: "" }, { value: 12, unit: "万元" }, 10, "x", O);
    expect(s.method).toBe("reverse");
    expect(s.expected).toBeCloseTo((10 / 12) * 10, 9);
    expect(s.met).toBe(false);
  });

  test("natureOp reads the 指标性质 cell", () => {
    for (const t of ["≥", "≧", ">=", ">", "＞", "正向", "不低于", "不少于", "大于等于", " ≥ 90 "]) expect(natureOp(t)).toBe(">=");
    for (const t of ["≤", "≦", "<=", "<", "＜", "反向", "不高于", "不超过", "小于等于"]) expect(natureOp(t)).toBe("<=");
    for (const t of ["=", "＝", "等于"]) expect(natureOp(t)).toBe("=");
    expect(natureOp("定性")).toBe("qualitative");
    expect(natureOp("属定性指标")).toBe("qualitative");
    // only at the start: an operator further on is no 指标性质
    for (const t of ["", "   ", "其他", "数量≥", "数量≤", "数量=", "反之"]) expect([t, natureOp(t)]).toEqual([t, null]);
  });
});

describe("quantitative scores (RULES.md §2)", () => {
  test("positive: met at the target, a share of the weight below it, never below 0", () => {
    expect(q(">=", 100, 100)).toEqual({ method: "positive", expected: 10, range: null, met: true, over: null, unitMismatch: null });
    expect(q(">=", 100, 90)).toMatchObject({ expected: 9, met: false });
    expect(q(">=", 100, 99.99).expected).toBeCloseTo(9.999, 9);
    expect(q(">=", 100, 99.99).met).toBe(false);
    expect(q(">=", 100, -5)).toMatchObject({ expected: 0, met: false });
    // a target of 0 (or less) is met by anything
    expect(q(">=", 0, -1)).toMatchObject({ expected: 10, met: true, over: null });
    expect(q(">=", 0, 5)).toMatchObject({ expected: 10, met: true, over: null });
    expect(q(">=", -2, -3)).toMatchObject({ expected: 10, met: true });
  });

  test("over-achievement: more than 30% over the target (B ÷ A − 1), a deduction only when one is set", () => {
    expect(q(">=", 100, 130).over).toBeNull();
    expect(q(">=", 100, 100 * 1.3 + 1e-12).over).toBeNull();
    expect(q(">=", 100, 90).over).toBeNull();
    expect(q(">=", 100, 129).over).toBeNull();
    expect(q(">=", 100, 130.01).over).toBeCloseTo(0.3001, 9);
    const over = q(">=", 100, 150);
    expect(over.over).toBeCloseTo(0.5, 12);
    expect(over.expected).toBe(10);
    expect(over.met).toBe(true);
    const strict = resolveOptions({ overachievementThreshold: 0.1, overachievementDeduction: 2 });
    expect(q(">=", 100, 110, strict)).toMatchObject({ expected: 10, over: null });
    expect(q(">=", 100, 111, strict).expected).toBe(8);
    expect(q(">=", 100, 111, strict).over).toBeCloseTo(0.11, 12);
    expect(q(">=", 100, 150, resolveOptions({ overachievementDeduction: 20 })).expected).toBe(0);
    // no deduction set: over is reported, the score stays the weight
    expect(q(">=", 100, 200, resolveOptions({ overachievementDeduction: 0 })).expected).toBe(10);
  });

  test("reverse (≤): met at or under the target; over it a / b of the weight, or the linear formula", () => {
    expect(q("<=", 10, 8)).toEqual({ method: "reverse", expected: 10, range: null, met: true, over: null, unitMismatch: null });
    expect(q("<=", 10, 10)).toMatchObject({ expected: 10, met: true });
    expect(q("<=", 10, 12).expected).toBeCloseTo((10 / 12) * 10, 12);
    expect(q("<=", 10, 12).met).toBe(false);
    expect(q("<=", 10, 12).over).toBeNull();
    const linear = resolveOptions({ reverseFormula: "linear" });
    expect(q("<=", 10, 12, linear).expected).toBeCloseTo(8, 12);
    expect(q("<=", 10, 15, linear).expected).toBeCloseTo(5, 12);
    expect(q("<=", 10, 25, linear).expected).toBe(0);
    expect(q("<=", 10, 10, linear).expected).toBe(10);
    // a target of 0 met exactly
    expect(q("<=", 0, 0)).toMatchObject({ expected: 10, met: true });
    // a target of 0 or below exceeded: no score
    expect(q("<=", 0, 5).expected).toBe(0);
    expect(q("<=", -1, 5).expected).toBe(0);
    expect(q("<=", -1, 5, linear).expected).toBe(0);
  });

  test("an operator override wins over the target's, and units that cannot be compared give no score", () => {
    const s = scoreQuantitative({ op: ">=", value: 10, unit: "" }, { value: 12, unit: "" }, 10, "x", O, "<=");
    expect(s.method).toBe("reverse");
    expect(s.expected).toBeCloseTo(10 * (10 / 12), 12);
    const m = scoreQuantitative({ op: null, value: 10, unit: "万元" }, { value: 12, unit: "人" }, 10, "x", O);
    expect(m).toEqual({ method: "reverse", expected: null, range: null, met: null, over: null, unitMismatch: { target: "万元", actual: "人" } });
    // 万元 against 元 is one quantity at two scales: 1 万元 ≤ 12000 元 is not met
    const scaled = scoreQuantitative({ op: "<=", value: 1, unit: "万元" }, { value: 12000, unit: "元" }, 10, "x", O);
    expect(scaled.expected).toBeCloseTo((10000 / 12000) * 10, 12);
  });
});

describe("qualitative tiers (RULES.md §2: 80% and 60% of the weight by default)", () => {
  const Q = (actual: Parsed, opts = O) => scoreQualitative("全面落实", actual, 10, opts);
  test("a fraction of completion falls in one tier; only a whole completion is met", () => {
    expect(Q(n(1, "%"))).toEqual({ method: "qualitative", expected: null, over: null, unitMismatch: null, range: [8, 10], met: true });
    expect(Q(n(0.85, "%"))).toMatchObject({ range: [8, 10], met: null });
    expect(Q(n(0.8, "%"))).toMatchObject({ range: [8, 10], met: null });
    expect(Q(n(0.79, "%"))).toMatchObject({ range: [6, 8], met: false });
    expect(Q(n(0.6, "%"))).toMatchObject({ range: [6, 8], met: false });
    expect(Q(n(0.59, "%"))).toMatchObject({ range: [0, 6], met: false });
    expect(Q(n(0.5, "%"))).toMatchObject({ range: [0, 6], met: false });
    expect(Q(n(1.2, "%"))).toMatchObject({ range: [8, 10], met: true });
  });
  test("a bare number is a percentage above 1 and a fraction at or below it", () => {
    expect(Q(n(85))).toMatchObject({ range: [8, 10], met: null });
    expect(Q(n(70))).toMatchObject({ range: [6, 8], met: false });
    expect(Q(n(1))).toMatchObject({ range: [8, 10], met: true });
    expect(Q(n(0.7))).toMatchObject({ range: [6, 8], met: false });
    expect(Q(n(150))).toMatchObject({ range: [8, 10], met: true });
    // a count is no completion
    expect(Q(n(5, "人"))).toMatchObject({ range: [0, 10], met: null });
  });
  test("words: done, not done, the target repeated; anything else is left to judgment", () => {
    expect(Q(text("已完成"))).toMatchObject({ range: [8, 10], met: true });
    expect(Q(text("达标"))).toMatchObject({ range: [8, 10], met: true });
    expect(Q(text("全面落实。"))).toMatchObject({ range: [8, 10], met: true });
    expect(Q(text("全面 落实"))).toMatchObject({ range: [8, 10], met: true });
    expect(Q(text("未完成"))).toMatchObject({ range: [0, 6], met: false });
    expect(Q(text("否"))).toMatchObject({ range: [0, 6], met: false });
    expect(Q(text("部分完成"))).toMatchObject({ range: [0, 10], met: null });
    expect(Q({ kind: "blank" })).toMatchObject({ range: [0, 10], met: null });
  });
  test("tiers follow the options", () => {
    const t = resolveOptions({ qualitativeTiers: { achieved: 0.9, partly: 0.5 } });
    expect(Q(n(0.9, "%"), t)).toMatchObject({ range: [9, 10], met: null });
    expect(Q(n(0.89, "%"), t)).toMatchObject({ range: [5, 9], met: false });
    expect(Q(n(0.5, "%"), t)).toMatchObject({ range: [5, 9], met: false });
    expect(Q(n(0.49, "%"), t)).toMatchObject({ range: [0, 5], met: false });
  });
});

describe("deadlines", () => {
  const target = { op: "<=" as const, year: 2023, month: 6, day: 30 };
  const day = (year: number | null, month: number, d: number): Parsed => ({ kind: "date", op: null, year, month, day: d });
  const D = (actual: Parsed, t: { op: "<=" | null; year: number | null; month: number; day: number } = target, year = 2023) => scoreDate(t, actual, 10, year, O);
  test("on the day or before: the weight; a day late: not met, at most the achieved tier", () => {
    expect(D(day(2023, 6, 30))).toEqual({ method: "date", over: null, unitMismatch: null, expected: 10, range: null, met: true });
    expect(D(day(2023, 6, 1))).toMatchObject({ expected: 10, met: true });
    expect(D(day(2023, 7, 1))).toEqual({ method: "date", over: null, unitMismatch: null, expected: null, range: [0, 8], met: false });
    expect(D(day(2024, 1, 1))).toMatchObject({ met: false });
  });
  test("a side without its year takes the other's, then the form's", () => {
    // 6月1日 against 2022-06-30: the actual is read in 2022, on time (in the form's 2023 it would be late)
    expect(D(day(null, 6, 1), { op: "<=", year: 2022, month: 6, day: 30 })).toMatchObject({ met: true });
    expect(D(day(null, 7, 1), { op: "<=", year: 2024, month: 6, day: 30 })).toMatchObject({ met: false });
    // 12月31日前 against 2024-01-05: the target is read in 2024
    expect(D(day(2024, 1, 5), { op: "<=", year: null, month: 12, day: 31 })).toMatchObject({ met: true });
    expect(D(day(2022, 12, 31), { op: "<=", year: null, month: 6, day: 30 })).toMatchObject({ met: false });
    // neither written: the form's year
    expect(D(day(null, 7, 1), { op: "<=", year: null, month: 6, day: 30 }, 2024)).toMatchObject({ met: false });
  });
  test("words and percentages", () => {
    expect(D(text("按时完成"))).toMatchObject({ expected: 10, range: null, met: true });
    expect(D(text(" 已 完成 "))).toMatchObject({ expected: 10, met: true });
    expect(D(text("未完成"))).toMatchObject({ expected: null, range: [0, 10], met: null });
    expect(D(n(1, "%"))).toMatchObject({ expected: null, range: [8, 10], met: true });
    expect(D(n(1.2, "%"))).toMatchObject({ range: [8, 10], met: true });
    expect(D(n(0.7, "%"))).toMatchObject({ range: [6, 8], met: false });
    expect(D(n(0.99, "%"))).toMatchObject({ range: [8, 10], met: false });
    expect(D(n(100))).toMatchObject({ expected: null, range: [0, 10], met: null });
  });
});

describe("rounding and grades (RULES.md §2: two decimals, half-up)", () => {
  test("half-up at .005, on the decimal value", () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(1.004, 2)).toBe(1);
    expect(round(2.675, 2)).toBe(2.68);
    expect(round(8.45, 1)).toBe(8.5);
    expect(round(8.5, 0)).toBe(9);
  });
  test("sameAt2 compares at two decimals", () => {
    expect(sameAt2(1.004, 1)).toBe(true);
    expect(sameAt2(1.005, 1)).toBe(false);
    expect(sameAt2(9.994, 9.99)).toBe(true);
    expect(sameAt2(9.995, 9.99)).toBe(false);
    expect(sameAt2(1, 2)).toBe(false);
    expect(sameAt2(2, 1)).toBe(false);
  });
  test("a written score is a rounding of the computed one at 0 or 1 decimal", () => {
    expect(isRoundingOf(9, 8.6)).toBe(true);
    expect(isRoundingOf(8.6, 8.63)).toBe(true);
    expect(isRoundingOf(8.7, 8.65)).toBe(true);
    expect(isRoundingOf(8.6, 8.65)).toBe(false);
    expect(isRoundingOf(8.63, 8.634)).toBe(false);
    expect(isRoundingOf(8, 8.6)).toBe(false);
    expect(isRoundingOf(8.63, 8.63)).toBe(false);
  });
  test("grades at 90 / 80 / 60, the total taken at two decimals", () => {
    const cases: Array<[number, string]> = [
      [100, "优"], [90, "优"], [89.995, "优"], [89.994, "良"], [89.99, "良"], [80, "良"], [79.995, "良"], [79.99, "中"],
      [60, "中"], [59.995, "中"], [59.994, "差"], [0, "差"],
    ];
    for (const [t, g] of cases) expect([t, gradeOf(t)]).toEqual([t, g]);
  });
  test("the execution-rate cap on the total", () => {
    const cases: Array<[number, number | null]> = [
      [0, 59], [0.49, 59], [0.5, 69], [0.59, 69], [0.6, 79], [0.69, 79], [0.7, 89], [0.79, 89], [0.8, null], [1, null],
    ];
    for (const [r, cap] of cases) expect([r, totalCap(r)]).toEqual([r, cap]);
  });
});
