import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

describe("section-unreadable", () => {
  test("fires on a budget section whose header row is lost: names it, figures null, no grade", async () => {
    const r = check(onlySheets(await loadFixture("family-b-sichuan-2023"), "缺预算表头"));
    expect(hits(r, "section-unreadable")).toEqual(["warning 缺预算表头!A8 unreadable"]);
    expect(r.forms[0]).toMatchObject({ grade: null, unchecked: ["funds"], budget: { executionRate: null, score: null } });
    expect(hits(r, "total-score")).toEqual([]); // the budget score could not be read: the sum is not judged
  });
  test("fires when the budget cells hold no number (the caption read as the value column)", async () => {
    const wb = onlySheets(await loadFixture("family-b-sichuan-2023"), "项目支出（导出）");
    const r = check(withCells(wb, "项目支出（导出）", { D9: "总额" }));
    expect(hits(r, "section-unreadable")).toEqual(["warning 项目支出（导出）!A8 unreadable"]);
    expect(r.forms[0].grade).toBeNull();
    expect(r.forms[1].grade).toBe("优");
  });
  test("fires on an indicator table without a score column", async () => {
    const wb = onlySheets(await loadFixture("family-c-sichuan-county"), "衔接资金（无误）");
    const r = check(withCells(wb, "衔接资金（无误）", { G9: "小计" }));
    expect(hits(r, "section-unreadable")).toEqual(["warning 衔接资金（无误）!A9 unreadable"]);
    expect(r.forms[0].grade).toBeNull();
  });
  test("quiet on every form that reads whole", async () => {
    for (const name of ["official", "family-a-county", "family-c-sichuan-county", "family-d-hubei-2020"]) expect(hits(check(await loadFixture(name)), "section-unreadable")).toEqual([]);
  });
});
