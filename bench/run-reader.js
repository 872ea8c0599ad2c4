#!/usr/bin/env node
"use strict";
/**
 * Runs bench/sections/reader.js on its own (until bench/run.js loads bench/sections/*.js, then this driver goes):
 *   npx tsc -p tsconfig.cli.json && npx tsc -p tsconfig.bench.json && node bench/run-reader.js
 */
const path = require("path");
const ROOT = path.resolve(__dirname, "..");
const B = (p) => require(path.join(ROOT, "build-bench", p));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = (n, fn) => Array.from({ length: n }, () => fn());
const section = require("./sections/reader");
section
  .run({ ROOT, B, median, samples })
  .then(({ rows, results }) => {
    console.log(`\n${section.title}`);
    for (const r of rows) console.log(`  ${r.what}  ${r.value}  ${r.budget}  ${r.pass === undefined ? "" : r.pass ? "PASS" : "FAIL"}`);
    console.log(JSON.stringify(results, null, 2));
    if (rows.some((r) => r.pass === false)) process.exitCode = 1;
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
