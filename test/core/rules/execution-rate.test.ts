import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("execution-rate", () => {
  test("quiet when the written rate is 全年执行数 ÷ 全年预算数", async () => {
    expect(hits(check(await form2()), "execution-rate")).toEqual([]);
  });
  test("fires on a wrong rate, with expected and actual", async () => {
    const r = check(withCells(await form2(), "项目2", { H6: "90%" }));
    expect(hits(r, "execution-rate")).toEqual(["error 项目2!H6 wrong"]);
    expect(findings(r, "execution-rate")[0]).toMatchObject({ expected: 1, actual: 0.9 });
  });
  test("uses 全年预算数, not 年初预算数", async () => {
    // initial 10, annual 8, executed 8: the rate is 100% (against the adjusted budget), not 80%
    expect(hits(check(withCells(await form2(), "项目2", { D6: 10, D7: 10 })), "execution-rate")).toEqual([]);
    expect(hits(check(withCells(await form2(), "项目2", { D6: 10, D7: 10, H6: "80%" })), "execution-rate")).toEqual(["error 项目2!H6 wrong"]);
  });
  test("missing rate is a warning", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { H6: "" })), "execution-rate")).toEqual(["warning 项目2!H6 missing"]);
  });
  test("a rounded rate is info; a percent-formatted number is read as a percentage", async () => {
    const wb = withCells(await form2(), "项目2", { E6: 3, F6: 2, D6: 3, E7: 3, F7: 2, D7: 3, H6: "67%", I6: 6.67 });
    expect(hits(check(wb), "execution-rate")).toEqual(["info 项目2!H6 rounded"]);
    const wb2 = withCells(wb, "项目2", { H6: [2 / 3, "0.00%"] });
    expect(hits(check(wb2), "execution-rate")).toEqual([]);
  });
});
