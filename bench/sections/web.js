"use strict";
/**
 * Bench section: the checker without Office (dist/web.html). 200 one-form submissions (the seed forms in the
 * official and the provincial layout in turn, one to a workbook, written like test/fixtures) given to the page's file input in Debian's Chromium,
 * read and checked in the page's worker and summarised; the time from choosing the files to the summary table shown.
 * Also the gzip size of the JavaScript the page loads (web.html's scripts and the worker's chunks).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const N = 200;

const { pageScripts } = require("../../scripts/web-scripts"); // shared with test/browser/web.browser.test.ts

async function submissions(ROOT) {
  const dir = path.join(ROOT, "bench/tmp/web-submissions-v2");
  const want = Array.from({ length: N }, (_, i) => path.join(dir, `单位${String(i + 1).padStart(3, "0")}.xlsx`));
  if (want.every((f) => fs.existsSync(f))) return want;
  fs.mkdirSync(dir, { recursive: true });
  const ExcelJS = require("exceljs");
  const L = require(path.join(ROOT, "scripts/layouts"));
  const { loadSeed } = require(path.join(ROOT, "scripts/seed"));
  const forms = loadSeed(path.join(ROOT, "samples/seed-forms.txt"));
  for (let i = 0; i < N; i++) {
    const wb = new ExcelJS.Workbook();
    const plan = L.newPlan("项目1");
    // the central template and the provincial variant in turn, as a bureau's folder mixes them
    if (i % 2 === 0) L.official(plan, forms[i % forms.length], 0, 0);
    else L.provincial(plan, forms[i % forms.length], 0, 0);
    L.writePlan(wb, plan);
    await wb.xlsx.writeFile(want[i]);
  }
  return want;
}

module.exports = {
  title: "The web page (dist/web.html)",
  async run(ctx) {
    const { ROOT } = ctx;
    const median = typeof ctx.median === "function" ? ctx.median : (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const samples = Math.max(1, Math.min(Number(ctx.samples) || 3, 5));
    const dist = path.join(ROOT, "dist");
    if (!fs.existsSync(path.join(dist, "web.html"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    const rows = [];
    const scripts = pageScripts(dist);
    const gz = scripts.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
    rows.push({ what: `the page's JavaScript, gzip (${scripts.join(", ")})`, value: `${(gz / 1024).toFixed(1)} KB`, budget: "≤ 350 KB", pass: gz <= 350 * 1024 });

    const files = await submissions(ROOT);
    const avgKb = files.reduce((s, f) => s + fs.statSync(f).size, 0) / files.length / 1024;
    const H = typeof ctx.B === "function" ? ctx.B("test/browser/harness.js") : require(path.join(ROOT, "build-bench/test/browser/harness.js"));
    const T = typeof ctx.B === "function" ? ctx.B("test/support/tool-check.js") : require(path.join(ROOT, "build-bench/test/support/tool-check.js"));
    const missing = T.missingToolLine(T.CHROMIUM_TOOL(H.CHROMIUM));
    if (missing) {
      rows.push({ what: `${N} submissions checked and summarised`, value: `not measured: ${missing}`, budget: "< 10 s", pass: undefined });
      return { rows, results: { gzipBytes: gz, scripts } };
    }
    const { chromium } = require("playwright-core");
    const server = await H.serveDist();
    const times = [];
    const inPage = [];
    const heaps = [];
    const blocked = [];
    try {
      for (let s = 0; s < samples; s++) {
        const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-web-"));
        const context = await chromium.launchPersistentContext(userDataDir, {
          executablePath: H.CHROMIUM,
          headless: true,
          viewport: { width: 1100, height: 900 },
          args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--enable-precise-memory-info"],
        });
        await context.route("**/*", (route) => {
          const u = new URL(route.request().url());
          if (u.hostname === "127.0.0.1" || u.protocol === "blob:" || u.protocol === "data:") return route.continue();
          blocked.push(u.href);
          return route.abort();
        });
        const page = context.pages()[0] || (await context.newPage());
        await page.goto(`${server.url}/web.html`);
        await page.getByTestId("pick").waitFor();
        const t0 = Date.now();
        await page.getByTestId("file-input").setInputFiles(files);
        await page.waitForFunction((n) => document.querySelectorAll("[data-testid=summary-row]").length >= n, N, { timeout: 120000 });
        times.push(Date.now() - t0);
        inPage.push(Number(await page.getByTestId("done").getAttribute("data-elapsed-ms")));
        heaps.push(await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize : null)));
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    } finally {
      await server.close();
    }
    const t = median(times);
    rows.push({ what: `${N} one-form submissions (${avgKb.toFixed(1)} KB each) chosen → all checked, summary table shown (median of ${samples})`, value: `${(t / 1000).toFixed(2)} s (in the page: ${(median(inPage) / 1000).toFixed(2)} s)`, budget: "< 10 s", pass: t < 10000 });
    const heap = heaps.filter((h) => h !== null);
    if (heap.length) rows.push({ what: "page JS heap after the batch (the worker's not included)", value: `${(median(heap) / 1048576).toFixed(1)} MB`, budget: "(reported)", pass: undefined });
    rows.push({ what: "requests to anything but the page's own files", value: String(blocked.length), budget: "0", pass: blocked.length === 0 });
    return { rows, results: { gzipBytes: gz, scripts, files: N, avgFileBytes: Math.round(avgKb * 1024), wallMs: times, inPageMs: inPage, heapBytes: heaps, blocked } };
  },
};
