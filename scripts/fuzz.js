#!/usr/bin/env node
"use strict";
/**
 * npm run fuzz: the long run of test/robustness/fuzz.test.ts — FUZZ_RUNS mutants (default 400) for each of FUZZ_SEEDS
 * seeds (default 5) from FUZZ_SEED (default 28), every copy also read back by exceljs; prints how many mutants and
 * seeds it did. `npm test` runs the same suite short (40 mutants, seed 28).
 *
 *   npm run fuzz
 *   FUZZ_RUNS=5000 FUZZ_SEEDS=2 FUZZ_SEED=100 npm run fuzz
 */
const path = require("path");
const { spawnSync } = require("child_process");

const env = { ...process.env, FUZZ_LONG: "1", FUZZ_RUNS: process.env.FUZZ_RUNS || "400", FUZZ_SEEDS: process.env.FUZZ_SEEDS || "5" };
const jest = require.resolve("jest/bin/jest");
const r = spawnSync(process.execPath, [jest, "--runInBand", path.join("test", "robustness", "fuzz.test.ts")], { cwd: path.resolve(__dirname, ".."), env, stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
