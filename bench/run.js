#!/usr/bin/env node
"use strict";
/**
 * npm run bench: runs every section in bench/sections/*.js (in file-name order), prints one table with PASS/FAIL per
 * budget, and writes the figures to bench/tmp/results.json (git-ignored). Only `npm run bench -- --save` writes the
 * tracked bench/results.json. Not part of npm test.
 *
 *   npm run bench                      all sections
 *   npm run bench -- --only bulk       sections whose file name contains "bulk" (repeatable)
 *   npm run bench -- --rounds 7        rounds of the paired measurements (sections that take it; default 5)
 *   npm run bench -- --save            also write bench/results.json (the figures the README quotes)
 *
 * A section exports { title, async run(ctx) → { rows: [{ what, value, budget, pass }], results } }: `pass` is
 * true/false for a budget, undefined for a figure that is only reported; `results` is any JSON. ctx holds:
 *   ROOT            the repository
 *   B(p)            require(build-bench/p): the TypeScript compiled by tsconfig.bench.json
 *   median(xs)      the median of numbers
 *   samples(n, fn)  runs fn(i) n times, one after another; each value is what fn returns when it returns a number,
 *                   else its wall time in ms; gives { n, median, min, max, values }
 *   stats(xs)       the same summary of numbers measured some other way
 *   spread(s, unit, digits)   "412.3 ms (398.0–431.9)": a median with its min–max
 *   workbooks()     the generated workbooks (bench/generate.js, in bench/tmp/), made once per run
 *   cores, args (the command line after --), TMP (bench/tmp/)
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const gen = require("./generate");

const ROOT = path.resolve(__dirname, "..");
const TMP = path.join(__dirname, "tmp");
const B = (p) => require(path.join(ROOT, "build-bench", p));
const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;

function parseArgs(argv) {
  const a = { save: false, only: [], rounds: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--save") a.save = true;
    else if (argv[i] === "--only") a.only.push(argv[++i]);
    else if (argv[i] === "--rounds") a.rounds = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (--save, --only NAME, --rounds N)`);
  }
  return a;
}

function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function stats(values) {
  return { n: values.length, median: median(values), min: Math.min(...values), max: Math.max(...values), values };
}
async function samples(n, fn) {
  const values = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fn(i);
    values.push(typeof r === "number" ? r : performance.now() - t0);
  }
  return stats(values);
}
function spread(s, unit = " ms", digits = 1) {
  const f = (x) => x.toFixed(digits);
  return s.n > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${unit}`;
}
let made = null;
async function workbooks() {
  if (!made) {
    console.log("generating workbooks…");
    made = await gen.generateAll();
  }
  return made;
}

function printTable(sections) {
  const w = (s) => [...String(s)].reduce((n, ch) => n + (ch.codePointAt(0) > 0x2e80 ? 2 : 1), 0);
  const pad = (s, n) => String(s) + " ".repeat(Math.max(0, n - w(s)));
  const all = sections.flatMap((s) => s.rows);
  const cols = ["what", "value", "budget", "verdict"];
  const widths = cols.map((c) => Math.max(w(c), ...all.map((r) => w(r[c]))));
  console.log(`\nselfeval benchmark — ${cores} cores, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  for (const s of sections) {
    console.log(`\n${s.title}`);
    for (const r of s.rows) console.log("  " + cols.map((c, i) => pad(r[c], widths[i])).join("  ").trimEnd());
  }
  const pass = all.filter((r) => r.verdict === "PASS").length;
  const fail = all.filter((r) => r.verdict === "FAIL");
  console.log(`\n${pass} PASS, ${fail.length} FAIL${fail.length ? ": " + fail.map((r) => r.what).join("; ") : ""}`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const ctx = { ROOT, B, median, samples, stats, spread, workbooks, cores, args, TMP };
  const dir = path.join(__dirname, "sections");
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .filter((f) => args.only.length === 0 || args.only.some((o) => f.includes(o)));
  const results = {
    machine: { cores, node: process.version, platform: `${os.type()} ${os.release()}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverageAtStart: os.loadavg() },
    command: `npm run bench${process.argv.length > 2 ? " -- " + process.argv.slice(2).join(" ") : ""}`,
    sections: {},
  };
  const printed = [];
  for (const f of files) {
    const section = require(path.join(dir, f));
    console.log(`— ${section.title}`);
    const t0 = performance.now();
    const out = await section.run(ctx);
    const rows = out.rows.map((r) => ({ what: r.what, value: r.value, budget: r.budget ?? "", verdict: r.pass === undefined ? "" : r.pass ? "PASS" : "FAIL" }));
    results.sections[f.replace(/\.js$/, "")] = { title: section.title, seconds: (performance.now() - t0) / 1000, rows, results: out.results };
    printed.push({ title: section.title, rows });
  }
  results.generatedAt = new Date().toISOString();
  printTable(printed);
  fs.mkdirSync(TMP, { recursive: true });
  const target = args.save ? path.join(__dirname, "results.json") : path.join(TMP, "results.json");
  fs.writeFileSync(target, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwritten: ${path.relative(ROOT, target)}${args.save ? "" : " (git-ignored; npm run bench -- --save writes bench/results.json)"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
