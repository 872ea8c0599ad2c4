import { MARKS_SETTING, UNDO_SETTING, officeWorkbookHost } from "../../src/addin/host";
import { parseAddress } from "../../src/core/a1";
import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { flaggedCells } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { defaultTicks, finalizeSelection } from "../../src/core/writeback";
import { detectCapabilities } from "../../src/excel/capabilities";
import { readCellStates, writeCellChanges } from "../../src/excel/cells";
import { FakeWorkbook, createFakeOffice } from "../host/fake-office";
import { installFakeOffice, installModel, uninstallFakeOffice } from "../support/office";
import { loadFixture, withCells } from "../support/workbooks";

/**
 * The whole add-in on the strict fake at the levels real hosts have: 1.7 (the manifest's minimum), 1.8 (Office 2019
 * perpetual), 1.13 (comments but no notes, no getItemOrNullObject for comments) and the current level. On every
 * fixture: check, highlight, clear, write-back + undo, report, settings — no failed sync; after clear the workbook is as
 * it was (others' comments and notes untouched); after undo every value and number format is as before.
 */
afterEach(uninstallFakeOffice);

const LEVELS = ["1.7", "1.8", "1.13", "1.20"];
const FIXTURES = ["official", "stacked", "shifted", "provincial", "no-form", "truncated", "department"];
const ALL = ["error", "warning", "info"] as const;
const below = (level: string, v: string) => {
  const [a, b] = level.split(".").map(Number), [c, d] = v.split(".").map(Number);
  return a < c || (a === c && b < d);
};

/** The official forms with text where numbers usually are: a rate typed as text, a total as text, a "@" cell. */
async function textVariant(): Promise<WorkbookSnapshot> {
  const base = await loadFixture("official");
  const one = withCells(base, "项目1", { H26: ["90.5", "General"], H22: ["1", "@"] });
  return withCells(one, "项目2", { H6: ["86%", "General"] });
}

async function fixture(name: string): Promise<WorkbookSnapshot> {
  return name === "official-text" ? textVariant() : loadFixture(name);
}

describe.each(LEVELS)("at ExcelApi %s", (level) => {
  test.each([...FIXTURES, "official-text"])("%s: check, highlight, clear, write back, undo, report, settings", async (name) => {
    const snap = await fixture(name);
    // which cells will be flagged: a reviewer comments on one, a person notes another (where the host can see notes)
    installFakeOffice(snap, { excelApi: level });
    const flagged = flaggedCells((await officeWorkbookHost().check({})).report.forms.flatMap((f) => f.findings), [...ALL]);
    uninstallFakeOffice();
    const model = installFakeOffice(snap, { excelApi: level });
    if (flagged[0]) model.addComment(flagged[0].sheet, flagged[0].address, "审核人：请核对");
    const noteVisible = !(below(level, "1.18") && !below(level, "1.10")); // see the 1.10–1.17 test below
    if (flagged[1] && noteVisible) model.sheet(flagged[1].sheet).notes.set(flagged[1].address, "经办人备注");
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();

    const { report, proposals } = await host.check({});
    const findings = report.forms.flatMap((f) => f.findings);
    const marked = await host.highlight(findings, [...ALL]);
    expect(marked).toBe(flagged.length);
    if (flagged[2]) {
      const at = parseAddress(flagged[2].address)!;
      expect(model.cell(model.sheet(flagged[2].sheet), at.row, at.col).fill.pattern).toBe("Solid");
    }
    // the reviewer's comment is never touched, nor covered
    expect([...model.comments.values()].filter((c) => c.content === "审核人：请核对")).toHaveLength(flagged[0] ? 1 : 0);
    if (flagged[0]) expect([...model.comments.values()].filter((c) => c.sheet === flagged[0].sheet && c.address === flagged[0].address)).toHaveLength(1);
    if (!below(level, "1.10") && below(level, "1.18") && flagged.length > 1) expect(model.comments.size).toBe(flagged.length); // ours on the others
    expect(await host.clearMarks()).toBe(flagged.length);
    expect(model.state()).toEqual(original);

    const chosen = finalizeSelection(proposals, defaultTicks(proposals, true));
    const r = await host.applyWrites(chosen);
    expect(r.written).toBe(chosen.length);
    const undo = await host.undoWrites();
    expect(undo).toEqual({ written: chosen.length, skipped: [] });
    expect(model.state()).toEqual(original);
    expect(host.canUndo()).toBe(false);

    await host.writeReport(report, resolveOptions({}), "zh", "2026-11-25T00:00:00.000Z");
    expect(model.sheets.some((s) => s.name === REPORT_SHEET_NAME)).toBe(true);
    const s = { preset: "hubei", options: { overachievementThreshold: 0.5 }, highlight: ["error" as const] };
    await host.saveSettings(s);
    expect(host.settings()).toEqual(s);
    expect(model.failedSyncs).toEqual([]);
  });
});

describe("text stays text on write-back, and undo never blames the user for Excel's coercion", () => {
  test.each(LEVELS)("at %s a rate typed as text is written as text and restored exactly", async (level) => {
    const model = installFakeOffice(await textVariant(), { excelApi: level });
    const cellAt = (sheet: string, a1: string) => {
      const at = parseAddress(a1)!;
      return model.cell(model.sheet(sheet), at.row, at.col);
    };
    const host = officeWorkbookHost();
    const { proposals } = await host.check({});
    const chosen = finalizeSelection(proposals, defaultTicks(proposals, true));
    const rate = chosen.find((p) => p.sheet === "项目2" && p.address === "H6")!;
    expect(typeof rate.new).toBe("string");
    await host.applyWrites(chosen);
    expect(cellAt("项目2", "H6")).toMatchObject({ value: rate.new, format: "General" }); // text, not 1 with "0%"
    expect(cellAt("项目1", "H22").format).toBe("@");
    const r = await host.undoWrites();
    expect(r.skipped).toEqual([]);
    expect(cellAt("项目2", "H6")).toMatchObject({ value: "86%", format: "General" });
    expect(cellAt("项目1", "H26")).toMatchObject({ value: "90.5", format: "General" });
    expect(cellAt("项目1", "H22")).toMatchObject({ value: "1", format: "@" });
    expect(model.failedSyncs).toEqual([]);
  });

  test.each(LEVELS)("at %s texts Excel would parse (\"-\", \"1,234\", \"2024-01-01\") come back as the same text after undo", async (level) => {
    const snap = withCells(await loadFixture("official"), "项目1", { H26: "-", H20: "1,234", H22: "2024-01-01" });
    const model = installFakeOffice(snap, { excelApi: level });
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();
    const { proposals } = await host.check({});
    const chosen = finalizeSelection(proposals, defaultTicks(proposals, true)).filter((p) => p.sheet === "项目1");
    expect(chosen.map((p) => p.address).sort()).toEqual(["H20", "H22", "H26"]);
    await host.applyWrites(chosen);
    expect(await host.undoWrites()).toEqual({ written: 3, skipped: [] });
    expect(model.state()).toEqual(original);
    expect(model.failedSyncs).toEqual([]);
  });

  test("an undo that fails keeps its record; the next undo restores every cell and drops it", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    const { proposals } = await host.check({});
    await host.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    // a write that Excel refuses once (say, a cell in edit mode): rolled back, the record kept
    let failed = false;
    model.failWrite = (op) => op === "values" && !failed && (failed = true);
    await expect(host.undoWrites()).rejects.toThrow();
    model.failWrite = null;
    expect(host.canUndo()).toBe(true);
    const r = await host.undoWrites();
    expect(r.skipped).toEqual([]);
    expect(host.canUndo()).toBe(false);
  });
});

describe("sheets renamed or deleted after marking or writing", () => {
  test.each(LEVELS)("at %s: a renamed sheet's marks are cleared, a deleted sheet's are dropped, undo follows the rename", async (level) => {
    const model = installFakeOffice(await loadFixture("official"), { excelApi: level });
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();
    const { report, proposals } = await host.check({});
    await host.highlight(report.forms.flatMap((f) => f.findings), [...ALL]);
    await host.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    await model.userRenameSheet("项目1", "项目一");
    await model.userDeleteSheet("项目2");
    const again = await host.check({});
    await host.highlight(again.report.forms.flatMap((f) => f.findings), [...ALL]);
    const undo = await host.undoWrites();
    expect(undo.skipped.every((s) => s.reason === "missing" && s.sheet === "项目2")).toBe(true);
    await host.clearMarks();
    expect(model.failedSyncs).toEqual([]);
    const now = model.state() as { sheets: Array<{ name: string }> };
    const was = original as { sheets: Array<{ name: string }> };
    expect(now.sheets.find((s) => s.name === "项目一")).toEqual({ ...was.sheets.find((s) => s.name === "项目1"), name: "项目一" });
    expect(host.markCount()).toBe(0);
    expect(host.canUndo()).toBe(false);
  });
});

describe("settings across runtimes (pane and ribbon command, no shared runtime)", () => {
  test("清除标记 from the ribbon is not undone by the pane's next save, nor does it drop the pane's undo record", async () => {
    const model = installFakeOffice(await loadFixture("official"), { excelApi: "1.8" });
    const original = structuredClone(model.state());
    const pane = officeWorkbookHost();
    const { report, proposals } = await pane.check({});
    await pane.highlight(report.forms.flatMap((f) => f.findings), [...ALL]);
    // the ribbon command starts its own runtime now: its own copy of the settings
    const ribbon = createFakeOffice(model, { excelApi: "1.8", runtime: "ribbon" });
    const paneGlobals = { Office: (globalThis as Record<string, unknown>).Office, Excel: (globalThis as Record<string, unknown>).Excel };
    Object.assign(globalThis, ribbon);
    const ribbonHost = officeWorkbookHost();
    // the pane writes back after the ribbon runtime loaded its copy
    Object.assign(globalThis, paneGlobals);
    await pane.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    Object.assign(globalThis, ribbon);
    expect(await ribbonHost.clearMarks()).toBeGreaterThan(0);
    expect(model.savedSettings.has(UNDO_SETTING)).toBe(true); // the ribbon's save kept the pane's undo record
    Object.assign(globalThis, paneGlobals);
    await pane.saveSettings({ preset: "hubei", options: {}, highlight: ["error"] });
    expect(model.savedSettings.has(MARKS_SETTING)).toBe(false); // the pane's save did not bring the marks back
    expect(pane.markCount()).toBe(0);
    await pane.undoWrites();
    const now = model.state() as { sheets: unknown };
    expect(now.sheets).toEqual((original as { sheets: unknown }).sheets);
    expect(model.failedSyncs).toEqual([]);
  });
});

describe("limits", () => {
  test("at 1.13 a person's note (invisible before ExcelApi 1.18) refuses our comment: the fills stay, nothing is lost", async () => {
    const model = installFakeOffice(await loadFixture("official"), { excelApi: "1.13" });
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();
    const findings = (await host.check({})).report.forms.flatMap((f) => f.findings);
    const flagged = flaggedCells(findings, [...ALL]);
    model.sheet(flagged[1].sheet).notes.set(flagged[1].address, "经办人备注");
    const withNote = structuredClone(model.state());
    expect(await host.highlight(findings, [...ALL])).toBe(flagged.length);
    // the comments' batch, which the add-in survives, then that one cell's comment on its own: every other comment lands
    expect(model.failedSyncs).toHaveLength(2);
    expect(model.failedSyncs.every((s) => s.includes(`${flagged[1].address} already has a note`))).toBe(true);
    expect(host.unannotated()).toEqual([{ sheet: flagged[1].sheet, address: flagged[1].address }]);
    await host.clearMarks();
    expect(model.state()).toEqual(withNote);
    expect(original).not.toEqual(withNote);
  });

  test("writes of 5.4 MB of text go in several syncs, each under 5 MB; a read Excel refuses as too large is split and retried", async () => {
    const big = "说明".repeat(300_000); // 1.8 MB of UTF-8 per cell, 0.6 M UTF-16 units
    const model = FakeWorkbook.fromSnapshot(await loadFixture("official"));
    installModel(model);
    const caps = detectCapabilities();
    const cells = ["A41", "A42", "A43"].map((address) => ({ sheet: "项目1", address }));
    await Excel.run((ctx) => writeCellChanges(ctx, cells.map((c) => ({ ...c, value: big })), { caps }));
    expect(model.failedSyncs).toEqual([]);
    expect(model.requestBytes.filter((b) => b > 1_000_000).length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...model.requestBytes)).toBeLessThan(5_000_000);
    const states = await Excel.run((ctx) => readCellStates(ctx, cells, caps));
    expect(states.map((s) => s.value)).toEqual([big, big, big]);
    expect(model.failedSyncs.every((f) => f.startsWith("ResponsePayloadSizeLimitExceeded"))).toBe(true);
  });
});
