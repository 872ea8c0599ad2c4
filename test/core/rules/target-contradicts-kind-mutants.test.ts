import { CellValue } from "../../../src/core/snapshot";
import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * target-contradicts-kind on the planted 棠溪镇 sheet (a 2022 form; issue 38: survivors of mutation). Rows: 16 数量指标
 * (≥50个), 17 质量指标 (≥110%: rateOver), 19 时效指标 (2023年3月31日前: dateLate), 20 成本指标 项目总成本 (≥90万元:
 * costPositive), 22 社会效益指标, 25 满意度指标 公众满意度 (≥90%).
 */
const RULE = "target-contradicts-kind";
const S = "棠溪镇（植入审核提示）";
/** the sheet with its three planted findings taken out, then the given cells */
const sheet = async (cells: Record<string, CellValue>) =>
  withCells(onlySheets(await loadFixture("review-hints"), S), S, { E17: "≥100%", E19: "2022年12月31日前", E20: "≤90万元", ...cells });
const only = async (cells: Record<string, CellValue>) => hits(check(await sheet(cells)), RULE);
const one = async (cells: Record<string, CellValue>, lang: "zh" | "en" = "zh") => {
  const fs = findings(check(await sheet(cells), { lang }), RULE);
  expect(fs).toHaveLength(1);
  return fs[0];
};

describe("costPositive: what is a cost", () => {
  test("the quiet base: no finding", async () => {
    expect(await only({})).toEqual([]);
  });
  test("any row under 成本指标 is a cost, whatever its name: “≥90万元” on 基建业务委托支出", async () => {
    expect(await only({ D20: "基建业务委托支出", E20: "≥90万元" })).toEqual([`warning ${S}!E20 costPositive`]);
  });
  test("outside 成本指标, an amount of money on a 经费/费用/成本 name is a cost; money on another name is not", async () => {
    expect(await only({ D16: "培训经费", E16: "≥5万元" })).toEqual([`warning ${S}!E16 costPositive`]);
    expect(await only({ D16: "会议费用", E16: "≥5万元" })).toEqual([`warning ${S}!E16 costPositive`]);
    expect(await only({ D16: "带动投资", E16: "≥5万元" })).toEqual([]);
  });
  test("“>” is as positive as “≥”; “≤” and “=” are not", async () => {
    expect(await only({ E20: ">90万元" })).toEqual([`warning ${S}!E20 costPositive`]);
    expect(await only({ E20: "=90万元" })).toEqual([]);
  });
  test("the message quotes the target as written, without its surrounding spaces, in each language", async () => {
    const f = await one({ E20: "  ≥90万元 " });
    expect(f.actual).toBe("≥90万元");
    expect(f.message).toBe("「项目总成本」是成本指标，年度指标值“≥90万元”却用了正向符号（花得越多越好）。成本指标应写明不超过的金额，如“≤45万元”。");
    const en = await one({ E20: "  ≥90万元 " }, "en");
    expect(en.message).toBe('"项目总成本" is a cost, but its target "≥90万元" has a positive operator (as if spending more were better). A 成本指标 gives the amount not to exceed, e.g. “≤45万元”.');
  });
  test("a row without a name is named （未命名指标）", async () => {
    const f = await one({ D20: "", E20: "≥90万元" });
    expect(f.message.startsWith("「（未命名指标）」是成本指标")).toBe(true);
  });
});

describe("noUnit: a bare number on a 数量指标", () => {
  test("“≥50” has no unit; “≥1” or “=1” may be a fraction (100%) and is not judged", async () => {
    expect(await only({ E16: "≥50" })).toEqual([`warning ${S}!E16 noUnit`]);
    expect(await only({ E16: "≥2" })).toEqual([`warning ${S}!E16 noUnit`]);
    expect(await only({ E16: "≥1" })).toEqual([]);
    expect(await only({ E16: "=0.95" })).toEqual([]);
  });
});

describe("dateLate: only a 时效指标 is judged by its date", () => {
  test("a 2023 date on the 时效 row is late on a 2022 form; the same date on the 数量 row is not this rule's", async () => {
    expect(await only({ E19: "2023年3月31日前" })).toEqual([`warning ${S}!E19 dateLate`]);
    expect(await only({ E16: "2023年3月31日前" })).toEqual([]);
  });
});

describe("rateOver: the advice follows the indicator's kind (review-hints kindOf)", () => {
  test("a 满意度 row: the satisfaction advice; a 效益 row: the outcome advice; a 质量 row: the quality advice", async () => {
    expect((await one({ E25: "≥105%" })).message).toBe("「公众满意度」的年度指标值 105% 超过 100%，比率目标最高为 100%。满意度指标应写明调查的满意率，如“服务对象满意度≥90%”。");
    expect((await one({ E22: "≥120%" })).message).toBe("「对维护基建市场公平的影响程度」的年度指标值 120% 超过 100%，比率目标最高为 100%。效益指标应写明可衡量的效果，如“受益农户数≥1000户”。");
    expect((await one({ E17: "≥110%" })).message).toBe("「委托业务报告合格率」的年度指标值 110% 超过 100%，比率目标最高为 100%。质量指标应写明可检验的比率，如“验收合格率≥95%”“=100%”。");
    expect((await one({ E22: "≥120%" }, "en")).message).toBe('"对维护基建市场公平的影响程度": the target 120% is above 100%; a rate target is at most 100%. A 效益指标 gives an effect that can be measured, e.g. “受益农户数≥1000户”.');
  });
});
