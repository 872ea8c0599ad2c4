import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const RULE = "target-not-measurable";
const sheet = async (fixture: string, name: string) => onlySheets(await loadFixture(fixture), name);

describe(RULE, () => {
  test("棠溪镇 2022 as published: the 质量, 时效 and 成本 rows with phrases for targets (warnings)", async () => {
    const r = check(await sheet("review-hints", "棠溪镇委托业务（原表）"));
    expect(hits(r, RULE)).toEqual(["warning 棠溪镇委托业务（原表）!E18 vague", "warning 棠溪镇委托业务（原表）!E19 vague", "warning 棠溪镇委托业务（原表）!E21 vague"]);
    // each says in one line what a good target of its kind looks like, in the form's words
    const [quality, time, cost] = findings(r, RULE).map((f) => f.message);
    expect(quality).toContain("质量指标应写明可检验的比率");
    expect(time).toContain("2022年12月31日前");
    expect(cost).toContain("≤45万元");
  });
  test("a placeholder (*, XX) and the template's own text", async () => {
    const wb = withCells(await sheet("review-hints", "棠溪镇委托业务（原表）"), "棠溪镇委托业务（原表）", { E18: "**", E19: "XX月XX日前", E21: "指标值" });
    expect(hits(check(wb), RULE)).toEqual(["warning 棠溪镇委托业务（原表）!E18 placeholder", "warning 棠溪镇委托业务（原表）!E19 placeholder", "warning 棠溪镇委托业务（原表）!E21 template"]);
  });
  test("quiet on measurable targets: numbers, dates, a number inside a phrase, and on 效益 phrases", async () => {
    const wb = withCells(await sheet("review-hints", "棠溪镇委托业务（原表）"), "棠溪镇委托业务（原表）", { E18: "100%合格", E19: "2022年12月31日前", E21: "≤3万元" });
    expect(hits(check(wb), RULE)).toEqual([]);
    // the seed forms: every 数量/质量/时效/成本 target is a number or a date (4次, 100%, ≦5万元, =4万元)
    expect(hits(check(await loadFixture("official")), RULE)).toEqual([]);
  });
  test("switched off by the settings, or shown as info", async () => {
    const wb = await sheet("review-hints", "棠溪镇委托业务（原表）");
    expect(hits(check(wb, { rules: { [RULE]: "off" } }), RULE)).toEqual([]);
    expect(hits(check(wb, { rules: { [RULE]: "info" } }), RULE).every((h) => h.startsWith("info "))).toBe(true);
    expect(hits(check(wb, { rules: { [RULE]: "info" } }), RULE)).toHaveLength(3);
  });
});
