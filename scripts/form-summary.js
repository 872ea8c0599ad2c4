"use strict";
/**
 * What the writer corpus compares of a checked workbook, form by form: where the form is, its figures and its findings
 * (rule, severity and cell, sorted). One shape for both sides: scripts/make-writer-corpus.js writes it into
 * test/writers/*.expected.json from LibreOffice's values, and test/xlsx/writer-corpus.test.ts computes it from the
 * CLI's --json (whose forms are the engine report's forms).
 */
function summarizeForms(forms) {
  return forms.map((f) => ({
    sheet: f.sheet,
    range: f.range,
    projectName: f.projectName,
    budget: f.budget,
    totals: f.totals,
    findings: f.findings.map((x) => `${x.rule} ${x.severity} ${x.sheet}!${x.cell ?? ""}`).sort(),
  }));
}

module.exports = { summarizeForms };
