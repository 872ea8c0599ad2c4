import { officeWorkbookHost } from "../../src/addin/host";
import { defaultTicks, finalizeSelection } from "../../src/core/writeback";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

/**
 * Live mode on the strict fake: the fake raises onChanged for the add-in's own writes (with triggerSource
 * "ThisLocalAddin" from ExcelApi 1.14) and the test delivers them when it chooses (holdEvents), and moves the clock
 * with a stubbed Date.now: no real-time waits.
 */
afterEach(() => {
  jest.restoreAllMocks();
  uninstallFakeOffice();
});

async function writeBackThenWatch(level: string) {
  const model = installFakeOffice(await loadFixture("official"), { excelApi: level });
  model.holdEvents = true;
  const host = officeWorkbookHost();
  const heard: string[] = [];
  const stop = await host.watch((s) => heard.push(s));
  const t0 = Date.now();
  const clock = jest.spyOn(Date, "now").mockReturnValue(t0);
  const { proposals } = await host.check({});
  await host.applyWrites(finalizeSelection(proposals, defaultTicks(proposals, true)));
  return { model, host, heard, stop, t0, clock };
}

describe("live mode", () => {
  test.each(["1.14", "1.20"])("at %s our write-back is ignored by triggerSource, and an edit 0.5 s later is caught", async (level) => {
    const { model, heard, t0, clock, stop } = await writeBackThenWatch(level);
    expect(await model.deliverEvents()).toBeGreaterThan(0); // our own writes did raise events
    expect(heard).toEqual([]);
    clock.mockReturnValue(t0 + 500);
    await model.userEdit("项目2", "H14", 4);
    expect(heard).toEqual(["项目2"]);
    await stop();
  });

  test.each(["1.8", "1.13"])("at %s (no triggerSource) our writes are ignored for a quiet window, after which edits are caught", async (level) => {
    const { model, heard, t0, clock, stop } = await writeBackThenWatch(level);
    await model.deliverEvents();
    expect(heard).toEqual([]);
    clock.mockReturnValue(t0 + 2500);
    await model.userEdit("项目2", "H14", 4);
    expect(heard).toEqual(["项目2"]);
    await stop();
  });

  test.each(["1.7", "1.8", "1.9", "1.20"])("at %s a sheet added after live mode started is followed, and a renamed sheet passes its new name", async (level) => {
    const model = installFakeOffice(await loadFixture("official"), { excelApi: level });
    const host = officeWorkbookHost();
    const heard: string[] = [];
    const stop = await host.watch((s) => heard.push(s));
    await model.userAddSheet("新增项目");
    await model.userEdit("新增项目", "A1", "项目支出绩效自评表");
    await model.userRenameSheet("项目2", "项目二");
    await model.userEdit("项目二", "H14", 4);
    expect(heard).toEqual(["新增项目", "项目二"]);
    await stop();
    await model.userEdit("项目二", "H14", 5);
    expect(heard).toHaveLength(2);
    expect(model.failedSyncs).toEqual([]);
  });
});
