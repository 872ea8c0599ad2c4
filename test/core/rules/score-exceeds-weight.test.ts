import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("score-exceeds-weight", () => {
  test("quiet when every score is within its weight", async () => {
    expect(hits(check(await form2()), "score-exceeds-weight")).toEqual([]);
  });
  test("fires above the weight and below zero, for indicators and the budget row", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { H14: 6, H15: -1, I6: 12 })), "score-exceeds-weight")).toEqual([
      "error 项目2!H14 exceeds",
      "error 项目2!H15 negative",
      "error 项目2!I6 exceeds",
    ]);
  });
});
