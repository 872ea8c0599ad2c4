import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const RULE = "target-contradicts-kind";
const S = "棠溪镇（植入审核提示）";

describe(RULE, () => {
  test("廊坊 2019 as published: the 数量指标 工程资金金额 with the bare target 43.2 (no unit)", async () => {
    expect(hits(check(onlySheets(await loadFixture("review-hints"), "廊坊暖通改造（原表）")), RULE)).toEqual(["warning 廊坊暖通改造（原表）!E16 noUnit"]);
  });
  test("planted on 棠溪镇: a rate target of 110%, a deadline in 2023 on a 2022 form, a cost written ≥90万元", async () => {
    const r = check(onlySheets(await loadFixture("review-hints"), S));
    expect(hits(r, RULE)).toEqual([`warning ${S}!E17 rateOver`, `warning ${S}!E19 dateLate`, `warning ${S}!E20 costPositive`]);
    expect(findings(r, RULE).find((f) => f.messageId === "costPositive")!.message).toContain("成本指标应写明不超过的金额");
  });
  test("quiet: ≤ on a cost, ≥100百分比 (= 100%), a growth rate above 100%, a deadline within the year, a unit given", async () => {
    const wb = withCells(onlySheets(await loadFixture("review-hints"), S), S, { E17: "≥100百分比", E19: "2022年12月31日前", E20: "≤90万元" });
    expect(hits(check(wb), RULE)).toEqual([]);
    const growth = withCells(onlySheets(await loadFixture("review-hints"), S), S, { D17: "业务量同比增长率", E19: "2022年12月31日前", E20: "≤90万元" });
    expect(hits(check(growth), RULE)).toEqual([]);
    expect(hits(check(await loadFixture("official")), RULE)).toEqual([]);
  });
  test("a severity override applies to every finding of the hint", async () => {
    const r = check(onlySheets(await loadFixture("review-hints"), S), { rules: { [RULE]: "info" } });
    expect(findings(r, RULE).map((f) => f.severity)).toEqual(["info", "info", "info"]);
  });
});
