"use strict";
/**
 * The mutation runs' test environment (jest.mutate.config.js): Node's, plus bail. Stryker's jest runner cannot make
 * Jest stop at the first failure, so a mutant that the first test kills would still run every test that covers it.
 * Here a failed test or hook marks the run, and core-suites.mutate.ts fails every later test at once, in its
 * beforeEach, without running it: the mutant is killed all the same, in a fraction of the time. A run where nothing
 * fails (the dry run, a surviving mutant) is untouched.
 */
const { TestEnvironment } = require("jest-environment-node");

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === "test_fn_failure" || event.name === "hook_failure") this.global.__selfevalMutationBail = true;
  }
}

module.exports = BailEnvironment;
