#!/usr/bin/env node
"use strict";
// npm run demo: checks the bundled sample (the four seed forms as the official template) and prints the report.
// The sample holds real mistakes, so `selfeval check` exits 1 on it; the demo itself succeeds when the check ran.
const { spawnSync } = require("child_process");
const path = require("path");
const root = path.resolve(__dirname, "..");
const args = [path.join(root, "bin/selfeval.js"), "check", path.join("samples", "seed-forms.xlsx"), ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 2);
