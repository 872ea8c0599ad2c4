import { resolveOptions } from "../../src/core/options";
import { scoreQuantitative } from "../../src/core/scoring";

/**
 * The ratio a score came from (Score.ratio, shown in a finding's 计算过程): present exactly when the score is the
 * weight scaled by a ratio (RULES.md §2) — a positive indicator that missed its target (B ÷ A), a reverse indicator
 * over its target under the ratio formula (A ÷ B) — with the figures in the units compared and whether they are
 * fractions of a percent target. Never for a met target, a linear reverse formula, a zero target or an overachievement.
 */
const RATIO = resolveOptions({ reverseFormula: "ratio" });
const LINEAR = resolveOptions({ reverseFormula: "linear" });
const score = (op: "<=" | ">=", a: number, au: string, b: number, bu: string, opts = RATIO, w = 10) =>
  scoreQuantitative({ op, value: a, unit: au }, { value: b, unit: bu }, w, "指标", opts);

describe("reverse indicators (≤): the ratio A ÷ B under the ratio formula", () => {
  test("over its target: the score is A ÷ B × weight and the ratio is target over actual", () => {
    const s = score("<=", 10, "天", 20, "天");
    expect(s.method).toBe("reverse");
    expect(s.expected).toBeCloseTo(5, 9);
    expect(s.met).toBe(false);
    expect(s.ratio).toEqual({ num: 10, den: 20, percent: false });
  });

  test("a percent target: the figures are fractions and the ratio says percent", () => {
    const s = score("<=", 0.05, "%", 0.08, "%");
    expect(s.expected).toBeCloseTo((0.05 / 0.08) * 10, 9);
    expect(s.ratio).toEqual({ num: 0.05, den: 0.08, percent: true });
    // a bare actual against a percent target is read as a percent (8 → 0.08): still a percent ratio
    expect(score("<=", 0.05, "%", 8, "").ratio).toEqual({ num: 0.05, den: 0.08, percent: true });
  });

  test("on its target or under it: the full weight and no ratio", () => {
    const on = score("<=", 10, "天", 10, "天");
    expect(on.expected).toBe(10);
    expect(on.met).toBe(true);
    expect("ratio" in on).toBe(false);
    const under = score("<=", 10, "天", 7, "天");
    expect(under.expected).toBe(10);
    expect("ratio" in under).toBe(false);
  });

  test("the linear formula is no ratio: 1 − (B − A) ÷ A of the weight, no ratio shown", () => {
    const s = score("<=", 10, "天", 12, "天", LINEAR);
    expect(s.expected).toBeCloseTo(8, 9);
    expect("ratio" in s).toBe(false);
  });

  test("a zero target exceeded scores 0 and is no ratio (0 ÷ B is not how it was scored)", () => {
    const s = score("<=", 0, "起", 2, "起");
    expect(s.expected).toBe(0);
    expect(s.met).toBe(false);
    expect("ratio" in s).toBe(false);
    // an indicator of weight 0 scores 0 there under either formula (never NaN: 0 × (1 − B ÷ 0) is no score)
    expect(score("<=", 0, "起", 2, "起", LINEAR, 0).expected).toBe(0);
    expect(score("<=", 0, "起", 2, "起", RATIO, 0).expected).toBe(0);
  });
});

describe("positive indicators (≥): the ratio B ÷ A when the target is missed", () => {
  test("missed: B ÷ A × weight, the ratio actual over target; percent only for a percent target", () => {
    const s = score(">=", 100, "人", 80, "人");
    expect(s.expected).toBeCloseTo(8, 9);
    expect(s.ratio).toEqual({ num: 80, den: 100, percent: false });
    expect(score(">=", 0.9, "%", 0.6, "%").ratio).toEqual({ num: 0.6, den: 0.9, percent: true });
  });

  test("met, overachieved or against a target of 0 or less: no ratio", () => {
    expect("ratio" in score(">=", 100, "人", 100, "人")).toBe(false);
    const over = score(">=", 100, "人", 200, "人");
    expect(over.over).toBeCloseTo(1, 9);
    expect("ratio" in over).toBe(false);
    // a target of 0 is met by anything: the full weight, no ratio (B ÷ 0 is none)
    const zero = score(">=", 0, "%", -0.02, "%");
    expect(zero.expected).toBe(10);
    expect(zero.met).toBe(true);
    expect("ratio" in zero).toBe(false);
  });
});
