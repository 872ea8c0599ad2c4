import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form1 = async () => onlySheets(await loadFixture("official"), "项目1");

describe("budget-score", () => {
  test("quiet on seed form 1: 10 × 75% = 7.5", async () => {
    const r = check(await form1());
    expect(r.forms[0].budget).toEqual({ executionRate: 0.75, score: 7.5 });
    expect(hits(r, "budget-score")).toEqual([]);
  });
  test("above the rule is an error, below a warning, rounded is info", async () => {
    expect(hits(check(withCells(await form1(), "项目1", { I6: 10 })), "budget-score")).toEqual(["error 项目1!I6 wrong"]);
    expect(hits(check(withCells(await form1(), "项目1", { I6: 7 })), "budget-score")).toEqual(["warning 项目1!I6 wrong"]);
    expect(hits(check(withCells(await form1(), "项目1", { I6: 8 })), "budget-score")).toEqual(["info 项目1!I6 rounded"]);
    expect(findings(check(withCells(await form1(), "项目1", { I6: 10 })), "budget-score")[0]).toMatchObject({ expected: 7.5, actual: 10 });
  });
  test("the rate is capped at 100%", async () => {
    const r = check(withCells(await form1(), "项目1", { F6: 25, F7: 25, H6: "125%", I6: 10 }));
    expect(r.forms[0].budget.score).toBe(10);
    expect(hits(r, "budget-score")).toEqual([]);
  });
  test("missing score is a warning", async () => {
    expect(hits(check(withCells(await form1(), "项目1", { I6: "" })), "budget-score")).toEqual(["warning 项目1!I6 missing"]);
  });
});
