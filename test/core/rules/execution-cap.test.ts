import { check, hits, loadFixture, onlySheets } from "../../support/workbooks";

describe("execution-cap", () => {
  test("off by default", async () => {
    expect(hits(check(onlySheets(await loadFixture("official"), "项目1")), "execution-cap")).toEqual([]);
  });
  test("with the setting on, 75% execution caps the total at 89", async () => {
    const r = check(onlySheets(await loadFixture("official"), "项目1"), { capTotalByExecutionRate: true });
    expect(hits(r, "execution-cap")).toEqual(["error 项目1!H26 capped"]);
    expect(r.forms[0].totals.recalculatedScore).toBe(89);
    expect(r.forms[0].grade).toBe("良");
  });
  test("quiet at 100% execution", async () => {
    expect(hits(check(onlySheets(await loadFixture("official"), "项目2"), { capTotalByExecutionRate: true }), "execution-cap")).toEqual([]);
  });
});
