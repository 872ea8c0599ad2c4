import { check, findings, hits, loadFixture } from "../../support/workbooks";

describe("form-incomplete", () => {
  test("a truncated form (no 总分 row) is reported at its first cell, and what is there is still checked", async () => {
    const r = check(await loadFixture("truncated"));
    expect(hits(r, "form-incomplete")).toEqual(["error 项目1!A1 missing"]);
    expect(findings(r, "form-incomplete")[0].message).toContain("总分");
    expect(hits(r, "name-target-mismatch")).toEqual(["warning 项目1!E14 mismatch"]);
  });
  test("quiet on complete forms", async () => {
    expect(hits(check(await loadFixture("official")), "form-incomplete")).toEqual([]);
    expect(hits(check(await loadFixture("provincial")), "form-incomplete")).toEqual([]);
  });
});
