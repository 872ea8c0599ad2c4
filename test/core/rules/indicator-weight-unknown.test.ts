import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

describe("indicator-weight-unknown", () => {
  test("one info per form when two rows of a block are unmet: their scores are not judged, the form is still graded", async () => {
    const r = check(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标"));
    expect(hits(r, "indicator-weight-unknown")).toEqual(["info 三个目标!F18 unknown"]);
    expect(findings(r, "indicator-weight-unknown")[0].message).toContain("按填写的得分评级");
    expect(hits(r, "indicator-score")).toEqual([]);
    expect(r.forms[0].grade).toBe("优");
  });
  test("quiet when the unmet row is the only one of its block: its weight is the remainder and its score is judged", async () => {
    const wb = onlySheets(await loadFixture("family-d-hubei-2020"), "两个目标");
    expect(hits(check(wb), "indicator-weight-unknown")).toEqual([]);
    // 3 of 4 次: remainder 40 − 30 = 10, the rule gives 7.5; 9 written is too much
    const r = check(withCells(wb, "两个目标", { F16: 9 }));
    expect(hits(r, "indicator-weight-unknown")).toEqual([]);
    expect(findings(r, "indicator-score")).toEqual([expect.objectContaining({ severity: "error", cell: "F16", expected: 7.5, actual: 9 })]);
  });
});
