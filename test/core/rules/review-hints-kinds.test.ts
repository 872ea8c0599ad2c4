import { IndicatorAnalysis } from "../../../src/core/analyse/types";
import { goodTarget, kindOf } from "../../../src/core/rules/review-hints";

/**
 * The kind of an indicator for the review hints (issue 38: kindOf's 一级 fallbacks survived mutation): its 二级 label
 * decides (成本, 时效/进度, 数量, 质量); without one of those, the 一级 category (满意度 → satisfaction, 效益 → outcome);
 * else none. Only the fields kindOf reads.
 */
const ind = (level2: string, category: string | null) => ({ layout: { level2, category } }) as unknown as IndicatorAnalysis;

describe("kindOf", () => {
  test("the 二级 label decides", () => {
    expect(kindOf(ind("成本指标", "output"))).toBe("cost");
    expect(kindOf(ind("时效指标", "output"))).toBe("time");
    expect(kindOf(ind("进度指标", "output"))).toBe("time");
    expect(kindOf(ind("数量指标", "output"))).toBe("quantity");
    expect(kindOf(ind("质量指标", "output"))).toBe("quality");
    // a 二级 of its own kind wins over the 一级 category
    expect(kindOf(ind("数量指标", "satisfaction"))).toBe("quantity");
  });
  test("otherwise the 一级 category: satisfaction, outcome, or none", () => {
    expect(kindOf(ind("服务对象满意度指标", "satisfaction"))).toBe("satisfaction");
    expect(kindOf(ind("社会效益指标", "outcome"))).toBe("outcome");
    expect(kindOf(ind("", "outcome"))).toBe("outcome");
    expect(kindOf(ind("", "satisfaction"))).toBe("satisfaction");
    expect(kindOf(ind("其他指标", "output"))).toBeNull();
    expect(kindOf(ind("", null))).toBeNull();
  });
  test("the time advice names the form's year", () => {
    expect(goodTarget("time", 2022)).toEqual({ zh: "时效指标应写明本年度内的完成时限，如“2022年12月31日前”。", en: "A 时效指标 gives a deadline within the year, e.g. “2022年12月31日前”." });
  });
});
