import * as fs from "fs";
import * as path from "path";
import { parseAddress } from "../../src/core/a1";
import { runCheck } from "../../src/core/engine";
import { Finding } from "../../src/core/findings";
import { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { Proposal, defaultTicks, finalizeSelection, fixFor, proposeWrites } from "../../src/core/writeback";
import { ROOT, loadFixture } from "../support/workbooks";

/**
 * A fix that fixes: a one-cell 改为 writes what its own finding states, so that after it the re-check no longer shows
 * that finding; a value that holds only together with other fixes (the total after the budget score) comes only with
 * them, through write-back. Over every fixture workbook.
 */
const FIXTURES = fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx")).map((f) => f.replace(/\.xlsx$/, ""));

/** The snapshot with these cells written as the adapters write them: the value, the cell's own number format kept. */
function written(wb: WorkbookSnapshot, writes: ReadonlyArray<{ sheet: string; address: string; new: CellValue }>): WorkbookSnapshot {
  const copy = structuredClone(wb);
  for (const w of writes) {
    const sheet = copy.sheets.find((s) => s.name === w.sheet)!;
    const at = parseAddress(w.address)!;
    sheet.values[at.row - sheet.top][at.col - sheet.left] = w.new;
  }
  return copy;
}

const key = (f: Pick<Finding, "rule" | "sheet" | "cell">) => `${f.rule}@${f.sheet}!${f.cell}`;

describe("a fix that fixes", () => {
  test.each(FIXTURES)("%s: after any one 改为, the re-check no longer shows that finding", async (name) => {
    const wb = await loadFixture(name);
    const { report, analyses } = runCheck(wb, {});
    const all = proposeWrites(analyses, "zh");
    const fixable = report.forms.flatMap((f) => f.findings).filter((f) => f.fix && f.severity !== "info");
    for (const f of fixable) {
      const p = fixFor(f, all)!;
      // the one-cell fix goes through the same selection as write-back, with only itself ticked
      const writes = finalizeSelection([p], new Set([`${p.sheet}!${p.address}`]));
      expect(writes.map((w) => [w.address, w.new])).toEqual([[f.cell, f.fix!.new]]);
      const after = runCheck(written(wb, writes), {}).report;
      expect(after.forms.flatMap((x) => x.findings).filter((x) => x.severity !== "info").map(key)).not.toContain(key(f));
    }
  });

  test("every fixture with a total-score finding: 改为 writes Σ of the written scores, and the total-score finding is gone", async () => {
    let seen = 0;
    for (const name of FIXTURES) {
      const wb = await loadFixture(name);
      const { report } = runCheck(wb, {});
      for (const form of report.forms) {
        const total = form.findings.find((f) => f.rule === "total-score" && f.severity === "error");
        if (!total) continue;
        seen++;
        expect(total.fix?.new).toBe(Math.round(form.totals.sumOfScores * 100) / 100);
        const after = runCheck(written(wb, [total.fix!]), {}).report;
        expect(after.forms.flatMap((x) => x.findings).filter((x) => x.rule === "total-score" && x.sheet === form.sheet)).toEqual([]);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(3);
  });

  test("总分 and budget score both wrong: 改为 94.8 on the total; write-back writes 9 and 93.8 together, and says so", async () => {
    const wb = await loadFixture("total-and-budget");
    const { report, analyses } = runCheck(wb, {});
    const form = report.forms[0];
    const total = form.findings.find((f) => f.rule === "total-score")!;
    expect(total.message).toBe("总分填写为 100，但各项得分之和为 94.8。");
    expect(total.fix).toMatchObject({ address: "H27", old: 100, new: 94.8 });
    expect(form.findings.find((f) => f.rule === "budget-score")!.fix).toMatchObject({ address: "I6", old: 10, new: 9 });
    // the card's figures agree with what the fixes write: written 100, Σ 94.8, recalculated 94 (9 + the rule's 5)
    expect(form.verdict.figures).toMatchObject({ writtenTotal: 100, sumOfScores: 94.8, recalculatedTotal: 94 });
    // write-back: the budget score and the total that holds with it
    const all = proposeWrites(analyses, "zh");
    const chosen = finalizeSelection(all, defaultTicks(all, false));
    expect(chosen.map((p: Proposal) => [p.address, p.new, p.label])).toEqual([
      ["I6", 9, "预算执行得分"],
      ["H27", 93.8, "总分（随本次写回的得分）"],
    ]);
    const afterAll = runCheck(written(wb, chosen), {}).report.forms[0];
    expect(afterAll.findings.filter((f) => f.severity === "error")).toEqual([]);
    // with the rule's indicator score ticked too, the total is the recalculated one
    const withScores = finalizeSelection(all, defaultTicks(all, true));
    expect(withScores.find((p) => p.address === "H27")!.new).toBe(form.verdict.figures.recalculatedTotal);
  });

  test("an unfilled form stacked between filled ones: 未填写, no proposal and no fix for it, the workbook not 可以提交", async () => {
    const { report, analyses } = runCheck(await loadFixture("sichuan-2023-unfilled-between"), {});
    expect(report.forms.map((f) => f.verdict.kind)).toEqual(["submit", "unfilled", "submit"]);
    expect(report.verdict.kind).toBe("unfilled");
    expect(report.forms[1].verdict.grade).toBeNull();
    expect(report.forms[1].findings.filter((f) => f.fix)).toEqual([]);
    const all = proposeWrites(analyses, "zh");
    expect(all.filter((p) => p.form === 1)).toEqual([]);
    expect(finalizeSelection(all, defaultTicks(all, true))).toEqual([]);
  });
});
