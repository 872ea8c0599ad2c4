import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

describe("block-score-exceeds-weight", () => {
  test("fires at the block label when a block's scores add up to more than its weight", async () => {
    const r = check(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标"));
    expect(hits(r, "block-score-exceeds-weight")).toEqual(["error 三个目标!A11 exceeds"]);
    expect(findings(r, "block-score-exceeds-weight")[0]).toMatchObject({ expected: 30, actual: 32 });
  });
  test("quiet at or under the block weight", async () => {
    const wb = onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标");
    expect(hits(check(withCells(wb, "三个目标", { F15: 10, F25: 96 })), "block-score-exceeds-weight")).toEqual([]);
    expect(hits(check(onlySheets(await loadFixture("family-d-hubei-2020"), "两个目标")), "block-score-exceeds-weight")).toEqual([]);
  });
});
