import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const RULE = "indicator-misfiled";

describe(RULE, () => {
  test("四川 2023 工资性支出 as published: 结余率 under 经济效益指标 (info)", async () => {
    const r = check(onlySheets(await loadFixture("review-hints"), "工资性支出（四川2023）"));
    expect(hits(r, RULE)).toEqual(["info 工资性支出（四川2023）!D18 budget"]);
  });
  test("planted on 棠溪镇: 参建单位满意度 under 效益指标 (info), with what a 满意度 target looks like", async () => {
    const S = "棠溪镇（植入审核提示）";
    const r = check(onlySheets(await loadFixture("review-hints"), S));
    expect(hits(r, RULE)).toEqual([`info ${S}!D23 satisfaction`]);
    expect(findings(r, RULE)[0].message).toContain("服务对象满意度≥90%");
  });
  test("quiet: satisfaction under 满意度, 执行率 under 产出; and a warning when the setting says so", async () => {
    expect(hits(check(await loadFixture("official")), RULE)).toEqual([]);
    const S = "工资性支出（四川2023）";
    const wb = onlySheets(await loadFixture("review-hints"), S);
    expect(hits(check(withCells(wb, S, { D18: "人员经费保障程度" })), RULE)).toEqual([]);
    expect(hits(check(wb, { rules: { [RULE]: "warning" } }), RULE)).toEqual([`warning ${S}!D18 budget`]);
  });
});
