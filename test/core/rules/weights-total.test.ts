import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("weights-total", () => {
  test("quiet when the weights add up to 100 (seed forms 1–4)", async () => {
    expect(hits(check(await loadFixture("official")), "weights-total")).toEqual([]);
  });
  test("fires on the 总分 row's 分值 cell", async () => {
    const r = check(withCells(await form2(), "项目2", { G14: 6, H14: 5 }));
    expect(hits(r, "weights-total")).toEqual(["error 项目2!G27 sum"]);
    expect(findings(r, "weights-total")[0]).toMatchObject({ expected: 100, actual: 101 });
  });
  test("fires when the total row's written weight is not 100", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { G27: 90 })), "weights-total")).toEqual(["error 项目2!G27 totalRow"]);
  });
});
