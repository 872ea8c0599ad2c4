// The Jest configuration Stryker runs (npm run mutate; README, Tests → Mutation testing): the suites that exercise
// src/core in-process, loaded as one file by test/mutation/core-suites.mutate.ts (the engine and rules on the fixture
// workbooks, the parser, scoring, verdict and settings, the pane's settings precedence). No browser, CLI-process or
// file-writing suites: they test other layers and would make each mutant cost minutes. The fixtures' snapshots are
// kept on disk between runs (test/mutation/snapshot-cache.ts): the readers are not mutated.
const base = require("./package.json").jest;

module.exports = {
  ...base,
  testMatch: ["<rootDir>/test/mutation/*.mutate.ts"],
  // Node's environment with bail: the first failure ends a mutant's run (test/mutation/bail-environment.js)
  // (a path, not <rootDir>: Stryker loads it itself)
  testEnvironment: require("path").join(__dirname, "test/mutation/bail-environment.js"),
  moduleNameMapper: {
    ...(base.moduleNameMapper ?? {}),
    "^(\\.\\./)+src/xlsx/read$": "<rootDir>/test/mutation/read-cached.ts",
    "^(\\.\\./)+src/xlsx/fast-read$": "<rootDir>/test/mutation/fast-read-cached.ts",
  },
};
