import { formatNumber, formatPercent, round2, roundTo } from "../../src/core/numbers";
import { fmt, r4 } from "../../src/core/findings";
import { roundShown, showNumber } from "../../src/core/present";
import { round } from "../../src/core/scoring";

describe("one rounding for what is shown and written (half-up at 2 decimals of the decimal value)", () => {
  test("1.005 is 1.01 everywhere: shown, written, and in messages", () => {
    // Math.round(1.005 * 100) / 100 is 1: the double is 1.00499999999999989…
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(round2(1.005)).toBe(1.01);
    expect(formatNumber(1.005)).toBe("1.01");
    expect(showNumber(1.005)).toBe("1.01");
    expect(fmt(1.005)).toBe("1.01");
    expect(roundShown(1.005)).toBe(1.01);
    expect(round(1.005, 2)).toBe(1.01);
  });

  test("ties away from zero, other values as a person rounds them", () => {
    expect(round2(2.675)).toBe(2.68);
    expect(round2(1.115)).toBe(1.12);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(93.799999999)).toBe(93.8);
    expect(round2(1.004)).toBe(1);
    expect(round2(8.5 * (9 / 10))).toBe(7.65);
    expect(roundTo(0.5, 0)).toBe(1);
    expect(roundTo(2.45, 1)).toBe(2.5);
    expect(roundTo(-0.001, 2)).toBe(0);
    expect(Object.is(roundTo(-0.001, 2), -0)).toBe(false);
  });

  test("large, tiny and non-finite numbers", () => {
    expect(round2(1e20)).toBe(1e20);
    expect(round2(123456789012.345)).toBe(123456789012.35);
    expect(round2(1e-9)).toBe(0);
    expect(round2(0.005)).toBe(0.01);
    expect(round2(Number.NaN)).toBeNaN();
    expect(round2(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  test("--json keeps its 4 decimals; percentages by the same rounding", () => {
    expect(r4(1.00005)).toBe(1.0001);
    expect(r4(93.33333333)).toBe(93.3333);
    expect(formatPercent(0.86185)).toBe("86.19%");
    expect(formatPercent(0.9)).toBe("90%");
  });
});
