import { check, findings, hits, loadFixture, onlySheets } from "../../support/workbooks";

describe("form-unfilled", () => {
  test("fires once on an unfilled export, with no per-cell missing-value and no grade", async () => {
    const r = check(onlySheets(await loadFixture("family-b-sichuan-2023"), "未填写（导出）"));
    expect(hits(r, "form-unfilled")).toEqual(["warning 未填写（导出）!H15"]);
    expect(findings(r).map((f) => f.rule)).toEqual(["form-unfilled"]);
    expect(r.forms[0].grade).toBeNull();
  });
  test("quiet on filled forms", async () => {
    for (const name of ["official", "family-b-sichuan-2023", "family-d-hubei-2020"]) {
      const r = check(await loadFixture(name));
      expect(hits(r, "form-unfilled").filter((h) => !h.includes("未填写"))).toEqual([]);
    }
  });
});
