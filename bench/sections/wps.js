"use strict";
/**
 * The WPS add-in's bridge calls: each property read, write and method call of WPS's object model crosses to WPS's
 * process (~0.2 ms), so a check must read a sheet in few calls. Counted by the strict stand-in (test/wps/fake-et.ts)
 * for a check (and a check + highlight + clear) of a sheet holding 1 form and of one sheet holding 100 forms.
 */
const fs = require("fs");

const MS_PER_CALL = 0.2;
/** the budget per form on a sheet (measured ~265; a cell-by-cell read of a ~250-cell form, 4 calls a cell, would be ~1,000) */
const PER_FORM = 400;

/** all forms of the workbook stacked on one sheet, the sheets one under another */
function oneSheet(snapshot, name) {
  const rows = [];
  const formats = [];
  const merges = [];
  const width = Math.max(...snapshot.sheets.map((s) => s.left + s.values[0].length));
  let at = 0;
  for (const s of snapshot.sheets) {
    for (let r = 0; r < s.values.length; r++) {
      const row = new Array(width).fill("");
      const fr = new Array(width).fill("General");
      for (let c = 0; c < s.values[r].length; c++) {
        row[s.left + c] = s.values[r][c];
        fr[s.left + c] = s.formats[r][c];
      }
      rows.push(row);
      formats.push(fr);
    }
    for (const m of s.merges) merges.push({ top: m.top - s.top + at, left: m.left, bottom: m.bottom - s.top + at, right: m.right });
    at += s.values.length + 2;
    rows.push(new Array(width).fill(""), new Array(width).fill(""));
    formats.push(new Array(width).fill("General"), new Array(width).fill("General"));
  }
  return { sheets: [{ name, top: 0, left: 0, values: rows, formats, merges }] };
}

module.exports = {
  title: "WPS 表格: bridge calls of a check through the object model (the strict stand-in)",
  async run(ctx) {
    const made = await ctx.workbooks();
    const { readXlsx } = ctx.B("src/xlsx/read.js");
    const { FakeEtWorkbook, fakeEt } = ctx.B("test/wps/fake-et.js");
    const { wpsWorkbookHost } = ctx.B("src/wps/host.js");
    const rows = [];
    const results = [];
    for (const [label, file, forms] of [
      ["1 form on a sheet", made["forms-1"], 1],
      ["100 forms on one sheet", made["forms-100"], 100],
    ]) {
      const snap = oneSheet((await readXlsx(fs.readFileSync(file))).snapshot, "项目");
      const model = FakeEtWorkbook.fromSnapshot(snap);
      const host = wpsWorkbookHost(fakeEt(model).Application);
      const c0 = model.calls;
      const t0 = performance.now();
      const { report } = await host.check({});
      const ms = performance.now() - t0;
      const check = model.calls - c0;
      const findings = report.forms.flatMap((f) => f.findings);
      const c1 = model.calls;
      const marked = await host.highlight(findings, ["error", "warning"]);
      const highlight = model.calls - c1;
      const c2 = model.calls;
      await host.clearMarks();
      const clear = model.calls - c2;
      results.push({ label, forms: report.forms.length, check, highlight, marked, clear, msInStandIn: ms });
      const budget = forms * PER_FORM;
      rows.push({ what: `${label}: ${report.forms.length} forms, bridge calls of a check (≈ ${Math.round(check * MS_PER_CALL)} ms at ${MS_PER_CALL} ms a call)`, value: String(check), budget: `≤ ${budget}`, pass: check <= budget && report.forms.length === forms });
      rows.push({ what: `${label}: highlight ${marked} cells, then clear`, value: `${highlight} + ${clear}`, budget: "(reported)" });
    }
    return { rows, results };
  },
};
