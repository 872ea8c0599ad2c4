import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { EtApplication } from "../../src/wps/et";
import { wpsWorkbookHost } from "../../src/wps/host";
import { World, checkHighlightClearWriteUndoReportSettings } from "../addin/port-scenarios";
import { loadFixture, withCells } from "../support/workbooks";
import { FakeEtWorkbook, fakeEt } from "./fake-et";

/**
 * The host-neutral scenario (test/addin/port-scenarios.ts) — check, highlight, clear, write back, undo, report,
 * settings — through the WPS port over the strict stand-in: after clear and after undo the workbook is as it was.
 */
const FIXTURES = ["official", "stacked", "shifted", "provincial", "no-form", "truncated", "department", "official-text"];

async function fixture(name: string): Promise<WorkbookSnapshot> {
  if (name !== "official-text") return loadFixture(name);
  const one = withCells(await loadFixture("official"), "项目1", { H26: ["90.5", "General"], H22: ["1", "@"] });
  return withCells(one, "项目2", { H6: ["86%", "General"] });
}

export function etWorld(model: FakeEtWorkbook): World {
  const app = () => fakeEt(model).Application as EtApplication;
  return {
    host: wpsWorkbookHost(app()),
    notes: true,
    comments: false,
    notesAfterPerson: true,
    state: () => model.state(),
    cell: (sheet, a1) => {
      const c = model.cell(sheet, a1);
      return { value: c.value, fill: c.fill, note: model.sheet(sheet).comments.get(a1) ?? null };
    },
    comments_: () => [],
    addComment: () => undefined,
    addNote: (sheet, a1, text) => void model.sheet(sheet).comments.set(a1, text),
    hasSheet: (name) => model.sheets.some((s) => s.name === name),
    otherRuntime: () => wpsWorkbookHost(app()),
  };
}

test.each(FIXTURES)("%s: check, highlight, clear, write back, undo, report, settings through the WPS stand-in", async (name) => {
  const model = FakeEtWorkbook.fromSnapshot(await fixture(name));
  await checkHighlightClearWriteUndoReportSettings(etWorld(model));
  const report = model.sheet(REPORT_SHEET_NAME);
  expect(report.cells.size).toBeGreaterThan(3);
  expect(report.page).toEqual({ orientation: 2, paperSize: 9 });
  // one custom XML part of ours, whatever was saved
  expect(model.parts.filter((p) => p.ns === "urn:selfeval:store:v1")).toHaveLength(1);
});
