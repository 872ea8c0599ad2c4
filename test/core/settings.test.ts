import { resolveOptions } from "../../src/core/options";
import { DEFAULT_SETTINGS, SETTINGS_VERSION, optionsFor, readWorkbookSettings, rulesInForce, sameSettings, storedSettings } from "../../src/core/settings";
import { buildReport } from "../../src/core/report";
import { check, findings, loadFixture, onlySheets, withCells } from "../support/workbooks";

/**
 * core/settings.ts (issue 25): what a workbook carries, what counts as chosen, and the one line naming the rules.
 * The Hubei row of presets.test.ts: 安全生产长效机制 70% achieved, 5.5 written of 10 — fine at 80/50, a warning at 80/60.
 */
async function hubeiPartly() {
  return withCells(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标"), "三个目标", { E23: "70%", F23: 5.5 });
}
const tierFinding = (r: ReturnType<typeof check>) => findings(r, "indicator-score").filter((f) => f.cell === "F23").map((f) => f.severity);

/** What the pane's dialog saved before version 2: every value resolved over the preset (the old policyOf). */
function oldRecord(preset: string, changed: Record<string, unknown> = {}) {
  const { lang: _l, defaultYear: _y, ...policy } = resolveOptions(preset === "hubei" ? { qualitativeTiers: { achieved: 0.8, partly: 0.5 } } : {});
  return { preset, options: { ...policy, ...changed }, highlight: ["error", "warning"] };
}

describe("reading what a workbook carries", () => {
  test("nothing, or something malformed: the defaults", () => {
    for (const raw of [null, undefined, 3, "x", [], { preset: 3, options: "lots", highlight: "all" }]) expect(readWorkbookSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });
  test("a current record (version 2) is the person's choices as they are, even a value equal to a default", () => {
    const raw = { version: 2, preset: "auto", options: { qualitativeTiers: { achieved: 0.8, partly: 0.6 }, acceptRounding: true, bogus: 1 }, highlight: ["info", "nonsense"], family: "hubei-2020" };
    expect(readWorkbookSettings(raw)).toEqual({ preset: "auto", options: { qualitativeTiers: { achieved: 0.8, partly: 0.6 }, acceptRounding: true }, highlight: ["info"], family: "hubei-2020" });
  });
  test("an old record (no version) of resolved values: those equal to what they were resolved from are no choice", () => {
    expect(readWorkbookSettings(oldRecord("auto")).options).toEqual({});
    expect(readWorkbookSettings(oldRecord("auto", { overachievementThreshold: 0.5 })).options).toEqual({ overachievementThreshold: 0.5 });
    expect(readWorkbookSettings(oldRecord("hubei", { acceptRounding: false }))).toMatchObject({ preset: "hubei", options: { acceptRounding: false } });
    // a hand-written record without a version, as the CLI's tests and older docs wrote them
    expect(readWorkbookSettings({ preset: "central", options: { overachievementThreshold: 2 }, highlight: ["error"] }).options).toEqual({ overachievementThreshold: 2 });
  });
  test("what is stored: the version and the choices, nothing resolved", () => {
    const s = { preset: "auto", options: { overachievementThreshold: 0.5 }, highlight: ["error" as const] };
    expect(storedSettings(s)).toEqual({ version: SETTINGS_VERSION, preset: "auto", options: { overachievementThreshold: 0.5 }, highlight: ["error"] });
    expect(readWorkbookSettings(storedSettings(s))).toEqual(s);
    expect(sameSettings(s, readWorkbookSettings(storedSettings(s)))).toBe(true);
    expect(sameSettings(s, { ...s, options: {} })).toBe(false);
  });
});

describe("an old workbook keeps checking as before", () => {
  test("resolved central defaults under 按模板: the Hubei form is still checked with its family's 80/50", async () => {
    const r = check(await hubeiPartly(), optionsFor({ saved: oldRecord("auto"), lang: "zh" }));
    expect(r.forms[0].preset).toMatchObject({ id: "hubei", source: "family" });
    expect(tierFinding(r)).toEqual([]);
  });
  test("a preset with its every value resolved: that preset, from the workbook", async () => {
    const r = check(await hubeiPartly(), optionsFor({ saved: oldRecord("central"), lang: "zh" }));
    expect(r.forms[0].preset).toMatchObject({ id: "central", source: "workbook" });
    expect(tierFinding(r)).toEqual(["warning"]);
  });
});

describe("the rules in force, in one line for every surface", () => {
  test("names the preset and who chose it, in Chinese and English", () => {
    expect(rulesInForce({ id: "hubei", source: "family" }, "zh")).toBe("规则：湖北（按模板）");
    expect(rulesInForce({ id: "central", source: "workbook" }, "zh")).toBe("规则：中央默认（本工作簿设置）");
    expect(rulesInForce({ id: "hubei", source: "family" }, "en")).toBe("Rules: Hubei (from the template)");
    expect(rulesInForce({ id: "central", source: "workbook" }, "en")).toBe("Rules: central default (this workbook's settings)");
    expect(rulesInForce({ id: "sichuan", source: "config" }, "zh")).toBe("规则：四川（--config 设置文件）");
    expect(rulesInForce({ id: "central", source: "default" }, "zh")).toBe("规则：中央默认（模板未识别）");
  });
  test("the report sheet names them for each form", async () => {
    const r = check(await loadFixture("family-d-hubei-2020"), optionsFor({ saved: { version: 2, preset: "central", options: {}, highlight: [] }, lang: "zh" }));
    const rows = buildReport(r, resolveOptions({}), "zh", "2021-03-31T00:00:00Z").rows;
    const formRows = rows.filter((x) => x[0] === "两个目标" || x[0] === "三个目标").filter((x) => x.length > 10);
    expect(formRows.map((x) => x[x.length - 1])).toEqual(["规则：中央默认（本工作簿设置）", "规则：中央默认（本工作簿设置）"]);
  });
});
