"use strict";
/** The pane: production bundle size (gzip) and navigation → first rendered pane in Chromium. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

module.exports = {
  title: "4. The pane (production bundle, Chromium)",
  async run(ctx) {
    const rows = [];
    const dist = path.join(ctx.ROOT, "dist");
    if (!fs.existsSync(path.join(dist, "taskpane.html"))) execFileSync("npm", ["run", "build"], { cwd: ctx.ROOT, stdio: "inherit" });
    const js = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
    const gzip = (files) => files.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
    const gz = gzip(js.filter((f) => f.startsWith("taskpane.")));
    const allGz = gzip(js);
    rows.push({ what: "production JavaScript of the pane, gzip", value: `${(gz / 1024).toFixed(1)} KB (all bundles ${(allGz / 1024).toFixed(1)} KB)`, budget: "≤ 300 KB", pass: gz <= 300 * 1024 });
    const H = ctx.B("test/browser/harness.js");
    const T = ctx.B("test/support/tool-check.js");
    const missing = T.missingToolLine(T.CHROMIUM_TOOL(H.CHROMIUM));
    if (missing) {
      rows.push({ what: "navigation → first rendered pane", value: "not measured: " + missing, budget: "" });
      return { rows, results: { gzipBytes: gz, allBundlesGzipBytes: allGz, firstRenderMs: null } };
    }
    const server = await H.serveDist();
    const hostScript = await H.buildHostScript();
    const { readXlsx } = ctx.B("src/xlsx/read.js");
    const snap = (await readXlsx(fs.readFileSync(path.join(ctx.ROOT, "test/fixtures/official.xlsx")))).snapshot;
    let first;
    try {
      first = await ctx.samples(5, async () => {
        const s = await H.openPane(server.url, hostScript, snap);
        try {
          // navigation start → the pane's primary button rendered, measured in the page
          await s.page.waitForSelector("[data-testid=check]");
          return await s.page.evaluate(() => performance.now());
        } finally {
          await s.close();
        }
      });
    } finally {
      await server.close();
    }
    rows.push({ what: "navigation → first rendered pane, median of 5 (min–max)", value: ctx.spread(first), budget: "(reported)" });
    return { rows, results: { gzipBytes: gz, allBundlesGzipBytes: allGz, firstRenderMs: first } };
  },
};
