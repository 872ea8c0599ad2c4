import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("unit-mismatch", () => {
  test("fires on the actual when its unit cannot be compared with the target's", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { F14: "1次" })), "unit-mismatch")).toEqual(["warning 项目2!F14 incomparable"]);
    expect(hits(check(withCells(await form2(), "项目2", { F18: "4人" })), "unit-mismatch")).toEqual(["warning 项目2!F18 incomparable"]);
  });
  test("quiet for convertible or missing units", async () => {
    expect(hits(check(await form2()), "unit-mismatch")).toEqual([]);
    expect(hits(check(withCells(await form2(), "项目2", { F18: "40000元", F14: "1" })), "unit-mismatch")).toEqual([]);
  });
});
