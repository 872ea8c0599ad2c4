import { checkWorkbook } from "../../src/core/engine";
import { detectCapabilities } from "../../src/excel/capabilities";
import { readWorkbook } from "../../src/excel/read";
import { FakeWorkbook, createFakeOffice } from "../host/fake-office";
import { installFakeOffice, stackedSnapshot, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

afterEach(uninstallFakeOffice);

const ALL = { level: "1.18", merges: true, notes: true, comments: true, commentOrNull: true, fillPattern: true, screenUpdating: true, events: true, collectionChanged: true, triggerSource: true, undoGroups: false };

async function officeRead(model: FakeWorkbook, maxBytesPerSync?: number) {
  const { Excel } = createFakeOffice(model);
  return Excel.run(async (ctx) => readWorkbook(ctx as unknown as Excel.RequestContext, ALL, { maxBytesPerSync }));
}

describe("the Office adapter's read", () => {
  test.each(["official", "stacked", "shifted", "provincial", "no-form", "truncated", "department"])(
    "the Office snapshot of %s equals the xlsx snapshot",
    async (name) => {
      const xlsx = await loadFixture(name);
      const model = FakeWorkbook.fromSnapshot(xlsx);
      const office = await officeRead(model);
      expect(office).toEqual(xlsx);
      expect(checkWorkbook(office)).toEqual(checkWorkbook(xlsx));
    },
  );

  test("1 form and 50 forms take the same number of syncs (3)", async () => {
    const base = await loadFixture("official");
    const counts: number[] = [];
    for (const n of [1, 50]) {
      const model = FakeWorkbook.fromSnapshot(stackedSnapshot(base, "项目2", n));
      const snap = await officeRead(model);
      expect(checkWorkbook(snap).forms).toHaveLength(n);
      counts.push(model.syncs);
    }
    expect(counts).toEqual([3, 3]);
  });

  test("one sheet per form: 40 sheets still take 3 syncs", async () => {
    const base = await loadFixture("official");
    const sheets = Array.from({ length: 40 }, (_, i) => ({ ...structuredClone(base.sheets[2]), name: `表${i + 1}` }));
    const model = FakeWorkbook.fromSnapshot({ sheets });
    const snap = await officeRead(model);
    expect(checkWorkbook(snap).forms).toHaveLength(40);
    expect(model.syncs).toBe(3);
  });

  test("large used ranges are read in row chunks: every response under the limit, the same snapshot", async () => {
    const base = await loadFixture("official");
    const big = stackedSnapshot(base, "项目1", 20);
    const whole = await officeRead(FakeWorkbook.fromSnapshot(big));
    const model = FakeWorkbook.fromSnapshot(big);
    const chunked = await officeRead(model, 20_000);
    expect(chunked).toEqual(whole);
    expect(model.syncs).toBeGreaterThan(3);
    expect(Math.max(...model.responseBytes)).toBeLessThan(20_000);
  });

  test("long texts past Excel on the web's 5 MB response limit (UTF-8) are read by splitting what the host refuses", async () => {
    const base = await loadFixture("official");
    const text = "绩效目标完成情况说明".repeat(3000); // 30,000 characters, 90 KB of UTF-8
    const long = { name: "长文本", top: 0, left: 0, values: Array.from({ length: 80 }, () => [text]), formats: Array.from({ length: 80 }, () => ["General"]), merges: [] };
    const snap = { sheets: [...base.sheets, long] };
    const model = FakeWorkbook.fromSnapshot(snap);
    const read = await officeRead(model);
    expect(read).toEqual(snap);
    expect(model.failedSyncs.length).toBeGreaterThan(0); // the host refused, the reader split
    expect(model.failedSyncs.every((f) => f.startsWith("ResponsePayloadSizeLimitExceeded"))).toBe(true);
    expect(Math.max(...model.responseBytes.filter((_, i) => i > 1))).toBeGreaterThan(1_000_000);
  });

  test("without ExcelApi 1.13 there are no merged areas, and the forms are still found", async () => {
    const xlsx = await loadFixture("official");
    installFakeOffice(xlsx, { excelApi: "1.12" });
    const caps = detectCapabilities();
    expect(caps.merges).toBe(false);
    const snap = await Excel.run((ctx) => readWorkbook(ctx, caps));
    expect(snap.sheets.every((s) => s.merges.length === 0)).toBe(true);
    const r = checkWorkbook(snap);
    expect(r.forms).toHaveLength(4);
    expect(r.forms[0].totals).toMatchObject({ weights: 100, reportedScore: 90.5, sumOfScores: 91.5 });
  });

  test("the fake, like Office.js, refuses a property that was not loaded and synced", async () => {
    const model = FakeWorkbook.fromSnapshot(await loadFixture("official"));
    const { Excel } = createFakeOffice(model);
    await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("项目1").getRange("A1");
      expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([["项目支出绩效自评表"]]);
    });
  });
});
