import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("indicator-score", () => {
  test("seed form 1: 3 for 2.5 is rounding (info); 1 for a met cost indicator is below the rule (warning)", async () => {
    const r = check(await sheet("项目1"));
    expect(hits(r, "indicator-score")).toEqual(["info 项目1!H20 rounded", "warning 项目1!H22 below"]);
    expect(findings(r, "indicator-score").find((f) => f.cell === "H20")).toMatchObject({ expected: 2.5, actual: 3 });
    expect(findings(r, "indicator-score").find((f) => f.cell === "H22")).toMatchObject({ expected: 5, actual: 1 });
  });
  test("quiet on forms 2–4 (equal, ≥, ≤, percent against bare numbers, dates, qualitative)", async () => {
    for (const s of ["项目2", "项目3", "项目4"]) expect(hits(check(await sheet(s)), "indicator-score")).toEqual([]);
  });
  test("positive B÷A×w: a full score for a missed target is an error", async () => {
    // 服务对象满意度 ≥90%, actual 80%, weight 10 → 8.89
    const r = check(withCells(await sheet("项目2"), "项目2", { F26: "80%", I26: "调查样本偏少" }));
    expect(hits(r, "indicator-score")).toEqual(["error 项目2!H26 above"]);
    expect(findings(r, "indicator-score")[0].expected).toBeCloseTo(8.8889, 4);
    expect(hits(check(withCells(await sheet("项目2"), "项目2", { F26: "80%", H26: 8.89, I26: "样本少" })), "indicator-score")).toEqual([]);
  });
  test("reverse A÷B×w, and the linear setting", async () => {
    // 帮扶慰问经费 =4万元 is an explicit =, so positive; make it ≤4万元 and overspend to 5万元: 4/5×10 = 8
    const wb = withCells(await sheet("项目2"), "项目2", { E18: "≤4万元", F18: "5万元", H18: 8, I18: "超支" });
    expect(hits(check(wb), "indicator-score")).toEqual([]);
    // linear: (1 − (5−4)/4) × 10 = 7.5; 8 is 7.5 rounded
    expect(hits(check(wb, { reverseFormula: "linear" }), "indicator-score")).toEqual(["info 项目2!H18 rounded"]);
    const wb2 = withCells(wb, "项目2", { H18: 7.5 });
    expect(hits(check(wb2, { reverseFormula: "linear" }), "indicator-score")).toEqual([]);
    expect(hits(check(wb2), "indicator-score")).toEqual(["warning 项目2!H18 below"]);
  });
  test("万元 against 元 converts before scoring", async () => {
    expect(hits(check(withCells(await sheet("项目2"), "项目2", { F18: "40000元" })), "indicator-score")).toEqual([]);
  });
  test("qualitative tiers: 50% achieved allows at most 60% of the weight", async () => {
    const wb = withCells(await sheet("项目2"), "项目2", { F22: "50%", I22: "部分完成" });
    expect(hits(check(wb), "indicator-score")).toEqual(["error 项目2!H22 outsideTier"]);
    expect(hits(check(withCells(wb, "项目2", { H22: 5 })), "indicator-score")).toEqual([]);
    // Hubei's 80/50 tiers put 50% in the middle tier: 5 to 8 points
    expect(hits(check(withCells(wb, "项目2", { H22: 4 }), { qualitativeTiers: { achieved: 0.8, partly: 0.5 } }), "indicator-score")).toEqual(["warning 项目2!H22 outsideTier"]);
  });
  test("deadlines: on time scores the weight; late with full marks is an error", async () => {
    const f4 = await sheet("项目4");
    expect(hits(check(withCells(f4, "项目4", { F20: "2021年1月5日", I20: "年底企业停产，推迟" })), "indicator-score")).toEqual(["error 项目4!H20 outsideTier"]);
    expect(hits(check(withCells(f4, "项目4", { F20: "2021年1月5日", H20: 2, I20: "推迟" })), "indicator-score")).toEqual([]);
  });
});
