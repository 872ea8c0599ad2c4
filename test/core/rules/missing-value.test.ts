import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("missing-value", () => {
  test("quiet on a complete form; N/A rows (三级 /) are skipped", async () => {
    expect(hits(check(await form2()), "missing-value")).toEqual([]);
  });
  test("a missing weight or score is an error, a missing target or actual a warning", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { G14: "", H15: "/", E16: "", F17: "" })), "missing-value")).toEqual([
      "error 项目2!G14 missing",
      "error 项目2!H15 missing",
      "warning 项目2!E16 missing",
      "warning 项目2!F17 missing",
    ]);
  });
  test("the budget row's amounts", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { F6: "" })), "missing-value")).toEqual(["error 项目2!F6 missing"]);
  });
});
