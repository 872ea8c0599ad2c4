import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("level1-weights", () => {
  test("quiet at 50/30/10/10, including form 4 whose 效益 label is missing (inferred from 二级)", async () => {
    for (const s of ["项目1", "项目2", "项目3", "项目4"]) expect(hits(check(await sheet(s)), "level1-weights")).toEqual([]);
  });
  test("a different split is a warning, never an error", async () => {
    const r = check(withCells(await sheet("项目2"), "项目2", { G14: 10, H14: 10, G23: 0, H23: 0 }));
    expect(hits(r, "level1-weights")).toEqual(["warning 项目2!G27"]);
    expect(findings(r, "level1-weights")[0].actual).toBe("55/25/10/10");
    expect(hits(r, "weights-total")).toEqual([]);
  });
  test("a weight written in a 一级 label must match its indicators", async () => {
    const wb = onlySheets(await loadFixture("provincial"), "节能减排");
    expect(hits(check(wb), "level1-weights")).toEqual([]);
    expect(hits(check(withCells(wb, "节能减排", { A14: "产出指标（60分）" })), "level1-weights")).toEqual(["warning 节能减排!A14"]);
  });
});
