"use strict";
/** Engine time against exceljs load time, and the CLI's lean reader beside the exceljs → snapshot adapter. */
const fs = require("fs");
const ExcelJS = require("exceljs");

const ms = (x) => `${x.toFixed(1)} ms`;

module.exports = {
  title: "2. Engine vs exceljs load (median of 5 runs, 3 at 500 forms)",
  async run(ctx) {
    const made = await ctx.workbooks();
    const { workbookSnapshot } = ctx.B("src/xlsx/read.js");
    const { readXlsxSnapshotSync } = ctx.B("src/xlsx/fast-read.js");
    const { runCheck } = ctx.B("src/core/engine.js");
    const files = [["forms-1", 1], ["forms-10", 10], ["forms-100", 100], ["forms-500", 500]].map(([n, forms]) => [n, made[n], forms]);
    // warm both up (JIT) on every size once, then measure
    for (const [, file] of files) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(file));
      runCheck(workbookSnapshot(wb), {});
    }
    const rows = [];
    const out = [];
    for (const [name, file, n] of files) {
      const buf = fs.readFileSync(file);
      const loads = [], engines = [], converts = [];
      let forms = 0;
      const reps = n >= 500 ? 3 : 5;
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(buf);
        const t1 = performance.now();
        const snap = workbookSnapshot(wb); // the adapter: exceljs's model → snapshot
        const t2 = performance.now();
        const r = runCheck(snap, {}); // the engine: locate + parse + rules
        const t3 = performance.now();
        forms = r.report.forms.length;
        loads.push(t1 - t0);
        converts.push(t2 - t1);
        engines.push(t3 - t2);
      }
      const lean = await ctx.samples(reps, () => {
        readXlsxSnapshotSync(buf);
      });
      const load = ctx.stats(loads), engine = ctx.stats(engines);
      // the ratio per run (the engine and the load of the same run), then its median
      const ratio = ctx.stats(engines.map((e, i) => e / loads[i]));
      out.push({ name, forms, exceljsLoadMs: load, adapterMs: ctx.stats(converts), engineMs: engine, ratio, perFormMs: engine.median / forms, leanReaderMs: lean });
      rows.push({ what: `${name}: engine ${ms(engine.median)} / load ${ms(load.median)} (${(engine.median / forms).toFixed(3)} ms a form)`, value: ctx.spread(ratio, "", 3), budget: "≤ 0.25", pass: ratio.median <= 0.25 });
    }
    for (const x of out) rows.push({ what: `${x.name}: exceljs → snapshot adapter; the CLI's lean reader instead`, value: `${ms(x.adapterMs.median)}; ${ctx.spread(x.leanReaderMs)}`, budget: "(reported)" });
    // linear: per-form time at 500 forms within 3× of the per-form time at 10
    const at10 = out.find((x) => x.forms === 10), at500 = out.find((x) => x.forms === 500);
    if (at10 && at500) rows.push({ what: "growth: per-form engine time 500 vs 10 forms", value: `${(at500.perFormMs / at10.perFormMs).toFixed(2)}×`, budget: "≤ 3× (linear)", pass: at500.perFormMs / at10.perFormMs <= 3 });
    return { rows, results: out };
  },
};
