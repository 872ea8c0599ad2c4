import { resolveOptions, sanitizeSettings } from "../../src/core/options";
import { optionsFor } from "../../src/core/settings";
import { buildReport } from "../../src/core/report";
import { check, findings, hits, loadFixture, onlySheets, withCells } from "../support/workbooks";

/**
 * Which preset a form is checked with: --config, then the workbook's saved settings, then the preset of the form's
 * family, then the central default. Observable: Hubei's qualitative tiers 80/50 against the central 80/60 on a row
 * whose weight is known (the block's remainder), and the level-1 scheme of the Sichuan preset.
 */
async function hubeiPartly() {
  // 安全生产长效机制 (target 建立) 70% achieved, 5.5 written of its 10 (the remainder of 20 − 10): inside 50–80%, below 60–80%
  return withCells(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标"), "三个目标", { E23: "70%", F23: 5.5 });
}
const tierFinding = (r: ReturnType<typeof check>) => findings(r, "indicator-score").filter((f) => f.cell === "F23").map((f) => f.severity);

describe("presets follow the family, and settings win over it", () => {
  test("step 4, the central default: a form of no known family gets the central preset", async () => {
    const r = check(onlySheets(await loadFixture("provincial"), "安全生产"));
    expect(r.forms[0].template).toEqual({ id: "unknown", name: "未识别" });
    expect(r.forms[0].preset).toMatchObject({ id: "central", source: "default" });
  });
  test("step 3, the family's preset: a Hubei form is checked with the hubei preset (80/50)", async () => {
    const r = check(await hubeiPartly());
    expect(r.forms[0].preset).toMatchObject({ id: "hubei", source: "family" });
    expect(tierFinding(r)).toEqual([]);
  });
  test("a single setting with no preset keeps the family's preset under it", async () => {
    const r = check(await hubeiPartly(), optionsFor({ saved: null, config: { overachievementThreshold: 2 } }));
    expect(r.forms[0].preset).toMatchObject({ id: "hubei", source: "family" });
    expect(tierFinding(r)).toEqual([]);
  });
  test("step 2, the workbook's saved preset wins over the family's", async () => {
    const r = check(await hubeiPartly(), optionsFor({ saved: { preset: "central" } }));
    expect(r.forms[0].preset).toMatchObject({ id: "central", source: "workbook" });
    expect(tierFinding(r)).toEqual(["warning"]);
  });
  test("step 1, --config wins over the workbook", async () => {
    const r = check(await hubeiPartly(), optionsFor({ saved: { preset: "central" }, config: { preset: "hubei" } }));
    expect(r.forms[0].preset).toMatchObject({ id: "hubei", source: "config" });
    expect(tierFinding(r)).toEqual([]);
  });
  test("the sichuan preset does not compare level-1 weights with 50/30/10/10", async () => {
    const wb = withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", { G14: 10, H14: 10, G23: 0, H23: 0 });
    expect(hits(check(wb), "level1-weights")).toEqual(["warning 项目2!G27 differ"]);
    expect(hits(check(wb, optionsFor({ saved: null, config: { preset: "sichuan" } })), "level1-weights")).toEqual([]);
    expect(resolveOptions(sanitizeSettings({ preset: "sichuan" }))).toMatchObject({ checkLevel1Weights: false, lowExecutionThreshold: 0.9 });
  });
  test("a family setting forces the family when the checker would guess otherwise", async () => {
    const wb = withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", { G14: 10, H14: 10, G23: 0, H23: 0 });
    const r = check(wb, optionsFor({ saved: null, config: { family: "sichuan-2023" } }));
    expect(r.forms[0].template.id).toBe("sichuan-2023");
    expect(r.forms[0].preset).toMatchObject({ id: "sichuan", source: "family" });
    expect(hits(r, "level1-weights")).toEqual([]);
    expect(sanitizeSettings({ family: "nonsense" })).toEqual({});
  });
  test("the report sheet names each form's template and preset", async () => {
    const r = check(await loadFixture("family-d-hubei-2020"));
    const rows = buildReport(r, resolveOptions({}), "zh", "2021-03-31T00:00:00Z").rows;
    const header = rows.find((x) => x[0] === "工作表" && x.includes("模板"))!;
    expect(header.slice(-2)).toEqual(["模板", "预设"]);
    const formRow = rows.find((x) => x[0] === "两个目标")!;
    expect(formRow.slice(-2)).toEqual(["模板：湖北省 2020 项目绩效自评表", "规则：湖北（按模板）"]);
  });
});

describe("what was chosen is respected, whatever it equals (issue 25)", () => {
  test("nothing chosen: the Hubei form gets its family's 80/50", async () => {
    const r = check(await hubeiPartly(), optionsFor({ saved: null, lang: "zh" }));
    expect(r.forms[0].preset).toMatchObject({ id: "hubei", source: "family" });
    expect(tierFinding(r)).toEqual([]);
  });
  test("80/60 chosen under 按表格模板自动选择 is checked with 80/60 on a Hubei form, though it equals the central default", async () => {
    const saved = { version: 2, preset: "auto", options: { qualitativeTiers: { achieved: 0.8, partly: 0.6 } }, highlight: ["error"] };
    const r = check(await hubeiPartly(), optionsFor({ saved, lang: "zh" }));
    expect(r.forms[0].preset).toMatchObject({ id: "hubei", source: "family" });
    expect(tierFinding(r)).toEqual(["warning"]);
    // the same choice in a --config file
    expect(tierFinding(check(await hubeiPartly(), optionsFor({ config: { qualitativeTiers: { achieved: 0.8, partly: 0.6 } } })))).toEqual(["warning"]);
  });
  test("a value chosen that differs from every default is kept too", async () => {
    const strict = check(await hubeiPartly(), optionsFor({ saved: { version: 2, preset: "auto", options: { qualitativeTiers: { achieved: 0.9, partly: 0.7 } } } }));
    expect(tierFinding(strict)).toEqual(["warning"]);
  });
  test("a preset chosen by --config brings its every value over what the workbook chose", async () => {
    const saved = { version: 2, preset: "auto", options: { qualitativeTiers: { achieved: 0.8, partly: 0.5 } } };
    const r = check(await hubeiPartly(), optionsFor({ saved, config: { preset: "central" } }));
    expect(r.forms[0].preset).toMatchObject({ id: "central", source: "config" });
    expect(tierFinding(r)).toEqual(["warning"]);
  });
});
