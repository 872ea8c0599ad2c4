import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("execution-exceeds-budget", () => {
  test("quiet when executed ≤ budget", async () => {
    expect(hits(check(await form2()), "execution-exceeds-budget")).toEqual([]);
  });
  test("fires on the 全年执行数 cell", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { F6: 9, F7: 9, H6: "112.5%" })), "execution-exceeds-budget")).toEqual(["warning 项目2!F6 exceeds"]);
  });
});
