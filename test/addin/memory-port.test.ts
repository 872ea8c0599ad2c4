import { officeWorkbookHost } from "../../src/addin/host";
import { OWN_WRITE_QUIET_MS } from "../../src/addin/live";
import { MARKS_SETTING } from "../../src/addin/marks";
import { RefusedError } from "../../src/addin/port";
import { UNDO_SETTING } from "../../src/addin/undo";
import { workbookHost } from "../../src/addin/workbook-host";
import { parseAddress } from "../../src/core/a1";
import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { flaggedCells } from "../../src/core/marks";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { defaultTicks, finalizeSelection } from "../../src/core/writeback";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { FakeWorkbook } from "../host/fake-office";
import { loadFixture, withCells } from "../support/workbooks";
import { MemoryOptions, MemoryWorkbook, memoryPort } from "./memory-port";
import { World, checkHighlightClearWriteUndoReportSettings } from "./port-scenarios";

/**
 * The host-neutral modules of src/addin over a second implementation of their port (test/addin/memory-port.ts, no
 * Office.js): the scenarios of levels.test.ts — check, highlight, clear, write-back + undo, report, settings — on every
 * fixture and for hosts with notes, with comments only and with neither; after clear and after undo the workbook is as
 * it was. And the same operations give the same workbook over the memory port as over the fake Office host.
 */
afterEach(() => {
  jest.restoreAllMocks();
  uninstallFakeOffice();
});

const FIXTURES = ["official", "stacked", "shifted", "provincial", "no-form", "truncated", "department", "official-text"];
const ALL = ["error", "warning", "info"] as const;
const PROFILES: Array<[string, MemoryOptions]> = [
  ["notes and comments", {}],
  ["comments only (no notes)", { notes: false }],
  ["neither notes nor comments", { notes: false, comments: false }],
];

async function fixture(name: string): Promise<WorkbookSnapshot> {
  if (name !== "official-text") return loadFixture(name);
  const one = withCells(await loadFixture("official"), "项目1", { H26: ["90.5", "General"], H22: ["1", "@"] });
  return withCells(one, "项目2", { H6: ["86%", "General"] });
}

/** The memory workbook as the scenario sees it. */
function memoryWorld(wb: MemoryWorkbook, options: MemoryOptions): World {
  return {
    host: workbookHost(memoryPort(wb, options)),
    notes: options.notes !== false,
    comments: options.comments !== false,
    state: () => wb.state(),
    cell: (sheet, a1) => wb.cell(sheet, a1),
    comments_: () => [...wb.comments.values()],
    addComment: (sheet, a1, text) => void wb.addComment(sheet, a1, text),
    addNote: (sheet, a1, text) => wb.setCell(sheet, a1, { note: text }),
    hasSheet: (name) => wb.sheets.some((s) => s.name === name),
    otherRuntime: () => workbookHost(memoryPort(wb, options)),
  };
}

/** The fake Office workbook as the scenario sees it, through the Office port. */
function officeWorld(model: FakeWorkbook, level: string): World {
  const v = (x: string) => x.split(".").map(Number);
  const [a, b] = v(level);
  const atLeast = (x: string) => a > v(x)[0] || (a === v(x)[0] && b >= v(x)[1]);
  return {
    host: officeWorkbookHost(),
    notes: atLeast("1.18"),
    comments: atLeast("1.10"),
    state: () => model.state(),
    cell: (sheet, a1) => officeCell(model, sheet, a1),
    comments_: () => [...model.comments.values()],
    addComment: (sheet, a1, text) => void model.addComment(sheet, a1, text),
    addNote: (sheet, a1, text) => void model.sheet(sheet).notes.set(a1, text),
    hasSheet: (name) => model.sheets.some((s) => s.name === name),
  };
}

describe.each(PROFILES)("over the in-memory port, %s", (_profile, options) => {
  test.each(FIXTURES)("%s: check, highlight, clear, write back, undo, report, settings", async (name) => {
    const wb = MemoryWorkbook.fromSnapshot(await fixture(name));
    await checkHighlightClearWriteUndoReportSettings(memoryWorld(wb, options));
    const sheet = wb.sheet(REPORT_SHEET_NAME);
    expect(sheet.plan!.rows.length).toBeGreaterThan(3);
    expect(new Set(sheet.plan!.rows.map((r) => r.length)).size).toBe(1); // rectangular
    expect(sheet.plan!.page).toEqual({ orientation: "landscape", paper: "A4" });
  });
});

describe.each(["1.8", "1.13", "1.20"])("the same scenario over the Office port at ExcelApi %s", (level) => {
  test.each(["official", "shifted", "official-text"])("%s", async (name) => {
    const model = installFakeOffice(await fixture(name), { excelApi: level });
    await checkHighlightClearWriteUndoReportSettings(officeWorld(model, level));
    expect(model.failedSyncs).toEqual([]);
  });
});

/** What the fake Office host holds where the memory workbook has the same cell. */
function officeCell(model: ReturnType<typeof installFakeOffice>, sheet: string, a1: string) {
  const at = parseAddress(a1)!;
  const c = model.cell(model.sheet(sheet), at.row, at.col);
  return { value: c.value, format: c.format, fill: c.fill, note: model.sheet(sheet).notes.get(a1) ?? null };
}

describe("the same operations give the same workbook over both ports", () => {
  test.each([
    ["1.20", {}],
    ["1.13", { notes: false }],
    ["1.8", { notes: false, comments: false }],
  ] as Array<[string, MemoryOptions]>)("at ExcelApi %s and the memory port with the same abilities", async (level, options) => {
    const snap = await loadFixture("official");
    const model = installFakeOffice(snap, { excelApi: level });
    const office = officeWorkbookHost();
    const wb = MemoryWorkbook.fromSnapshot(snap);
    const memory = workbookHost(memoryPort(wb, options));
    const a = await office.check({});
    const b = await memory.check({});
    expect(b.report).toEqual(a.report);
    expect(b.proposals).toEqual(a.proposals);
    const findings = a.report.forms.flatMap((f) => f.findings);
    const flagged = flaggedCells(findings, [...ALL]);
    expect(await memory.highlight(findings, [...ALL])).toBe(await office.highlight(findings, [...ALL]));
    const project = (c: { sheet: string; address: string }) => {
      const m = wb.cell(c.sheet, c.address);
      return { value: m.value, format: m.format, fill: m.fill, note: m.note };
    };
    for (const c of flagged) expect(project(c)).toEqual(officeCell(model, c.sheet, c.address));
    expect([...wb.comments.values()].map((c) => [c.sheet, c.address, c.content])).toEqual([...model.comments.values()].map((c) => [c.sheet, c.address, c.content]));
    const chosen = finalizeSelection(a.proposals, defaultTicks(a.proposals, true));
    expect(await memory.applyWrites(chosen)).toEqual(await office.applyWrites(chosen));
    for (const p of chosen) expect(project(p)).toEqual(officeCell(model, p.sheet, p.address));
    await office.writeReport(a.report, a.options, "zh", "2026-11-25T00:00:00.000Z");
    await memory.writeReport(b.report, b.options, "zh", "2026-11-25T00:00:00.000Z");
    // the report sheet holds the same values cell for cell (texts as text on both)
    const rows = wb.sheet(REPORT_SHEET_NAME).plan!.rows;
    rows.forEach((row, r) => row.forEach((v, c) => expect(model.cell(model.sheet(REPORT_SHEET_NAME), r, c).value).toBe(v)));
    expect(await memory.undoWrites()).toEqual(await office.undoWrites());
    expect(await memory.clearMarks()).toBe(await office.clearMarks());
    for (const c of [...flagged, ...chosen]) expect(project(c)).toEqual(officeCell(model, c.sheet, c.address));
    expect(model.failedSyncs).toEqual([]);
  });
});

describe("the host-neutral guarantees, over the memory port", () => {
  test("a renamed sheet's marks are cleared and undo follows it; a deleted sheet's are dropped", async () => {
    const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
    const original = structuredClone(wb.state()) as { sheets: Array<{ name: string }> };
    const host = workbookHost(memoryPort(wb));
    const { report, proposals } = await host.check({});
    await host.highlight(report.forms.flatMap((f) => f.findings), [...ALL]);
    await host.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    wb.renameSheet("项目1", "项目一");
    wb.deleteSheet("项目2");
    const undo = await host.undoWrites();
    expect(undo.written).toBeGreaterThan(0); // on the renamed sheet
    expect(undo.skipped.every((s) => s.reason === "missing" && s.sheet === "项目2")).toBe(true);
    await host.clearMarks();
    const now = wb.state() as { sheets: Array<{ name: string }> };
    expect(now.sheets.find((s) => s.name === "项目一")).toEqual({ ...original.sheets.find((s) => s.name === "项目1"), name: "项目一" });
    expect(host.markCount()).toBe(0);
    expect(host.canUndo()).toBe(false);
  });

  test("a protected sheet refuses write-back before anything is written; a read-only document refuses too", async () => {
    const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
    const original = structuredClone(wb.state());
    const { proposals } = await workbookHost(memoryPort(wb)).check({});
    const chosen = finalizeSelection(proposals, defaultTicks(proposals, true));
    wb.sheet("项目1").protected = true;
    await expect(workbookHost(memoryPort(wb)).applyWrites(chosen)).rejects.toBeInstanceOf(RefusedError);
    expect(wb.state()).toEqual(original);
    wb.sheet("项目1").protected = false;
    await expect(workbookHost(memoryPort(wb, { readOnly: true })).applyWrites(chosen)).rejects.toThrow(/只读|read-only/);
    expect(wb.state()).toEqual(original);
    expect(wb.saved.has(UNDO_SETTING)).toBe(false);
  });

  test("a write that fails midway is put back, and leaves no record", async () => {
    const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
    const original = structuredClone(wb.state());
    const host = workbookHost(memoryPort(wb));
    const { report, proposals } = await host.check({});
    let n = 0;
    wb.failWrite = () => ++n === 3;
    await expect(host.highlight(report.forms.flatMap((f) => f.findings), [...ALL])).rejects.toThrow(/Injected failure/);
    expect(wb.state()).toEqual(original);
    expect(host.markCount()).toBe(0);
    n = 0;
    await expect(host.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)))).rejects.toThrow(/Injected failure/);
    expect(wb.state()).toEqual(original);
    expect(host.canUndo()).toBe(false);
  });

  test("清除标记 from another runtime is not undone by this one's next save, nor does it drop this one's undo record", async () => {
    const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
    const original = structuredClone(wb.state());
    const pane = workbookHost(memoryPort(wb));
    const { report, proposals } = await pane.check({});
    await pane.highlight(report.forms.flatMap((f) => f.findings), [...ALL]);
    const ribbon = workbookHost(memoryPort(wb)); // its own copy of the store, loaded now
    await pane.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    expect(await ribbon.clearMarks()).toBeGreaterThan(0);
    expect(wb.saved.has(UNDO_SETTING)).toBe(true);
    await pane.saveSettings({ preset: "hubei", options: {}, highlight: ["error"] });
    expect(wb.saved.has(MARKS_SETTING)).toBe(false);
    expect(pane.markCount()).toBe(0);
    await pane.undoWrites();
    expect((wb.state() as { sheets: unknown }).sheets).toEqual((original as { sheets: unknown }).sheets);
  });

  test("select reaches the cell", async () => {
    const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
    await workbookHost(memoryPort(wb)).select({ sheet: "项目4", address: "I14" });
    expect(wb.selection).toEqual({ sheet: "项目4", address: "I14" });
    expect(wb.activeSheet).toBe("项目4");
  });

  test.each([
    ["tells an edit's source", true],
    ["cannot tell an edit's source (the quiet window)", false],
  ])("live mode on a host that %s: our writes are not heard, a person's edit is", async (_how, tellsSource) => {
    const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
    const host = workbookHost(memoryPort(wb, { tellsSource }));
    const heard: string[] = [];
    const stop = await host.watch((s) => heard.push(s));
    const t0 = Date.now();
    const clock = jest.spyOn(Date, "now").mockReturnValue(t0);
    const { report, proposals } = await host.check({});
    await host.highlight(report.forms.flatMap((f) => f.findings), [...ALL]);
    await host.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    expect(heard).toEqual([]);
    // within the window a host that cannot tell takes an edit for ours; past it, every edit is heard
    clock.mockReturnValue(t0 + OWN_WRITE_QUIET_MS - 1);
    wb.userEdit("项目2", "H14", 4);
    expect(heard).toEqual(tellsSource ? ["项目2"] : []);
    clock.mockReturnValue(t0 + OWN_WRITE_QUIET_MS + 1);
    wb.userEdit("项目2", "H14", 5);
    expect(heard).toEqual(tellsSource ? ["项目2", "项目2"] : ["项目2"]);
    await stop();
    wb.userEdit("项目2", "H14", 6);
    expect(heard).toHaveLength(tellsSource ? 2 : 1);
  });
});
