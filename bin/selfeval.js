#!/usr/bin/env node
"use strict";
// The command line: the compiled TypeScript in build/ (built by `npm ci`/`npm install` through the prepare script).
const path = require("path");
let cli;
try {
  cli = require(path.join(__dirname, "..", "build", "cli", "main.js"));
} catch (e) {
  process.stderr.write("selfeval: the command line is not built yet; run `npm run build:cli` (npm ci does it).\n");
  process.exit(2);
}
cli
  .main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s.endsWith("\n") || s.startsWith("\r") ? s : s + "\n"),
    isTTY: !!process.stderr.isTTY,
  })
  .then((code) => {
    process.exitCode = code;
    // for the benchmark: peak memory of the whole run (worker threads included)
    if (process.env.SELFEVAL_STATS) process.stderr.write(`SELFEVAL_STATS ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  })
  .catch((e) => {
    process.stderr.write(`selfeval: internal error: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  });
