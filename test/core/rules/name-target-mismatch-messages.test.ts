import { quantityInName } from "../../../src/core/rules/name-target-mismatch";
import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * name-target-mismatch shows the target as the clerk wrote it, or formatted with its unit when the cell holds a bare
 * number (issue 38: how the target is shown, the percent formatting and the name's length guard survived mutation).
 * 项目1 of the official seed: D14 安全执法检查次数6次 with the target E14 4次; D16 培训合格率 with E16 100%.
 * The provincial 安全生产 form: C14 the same name, F14 the target 4, G14 its 度量单位 次.
 */
const p1 = async () => onlySheets(await loadFixture("official"), "项目1");
const provincial = async () => onlySheets(await loadFixture("provincial"), "安全生产");
const rows = (r: ReturnType<typeof check>) => findings(r, "name-target-mismatch").map((f) => [f.cell, f.expected, f.actual, f.message]);

describe("name-target-mismatch: the target as shown", () => {
  test("a target in digits only, stored as text, with the unit in the 度量单位 column: shown with that unit", async () => {
    expect(rows(check(withCells(await provincial(), "安全生产", { F14: "4" })))).toEqual([
      ["F14", "6次", "4次", "「安全执法检查次数6次」名称中的数值与年度指标值 4次 不一致，请核对哪一个是真实目标。"],
    ]);
  });

  test("a bare number as target (no unit anywhere): shown as the number, not as a percent", async () => {
    expect(rows(check(withCells(await p1(), "项目1", { E14: 4 })))).toEqual([
      ["E14", "6次", "4", "「安全执法检查次数6次」名称中的数值与年度指标值 4 不一致，请核对哪一个是真实目标。"],
    ]);
    expect(rows(check(withCells(await p1(), "项目1", { E14: 4 }), { lang: "en" }))).toEqual([
      ["E14", "6次", "4", "\"安全执法检查次数6次\": the number in the name does not match the target 4; check which is the real target."],
    ]);
  });

  test("a percent in the name against a percent-formatted number: both shown as percents (0.8 → 80%, 0.9 → 90%)", async () => {
    const r = check(withCells(await p1(), "项目1", { D16: "培训合格率(≥90%)", E16: [0.8, "0%"] }));
    expect(rows(r).filter(([cell]) => cell === "E16")).toEqual([
      ["E16", "90%", "80%", "「培训合格率(≥90%)」名称中的数值与年度指标值 80% 不一致，请核对哪一个是真实目标。"],
    ]);
    // the same target written as text keeps its own spelling
    const text = check(withCells(await p1(), "项目1", { D16: "培训合格率(≥90%)", E16: "≥80%" }));
    expect(rows(text).filter(([cell]) => cell === "E16").map((x) => x.slice(0, 3))).toEqual([["E16", "90%", "≥80%"]]);
    // and a name that agrees (90% against 0.9 shown as 90%) is quiet
    expect(rows(check(withCells(await p1(), "项目1", { D16: "培训合格率(≥90%)", E16: [0.9, "0%"] }))).filter(([cell]) => cell === "E16")).toEqual([]);
  });
});

describe("quantityInName: which names are read", () => {
  test("full-width digits in a name are read like half-width ones (RULES.md §1: full-width １５ is a number)", async () => {
    expect(quantityInName("安全执法检查次数６次")).toMatchObject({ value: 6, unit: "次" });
    expect(quantityInName("满意度（≥９０％）")).toMatchObject({ op: ">=", value: 0.9, unit: "%" });
    expect(rows(check(withCells(await p1(), "项目1", { D14: "安全执法检查次数６次" }))).map((x) => x.slice(0, 3))).toEqual([["E14", "6次", "4次"]]);
  });

  test("names of up to 500 characters are read; a longer one is not (a guard against pathological cells)", () => {
    const name = (n: number) => "检".repeat(n - 2) + "6次";
    expect(name(500)).toHaveLength(500);
    expect(quantityInName(name(500))).toMatchObject({ value: 6, unit: "次" });
    expect(quantityInName(name(501))).toBeNull();
  });

  test("no digits: nothing to read", () => {
    expect(quantityInName("安全执法检查次数")).toBeNull();
    expect(quantityInName("")).toBeNull();
  });
});
