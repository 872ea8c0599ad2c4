"use strict";
/**
 * The CLI as the benchmark runs it: build/cli/main.js, then one line on stderr with the whole process's CPU time and
 * peak RSS (worker threads included: getrusage of the process). `node bench/cli-stats.js check DIR --jobs 2`.
 */
const path = require("path");
const { main } = require(path.join(__dirname, "..", "build", "cli", "main.js"));
const t0 = process.hrtime.bigint();
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + "\n"),
  err: () => {},
  isTTY: false,
}).then((code) => {
  const u = process.resourceUsage();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stderr.write(`BENCH_STATS ${JSON.stringify({ code, wallMs, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS })}\n`);
  process.exitCode = code;
});
