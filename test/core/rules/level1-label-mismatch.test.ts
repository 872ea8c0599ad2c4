import { check, findings, hits, loadFixture, onlySheets } from "../../support/workbooks";

describe("level1-label-mismatch", () => {
  test("fires once, as info, on the merged 产出指标 cell over 社会效益/生态效益 rows; those rows count as 效益", async () => {
    const r = check(onlySheets(await loadFixture("family-a-county"), "节能减排（原表）"));
    expect(hits(r, "level1-label-mismatch")).toEqual(["info 节能减排（原表）!B14 covers"]);
    expect(findings(r, "level1-label-mismatch")[0]).toMatchObject({ expected: "效益指标", actual: "产出指标" });
    expect(hits(r, "level1-weights")).toEqual([]);
  });
  test("quiet where the 一级 label is blank (inferred) or agrees with the 二级", async () => {
    expect(hits(check(await loadFixture("official")), "level1-label-mismatch")).toEqual([]);
    expect(hits(check(await loadFixture("family-c-sichuan-county")), "level1-label-mismatch")).toEqual([]);
  });
});
