"use strict";
/**
 * Bulk checking: 200 workbooks of 100 forms, one thread against --jobs 2, judged against the machine's own ceiling
 * measured in the same rounds. Each round runs, in ABBA order (reversed every other round, so a drift in the
 * machine's load falls on both sides):
 *   A  selfeval check bulk/ --json --jobs 1
 *   B  selfeval check bulk/ --json --jobs 2
 *   S  two plain Node CPU loops (separate processes), one after the other
 *   P  the same two loops side by side
 *   C  selfeval check bulk-50/ --json --jobs 2   (memory: 50 files against B's 200)
 * and gives a paired speed-up A/B, a paired ceiling S/P and their quotient, the efficiency. The figures are medians
 * over the rounds with their min–max. Each CLI run reports its own CPU time and peak RSS (bench/cli-stats.js), and on
 * Linux how that CPU time splits between the main thread, the worker threads and V8's background threads.
 *
 * Why the speed-up is what it is, as three factors whose product is the speed-up, per round (exactly: A/B =
 * (2·A/cpuA) × (cpuB/(2·B)) × (cpuA/cpuB)):
 *   bound   2 × wall ÷ CPU of --jobs 1: the most any split of one thread's work over 2 cores can give. One thread
 *           already uses more than one core (V8 compiles and collects garbage on background threads, on the other
 *           core), so this is below 2 even on an idle machine;
 *   busy    CPU ÷ (2 × wall) of --jobs 2: how much of the two cores --jobs 2 keeps working (the pool's own share);
 *   extra   CPU of --jobs 2 ÷ CPU of --jobs 1: the work a second thread adds (its own JIT compilation and heap).
 */
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { performance } = require("perf_hooks");

const LOOP = "const k=+process.argv[1];let x=0;for(let i=0;i<k;i++){x=(x*31+i)>>>0}if(x===42)console.log(x)";

function child(args, stdoutFile) {
  return new Promise((resolve, reject) => {
    const fd = stdoutFile ? fs.openSync(stdoutFile, "w") : "ignore";
    const t0 = performance.now();
    const c = spawn(process.execPath, args, { stdio: ["ignore", fd, "pipe"] });
    let err = "";
    c.stderr.on("data", (d) => (err += d));
    c.on("error", reject);
    c.on("close", (code) => {
      const wallMs = performance.now() - t0;
      if (typeof fd === "number") fs.closeSync(fd);
      const m = /BENCH_STATS (\{.*\})/.exec(err);
      resolve({ ...(m ? JSON.parse(m[1]) : {}), code, wallMs });
    });
  });
}

module.exports = {
  title: "3. Bulk checking (200 workbooks × 100 forms), paired rounds against the machine's ceiling",
  async run(ctx) {
    const made = await ctx.workbooks();
    const cli = path.join(ctx.ROOT, "bench/cli-stats.js");
    const out1 = path.join(ctx.TMP, "bulk-jobs1.json"), out2 = path.join(ctx.TMP, "bulk-jobs2.json");
    const check = (dir, jobs, out) => child([cli, "check", dir, "--json", "--jobs", String(jobs)], out);
    const loops = (k, sideBySide) =>
      sideBySide
        ? (async () => {
            const t0 = performance.now();
            await Promise.all([child(["-e", LOOP, String(k)]), child(["-e", LOOP, String(k)])]);
            return performance.now() - t0;
          })()
        : (async () => {
            const t0 = performance.now();
            await child(["-e", LOOP, String(k)]);
            await child(["-e", LOOP, String(k)]);
            return performance.now() - t0;
          })();

    // warm-up: the files into the page cache, and one thread's time to size the loops by (each a third of it)
    const warm = await check(made.bulk, 1, out1);
    const probeK = 2e8;
    const probe = (await child(["-e", LOOP, String(probeK)])).wallMs;
    const k = Math.max(1e7, Math.round((probeK * (warm.wallMs / 3)) / probe));

    const rounds = ctx.args.rounds || 5;
    const r = { A: [], B: [], S: [], P: [], C: [] };
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? ["A", "B", "S", "P", "C"] : ["C", "P", "S", "B", "A"];
      for (const step of order) {
        if (step === "A") r.A.push(await check(made.bulk, 1, out1));
        if (step === "B") r.B.push(await check(made.bulk, 2, out2));
        if (step === "C") r.C.push(await check(made.bulk50, 2, null));
        if (step === "S") r.S.push(await loops(k, false));
        if (step === "P") r.P.push(await loops(k, true));
      }
      process.stdout.write(`  round ${i + 1}/${rounds}: --jobs 1 ${(r.A[i].wallMs / 1000).toFixed(2)} s, --jobs 2 ${(r.B[i].wallMs / 1000).toFixed(2)} s, loops ${(r.S[i] / 1000).toFixed(2)} s / ${(r.P[i] / 1000).toFixed(2)} s\n`);
    }
    const same = fs.readFileSync(out1).equals(fs.readFileSync(out2));
    const codesOk = [...r.A, ...r.B, ...r.C].every((x) => x.code === 1 || x.code === 0);
    const s = ctx.stats;
    const one = s(r.A.map((x) => x.wallMs)), two = s(r.B.map((x) => x.wallMs));
    const speedup = s(r.A.map((a, i) => a.wallMs / r.B[i].wallMs));
    const ceiling = s(r.S.map((x, i) => x / r.P[i]));
    const efficiency = s(r.A.map((a, i) => a.wallMs / r.B[i].wallMs / (r.S[i] / r.P[i])));
    const cpu = s(r.A.map((a, i) => r.B[i].cpuMs / a.cpuMs));
    // the three factors of the speed-up, per round (see the top of this file)
    const bound = s(r.A.map((a) => (2 * a.wallMs) / a.cpuMs));
    const busy = s(r.B.map((b) => b.cpuMs / (2 * b.wallMs)));
    const boundOverCeiling = s(r.A.map((a, i) => (2 * a.wallMs) / a.cpuMs / (r.S[i] / r.P[i])));
    const coresOne = s(r.A.map((a) => a.cpuMs / a.wallMs));
    const split = (runs, keys) =>
      runs.every((x) => keys.every((k) => typeof x[k] === "number"))
        ? keys.map((k) => (ctx.median(runs.map((x) => x[k])) / 1000).toFixed(2)).join(" / ") + " s"
        : "n/a (no /proc)";
    const rss1 = s(r.A.map((x) => x.maxRssKb / 1024)), rss200 = s(r.B.map((x) => x.maxRssKb / 1024)), rss50 = s(r.C.map((x) => x.maxRssKb / 1024));
    const flat = rss200.median / rss50.median;

    // a few small files: the default (no --jobs) takes one thread; --jobs 2 boots a worker for them anyway
    const few = fs.readdirSync(made.few).length;
    const fewBytes = fs.readdirSync(made.few).reduce((n, f) => n + fs.statSync(path.join(made.few, f)).size, 0);
    const fd = { wall: [], cpu: [] }, f2 = { wall: [], cpu: [] };
    for (let i = 0; i < 5; i++) {
      for (const [acc, extra] of i % 2 ? [[f2, ["--jobs", "2"]], [fd, []]] : [[fd, []], [f2, ["--jobs", "2"]]]) {
        const x = await child([cli, "check", made.few, "--json", ...extra], null);
        acc.wall.push(x.wallMs);
        acc.cpu.push(x.cpuMs);
      }
    }

    const x = (v) => `${v.toFixed(2)}×`;
    const rangeX = (st) => `${x(st.median)} (${st.min.toFixed(2)}–${st.max.toFixed(2)})`;
    const rows = [
      { what: `--jobs 1 (one child process), ${rounds} rounds`, value: ctx.spread(s(one.values.map((v) => v / 1000)), " s", 2), budget: "(reported)" },
      { what: "--jobs 2 (two child processes)", value: ctx.spread(s(two.values.map((v) => v / 1000)), " s", 2), budget: "(reported)" },
      { what: "speed-up, --jobs 1 ÷ --jobs 2 in the same round", value: rangeX(speedup), budget: "(reported)" },
      { what: "machine ceiling: 2 CPU loops one after the other ÷ side by side", value: rangeX(ceiling), budget: "(reported; 2.00× on an idle machine)" },
      { what: "speed-up ÷ ceiling, per round", value: ctx.spread(efficiency, "", 2), budget: "≥ 0.85", pass: efficiency.median >= 0.85 },
      { what: "CPU time --jobs 2 ÷ --jobs 1 (extra: the work a second thread adds)", value: rangeX(cpu), budget: "(reported)" },
      { what: "--jobs 1 CPU: main process's main thread / child / main's V8 background", value: split(r.A, ["mainMs", "workersMs", "bgMs"]), budget: "(reported)" },
      { what: "--jobs 2 CPU: main process's main thread / children / main's V8 background", value: split(r.B, ["mainMs", "workersMs", "bgMs"]), budget: "(reported)" },
      { what: "cores used by --jobs 1 (CPU ÷ wall)", value: ctx.spread(coresOne, "", 2), budget: "(reported; 1.00 if V8 used no other thread)" },
      { what: "bound: 2 × wall ÷ CPU of --jobs 1 (best split of its work on 2 cores)", value: rangeX(bound), budget: "(reported)" },
      { what: "bound ÷ ceiling, per round (the best speed-up ÷ ceiling could be)", value: ctx.spread(boundOverCeiling, "", 2), budget: "(reported)" },
      { what: "busy: CPU ÷ (2 × wall) of --jobs 2 (both cores kept working)", value: ctx.spread(busy, "", 2), budget: "(reported)" },
      { what: "speed-up = bound × busy ÷ extra (medians)", value: `${bound.median.toFixed(2)} × ${busy.median.toFixed(2)} ÷ ${cpu.median.toFixed(2)} = ${((bound.median * busy.median) / cpu.median).toFixed(2)}`, budget: "(reported)" },
      { what: "same --json bytes with --jobs 1 and --jobs 2; exit codes 0/1", value: String(same && codesOk), budget: "true", pass: same && codesOk },
      { what: "peak RSS: --jobs 1 / --jobs 2 (200 files) / --jobs 2 (50 files)", value: `${rss1.median.toFixed(0)} / ${rss200.median.toFixed(0)} / ${rss50.median.toFixed(0)} MB`, budget: "(reported)" },
      { what: "peak RSS --jobs 2, 200 files ÷ 50 files (medians)", value: x(flat), budget: "≤ 1.15× (flat)", pass: flat <= 1.15 },
      {
        what: `${few} small files (${(fewBytes / 1024).toFixed(0)} KB): default vs --jobs 2, wall; CPU`,
        value: `${ctx.median(fd.wall).toFixed(0)} vs ${ctx.median(f2.wall).toFixed(0)} ms; ${ctx.median(fd.cpu).toFixed(0)} vs ${ctx.median(f2.cpu).toFixed(0)} ms`,
        budget: "(reported)",
      },
    ];
    const results = {
      files: 200,
      formsPerFile: 100,
      rounds,
      loopIterations: k,
      oneThreadMs: one,
      jobs2Ms: two,
      speedup,
      ceiling,
      efficiency,
      cpuRatio: cpu,
      bound,
      boundOverCeiling,
      busy,
      coresUsedByOneThread: coresOne,
      sameOutput: same,
      peakRssMb: { jobs1: rss1, jobs2: rss200, jobs2At50: rss50, flat },
      raw: { A: r.A, B: r.B, C: r.C, loopsOneAfterOtherMs: r.S, loopsSideBySideMs: r.P },
      fewSmallFiles: { files: few, bytes: fewBytes, defaultWallMs: ctx.stats(fd.wall), jobs2WallMs: ctx.stats(f2.wall), defaultCpuMs: ctx.stats(fd.cpu), jobs2CpuMs: ctx.stats(f2.cpu) },
    };
    return { rows, results };
  },
};
