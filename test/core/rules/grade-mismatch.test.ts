import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const RULE = "grade-mismatch";
const S = "棠溪镇（植入审核提示）";

describe(RULE, () => {
  test("planted: 等级：良 printed in the 总分 row of a total of 95 (优)", async () => {
    const r = check(onlySheets(await loadFixture("review-hints"), S));
    expect(hits(r, RULE)).toEqual([`warning ${S}!I26 mismatch`]);
    expect(findings(r, RULE)[0]).toMatchObject({ expected: "优", actual: "良" });
  });
  test("a label 自评等级 with the grade in the next cell, and a grade on the row below the total", async () => {
    const wb = onlySheets(await loadFixture("review-hints"), S);
    expect(hits(check(withCells(wb, S, { I26: "", B27: "自评等级", D27: "差" })), RULE)).toEqual([`warning ${S}!D27 mismatch`]);
  });
  test("quiet when the grade is the total's, or none is printed", async () => {
    const wb = onlySheets(await loadFixture("review-hints"), S);
    expect(hits(check(withCells(wb, S, { I26: "等级：优" })), RULE)).toEqual([]);
    expect(hits(check(withCells(wb, S, { I26: "优秀" })), RULE)).toEqual([]);
    expect(hits(check(await loadFixture("official")), RULE)).toEqual([]);
  });
});
