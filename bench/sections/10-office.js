"use strict";
/** Office round trips: one check through the Office.js test host (test/host/fake-office.ts) counts syncs and bytes. */
const fs = require("fs");

const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;

module.exports = {
  title: "1. Office round trips (the add-in's check through the Office.js test host)",
  async run(ctx) {
    const made = await ctx.workbooks();
    const { FakeWorkbook, createFakeOffice } = ctx.B("test/host/fake-office.js");
    const { readXlsx } = ctx.B("src/xlsx/read.js");
    const { officeWorkbookHost } = ctx.B("src/addin/host.js");
    const rows = [];
    const results = [];
    for (const name of ["forms-1", "forms-10", "forms-100", "rows-1000", "hostile"]) {
      const snap = (await readXlsx(fs.readFileSync(made[name]))).snapshot;
      let last = null;
      const time = await ctx.samples(5, async () => {
        const model = FakeWorkbook.fromSnapshot(snap);
        if (name === "hostile") model.sheets.find((x) => x.name === "项目1").formattedBox = { bottom: 1048575, right: 9 };
        const { Office, Excel } = createFakeOffice(model);
        global.Office = Office;
        global.Excel = Excel;
        const host = officeWorkbookHost();
        const t0 = performance.now();
        const { report } = await host.check({});
        const t = performance.now() - t0;
        last = { model, forms: report.forms.length };
        return t;
      });
      const { model, forms } = last;
      const bytes = model.responseBytes.reduce((a, b) => a + b, 0);
      const maxResponse = Math.max(...model.responseBytes);
      results.push({ name, forms, syncs: model.syncs, bytes, maxResponse, ms: time });
      rows.push({ what: `${name}: ${forms} forms, syncs`, value: String(model.syncs), budget: "≤ 3", pass: model.syncs <= 3 });
      rows.push({ what: `${name}: bytes returned (largest response)`, value: `${mb(bytes)} (${mb(maxResponse)})`, budget: "≤ 4 MB each", pass: maxResponse <= 4 * 1048576 });
      rows.push({ what: `${name}: check time in the test host, median of 5 (min–max)`, value: ctx.spread(time), budget: "(reported)" });
    }
    delete global.Office;
    delete global.Excel;
    return { rows, results };
  },
};
