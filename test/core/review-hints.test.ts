import * as fs from "fs";
import * as path from "path";
import { RULES, REVIEW_HINTS } from "../../src/core/rules";
import { optionsFor, readWorkbookSettings, sameSettings, storedSettings, DEFAULT_SETTINGS } from "../../src/core/settings";
import { sanitizeRuleSwitches } from "../../src/core/options";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { WorkbookReport } from "../../src/core/engine";
import { readXlsxSnapshotSync } from "../../src/xlsx/fast-read";
import { check, findings, hits, loadFixture, ROOT } from "../support/workbooks";

const HINT_IDS = REVIEW_HINTS.map((r) => r.id);
const ALL_OFF = Object.fromEntries(HINT_IDS.map((id) => [id, "off" as const]));
const FIXTURES = fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx")).map((f) => f.replace(/\.xlsx$/, ""));
/** every other workbook the snapshot test holds (writer corpus, the sample) and the reader corpus, where readable */
const OTHERS = ["test/writers", "test/corpus", "samples"].flatMap((dir) => fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(dir, f)));
function readOrNull(file: string): WorkbookSnapshot | null {
  try {
    return readXlsxSnapshotSync(new Uint8Array(fs.readFileSync(path.join(ROOT, file))));
  } catch {
    return null; // an unreadable file of the reader corpus (encrypted, damaged): no form to add hints to
  }
}

describe("review hints (审核提示)", () => {
  test("the six hints, switchable, never errors by default, each citing a source", () => {
    expect(HINT_IDS.sort()).toEqual(["dimension-missing", "grade-mismatch", "indicator-misfiled", "score-high-for-spending", "target-contradicts-kind", "target-not-measurable"]);
    for (const r of REVIEW_HINTS) {
      expect(["warning", "info"]).toContain(r.meta.severity);
      expect(r.meta.source?.zh).toMatch(/财预〔20\d\d〕\d+号|自评通知/);
    }
    expect(RULES.find((r) => r.id === "indicator-misfiled")!.meta.severity).toBe("info");
  });

  const compare = (withHints: WorkbookReport, without: WorkbookReport) => {
    const hintFindings = findings(withHints).filter((f) => HINT_IDS.includes(f.rule));
    expect(hintFindings.filter((f) => f.severity === "error")).toEqual([]);
    expect(withHints.verdict.kind).toBe(without.verdict.kind);
    expect(withHints.forms.map((f) => [f.verdict.kind, f.counts.error, f.grade])).toEqual(without.forms.map((f) => [f.verdict.kind, f.counts.error, f.grade]));
    // everything else is exactly what it was without the hints
    expect(findings(withHints).filter((f) => !HINT_IDS.includes(f.rule))).toEqual(findings(without));
    expect(findings(without).some((f) => HINT_IDS.includes(f.rule))).toBe(false);
  };
  test.each(FIXTURES)("%s: the hints add no error, change no verdict kind, and only add findings", async (name) => {
    const wb = await loadFixture(name);
    compare(check(wb), check(wb, { rules: ALL_OFF }));
  });
  test.each(OTHERS)("%s: the same", (file) => {
    const wb = readOrNull(file);
    if (wb) compare(check(wb), check(wb, { rules: ALL_OFF }));
    else expect(file).toMatch(/^test\/corpus\//);
  });

  test("the fixtures raise every hint somewhere (the test above would pass vacuously otherwise)", async () => {
    const raised = new Set<string>();
    for (const name of FIXTURES) for (const f of findings(check(await loadFixture(name)))) if (HINT_IDS.includes(f.rule)) raised.add(f.rule);
    expect([...raised].sort()).toEqual([...HINT_IDS].sort());
  });

  test("a switch for a rule that is not a review hint is ignored: errors cannot be switched off or softened", async () => {
    const wb = await loadFixture("total-and-budget");
    const plain = hits(check(wb), "total-score");
    expect(plain.some((h) => h.startsWith("error "))).toBe(true);
    expect(hits(check(wb, { rules: { "total-score": "off" } }), "total-score")).toEqual(plain);
    expect(hits(check(wb, { rules: { "total-score": "info" } }), "total-score")).toEqual(plain);
  });
});

describe("the rules setting", () => {
  test("sanitised: kebab-case ids with off / info / warning survive; errors, junk and other shapes are dropped", () => {
    expect(sanitizeRuleSwitches({ "grade-mismatch": "off", "indicator-misfiled": "warning", "x y": "off", "total-score": "error", a: 1 })).toEqual({ "grade-mismatch": "off", "indicator-misfiled": "warning" });
    expect(sanitizeRuleSwitches(["grade-mismatch"])).toEqual({});
    expect(sanitizeRuleSwitches(null)).toEqual({});
  });
  test("--config's {rules} over the workbook's, hint by hint", () => {
    const saved = storedSettings({ ...DEFAULT_SETTINGS, rules: { "grade-mismatch": "off", "indicator-misfiled": "warning" } });
    expect(saved.rules).toEqual({ "grade-mismatch": "off", "indicator-misfiled": "warning" });
    const o = optionsFor({ saved, config: { rules: { "indicator-misfiled": "off" } } });
    expect(o.rules).toEqual({ "grade-mismatch": "off", "indicator-misfiled": "off" });
    expect(optionsFor({ config: { preset: "hubei", rules: { "dimension-missing": "info" } } }).rules).toEqual({ "dimension-missing": "info" });
    expect(optionsFor({}).rules).toBeUndefined();
  });
  test("stored only when a hint was switched; read back the same; a change is a change", () => {
    expect("rules" in storedSettings(DEFAULT_SETTINGS)).toBe(false);
    const s = { ...DEFAULT_SETTINGS, rules: { "grade-mismatch": "off" as const } };
    const back = readWorkbookSettings(JSON.parse(JSON.stringify(storedSettings(s))));
    expect(back.rules).toEqual({ "grade-mismatch": "off" });
    expect(sameSettings(back, s)).toBe(true);
    expect(sameSettings(back, DEFAULT_SETTINGS)).toBe(false);
  });
  test("a saved switch reaches the check: the workbook's record turns a hint off", async () => {
    const wb = await loadFixture("family-a-county");
    expect(hits(check(wb), "dimension-missing")).toHaveLength(1);
    const saved = storedSettings({ ...DEFAULT_SETTINGS, rules: { "dimension-missing": "off" } });
    expect(hits(check(wb, optionsFor({ saved })), "dimension-missing")).toEqual([]);
  });
});
