import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("level1-weights", () => {
  test("quiet at 50/30/10/10, including form 4 whose 效益 label is missing (inferred from 二级)", async () => {
    for (const s of ["项目1", "项目2", "项目3", "项目4"]) expect(hits(check(await sheet(s)), "level1-weights")).toEqual([]);
  });
  test("a different split is a warning, never an error", async () => {
    const r = check(withCells(await sheet("项目2"), "项目2", { G14: 10, H14: 10, G23: 0, H23: 0 }));
    expect(hits(r, "level1-weights")).toEqual(["warning 项目2!G27 differ"]);
    expect(findings(r, "level1-weights")[0].actual).toBe("55/25/10/10");
    expect(hits(r, "weights-total")).toEqual([]);
  });
  test("a weight written in a 一级 label must match its indicators", async () => {
    const wb = onlySheets(await loadFixture("provincial"), "节能减排");
    expect(hits(check(wb), "level1-weights")).toEqual([]);
    expect(hits(check(withCells(wb, "节能减排", { A14: "产出指标（60分）" })), "level1-weights")).toEqual(["warning 节能减排!A14 label"]);
  });
});

describe("level1-weights by template family", () => {
  const c = async () => onlySheets(await loadFixture("family-c-sichuan-county"), "衔接资金（无误）");
  // 产出 60 / 效益 20 / 满意度 10 written in the 一级 labels: the form's own split replaces the 50/30/10 default
  const split = { D10: 30, G10: 30, C16: "/", D16: "/", E16: "/", F16: "/", G16: "/", A10: "产出指标（60分）", A14: "效益指标（20分）" };
  test("weights written in the 一级 labels replace the default scheme: quiet when they match", async () => {
    const r = check(withCells(await c(), "衔接资金（无误）", { ...split, G18: 97 }));
    expect(hits(r, "level1-weights")).toEqual([]);
    expect(hits(r, "weights-total")).toEqual([]);
  });
  test("…and a label that does not match its indicators still warns, at the label", async () => {
    const r = check(withCells(await c(), "衔接资金（无误）", { ...split, A10: "产出指标（50分）" }));
    expect(hits(r, "level1-weights")).toEqual(["warning 衔接资金（无误）!A10 label"]);
  });
  test("Sichuan 2023 splits its 90 points freely (4 × 22.5, 60/30): no level-1 warning", async () => {
    expect(hits(check(await loadFixture("family-b-sichuan-2023")), "level1-weights")).toEqual([]);
  });
  test("Hubei 2020: label weights are not compared with inferred indicator weights", async () => {
    expect(hits(check(await loadFixture("family-d-hubei-2020")), "level1-weights")).toEqual([]);
  });
});
