import * as fs from "fs";
import * as path from "path";

/**
 * The suites Stryker runs for every mutant (jest.mutate.config.js), loaded as one test file: the engine and rules on
 * the fixture workbooks, the parser, scoring, verdict and settings, and the pane's settings precedence. One file means
 * one module registry: src/core is loaded once per mutant instead of once per suite (most of a run's time otherwise).
 * Each suite sits in a describe block named by its path, so its hooks and test names stay its own.
 *
 * Not a *.test.ts file: `npm test` runs those suites by themselves.
 */
const ROOT = path.resolve(__dirname, "../..");
/** review-hints.test.ts checks every fixture and corpus workbook with the hints on and off (a quarter of a run, for
 * every mutant): it tests the engine's switching, not the mutated modules; each hint has its own rules/ suite. */
const LEFT_OUT = new Set(["test/core/review-hints.test.ts"]);

function suites(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? suites(`${dir}/${e.name}`) : e.name.endsWith(".test.ts") ? [`${dir}/${e.name}`] : []));
}

/** The direct suites of the mutated modules first: with bail (bail-environment.js), the first to fail ends the run. */
const FIRST = [
  "test/core/scoring.test.ts",
  "test/core/verdict.test.ts",
  "test/core/settings-precedence.test.ts",
  "test/core/parse-edges.test.ts",
  "test/core/parse.test.ts",
  "test/core/outcome.test.ts",
  "test/core/settings.test.ts",
  "test/core/rules/boundaries.test.ts",
  // every finding and figure of every fixture workbook against committed files: a changed message or field fails it
  "test/core/json-snapshot.test.ts",
];
const LAST = ["test/core/fixes-fix.test.ts", "test/core/writeback.test.ts", "test/core/rule-fixes.test.ts", "test/core/locate.test.ts"];
const ALL = [...suites("test/core"), "test/addin/settings-precedence.test.ts"].filter((f) => !LEFT_OUT.has(f));
const SUITES = [...FIRST, ...ALL.filter((f) => !FIRST.includes(f) && !LAST.includes(f)), ...LAST];

beforeEach(() => {
  if ((globalThis as { __selfevalMutationBail?: boolean }).__selfevalMutationBail) throw new Error("bail: an earlier test of this mutation run failed");
});

for (const f of SUITES) {
  describe(f, () => {
    require(path.join(ROOT, f));
  });
}
