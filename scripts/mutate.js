#!/usr/bin/env node
"use strict";
/**
 * npm run mutate: Stryker over the domain core (stryker.config.json; README, Tests → Mutation testing), then the
 * mutation score of each file. Arguments go to Stryker, e.g. one file group at a time while iterating:
 *
 *   npm run mutate
 *   npm run mutate -- --mutate "src/core/rules/**\/*.ts"
 *   npm run mutate -- --mutate src/core/scoring.ts,src/core/outcome.ts
 *
 * Each run updates reports/mutation/scores.json (the latest figures of every file it mutated, kept across runs of
 * different groups) and prints and writes reports/mutation/scores.txt: per file killed, survived, timed out, no
 * coverage, the score, and every survivor (line, mutator, replacement). HTML: reports/mutation/index.html.
 * `node scripts/mutate.js --scores [SECONDS]` only reads the last report into the table.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "reports", "mutation");
const reportFile = path.join(OUT, "mutation.json");
// `--scores SECONDS`: only read the last report (of a Stryker run started some other way) into the table
const scoresOnly = process.argv[2] === "--scores";
const started = Date.now();

/**
 * Stryker's incremental mode sees the core suites as one unchanged test file (test/mutation/core-suites.mutate.ts): it
 * reruns a mutant for a new test name, not for an edited test. So each run records a hash of every suite it loads
 * (reports/mutation/suites.json), and a run without --force after an existing suite changed says so: its reused
 * results may be stale (a survivor the edited test now kills is still reported as one) — add --force to measure.
 */
const crypto = require("crypto");
const suitesFile = path.join(OUT, "suites.json");
function suiteHashes() {
  const walk = (dir) =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(`${dir}/${e.name}`) : e.name.endsWith(".ts") ? [`${dir}/${e.name}`] : [],
    );
  const files = [...walk("test/core"), "test/addin/settings-precedence.test.ts"];
  return Object.fromEntries(files.map((f) => [f, crypto.createHash("sha1").update(fs.readFileSync(path.join(ROOT, f))).digest("hex")]));
}
const hashes = scoresOnly ? null : suiteHashes();
if (hashes && !process.argv.includes("--force") && fs.existsSync(suitesFile)) {
  const before = JSON.parse(fs.readFileSync(suitesFile, "utf8"));
  const edited = Object.keys(hashes).filter((f) => before[f] !== undefined && before[f] !== hashes[f]);
  if (edited.length) {
    console.warn(`mutate: ${edited.length} existing test file(s) changed since the last run (${edited.slice(0, 5).join(", ")}${edited.length > 5 ? ", …" : ""}).`);
    console.warn("mutate: incremental mode reruns mutants only for new test names; results it reuses may be stale. Add --force to measure.");
  }
}
if (!scoresOnly) {
  const stryker = path.join(path.dirname(require.resolve("@stryker-mutator/core/package.json")), "bin", "stryker.js");
  const r = spawnSync(process.execPath, [stryker, "run", ...process.argv.slice(2)], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0 || !fs.existsSync(reportFile)) process.exit(r.status === null ? 1 : r.status || 1);
}
if (hashes) {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(suitesFile, JSON.stringify(hashes, null, 2) + "\n");
}
const seconds = scoresOnly ? Number(process.argv[3]) || null : Math.round((Date.now() - started) / 1000);

const report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
const scoresFile = path.join(OUT, "scores.json");
const scores = fs.existsSync(scoresFile) ? JSON.parse(fs.readFileSync(scoresFile, "utf8")) : {};
const at = new Date().toISOString();
for (const [file, { mutants }] of Object.entries(report.files)) {
  const count = (...s) => mutants.filter((m) => s.includes(m.status)).length;
  const killed = count("Killed"), timeout = count("Timeout"), survived = count("Survived"), noCoverage = count("NoCoverage");
  const valid = killed + timeout + survived + noCoverage;
  scores[path.relative(ROOT, path.resolve(ROOT, file))] = {
    killed, timeout, survived, noCoverage,
    ignored: count("Ignored"), compileErrors: count("CompileError"), runtimeErrors: count("RuntimeError"),
    score: valid ? Math.round((10000 * (killed + timeout)) / valid) / 100 : null,
    at, runSeconds: seconds,
    survivors: mutants
      .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
      .map((m) => `${m.location.start.line}:${m.location.start.column} ${m.status === "NoCoverage" ? "no coverage " : ""}${m.mutatorName}${m.replacement !== undefined ? ` → ${String(m.replacement).replace(/\s+/g, " ").slice(0, 80)}` : ""}`),
  };
}
fs.writeFileSync(scoresFile, JSON.stringify(scores, null, 2) + "\n");

const files = Object.keys(scores).sort();
const pad = (s, n) => String(s).padEnd(n);
const lines = [`mutation score per file (killed + timed out) ÷ (killed + timed out + survived + no coverage); this run ${seconds} s`, ""];
lines.push(`${pad("file", 52)} ${pad("killed", 7)} ${pad("timeout", 8)} ${pad("survived", 9)} ${pad("no cov", 7)} ${pad("ignored", 8)} score`);
const sum = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
for (const f of files) {
  const s = scores[f];
  for (const k of Object.keys(sum)) sum[k] += s[k];
  lines.push(`${pad(f, 52)} ${pad(s.killed, 7)} ${pad(s.timeout, 8)} ${pad(s.survived, 9)} ${pad(s.noCoverage, 7)} ${pad(s.ignored, 8)} ${s.score === null ? "—" : s.score.toFixed(2) + "%"}`);
}
const valid = sum.killed + sum.timeout + sum.survived + sum.noCoverage;
lines.push(`${pad("all", 52)} ${pad(sum.killed, 7)} ${pad(sum.timeout, 8)} ${pad(sum.survived, 9)} ${pad(sum.noCoverage, 7)} ${pad(sum.ignored, 8)} ${valid ? ((100 * (sum.killed + sum.timeout)) / valid).toFixed(2) + "%" : "—"}`);
lines.push("", "survivors:");
for (const f of files) for (const s of scores[f].survivors) lines.push(`  ${f}:${s}`);
fs.writeFileSync(path.join(OUT, "scores.txt"), lines.join("\n") + "\n");
console.log(lines.join("\n"));
