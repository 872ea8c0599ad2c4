import { runCheck } from "../../src/core/engine";
import { defaultTicks, finalizeSelection, proposalKey, proposeWrites } from "../../src/core/writeback";
import { loadFixture, onlySheets, withCells } from "../support/workbooks";

const proposals = async (name: string, sheet: string, edits: Record<string, string | number | [number, string]> = {}) =>
  proposeWrites(runCheck(withCells(onlySheets(await loadFixture(name), sheet), sheet, edits)).analyses, "zh");

describe("write-back proposals", () => {
  test("seed form 1: the total becomes the sum of the scores; indicator scores only when ticked", async () => {
    const all = await proposals("official", "项目1");
    const plain = finalizeSelection(all, defaultTicks(all, false));
    expect(plain.map((p) => [p.address, p.rule, p.old, p.new])).toEqual([["H26", "total-score", 90.5, 91.5]]);
    const withRules = finalizeSelection(all, defaultTicks(all, true));
    expect(withRules.map((p) => [p.address, p.rule, p.old, p.new])).toEqual([
      ["H20", "indicator-score", 3, 2.5],
      ["H22", "indicator-score", 1, 5],
      ["H26", "total-score", 90.5, 95],
    ]);
    // only one indicator ticked: the total follows that one
    const one = finalizeSelection(all, new Set(["项目1!H22"]));
    expect(one.map((p) => [p.address, p.new])).toEqual([
      ["H22", 5],
      ["H26", 95.5],
    ]);
  });

  test("nothing to write on a correct form", async () => {
    const all = await proposals("official", "项目2");
    expect(finalizeSelection(all, defaultTicks(all, true))).toEqual([]);
  });

  test("执行率 is written in the cell's own form: percent format, percent text, percent points", async () => {
    const pick = (ps: Awaited<ReturnType<typeof proposals>>) => ps.find((p) => p.rule === "execution-rate")!.new;
    expect(pick(await proposals("official", "项目2", { H6: "90%" }))).toBe("100%");
    expect(pick(await proposals("official", "项目2", { H6: [0.9, "0%"] }))).toBe(1);
    expect(pick(await proposals("official", "项目2", { H6: 90 }))).toBe(100);
    expect(pick(await proposals("official", "项目2", { H6: 0.9 }))).toBe(1);
  });

  test("the budget score; never a target, an actual, a weight or text", async () => {
    const all = await proposals("official", "项目2", { I6: 9, F14: "0个", E15: "abc" });
    const cells = all.map((p) => proposalKey(p));
    expect(cells).toContain("项目2!I6");
    for (const c of cells) expect(c).toMatch(/!(H6|I6|H\d+)$/);
    expect(new Set(all.map((p) => p.rule))).toEqual(new Set(["budget-score", "indicator-score", "total-score"]));
  });
});
