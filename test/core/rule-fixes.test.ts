import * as fs from "fs";
import * as path from "path";
import { runCheck } from "../../src/core/engine";
import { defaultTicks, finalizeSelection, fixFor, proposeWrites } from "../../src/core/writeback";
import { readXlsx } from "../../src/xlsx/read";
import { ROOT, loadFixture, onlySheets, withCells } from "../support/workbooks";

/**
 * The rule that judges a cell proposes its change (ESLint's fix on the report): a finding carries its fix, and
 * write-back's proposals are exactly what the rules proposed. Facts from RULES.md §4 (seed form 1).
 */
const FIXING_RULES = new Set(["execution-rate", "budget-score", "indicator-score", "total-score"]);

const seedForms = async () => (await readXlsx(fs.readFileSync(path.join(ROOT, "samples/seed-forms.xlsx")))).snapshot;

describe("rules propose their fixes", () => {
  test("seed form 1: the total 90.5 → 91.5; 项目资金支付及时率 3 → 2.5 and 开展安全生产培训费用 1 → 5, optional; nothing else", async () => {
    const { analyses } = runCheck(await seedForms(), {});
    const all = proposeWrites(analyses, "zh");
    expect(all.filter((p) => p.form === 0)).toEqual([
      { form: 0, sheet: "项目1", address: "H20", rule: "indicator-score", kind: "score", old: 3, new: 2.5, optional: true, label: "「项目资金支付及时率」得分（按规则）" },
      { form: 0, sheet: "项目1", address: "H22", rule: "indicator-score", kind: "score", old: 1, new: 5, optional: true, label: "「开展安全生产培训费用≤5万元」得分（按规则）" },
      { form: 0, sheet: "项目1", address: "H26", rule: "total-score", kind: "total", old: 90.5, new: 91.5, optional: false, label: "总分（各项得分之和）", altLabel: "总分（随本次写回的得分）" },
    ]);
    // forms 2–4 are right: only their totals are listed (so a ticked score could move them), and none is written
    expect(all.filter((p) => p.form > 0).map((p) => [p.sheet, p.address, p.rule, p.old, p.new])).toEqual([
      ["项目2", "H27", "total-score", 100, 100],
      ["项目3", "H25", "total-score", 100, 100],
      ["项目4", "H29", "total-score", 100, 100],
    ]);
    expect(finalizeSelection(all, defaultTicks(all, false)).map((p) => `${p.sheet}!${p.address}=${p.new}`)).toEqual(["项目1!H26=91.5"]);
  });

  test("seed form 1: the findings carry those fixes, in the check's language; findings of other rules carry none", async () => {
    for (const lang of ["zh", "en"] as const) {
      const { report, analyses } = runCheck(await seedForms(), { lang });
      const form = report.forms[0];
      const fixed = form.findings.filter((f) => f.fix);
      expect(fixed.map((f) => [f.rule, f.cell, f.fix!.old, f.fix!.new, f.fix!.optional])).toEqual([
        ["indicator-score", "H20", 3, 2.5, true],
        ["indicator-score", "H22", 1, 5, true],
        ["total-score", "H26", 90.5, 91.5, false],
      ]);
      const total = fixed[2].fix!;
      expect([total.label, total.altLabel]).toEqual(lang === "en" ? ["total (sum of scores)", "total (with the scores written now)"] : ["总分（各项得分之和）", "总分（随本次写回的得分）"]);
      // the pane's one-cell fix is the finding's own, written outright (an indicator score is not left unticked)
      expect(fixFor(fixed[0], proposeWrites(analyses, lang))).toMatchObject({ form: 0, sheet: "项目1", address: "H20", new: 2.5, optional: false });
      expect(form.findings.filter((f) => !FIXING_RULES.has(f.rule)).every((f) => f.fix === undefined)).toBe(true);
      // additive in the JSON
      expect(JSON.parse(JSON.stringify(report)).forms[0].findings.find((f: { cell: string }) => f.cell === "H26").fix.new).toBe(91.5);
    }
  });

  test("every finding's fix is one of write-back's proposals, on every fixture", async () => {
    const names = fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx"));
    expect(names.length).toBeGreaterThan(5);
    let fixes = 0;
    for (const name of names) {
      const { report, analyses } = runCheck(await loadFixture(name.replace(/\.xlsx$/, "")), {});
      const all = proposeWrites(analyses, "zh");
      for (const f of report.forms.flatMap((x) => x.findings).filter((x) => x.fix)) {
        fixes++;
        const p = all.find((q) => q.sheet === f.sheet && q.address === f.cell);
        expect(p && { ...f.fix, rule: f.rule }).toEqual(p && { sheet: p.sheet, address: p.address, old: p.old, new: p.new, optional: p.optional, label: p.label, rule: p.rule, kind: p.kind, ...(p.altLabel ? { altLabel: p.altLabel } : {}), ...(p.valueFormat ? { valueFormat: p.valueFormat } : {}) });
      }
    }
    expect(fixes).toBeGreaterThan(3);
  });

  test("a write with no finding to show still comes through the rule: a blank indicator score, a rate written as text", async () => {
    const wb = withCells(onlySheets(await loadFixture("official"), "项目1"), "项目1", { H20: "", H6: "about three quarters" });
    const { report, analyses } = runCheck(wb, {});
    const all = proposeWrites(analyses, "en");
    expect(all.find((p) => p.address === "H20")).toMatchObject({ rule: "indicator-score", old: "", new: 2.5, optional: true, label: '"项目资金支付及时率" score (by the rule)' });
    expect(all.find((p) => p.address === "H6")).toMatchObject({ rule: "execution-rate", old: "about three quarters", new: "75%", label: "execution rate" });
    const at = (cell: string) => report.forms[0].findings.filter((f) => f.cell === cell);
    expect(at("H20").some((f) => f.rule === "indicator-score")).toBe(false);
    expect(at("H6").some((f) => f.rule === "execution-rate")).toBe(false);
    expect(at("H6").some((f) => f.rule === "unparseable-value")).toBe(true);
  });

  test("a percent-formatted rate written wrong: the finding's fix keeps the cell's form", async () => {
    const wb = withCells(onlySheets(await loadFixture("official"), "项目1"), "项目1", { H6: [0.8, "0%"] });
    const f = runCheck(wb, {}).report.forms[0].findings.find((x) => x.rule === "execution-rate")!;
    expect(f.fix).toEqual({ sheet: "项目1", address: "H6", old: 0.8, new: 0.75, valueFormat: "percent", optional: false, label: "执行率", kind: "rate" });
  });
});
