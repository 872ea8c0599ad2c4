import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const RULE = "score-high-for-spending";
const S = "棠溪镇（植入审核提示）";

describe(RULE, () => {
  test("planted: 45 of 89.974 executed (50%), 总分 95 in the 优 band: a warning naming the cap bands", async () => {
    const r = check(onlySheets(await loadFixture("review-hints"), S));
    expect(hits(r, RULE)).toEqual([`warning ${S}!H26 high`]);
    const f = findings(r, RULE)[0];
    expect(f.message).toContain("50.01%");
    expect(f.message).toContain("低于 60% 不超过 69 分");
    expect(r.forms[0].verdict.kind).not.toBe("fix");
  });
  test("quiet at 60% or above, below the 优 band, and when the cap setting is on (execution-cap judges then)", async () => {
    const wb = onlySheets(await loadFixture("review-hints"), S);
    expect(hits(check(withCells(wb, S, { F8: 60, F9: 60, H8: "66.69%", I8: 6.67, H26: 96.67 })), RULE)).toEqual([]);
    expect(hits(check(withCells(wb, S, { H26: 89 })), RULE)).toEqual([]);
    expect(hits(check(wb, { capTotalByExecutionRate: true }), RULE)).toEqual([]);
    expect(hits(check(await loadFixture("official")), RULE)).toEqual([]);
  });
});
