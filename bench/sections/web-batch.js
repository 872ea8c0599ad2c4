"use strict";
/**
 * Bench section: a province's year in the web page (issue 33). 2,000 one-form submissions against 200, given to
 * dist/web.html's file input in Debian's Chromium, checked by the page's pool of workers and summarised, the time
 * from choosing the files to the summary table shown; the pool of two workers against one (?workers=1) on the same
 * 2,000 files in the same run; and the peak memory of the page and its workers: the resident size of Chromium's
 * renderer processes (the page's process holds its workers), read from /proc every 100 ms over the run.
 * Budgets: time per file at 2,000 ≤ 1.1 × at 200; two workers ≥ 1.5 × faster than one; peak at 2,000 ≤ 1.2 × at 200.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { execFileSync } = require("child_process");

const SMALL = 200;
const LARGE = 2000;

/** 200 generated submissions (as bench/sections/web.js makes them), then copies under new names up to 2,000. */
async function submissions(ROOT) {
  const dir = path.join(ROOT, "bench/tmp/web-batch");
  const name = (i) => path.join(dir, `单位${String(i + 1).padStart(4, "0")}.xlsx`);
  const want = Array.from({ length: LARGE }, (_, i) => name(i));
  if (want.every((f) => fs.existsSync(f))) return want;
  fs.mkdirSync(dir, { recursive: true });
  const ExcelJS = require("exceljs");
  const L = require(path.join(ROOT, "scripts/layouts"));
  const { loadSeed } = require(path.join(ROOT, "scripts/seed"));
  const forms = loadSeed(path.join(ROOT, "samples/seed-forms.txt"));
  for (let i = 0; i < SMALL; i++) {
    const wb = new ExcelJS.Workbook();
    const plan = L.newPlan("项目1");
    if (i % 2 === 0) L.official(plan, forms[i % forms.length], 0, 0);
    else L.provincial(plan, forms[i % forms.length], 0, 0);
    L.writePlan(wb, plan);
    await wb.xlsx.writeFile(want[i]);
  }
  for (let i = SMALL; i < LARGE; i++) fs.copyFileSync(want[i % SMALL], want[i]);
  return want;
}

/** The processes of the Chromium started with this profile (Linux /proc): pid → command line, or null elsewhere. */
function browserTree(userDataDir) {
  let pids;
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const parent = new Map();
  const cmd = new Map();
  for (const p of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      parent.set(p, stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      cmd.set(p, fs.readFileSync(`/proc/${p}/cmdline`, "utf8"));
    } catch {
      // gone
    }
  }
  const root = [...cmd].find(([, c]) => c.includes(userDataDir) && !c.includes("--type="));
  if (!root) return null;
  const inTree = (p) => {
    for (let q = p, n = 0; q && n < 20; q = parent.get(q), n++) if (q === root[0]) return true;
    return false;
  };
  return new Map([...cmd].filter(([p]) => inTree(p)));
}

/** Resident bytes of the Chromium renderer processes started with this profile, or null where /proc is not there. */
function rendererRss(userDataDir) {
  const tree = browserTree(userDataDir);
  if (!tree) return null;
  let rss = 0;
  for (const [p, c] of tree) {
    if (!c.includes("--type=renderer")) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) rss += Number(m[1]) * 1024;
    } catch {
      // gone
    }
  }
  return rss;
}

/**
 * CPU seconds of every thread of the Chromium started with this profile (utime + stime of each task), keyed by
 * process/thread, with the thread's name and its process type — or null where /proc is not there.
 */
function browserThreads(userDataDir) {
  const tree = browserTree(userDataDir);
  if (!tree) return null;
  const tick = 100; // USER_HZ on Linux
  const out = new Map();
  for (const [p, c] of tree) {
    const type = (/--type=([a-z-]+)/.exec(c) || [null, "browser"])[1];
    let tasks = [];
    try {
      tasks = fs.readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const st = fs.readFileSync(`/proc/${p}/task/${t}/stat`, "utf8");
        const comm = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")"));
        const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
        out.set(`${p}/${t}`, { type, comm, cpu: (Number(f[11]) + Number(f[12])) / tick });
      } catch {
        // gone
      }
    }
  }
  return out;
}

/** The CPU a batch cost, by where it ran: the page's workers, the page's own thread, the rest of the browser. */
function cpuSpent(before, after) {
  if (!before || !after) return null;
  const spent = { workers: 0, page: 0, rest: 0 };
  for (const [k, t] of after) {
    const d = t.cpu - (before.get(k)?.cpu ?? 0);
    if (d <= 0) continue;
    if (t.type === "renderer" && /DedicatedWorker/.test(t.comm)) spent.workers += d;
    else if (t.type === "renderer" && /^(chromium|CrRendererMain)/.test(t.comm)) spent.page += d;
    else spent.rest += d;
  }
  return spent;
}

module.exports = {
  title: "A province's year in the web page (2,000 vs 200 files, two workers vs one)",
  async run(ctx) {
    const { ROOT } = ctx;
    const median = typeof ctx.median === "function" ? ctx.median : (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const samples = Math.max(1, Math.min(Number(ctx.samples) || 3, 5));
    const dist = path.join(ROOT, "dist");
    if (!fs.existsSync(path.join(dist, "web.html"))) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    const rows = [];
    const H = typeof ctx.B === "function" ? ctx.B("test/browser/harness.js") : require(path.join(ROOT, "build-bench/test/browser/harness.js"));
    const T = typeof ctx.B === "function" ? ctx.B("test/support/tool-check.js") : require(path.join(ROOT, "build-bench/test/support/tool-check.js"));
    const missing = T.missingToolLine(T.CHROMIUM_TOOL(H.CHROMIUM));
    if (missing) {
      rows.push({ what: `${LARGE} submissions in the page`, value: `not measured: ${missing}`, budget: "—", pass: undefined });
      return { rows, results: {} };
    }
    const all = await submissions(ROOT);
    const { chromium } = require("playwright-core");
    const server = await H.serveDist();

    /** One batch: files chosen → summary table shown; the wall time, the page's own, the peak renderer RSS. */
    async function batch(n, workers) {
      const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-batch-"));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: H.CHROMIUM,
        headless: true,
        viewport: { width: 1100, height: 900 },
        args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
      });
      try {
        await context.route("**/*", (route) => {
          const u = new URL(route.request().url());
          return u.hostname === "127.0.0.1" || u.protocol === "blob:" || u.protocol === "data:" ? route.continue() : route.abort();
        });
        const page = context.pages()[0] || (await context.newPage());
        await page.goto(`${server.url}/web.html${workers ? `?workers=${workers}` : ""}`);
        await page.getByTestId("pick").waitFor();
        const base = rendererRss(userDataDir);
        const cpu0 = browserThreads(userDataDir);
        let peak = base ?? 0;
        const timer = setInterval(() => {
          const r = rendererRss(userDataDir);
          if (r !== null && r > peak) peak = r;
        }, 100);
        const t0 = Date.now();
        await page.getByTestId("file-input").setInputFiles(all.slice(0, n));
        // done: the count line counts every file's row (the table lays out the first 200 of them)
        await page.waitForFunction(
          (k) => {
            const c = document.querySelector("[data-testid=counts]");
            if (!c || document.querySelector("[data-testid=progress]")) return false;
            return Object.values(JSON.parse(c.getAttribute("data-counts") || "{}")).reduce((a, b) => a + b, 0) >= k;
          },
          n,
          { timeout: 600000, polling: 250 },
        );
        const wall = Date.now() - t0;
        const cpu = cpuSpent(cpu0, browserThreads(userDataDir));
        clearInterval(timer);
        const r = rendererRss(userDataDir);
        if (r !== null && r > peak) peak = r;
        const done = page.getByTestId("done");
        return { wall, inPage: Number(await done.getAttribute("data-elapsed-ms")), workers: Number(await done.getAttribute("data-workers")), peak: base === null ? null : peak, cpu, load: os.loadavg()[0] };
      } finally {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      }
    }

    const runs = { small: [], large: [], one: [] };
    try {
      for (let s = 0; s < samples; s++) {
        runs.small.push(await batch(SMALL, 2));
        runs.large.push(await batch(LARGE, 2));
        runs.one.push(await batch(LARGE, 1));
      }
    } finally {
      await server.close();
    }
    const med = (xs, k) => median(xs.map((x) => x[k]));
    const small = med(runs.small, "inPage");
    const large = med(runs.large, "inPage");
    const one = med(runs.one, "inPage");
    const perSmall = small / SMALL;
    const perLarge = large / LARGE;
    rows.push({ what: `${SMALL} one-form files, two workers: chosen → summary table (median of ${samples}; in the page)`, value: `${(med(runs.small, "wall") / 1000).toFixed(2)} s (${(small / 1000).toFixed(2)} s), ${perSmall.toFixed(2)} ms a file`, budget: "(reported)", pass: undefined });
    rows.push({ what: `${LARGE} one-form files, two workers: the same`, value: `${(med(runs.large, "wall") / 1000).toFixed(2)} s (${(large / 1000).toFixed(2)} s), ${perLarge.toFixed(2)} ms a file`, budget: "(reported)", pass: undefined });
    rows.push({ what: `time a file at ${LARGE} ÷ at ${SMALL}`, value: (perLarge / perSmall).toFixed(2), budget: "≤ 1.10", pass: perLarge <= 1.1 * perSmall });
    rows.push({ what: `${LARGE} files with one worker (?workers=1), the same run`, value: `${(one / 1000).toFixed(2)} s in the page`, budget: "(reported)", pass: undefined });
    rows.push({ what: "two workers against one: one's time ÷ two's", value: `${(one / large).toFixed(2)} × (on ${os.cpus().length} cores, shared with whatever else runs)`, budget: "≥ 1.5 ×", pass: one / large >= 1.5 });
    // Why two workers may not halve the time: the browser's own work for each file (its thread reading files, the
    // page's thread, the workers' garbage collector) needs the same two cores. Amdahl's bound from the CPU measured.
    const cpus = runs.one.map((x) => x.cpu).filter(Boolean);
    if (cpus.length) {
      const w = median(cpus.map((c) => c.workers));
      const pg = median(cpus.map((c) => c.page));
      const rest = median(cpus.map((c) => c.rest));
      const share = w / (w + pg + rest);
      const cores = Math.min(2, os.cpus().length);
      const bound = 1 / (1 - share + share / cores);
      rows.push({ what: `CPU of the one-worker run of ${LARGE}: workers · the page's thread · the rest of the browser`, value: `${w.toFixed(2)} s · ${pg.toFixed(2)} s · ${rest.toFixed(2)} s (workers ${(share * 100).toFixed(0)} %)`, budget: "(reported)", pass: undefined });
      rows.push({ what: `the best two workers can do on ${cores} cores with that share (Amdahl)`, value: `${bound.toFixed(2)} ×; load average during the runs ${median(runs.one.map((x) => x.load)).toFixed(1)}`, budget: "(reported)", pass: undefined });
    }
    const peaks = (xs) => xs.map((x) => x.peak).filter((x) => x !== null);
    if (peaks(runs.small).length && peaks(runs.large).length) {
      const ps = median(peaks(runs.small));
      const pl = median(peaks(runs.large));
      rows.push({ what: `peak memory of the page and its workers (renderer RSS): ${SMALL} → ${LARGE} files`, value: `${(ps / 1048576).toFixed(0)} MB → ${(pl / 1048576).toFixed(0)} MB (${(pl / ps).toFixed(2)} ×)`, budget: "≤ 1.2 ×", pass: pl <= 1.2 * ps });
    } else rows.push({ what: "peak memory of the page and its workers", value: "not measured (no /proc)", budget: "≤ 1.2 ×", pass: undefined });
    rows.push({ what: "workers the page used", value: `${med(runs.large, "workers")} (and ${med(runs.one, "workers")} with ?workers=1)`, budget: "2", pass: med(runs.large, "workers") === 2 });
    return { rows, results: { samples, runs } };
  },
};
