import { Finding } from "../../src/core/findings";
import { FormFacts } from "../../src/core/outcome";

/**
 * The verdict suites' inputs (verdict.test.ts, outcome.test.ts, outcome-mutants.test.ts): a finding named by its rule
 * and cell, and the facts of a checked, filled, fully read form graded 优 at 95 — each suite overrides what it decides on.
 */
export const finding = (rule: string, severity: Finding["severity"], cell = "A1", sheet = "s"): Finding => ({ rule, severity, sheet, cell, message: `${rule}@${cell}` });

export const formFacts = (over: Partial<FormFacts> = {}): FormFacts => ({
  checked: true,
  unfilled: false,
  unchecked: [],
  missing: [],
  findings: [],
  grade: "优",
  executionRate: 0.9,
  budgetScore: 9,
  writtenTotal: 95,
  sumOfScores: 95,
  recalculatedTotal: 94.5,
  ...over,
});
