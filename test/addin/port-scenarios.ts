import { WorkbookHost } from "../../src/addin/workbook-host";
import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { NOTE_PREFIX, NOTE_SEPARATOR, flaggedCells, severityColor } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { CellValue } from "../../src/core/snapshot";
import { defaultTicks, finalizeSelection } from "../../src/core/writeback";

/**
 * The host-neutral scenario of levels.test.ts — check, highlight, clear, write back, undo, report, settings — written
 * once over what a test can see of any host's workbook (a World), so every implementation of the port runs the same
 * one: the memory port (memory-port.test.ts), the Office port on the fake Office host, and the next host's.
 */
export interface World {
  host: WorkbookHost;
  /** what the host can show in a cell besides its fill */
  notes: boolean;
  comments: boolean;
  /** everything a person could see, to compare before and after */
  state(): unknown;
  cell(sheet: string, a1: string): { value: CellValue; fill: { color: string; pattern: string | null }; note: string | null };
  comments_(): Array<{ sheet: string; address: string; content: string }>;
  addComment(sheet: string, a1: string, text: string): void;
  addNote(sheet: string, a1: string, text: string): void;
  hasSheet(name: string): boolean;
  /** a host whose one note per cell holds a person's note and ours after it (WPS): ours goes after theirs */
  notesAfterPerson?: boolean;
  /** a second runtime over the same document (its own copy of the store), where the world has one */
  otherRuntime?(): WorkbookHost;
}

const ALL = ["error", "warning", "info"] as const;

export async function checkHighlightClearWriteUndoReportSettings(world: World): Promise<void> {
  const { host, notes, comments } = world;
  const { report, proposals } = await host.check({});
  const findings = report.forms.flatMap((f) => f.findings);
  const flagged = flaggedCells(findings, [...ALL]);
  // a reviewer comments on one flagged cell, a person notes another
  if (flagged[0] && comments) world.addComment(flagged[0].sheet, flagged[0].address, "审核人：请核对");
  if (flagged[1] && notes) world.addNote(flagged[1].sheet, flagged[1].address, "经办人备注");
  const original = structuredClone(world.state());

  expect(await host.highlight(findings, [...ALL])).toBe(flagged.length);
  expect(host.markCount()).toBe(flagged.length);
  flagged.forEach((c, i) => {
    const cell = world.cell(c.sheet, c.address);
    expect(cell.fill).toEqual({ color: severityColor(c.severity), pattern: "Solid" });
    if (i === 1 && notes && world.notesAfterPerson) expect(cell.note).toMatch(new RegExp(`^经办人备注\n(${NOTE_SEPARATOR}\n)?${NOTE_PREFIX}`)); // theirs kept, ours after it
    // never over a person's note: theirs stays first, ours follows under the separator (as copies write it)
    else if (i === 1 && notes) expect(cell.note).toMatch(new RegExp(`^经办人备注\n${NOTE_SEPARATOR}\n${NOTE_PREFIX}`));
    else if (notes && !(i === 0 && comments)) expect(cell.note).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    else expect(cell.note).toBeNull();
  });
  // the reviewer's comment untouched and not covered; where the host has no notes, ours on the others
  const onCell = (c: { sheet: string; address: string }) => world.comments_().filter((x) => x.sheet === c.sheet && x.address === c.address);
  if (flagged[0] && comments) expect(onCell(flagged[0]).map((x) => x.content)).toEqual(["审核人：请核对"]);
  expect(world.comments_()).toHaveLength(!comments ? 0 : notes ? (flagged[0] ? 1 : 0) : flagged.length);
  if (flagged.length) expect(world.state()).not.toEqual(original);
  expect(await host.clearMarks()).toBe(flagged.length);
  expect(world.state()).toEqual(original);
  expect(host.markCount()).toBe(0);

  const chosen = finalizeSelection(proposals, defaultTicks(proposals, true));
  expect((await host.applyWrites(chosen)).written).toBe(chosen.length);
  for (const p of chosen) expect(world.cell(p.sheet, p.address).value).toBe(p.new);
  expect(host.canUndo()).toBe(chosen.length > 0);
  expect(await host.undoWrites()).toEqual({ written: chosen.length, skipped: [] });
  expect(world.state()).toEqual(original);
  expect(host.canUndo()).toBe(false);

  await host.writeReport(report, resolveOptions({}), "zh", "2026-11-25T00:00:00.000Z");
  expect(world.hasSheet(REPORT_SHEET_NAME)).toBe(true);

  const s = { preset: "hubei", options: { overachievementThreshold: 0.5 }, highlight: ["error" as const] };
  await host.saveSettings(s);
  expect(host.settings()).toEqual(s);
  // saved in the document: a new runtime over the same workbook reads them, and checks with them
  const other = world.otherRuntime?.();
  if (other) {
    expect(other.settings()).toEqual(s);
    expect((await other.check({})).options.overachievementThreshold).toBe(0.5);
  }
}
