import { subItemRows } from "../../../src/core/rules/missing-value";
import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const form2 = async () => onlySheets(await loadFixture("official"), "项目2");

describe("missing-value", () => {
  test("quiet on a complete form; N/A rows (三级 /) are skipped", async () => {
    expect(hits(check(await form2()), "missing-value")).toEqual([]);
  });
  test("a missing weight or score is an error, a missing target or actual a warning", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { G14: "", H15: "/", E16: "", F17: "" })), "missing-value")).toEqual([
      "error 项目2!G14 missing",
      "error 项目2!H15 missing",
      "warning 项目2!E16 missing",
      "warning 项目2!F17 missing",
    ]);
  });
  test("the budget row's amounts", async () => {
    expect(hits(check(withCells(await form2(), "项目2", { F6: "" })), "missing-value")).toEqual(["error 项目2!F6 missing"]);
  });
});

describe("missing-value on the evaluation frame (RULES.md §6, 银川市本级 2021)", () => {
  const frame = async () => loadFixture("provinces/ningxia-yinchuan-2021");
  test("a target written — beside a descriptive actual is the frame's way: no finding", async () => {
    expect(hits(check(await frame()), "missing-value")).toEqual([]);
  });
  test("the actual left blank is still missing (and the — target with it); a blank target too", async () => {
    expect(hits(check(withCells(await frame(), "初中公用经费", { F11: "" })), "missing-value")).toEqual(["warning 初中公用经费!E11 missing", "warning 初中公用经费!F11 missing"]);
    expect(hits(check(withCells(await frame(), "初中公用经费", { E11: "" })), "missing-value")).toEqual(["warning 初中公用经费!E11 missing"]);
  });
});

describe("numbered sub-items (RULES.md §6)", () => {
  const v = (x: number | "") => ({ cell: { row: 0, col: 0 }, raw: x, parsed: x === "" ? ({ kind: "blank" } as const) : ({ kind: "number", op: null, value: x, unit: "" } as const), value: x === "" ? null : x });
  const row = (fullName: string, w: number | "", s: number | "") => ({ fullName, weight: v(w), score: v(s) });
  test("under a scored parent, bare numbered rows are part of it; under a bare parent, the parent is their heading", () => {
    expect([...subItemRows([row("养护里程", 20, 20), row("1.村道", "", ""), row("2.组道", "", ""), row("合格率", 15, 15)])]).toEqual([1, 2]);
    expect([...subItemRows([row("养护里程", "", ""), row("1.村道", 12, 12), row("（2）组道", 8, 8)])]).toEqual([0]);
  });
  test("a forgotten row is still missing: mixed sub-rows, numbered rows alone, the template's 指标1:", () => {
    expect([...subItemRows([row("养护里程", 20, 20), row("1.村道", 12, 12), row("2.组道", "", "")])]).toEqual([]);
    expect([...subItemRows([row("1.村道", 12, 12), row("2.组道", "", "")])]).toEqual([]);
    expect([...subItemRows([row("养护里程", 20, 20), row("指标1:村道", "", "")])]).toEqual([]);
    expect([...subItemRows([row("养护里程", 20, 20), row("2020年养护", "", "")])]).toEqual([]);
  });
});
