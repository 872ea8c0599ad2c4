import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

describe("form-unfilled", () => {
  test("fires once on an unfilled export, with no per-cell missing-value and no grade", async () => {
    const r = check(onlySheets(await loadFixture("family-b-sichuan-2023"), "未填写（导出）"));
    expect(hits(r, "form-unfilled")).toEqual(["warning 未填写（导出）!H15 unfilled"]);
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

describe("form-unfilled stands for every other finding of the form", () => {
  test("an unfilled export at 80% execution with only the instruction in 原因: still the one finding", async () => {
    const wb = withCells(onlySheets(await loadFixture("family-b-sichuan-2023"), "未填写（导出）"), "未填写（导出）", { E9: 201.51, F9: [0.8, "0.00%"] });
    expect(findings(check(wb)).map((f) => f.rule)).toEqual(["form-unfilled"]);
  });
});
