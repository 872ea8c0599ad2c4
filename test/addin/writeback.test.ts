import { DEFAULT_SETTINGS, FOLLOW_TEMPLATE, officeWorkbookHost, RefusedError } from "../../src/addin/host";
import { checkWorkbook } from "../../src/core/engine";
import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { resolveOptions } from "../../src/core/options";
import { defaultTicks, finalizeSelection } from "../../src/core/writeback";
import { installFakeOffice, installModel, reopen, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

afterEach(uninstallFakeOffice);

async function proposalsFor(host: ReturnType<typeof officeWorkbookHost>, withRules: boolean) {
  const { proposals } = await host.check({});
  return finalizeSelection(proposals, defaultTicks(proposals, withRules));
}

const valueAt = (model: ReturnType<typeof installFakeOffice>, sheet: string, r: number, c: number) => model.cell(model.sheet(sheet), r, c).value;

describe("write back and undo", () => {
  test("write back then undo leaves every value and format as it was", async () => {
    const model = installFakeOffice(await loadFixture("shifted"));
    const before = structuredClone(model.state());
    const host = officeWorkbookHost();
    const chosen = await proposalsFor(host, true);
    expect(chosen.map((p) => `${p.sheet}!${p.address}`)).toEqual(["安全生产!J24", "安全生产!J26", "安全生产!J30"]);
    const r = await host.applyWrites(chosen);
    expect(r).toEqual({ written: 3, skipped: [] });
    expect(valueAt(model, "安全生产", 29, 9)).toBe(95);
    expect(model.screenUpdatingSuspended).toBeGreaterThan(0);
    // after the write, the form checks clean of these findings
    const { report } = await host.check({});
    expect(report.forms[0].findings.filter((f) => f.rule === "total-score" || f.rule === "indicator-score")).toEqual([]);
    expect(host.canUndo()).toBe(true);
    await host.undoWrites();
    expect(model.state()).toEqual(before);
    expect(host.canUndo()).toBe(false);
  });

  test("a percent cell stays a percent: the value is written, the number format kept", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const sheet = model.sheet("项目2");
    model.setCell(sheet, 5, 7, { value: 0.9, format: "0.0%" }); // H6 written as 90.0%
    const host = officeWorkbookHost();
    await host.applyWrites(await proposalsFor(host, false));
    expect(model.cell(sheet, 5, 7)).toMatchObject({ value: 1, format: "0.0%" });
  });

  test("undo works after save and reopen, and leaves a cell a person changed since", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    await officeWorkbookHost().applyWrites(await proposalsFor(officeWorkbookHost(), true));
    const reopened = reopen(model);
    installModel(reopened);
    const host = officeWorkbookHost();
    expect(host.canUndo()).toBe(true);
    reopened.setCell(reopened.sheet("项目1"), 19, 7, { value: 4 }); // H20 changed by a person
    const r = await host.undoWrites();
    expect(r.written).toBe(2);
    expect(r.skipped).toEqual([{ sheet: "项目1", address: "H20", reason: "changed" }]);
    expect(reopened.cell(reopened.sheet("项目1"), 19, 7).value).toBe(4);
    reopened.setCell(reopened.sheet("项目1"), 19, 7, { value: 3 });
    expect(reopened.state()).toEqual(before);
  });

  test("a protected sheet refuses before anything is written", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    model.sheet("项目1").protected = true;
    const before = structuredClone(model.state());
    const host = officeWorkbookHost();
    const chosen = await proposalsFor(host, true);
    await expect(host.applyWrites(chosen)).rejects.toThrow(RefusedError);
    await expect(host.applyWrites(chosen)).rejects.toThrow(/受保护/);
    expect(model.writesApplied).toBe(0);
    expect(model.state()).toEqual(before);
    expect(host.canUndo()).toBe(false);
  });

  test("a read-only workbook refuses before anything is written", async () => {
    const model = installFakeOffice(await loadFixture("official"), { readOnly: true });
    const host = officeWorkbookHost();
    await expect(host.applyWrites(await proposalsFor(host, true))).rejects.toThrow(/只读|read-only/);
    expect(model.writesApplied).toBe(0);
  });

  test("a write that fails midway is rolled back, and no undo record is left", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    const host = officeWorkbookHost();
    const chosen = await proposalsFor(host, true);
    let n = 0;
    model.failWrite = (op) => op === "values" && ++n === 3;
    await expect(host.applyWrites(chosen)).rejects.toThrow(/Injected failure/);
    model.failWrite = null;
    expect(model.state()).toEqual(before);
    expect(host.canUndo()).toBe(false);
  });

  test("formula cells are not overwritten", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const sheet = model.sheet("项目1");
    model.setCell(sheet, 25, 7, { formula: "=I6+SUM(H14:H25)-1" }); // H26 computes its total
    const host = officeWorkbookHost();
    const r = await host.applyWrites(await proposalsFor(host, false));
    expect(r).toEqual({ written: 0, skipped: [{ sheet: "项目1", address: "H26", reason: "formula" }] });
    expect(model.cell(sheet, 25, 7).value).toBe(90.5);
  });
});

describe("settings and the report sheet", () => {
  test("settings round-trip through the workbook", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    expect(host.settings()).toEqual(DEFAULT_SETTINGS);
    const s = { preset: "hubei", options: { overachievementThreshold: 0.5, qualitativeTiers: { achieved: 0.8, partly: 0.5 } }, highlight: ["error" as const] };
    await host.saveSettings(s);
    installModel(reopen(model));
    expect(officeWorkbookHost().settings()).toEqual(s);
  });

  test("settings that a file garbled are sanitised, not trusted", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    model.settings.set("selfeval.settings.v1", { preset: 3, options: { overachievementThreshold: "lots", reverseFormula: "weird" }, highlight: ["error", "nonsense"] });
    expect(officeWorkbookHost().settings()).toEqual({ preset: FOLLOW_TEMPLATE, options: {}, highlight: ["error"] });
  });

  test("生成校验报告 creates the sheet once; running it twice gives the same sheet; the check ignores it", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    const { report } = await host.check({});
    const options = resolveOptions({});
    await host.writeReport(report, options, "zh", "2026-11-25T08:00:00.000Z");
    const first = structuredClone(model.state());
    await host.writeReport(report, options, "zh", "2026-11-25T08:00:00.000Z");
    expect(model.sheets.filter((s) => s.name === REPORT_SHEET_NAME)).toHaveLength(1);
    expect(model.state()).toEqual(first);
    const rs = model.sheet(REPORT_SHEET_NAME);
    const cells = [...rs.cells.values()];
    // the problem by its Chinese name; no column of English rule ids beside it (issue 32)
    expect(cells.some((c) => c.value === "总分")).toBe(true);
    expect(cells.some((c) => c.value === "total-score")).toBe(false);
    expect(cells.filter((c) => c.hyperlink).map((c) => c.hyperlink)).toContain("项目1!H26");
    expect(cells.some((c) => c.value === "2026-11-25T08:00:00.000Z")).toBe(true);
    expect(cells.some((c) => c.value === "A÷B×分值")).toBe(true); // the settings used
    const again = await host.check({});
    expect(again.report.forms).toHaveLength(4);
    expect(checkWorkbook({ sheets: [] }).forms).toEqual([]);
  });
});
