#!/usr/bin/env node
"use strict";
/**
 * npm run bench: measures, prints a table with PASS/FAIL against the budgets, writes bench/results.json.
 * Not part of npm test. Uses build-bench/ (tsc -p tsconfig.bench.json, run by the npm script).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { spawnSync, execFileSync } = require("child_process");
const { performance } = require("perf_hooks");
const gen = require("./generate");

const ROOT = path.resolve(__dirname, "..");
const B = (p) => require(path.join(ROOT, "build-bench", p));
const ExcelJS = require("exceljs");

const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
const rows = [];
const results = { machine: { cores, node: process.version, platform: `${os.type()} ${os.release()}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30) }, sections: {} };

function line(section, what, value, budget, pass) {
  rows.push({ section, what, value, budget: budget ?? "", verdict: pass === undefined ? "" : pass ? "PASS" : "FAIL" });
}
const ms = (x) => `${x.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function officeRoundTrips(files) {
  const { FakeWorkbook, createFakeOffice } = B("test/host/fake-office.js");
  const { readXlsx } = B("src/xlsx/read.js");
  const { officeWorkbookHost } = B("src/addin/host.js");
  const out = [];
  for (const [name, file] of files) {
    const snap = (await readXlsx(fs.readFileSync(file))).snapshot;
    const model = FakeWorkbook.fromSnapshot(snap);
    if (name === "hostile") {
      const s = model.sheets.find((x) => x.name === "项目1");
      s.formattedBox = { bottom: 1048575, right: 9 };
    }
    const { Office, Excel } = createFakeOffice(model);
    global.Office = Office;
    global.Excel = Excel;
    const host = officeWorkbookHost();
    const t0 = performance.now();
    const { report } = await host.check({});
    const t = performance.now() - t0;
    const maxResp = Math.max(...model.responseBytes);
    out.push({ name, forms: report.forms.length, syncs: model.syncs, bytes: model.responseBytes.reduce((a, b) => a + b, 0), maxResponse: maxResp, ms: t });
    line("1. Office round trips", `${name}: ${report.forms.length} forms, syncs`, String(model.syncs), "≤ 3", model.syncs <= 3);
    line("1. Office round trips", `${name}: bytes returned (largest response)`, `${mb(model.responseBytes.reduce((a, b) => a + b, 0))} (${mb(maxResp)})`, "≤ 4 MB each", maxResp <= 4 * 1048576);
  }
  delete global.Office;
  delete global.Excel;
  return out;
}

async function engineVsParse(files) {
  const { workbookSnapshot } = B("src/xlsx/read.js");
  const { readXlsxSnapshotSync } = B("src/xlsx/fast-read.js");
  const { runCheck } = B("src/core/engine.js");
  const out = [];
  // warm both up (JIT) on every size once, then measure
  for (const [, file] of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file));
    runCheck(workbookSnapshot(wb), {});
  }
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
    const load = median(loads), engine = median(engines);
    const ratio = engine / load;
    const lean = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      readXlsxSnapshotSync(buf);
      lean.push(performance.now() - t0);
    }
    out.push({ name, forms, exceljsLoadMs: load, adapterMs: median(converts), engineMs: engine, ratio, perFormMs: engine / forms, leanReaderMs: median(lean) });
    line("2. Engine vs exceljs load", `${name}: engine ${ms(engine)} / load ${ms(load)} (${(engine / forms).toFixed(3)} ms a form)`, ratio.toFixed(3), "≤ 0.25", ratio <= 0.25);
  }
  for (const x of out) line("2. Engine vs exceljs load", `${x.name}: exceljs → snapshot adapter; the CLI's lean reader instead`, `${ms(x.adapterMs)}; ${ms(x.leanReaderMs)}`, "(reported)", undefined);
  // linear: per-form time at 500 forms within 3× of the per-form time at 10
  const at10 = out.find((x) => x.forms === 10), at500 = out.find((x) => x.forms === 500);
  if (at10 && at500) line("2. Engine vs exceljs load", "growth: per-form time 500 vs 10 forms", `${(at500.perFormMs / at10.perFormMs).toFixed(2)}×`, "≤ 3× (linear)", at500.perFormMs / at10.perFormMs <= 3);
  return out;
}

function runCli(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/selfeval.js"), ...args], { env: { ...process.env, SELFEVAL_STATS: "1", ...env }, encoding: "utf8", maxBuffer: 1 << 30 });
  const t = performance.now() - t0;
  const m = /SELFEVAL_STATS (\{.*\})/.exec(r.stderr);
  return { ms: t, code: r.status, maxRssKb: m ? JSON.parse(m[1]).maxRssKb : null, stdout: r.stdout };
}

/** The machine's ceiling for any parallel speed-up of this work: the same files split over two separate processes. */
function processCeiling(dir, files) {
  const halves = [0, 1].map((h) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), `selfeval-bench-half${h}-`));
    files.filter((_, i) => i % 2 === h).forEach((f) => fs.copyFileSync(path.join(dir, f), path.join(d, f)));
    return d;
  });
  const { spawn } = require("child_process");
  const t0 = performance.now();
  return Promise.all(
    halves.map(
      (d) =>
        new Promise((resolve) => {
          const c = spawn(process.execPath, [path.join(ROOT, "bin/selfeval.js"), "check", d, "--json", "--jobs", "1"], { stdio: "ignore" });
          c.on("exit", resolve);
        }),
    ),
  ).then(() => performance.now() - t0);
}

async function bulk(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx"));
  const single = runCli(["check", dir, "--json", "--jobs", "1"]);
  const multi = runCli(["check", dir, "--json", "--jobs", String(cores)]);
  const ceilingMs = await processCeiling(dir, files);
  const speedup = single.ms / multi.ms;
  // memory flat: 50 files against 200 with the same workers
  const fifty = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-50-"));
  files.slice(0, 50).forEach((f) => fs.copyFileSync(path.join(dir, f), path.join(fifty, f)));
  const small = runCli(["check", fifty, "--json", "--jobs", String(cores)]);
  const same = JSON.stringify(JSON.parse(single.stdout)) === JSON.stringify(JSON.parse(multi.stdout));
  line("3. Bulk (200 workbooks, 800 forms)", "one thread", ms(single.ms), "", undefined);
  line("3. Bulk (200 workbooks, 800 forms)", `${cores} worker threads`, ms(multi.ms), "", undefined);
  line("3. Bulk (200 workbooks, 800 forms)", "speed-up with workers", `${speedup.toFixed(2)}×`, "≥ 1.7×", speedup >= 1.7);
  line("3. Bulk (200 workbooks, 800 forms)", "machine ceiling: 2 separate processes on the halves", `${ms(ceilingMs)} → ${(single.ms / ceilingMs).toFixed(2)}×`, "(reported)", undefined);
  line("3. Bulk (200 workbooks, 800 forms)", "same JSON either way", String(same), "true", same);
  line("3. Bulk (200 workbooks, 800 forms)", "peak RSS: 1 thread / workers", `${(single.maxRssKb / 1024).toFixed(0)} MB / ${(multi.maxRssKb / 1024).toFixed(0)} MB`, "", undefined);
  const flat = multi.maxRssKb / small.maxRssKb;
  line("3. Bulk (200 workbooks, 800 forms)", "peak RSS 200 files ÷ 50 files (workers)", `${flat.toFixed(2)}×`, "≤ 1.25× (flat)", flat <= 1.25);
  return { files: files.length, singleMs: single.ms, workersMs: multi.ms, twoProcessesMs: ceilingMs, workers: cores, speedup, sameOutput: same, singleRssKb: single.maxRssKb, workersRssKb: multi.maxRssKb, workers50RssKb: small.maxRssKb };
}

async function pane() {
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  const js = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  const taskpaneJs = js.filter((f) => f.startsWith("taskpane."));
  const gz = taskpaneJs.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  const allGz = js.reduce((s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  line("4. The pane", "production JavaScript of the pane, gzip", `${(gz / 1024).toFixed(1)} KB (all bundles ${(allGz / 1024).toFixed(1)} KB)`, "≤ 300 KB", gz <= 300 * 1024);
  const H = B("test/browser/harness.js");
  const missing = H.chromiumMissing();
  if (missing) {
    line("4. The pane", "navigation → first rendered pane", "not measured: " + missing, "", undefined);
    return { gzipBytes: gz, firstRenderMs: null };
  }
  const server = await H.serveDist();
  const hostScript = await H.buildHostScript();
  const { readXlsx } = B("src/xlsx/read.js");
  const snap = (await readXlsx(fs.readFileSync(path.join(ROOT, "test/fixtures/official.xlsx")))).snapshot;
  const times = [];
  for (let i = 0; i < 5; i++) {
    const s = await H.openPane(server.url, hostScript, snap);
    // navigation start → the pane's primary button rendered, measured in the page
    await s.page.waitForSelector("[data-testid=check]");
    const t = await s.page.evaluate(() => performance.now());
    times.push(t);
    await s.close();
  }
  await server.close();
  line("4. The pane", "navigation → first rendered pane (median of 5)", ms(median(times)), "(reported)", undefined);
  return { gzipBytes: gz, allBundlesGzipBytes: allGz, firstRenderMs: median(times), runs: times };
}

function hostileSheet(file) {
  const r = runCli(["check", file, "--json"]);
  const json = JSON.parse(r.stdout);
  const forms = json.files[0].forms.length;
  line("5. Hostile sheet (1,048,576-row used range)", "CLI check: forms found", String(forms), "4", forms === 4);
  line("5. Hostile sheet (1,048,576-row used range)", "CLI check: time, peak RSS", `${ms(r.ms)}, ${(r.maxRssKb / 1024).toFixed(0)} MB`, "(reported)", undefined);
  return { forms, ms: r.ms, maxRssKb: r.maxRssKb };
}

function printTable() {
  const w = (s) => [...String(s)].reduce((n, ch) => n + (ch.codePointAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s, n) => String(s) + " ".repeat(Math.max(0, n - w(s)));
  const cols = ["what", "value", "budget", "verdict"];
  const widths = cols.map((c) => Math.max(w(c), ...rows.map((r) => w(r[c]))));
  let section = "";
  console.log(`\nselfeval benchmark — ${cores} cores, Node ${process.version}, ${results.machine.memoryGiB} GiB\n`);
  for (const r of rows) {
    if (r.section !== section) {
      section = r.section;
      console.log(`\n${section}`);
    }
    console.log("  " + cols.map((c, i) => pad(r[c], widths[i])).join("  "));
  }
  const failed = rows.filter((r) => r.verdict === "FAIL").length;
  console.log(`\n${rows.filter((r) => r.verdict === "PASS").length} PASS, ${failed} FAIL`);
}

async function main() {
  console.log("generating workbooks…");
  const made = await gen.generateAll();
  results.sections.officeRoundTrips = await officeRoundTrips([
    ["forms-1", made["forms-1"]],
    ["forms-10", made["forms-10"]],
    ["forms-100", made["forms-100"]],
    ["rows-1000", made["rows-1000"]],
    ["hostile", made.hostile],
  ]);
  results.sections.engineVsParse = await engineVsParse([
    ["forms-1", made["forms-1"], 1],
    ["forms-10", made["forms-10"], 10],
    ["forms-100", made["forms-100"], 100],
    ["forms-500", made["forms-500"], 500],
  ]);
  results.sections.bulk = await bulk(made.bulk);
  results.sections.pane = await pane();
  results.sections.hostile = hostileSheet(made.hostile);
  results.table = rows;
  results.generatedAt = new Date().toISOString();
  fs.writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  printTable();
  console.log("\nwritten: bench/results.json");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
