import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("overachievement-unexplained", () => {
  test("seed form 4: 53 against ≥25家 is more than double, unexplained (warning, not error)", async () => {
    const r = check(await sheet("项目4"));
    expect(hits(r, "overachievement-unexplained")).toEqual(["warning 项目4!I14 unexplained"]);
    expect(findings(r, "overachievement-unexplained")[0].actual).toBeCloseTo(1.12, 4);
  });
  test("seed form 1: 6次 against 4次 is 50% over", async () => {
    expect(hits(check(await sheet("项目1")), "overachievement-unexplained")).toEqual(["warning 项目1!I14 unexplained"]);
  });
  test("quiet under the threshold, with an explanation, or with a higher threshold", async () => {
    expect(hits(check(withCells(await sheet("项目4"), "项目4", { F14: 32 })), "overachievement-unexplained")).toEqual([]);
    expect(hits(check(withCells(await sheet("项目4"), "项目4", { I14: "企业主动申请诊断，目标设置偏低，下年调高" })), "overachievement-unexplained")).toEqual([]);
    expect(hits(check(await sheet("项目4"), { overachievementThreshold: 1.5 }), "overachievement-unexplained")).toEqual([]);
  });
  test("the deduction setting lowers the rule score", async () => {
    const r = check(await sheet("项目4"), { overachievementDeduction: 2 });
    expect(findings(r, "indicator-score").find((f) => f.cell === "H14")).toMatchObject({ severity: "error", expected: 3 });
  });
});
