// The Jest configuration Stryker runs (npm run mutate; README, Tests → Mutation testing): the suites that exercise
// src/core in-process — the engine and rules on the fixture workbooks, the parser, scoring, verdict and settings — and
// the pane's settings precedence. No browser, CLI-process or file-writing suites: they test other layers and would make
// each mutant cost minutes. The fixtures' exceljs snapshots are kept on disk between runs (test/mutation/snapshot-cache.ts).
const base = require("./package.json").jest;

module.exports = {
  ...base,
  testMatch: ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/addin/settings-precedence.test.ts"],
  // review-hints.test.ts checks every fixture and corpus workbook with the hints on and off (a quarter of a run, for
  // every mutant): it tests the engine's switching, not the mutated modules; each hint has its own rules/ suite
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/core/review-hints\\.test\\.ts$"],
  moduleNameMapper: {
    ...(base.moduleNameMapper ?? {}),
    "^(\\.\\./)+src/xlsx/read$": "<rootDir>/test/mutation/read-cached.ts",
    "^(\\.\\./)+src/xlsx/fast-read$": "<rootDir>/test/mutation/fast-read-cached.ts",
  },
};
