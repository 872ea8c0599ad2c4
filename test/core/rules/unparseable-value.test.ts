import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("unparseable-value", () => {
  test("quiet on a clean form", async () => {
    expect(hits(check(await form2()), "unparseable-value")).toEqual([]);
  });
  test("error values are errors, wherever they are", async () => {
    const r = check(withCells(await form2(), "项目2", { G14: "#REF!", H6: "#DIV/0!", F25: "#N/A" }));
    expect(hits(r, "unparseable-value")).toEqual(["error 项目2!F25 errorIn", "error 项目2!G14 errorValue", "error 项目2!H6 errorValue"]);
    expect(findings(r, "unparseable-value").find((f) => f.cell === "H6")?.actual).toBe("#DIV/0!");
  });
  test("text in a numeric column, and an actual that is not a number, are warnings", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { H14: "五分", F25: "十多次" })), "unparseable-value")).toEqual(["warning 项目2!F25 unreadableActual", "warning 项目2!H14 notNumber"]);
  });
});
