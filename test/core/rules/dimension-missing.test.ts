import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const RULE = "dimension-missing";

describe(RULE, () => {
  test("the 稷山县 2022 county copy has no 成本指标 (财预〔2021〕101号): one warning on the indicator header", async () => {
    expect(hits(check(onlySheets(await loadFixture("family-a-county"), "稷山县（附件1）")), RULE)).toEqual(["warning 稷山县（附件1）!B14 noCost"]);
  });
  test("a form without any 效益指标: the 效益 rows renamed to 数量指标 rows", async () => {
    const wb = onlySheets(await loadFixture("review-hints"), "棠溪镇委托业务（原表）");
    const edited = withCells(wb, "棠溪镇委托业务（原表）", { B22: "产出指标", C22: "数量指标", C23: "数量指标", C24: "数量指标" });
    expect(hits(check(edited), RULE)).toEqual(["warning 棠溪镇委托业务（原表）!B14 noOutcome"]);
  });
  test("quiet: a 2022 form with 成本 and 效益 rows, a 2020 form (before 101号), a Sichuan 2023 form, a form cut short", async () => {
    expect(hits(check(onlySheets(await loadFixture("review-hints"), "棠溪镇委托业务（原表）")), RULE)).toEqual([]);
    expect(hits(check(await loadFixture("official")), RULE)).toEqual([]);
    expect(hits(check(await loadFixture("family-b-sichuan-2023")), RULE)).toEqual([]);
    expect(hits(check(await loadFixture("truncated")), RULE)).toEqual([]);
  });
  test("--config switches it off", async () => {
    expect(hits(check(await loadFixture("family-a-county"), { rules: { [RULE]: "off" } }), RULE)).toEqual([]);
  });
});
