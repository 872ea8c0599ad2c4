import { officeWorkbookHost } from "../../src/addin/host";
import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { resolveOptions } from "../../src/core/options";
import { defaultTicks, finalizeSelection } from "../../src/core/writeback";
import { FakeWorkbook } from "../host/fake-office";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

/**
 * Nothing lost: every add-in write fails at every step in turn, and each time the workbook is left as it was.
 */
afterEach(uninstallFakeOffice);

type Op = (host: ReturnType<typeof officeWorkbookHost>, model: FakeWorkbook) => Promise<unknown>;

const OPS: Array<[string, Op | null, Op]> = [
  ["highlight", null, async (h) => h.highlight((await h.check({})).report.forms.flatMap((f) => f.findings), ["error", "warning", "info"])],
  [
    "clear marks",
    async (h) => h.highlight((await h.check({})).report.forms.flatMap((f) => f.findings), ["error", "warning", "info"]),
    (h) => h.clearMarks(),
  ],
  [
    "write back",
    null,
    async (h) => {
      const { proposals } = await h.check({});
      return h.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    },
  ],
  [
    "undo write-back",
    async (h) => {
      const { proposals } = await h.check({});
      return h.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
    },
    (h) => h.undoWrites(),
  ],
  ["report sheet", null, async (h) => h.writeReport((await h.check({})).report, resolveOptions({}), "zh", "2026-11-25T00:00:00.000Z")],
];

describe.each(OPS)("%s, failing at every write step", (_name, setup, op) => {
  test("leaves every value, format, fill and note as it was", async () => {
    // count the write steps of a clean run
    const probe = installFakeOffice(await loadFixture("shifted"));
    if (setup) await setup(officeWorkbookHost(), probe);
    const start = probe.writesApplied;
    await op(officeWorkbookHost(), probe);
    const steps = probe.writesApplied - start;
    expect(steps).toBeGreaterThan(0);
    let checked = 0;
    for (let k = 1; k <= steps; k++) {
      const model = installFakeOffice(await loadFixture("shifted"));
      const host = officeWorkbookHost();
      if (setup) await setup(host, model);
      const before = structuredClone(model.state());
      const sheetsBefore = model.sheets.map((s) => s.name);
      let n = 0;
      model.failWrite = () => ++n === k;
      await expect(op(host, model)).rejects.toThrow(/Injected failure/);
      model.failWrite = null;
      expect(model.state()).toEqual(before);
      expect(model.sheets.map((s) => s.name)).toEqual(sheetsBefore);
      checked++;
    }
    expect(checked).toBe(steps);
  });
});

test("the report sheet is never duplicated by a failure either", async () => {
  const model = installFakeOffice(await loadFixture("official"));
  const host = officeWorkbookHost();
  await host.writeReport((await host.check({})).report, resolveOptions({}), "zh", "x");
  let n = 0;
  model.failWrite = () => ++n === 2;
  await expect(host.writeReport((await host.check({})).report, resolveOptions({}), "zh", "y")).rejects.toThrow();
  model.failWrite = null;
  expect(model.sheets.filter((s) => s.name === REPORT_SHEET_NAME).length).toBeLessThanOrEqual(1);
});
