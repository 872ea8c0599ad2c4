"use strict";
/**
 * At each of the reader's limits (src/xlsx/limits.ts): `check` and `fix` of a workbook grown to just under one limit
 * (bench/limits.js), time and peak RSS of the whole CLI process (bench/cli-stats.js), each as a ratio to the same
 * figures for the normal 1-form file it is grown from. The budgets say "bounded and linear": a file at a count limit
 * costs at most its share of the work (a thousand sheets of one form may cost a thousand forms, never more), a file
 * at a size limit at most a fixed multiple of its unpacked size in memory. Median of 3 runs each.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

/**
 * Budgets, as ratios to the normal file (whose ~40 ms check is mostly Node's start): time, peak RSS. Set at about twice
 * what a run on the shared 2-core machine gave (bench/results.json keeps the figures). The sheets file holds 1,000
 * forms (so 100× is 0.1× a form each); part-bytes unpacks a 127 MB sheet, and fix holds it as bytes and text, the
 * patched text and bytes, and reads the copy back: about 6.5 times the part (830 MB) at the limit.
 */
const BUDGETS = {
  merges: { time: 30, rss: 6 },
  sheets: { time: 100, rss: 4 },
  cells: { time: 40, rss: 16 },
  relationships: { time: 15, rss: 3 },
  "shared-strings": { time: 100, rss: 18 },
  styles: { time: 20, rss: 4 },
  "entity-chars": { time: 5, rss: 2 },
  "cell-text": { time: 8, rss: 2 },
  "part-bytes": { time: 100, rss: 20 },
};

function once(ROOT, argv) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bench/cli-stats.js"), ...argv], { encoding: "utf8", maxBuffer: 1 << 28 });
  const m = /BENCH_STATS (\{.*\})/.exec(r.stderr);
  if (!m) throw new Error(`no stats from ${argv.join(" ")}: ${r.stderr.slice(0, 300)}`);
  const s = JSON.parse(m[1]);
  // the peak since exec where /proc has it (getrusage's maxRSS can carry the benchmark process's size over the fork),
  // or the process tree's sampled peak when the CLI checked the file in a child process, whichever is larger
  const kb = s.hwmKb === undefined || s.hwmKb === null ? s.maxRssKb : Math.max(s.hwmKb, s.treeKb ?? 0);
  return { ms: s.wallMs, mb: kb / 1024, code: r.status };
}

module.exports = {
  title: "Reader limits: at each limit (src/xlsx/limits.ts): check and fix, time and peak RSS as ratios to a normal 1-form file, median of 3",
  async run(ctx) {
    const { LIMITS } = ctx.B("src/xlsx/limits.js");
    const made = require(path.join(ctx.ROOT, "bench/limits.js")).generate(LIMITS);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bench-limits-"));
    const measure = async (file, command) => {
      const ms = [], mb = [];
      let code = null;
      await ctx.samples(3, () => {
        const argv = command === "fix" ? ["fix", file, "--out", out, "--force", "--json"] : ["check", file, "--json"];
        const r = once(ctx.ROOT, argv);
        ms.push(r.ms);
        mb.push(r.mb);
        code = r.code;
        return r.ms;
      });
      return { ms: ctx.median(ms), mb: ctx.median(mb), code };
    };
    const rows = [];
    const results = { limits: LIMITS, normal: {}, at: {} };
    for (const command of ["check", "fix"]) {
      const base = await measure(made.normal, command);
      results.normal[command] = base;
      rows.push({ what: `normal 1-form file, ${command}`, value: `${base.ms.toFixed(0)} ms, ${base.mb.toFixed(0)} MB`, budget: "(the unit)" });
      for (const [name, budget] of Object.entries(BUDGETS)) {
        const r = await measure(made[name], command);
        const t = r.ms / base.ms, m = r.mb / base.mb;
        // read, not refused: a file just under a limit is checked (exit 0 or 1)
        const read = r.code === 0 || r.code === 1;
        results.at[`${name} ${command}`] = { ...r, timeRatio: t, rssRatio: m };
        rows.push({
          what: `${name}, ${command}: time ×, peak RSS × (exit ${r.code})`,
          value: `${t.toFixed(1)}× (${r.ms.toFixed(0)} ms), ${m.toFixed(1)}× (${r.mb.toFixed(0)} MB)`,
          budget: `≤ ${budget.time}×, ≤ ${budget.rss}×, read`,
          pass: read && t <= budget.time && m <= budget.rss,
        });
      }
    }
    fs.rmSync(out, { recursive: true, force: true });
    return { rows, results };
  },
};
