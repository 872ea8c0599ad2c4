import { runCheck } from "../../src/core/engine";
import { finalizeSelection, fixFor, proposalKey, proposeWrites } from "../../src/core/writeback";
import { loadFixture } from "../support/workbooks";

/**
 * A one-cell fix (改为 …) is the write-back proposal of the rule that judges that cell: the same object write-back
 * selects from, so the two never disagree.
 */
describe("one-cell fixes come from the write-back proposals", () => {
  test("rate, budget score, indicator score and total: each finding of those rules with a proposal gets its own cell's fix", async () => {
    const wb = await loadFixture("official");
    const s = wb.sheets.find((x) => x.name === "项目1")!;
    s.values[5][7] = "80%"; // H6: the rate written as 80% (the figures give 75%)
    s.values[5][8] = 9; // I6: the budget score 9 (the rule gives 7.5)
    s.values[15][7] = 6; // H16: 6 of 5
    const { report, analyses } = runCheck(wb, {});
    const proposals = proposeWrites(analyses, "zh");
    const form = report.forms[0];
    const fixes = new Map(form.findings.map((f) => [`${f.rule}@${f.cell}`, fixFor(f, proposals)]));
    expect(fixes.get("execution-rate@H6")).toMatchObject({ address: "H6", new: "75%" });
    expect(fixes.get("budget-score@I6")).toMatchObject({ address: "I6", new: 7.5 });
    expect(fixes.get("indicator-score@H16")).toMatchObject({ address: "H16", new: 5, optional: false });
    const total = fixes.get("total-score@H26")!;
    expect(total.address).toBe("H26");
    // the total the fix writes is the one write-back writes when nothing else is ticked
    const all = finalizeSelection(proposals, new Set([proposalKey(total)]));
    expect(all.find((p) => p.address === "H26")!.new).toBe(total.new);
    // a finding no rule can fix gets none
    expect(fixes.get("overachievement-unexplained@I14")).toBeNull();
  });
});
