import { DEFAULT_OPTIONS } from "../../src/core/options";
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  WorkbookSettings,
  isLegacyRecord,
  optionsFor,
  presetPolicy,
  readWorkbookSettings,
  resolvedFor,
  rulesInForce,
  samePolicyValue,
  sameSettings,
  storedSettings,
} from "../../src/core/settings";

/**
 * core/settings.ts step by step (issue 38): the precedence overrides > --config > the workbook's saved settings >
 * (the family's preset, applied by the engine) > the central default; a preset chosen at a level brings its every value
 * at that level; what an old record counts as chosen; what is stored and compared.
 */
// the policy values (core/options PolicySettings): not the language, year, preset, family, rules or 已核对 list
const { lang: _lang, defaultYear: _year, preset: _preset, presetSource: _source, family: _family, rules: _rules, acknowledgements: _acks, ...CENTRAL } = DEFAULT_OPTIONS;
const saved = (s: Partial<WorkbookSettings> & { version?: number }) => ({ version: SETTINGS_VERSION, preset: "auto", options: {}, highlight: ["error"], ...s });

describe("optionsFor: who wins", () => {
  test("nothing chosen anywhere: nothing in the options (each form takes its family's preset)", () => {
    expect(optionsFor({})).toEqual({});
    expect(optionsFor({ saved: null, config: null })).toEqual({});
    expect(optionsFor({ lang: "en" })).toEqual({ lang: "en" });
    expect(optionsFor({ saved: saved({}) })).toEqual({});
  });

  test("a preset saved in the workbook brings its every value, and says it came from the workbook", () => {
    expect(optionsFor({ saved: saved({ preset: "hubei" }) })).toEqual({ ...CENTRAL, qualitativeTiers: { achieved: 0.8, partly: 0.5 }, preset: "hubei", presetSource: "workbook" });
    expect(optionsFor({ saved: saved({ preset: "central" }) })).toEqual({ ...CENTRAL, preset: "central", presetSource: "workbook" });
    // values the person set on top of the preset win over it
    expect(optionsFor({ saved: saved({ preset: "hubei", options: { acceptRounding: false } }) })).toMatchObject({ acceptRounding: false, qualitativeTiers: { partly: 0.5 }, preset: "hubei" });
    // 按模板 with one value chosen: only that value
    expect(optionsFor({ saved: saved({ options: { overachievementThreshold: 0.5 } }) })).toEqual({ overachievementThreshold: 0.5 });
    // a preset that no longer exists is no choice
    expect(optionsFor({ saved: saved({ preset: "atlantis" }) })).toEqual({});
  });

  test("--config over the workbook: value by value, and a preset there brings its every value over the workbook's", () => {
    expect(optionsFor({ saved: saved({ options: { overachievementThreshold: 0.5, acceptRounding: false } }), config: { overachievementThreshold: 0.2 } })).toEqual({
      overachievementThreshold: 0.2,
      acceptRounding: false,
    });
    const both = optionsFor({ saved: saved({ preset: "hubei" }), config: { preset: "central" } });
    expect(both).toEqual({ ...CENTRAL, preset: "central", presetSource: "config" });
    // the workbook's own values lose to the config preset's every value
    expect(optionsFor({ saved: saved({ options: { acceptRounding: false } }), config: { preset: "central" } })).toMatchObject({ acceptRounding: true, presetSource: "config" });
    // a config without a preset leaves the workbook's preset in force, and its source
    expect(optionsFor({ saved: saved({ preset: "hubei" }), config: { acceptRounding: false } })).toMatchObject({
      preset: "hubei",
      presetSource: "workbook",
      acceptRounding: false,
      qualitativeTiers: { achieved: 0.8, partly: 0.5 },
    });
    expect(optionsFor({ config: { preset: "provincial-platform" } })).toEqual({
      ...CENTRAL,
      reverseFormula: "linear",
      overachievementDeduction: 2,
      capTotalByExecutionRate: true,
      preset: "provincial-platform",
      presetSource: "config",
    });
  });

  test("the family forced: --config's over the workbook's", () => {
    expect(optionsFor({ saved: saved({ family: "hubei-2020" }) })).toEqual({ family: "hubei-2020" });
    expect(optionsFor({ config: { family: "central" } })).toEqual({ family: "central" });
    expect(optionsFor({ saved: saved({ family: "hubei-2020" }), config: { family: "sichuan-2023" } })).toEqual({ family: "sichuan-2023" });
    expect(optionsFor({ saved: saved({ family: "atlantis" }) })).toEqual({});
  });

  test("review-hint switches: hint by hint, --config's over the workbook's", () => {
    const r = optionsFor({ saved: saved({ rules: { "grade-mismatch": "off", "dimension-missing": "info" } }), config: { rules: { "dimension-missing": "warning" } } });
    expect(r).toEqual({ rules: { "grade-mismatch": "off", "dimension-missing": "warning" } });
    expect(optionsFor({ config: { rules: { "grade-mismatch": "off" } } })).toEqual({ rules: { "grade-mismatch": "off" } });
    expect(optionsFor({ saved: saved({ rules: {} }) })).toEqual({});
  });

  test("the caller's overrides (CLI flags) over everything; null and undefined set nothing", () => {
    const src = { saved: saved({ preset: "hubei" }), config: { acceptRounding: false }, overrides: { acceptRounding: true, overachievementThreshold: undefined, lowExecutionThreshold: null as unknown as number } };
    const r = optionsFor(src);
    expect(r.acceptRounding).toBe(true);
    expect(r.overachievementThreshold).toBe(CENTRAL.overachievementThreshold);
    expect(r.lowExecutionThreshold).toBe(CENTRAL.lowExecutionThreshold);
    expect(optionsFor({ overrides: { capTotalByExecutionRate: true }, lang: "zh" })).toEqual({ capTotalByExecutionRate: true, lang: "zh" });
  });

  test("resolvedFor: every value, the central default where nobody chose", () => {
    expect(resolvedFor({})).toEqual(DEFAULT_OPTIONS);
    expect(resolvedFor({ saved: saved({ preset: "hubei" }), lang: "en" })).toMatchObject({ lang: "en", preset: "hubei", qualitativeTiers: { achieved: 0.8, partly: 0.5 }, reverseFormula: "ratio" });
  });

  test("presetPolicy: a preset's every policy value over the central default; none is the central default", () => {
    expect(presetPolicy(null)).toEqual(CENTRAL);
    expect(presetPolicy("central")).toEqual(CENTRAL);
    expect(presetPolicy("sichuan")).toEqual({ ...CENTRAL, checkLevel1Weights: false, lowExecutionThreshold: 0.9 });
    expect(Object.keys(presetPolicy("hubei")).sort()).toEqual(Object.keys(CENTRAL).sort());
  });
});

describe("reading a saved record", () => {
  test("each field sanitised on its own", () => {
    expect(readWorkbookSettings({ version: 2, preset: "atlantis", family: "atlantis", highlight: ["warning", "bogus", 3, "info"], options: { acceptRounding: "yes", lowExecutionThreshold: 0.8 } })).toEqual({
      preset: "auto",
      options: { lowExecutionThreshold: 0.8 },
      highlight: ["warning", "info"],
    });
    expect(readWorkbookSettings({ version: 2, preset: "sichuan", highlight: "all" })).toEqual({ preset: "sichuan", options: {}, highlight: ["error", "warning"] });
    expect(readWorkbookSettings({ version: 2, preset: "auto", highlight: [], rules: { "grade-mismatch": "off", "Bad Id": "off", "dimension-missing": "loud" } })).toEqual({
      preset: "auto",
      options: {},
      highlight: [],
      rules: { "grade-mismatch": "off" },
    });
    // the defaults are a fresh copy each time
    const a = readWorkbookSettings(null);
    a.highlight.push("info");
    expect(readWorkbookSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.highlight).toEqual(["error", "warning"]);
  });

  test("an old record (no version): a value equal to the one it was resolved from is no choice, whatever the key order", () => {
    expect(isLegacyRecord({ preset: "auto" })).toBe(true);
    expect(isLegacyRecord({ version: 2 })).toBe(false);
    expect(isLegacyRecord(null)).toBe(false);
    expect(isLegacyRecord([])).toBe(false);
    expect(isLegacyRecord("x")).toBe(false);
    const old = { preset: "hubei", options: { qualitativeTiers: { partly: 0.5, achieved: 0.8 }, acceptRounding: true, overachievementThreshold: 0.4 }, highlight: ["error"] };
    expect(readWorkbookSettings(old).options).toEqual({ overachievementThreshold: 0.4 });
    // the same values in a current record are all choices
    expect(readWorkbookSettings({ ...old, version: 2 }).options).toEqual(old.options);
    // resolved over the central default under 按模板: Hubei's 80/50 was a choice there
    expect(readWorkbookSettings({ ...old, preset: "auto" }).options).toEqual({ qualitativeTiers: { partly: 0.5, achieved: 0.8 }, overachievementThreshold: 0.4 });
  });

  test("samePolicyValue compares objects field by field", () => {
    expect(samePolicyValue({ achieved: 0.8, partly: 0.5 }, { partly: 0.5, achieved: 0.8 })).toBe(true);
    expect(samePolicyValue({ achieved: 0.8, partly: 0.5 }, { achieved: 0.8, partly: 0.6 })).toBe(false);
    expect(samePolicyValue({ achieved: 0.8 }, { achieved: 0.8, partly: 0.5 })).toBe(false);
    expect(samePolicyValue({ achieved: 0.8, partly: 0.5 }, { achieved: 0.8 })).toBe(false);
    expect(samePolicyValue(0.3, 0.3)).toBe(true);
    expect(samePolicyValue(0.3, 0.4)).toBe(false);
    expect(samePolicyValue(null, null)).toBe(true);
    expect(samePolicyValue({}, null)).toBe(false);
    expect(samePolicyValue("ratio", { a: 1 })).toBe(false);
    // a value that is no object never equals one, even one with its keys (or none)
    expect(samePolicyValue("ab", { 0: "a", 1: "b" })).toBe(false);
    expect(samePolicyValue({ 0: "a", 1: "b" }, "ab")).toBe(false);
    expect(samePolicyValue(0.3, {})).toBe(false);
    expect(samePolicyValue({}, 0.3)).toBe(false);
  });
});

describe("what is stored and when two settings are the same", () => {
  test("storedSettings: the version, the known choices, a valid family, non-empty switches", () => {
    const s = { preset: "hubei", options: { acceptRounding: false, overachievementThreshold: undefined, bogus: 1 } as never, highlight: ["error" as const], family: "hubei-2020", rules: { "grade-mismatch": "off" as const } };
    expect(storedSettings(s)).toEqual({ version: SETTINGS_VERSION, preset: "hubei", options: { acceptRounding: false }, highlight: ["error"], family: "hubei-2020", rules: { "grade-mismatch": "off" } });
    // only the values given: no key for a value not set
    expect(Object.keys(storedSettings(s).options)).toEqual(["acceptRounding"]);
    expect(storedSettings({ preset: "auto", options: {}, highlight: [], family: "atlantis", rules: { "Bad Id": "off" } as never })).toEqual({ version: SETTINGS_VERSION, preset: "auto", options: {}, highlight: [] });
    expect(SETTINGS_VERSION).toBe(2);
    // the highlight is a copy
    const h: ("error" | "warning")[] = ["error"];
    const stored = storedSettings({ preset: "auto", options: {}, highlight: h });
    h.push("warning");
    expect(stored.highlight).toEqual(["error"]);
  });

  test("sameSettings: preset, family, choices, switches and highlight, the highlight's order aside", () => {
    const s: WorkbookSettings = { preset: "auto", options: { acceptRounding: false }, highlight: ["error", "warning"], family: "hubei-2020", rules: { "grade-mismatch": "off" } };
    expect(sameSettings(s, { ...s, highlight: ["warning", "error"] })).toBe(true);
    expect(sameSettings({ ...s, highlight: ["warning", "error"] }, s)).toBe(true);
    expect(sameSettings(s, { ...s })).toBe(true);
    expect(sameSettings(s, { ...s, preset: "hubei" })).toBe(false);
    expect(sameSettings(s, { ...s, family: undefined })).toBe(false);
    expect(sameSettings({ ...s, family: undefined }, { ...s, family: undefined })).toBe(true);
    expect(sameSettings(s, { ...s, options: { acceptRounding: true } })).toBe(false);
    expect(sameSettings(s, { ...s, rules: { "grade-mismatch": "info" } })).toBe(false);
    expect(sameSettings(s, { ...s, rules: undefined })).toBe(false);
    expect(sameSettings(s, { ...s, highlight: ["error"] })).toBe(false);
    expect(sameSettings(s, { ...s, highlight: ["error", "info"] })).toBe(false);
  });

  test("rulesInForce: the central default when nothing is known, an unknown preset or source by its id", () => {
    expect(rulesInForce(null, "zh")).toBe("规则：中央默认（模板未识别）");
    expect(rulesInForce(undefined, "en")).toBe("Rules: central default (template not recognised)");
    expect(rulesInForce({ id: "provincial-platform", source: "config" }, "en")).toBe("Rules: provincial platform (the --config file)");
    expect(rulesInForce({ id: "atlantis", source: "nowhere" as never }, "zh")).toBe("规则：atlantis（nowhere）");
    expect(rulesInForce({ id: "atlantis", source: "nowhere" as never }, "en")).toBe("Rules: atlantis (nowhere)");
  });
});
