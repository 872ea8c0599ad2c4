import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("funding-breakdown", () => {
  test("quiet when the 其中 rows add up (blank and / count as 0)", async () => {
    expect(hits(check(await form2()), "funding-breakdown")).toEqual([]);
    expect(hits(check(onlySheets(await loadFixture("official"), "项目1")), "funding-breakdown")).toEqual([]);
  });
  test("fires per column on the total row's cell", async () => {
    const r = check(withCells(await form2(), "项目2", { D7: 7, F8: 1 }));
    expect(hits(r, "funding-breakdown")).toEqual(["error 项目2!D6 mismatch", "error 项目2!F6 mismatch"]);
    expect(findings(r, "funding-breakdown").find((f) => f.cell === "F6")).toMatchObject({ expected: 9, actual: 8 });
  });
  test("quiet when the breakdown is not filled in at all", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { D7: "", E7: "", F7: "" })), "funding-breakdown")).toEqual([]);
  });
});
