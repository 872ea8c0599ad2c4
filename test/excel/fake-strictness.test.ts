import { FakeWorkbook, createFakeOffice, dateSerial, excelTyped } from "../host/fake-office";
import { loadFixture } from "../support/workbooks";

/**
 * The stand-in is only worth what it refuses: each test here is one way Office.js is stricter than a naive fake
 * (issue 16), checked on the fake alone.
 */
async function host(excelApi = "1.18", runtime?: string, model?: FakeWorkbook) {
  const m = model ?? FakeWorkbook.fromSnapshot(await loadFixture("official"));
  return { model: m, ...createFakeOffice(m, { excelApi, runtime }) };
}
const cellOf = (m: FakeWorkbook, sheet: string, r: number, c: number) => m.cell(m.sheet(sheet), r, c);

describe("API levels: a call above the host's ExcelApi level fails at sync with ApiNotFound", () => {
  test.each([
    ["1.8", "suspendScreenUpdatingUntilNextSync (1.9)", (ctx: any) => ctx.workbook.application.suspendScreenUpdatingUntilNextSync()], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.13", "comments.getItemOrNullObject (1.14)", (ctx: any) => ctx.workbook.comments.getItemOrNullObject("c1").delete()], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.9", "comments.add (1.10)", (ctx: any) => ctx.workbook.comments.add("项目1!A1", "x")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.17", "notes.add (1.18)", (ctx: any) => ctx.workbook.notes.add("项目1!A1", "x")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.8", "fill.pattern (1.9)", (ctx: any) => ctx.workbook.worksheets.getItem("项目1").getRange("A1").format.fill.load("color,pattern")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.12", "getMergedAreasOrNullObject (1.13)", (ctx: any) => ctx.workbook.worksheets.getItem("项目1").getRange("A1:B2").getMergedAreasOrNullObject().load("address")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.3", "worksheets.getItemOrNullObject (1.4)", (ctx: any) => ctx.workbook.worksheets.getItemOrNullObject("项目1").load("name")], // eslint-disable-line @typescript-eslint/no-explicit-any
    ["1.8", "worksheets.onChanged (1.9)", (ctx: any) => ctx.workbook.worksheets.onChanged.add(async () => undefined)], // eslint-disable-line @typescript-eslint/no-explicit-any
  ])("at %s: %s", async (level, _name, call) => {
    const { Excel, Office, model } = await host(level);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("项目1").getRange("A2").values = [["changed"]];
        call(ctx);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    // as in Office.js a batch is not a transaction: what came before the failing call was applied
    expect(cellOf(model, "项目1", 1, 0).value).toBe("changed");
    expect(Office.context.requirements.isSetSupported("ExcelApi", level)).toBe(true);
  });

  test("the same calls succeed at the level that introduced them", async () => {
    const { Excel } = await host("1.14");
    await Excel.run(async (ctx) => {
      ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      ctx.workbook.comments.getItemOrNullObject("none").delete();
      ctx.workbook.worksheets.getItem("项目1").getRange("A1").format.fill.load("color,pattern");
      await ctx.sync();
    });
  });

  test("isSetSupported answers by the level", async () => {
    const { Office } = await host("1.8");
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });
});

describe("values: strings are parsed as Excel parses typed text", () => {
  test.each([
    ["90%", "General", 0.9, "0%"],
    ["86.5%", "General", 0.865, "0.00%"],
    ["2024-01-01", "General", dateSerial(2024, 1, 1), "yyyy/m/d"],
    ["2024年1月1日", "General", dateSerial(2024, 1, 1), 'yyyy"年"m"月"d"日"'],
    ["1,234", "General", 1234, "#,##0"],
    ["12", "General", 12, "General"],
    ["-", "General", "-", "General"],
    ["'x", "General", "x", "General"],
    ["'90%", "General", "90%", "General"],
    ["90%", "@", "90%", "@"],
    ["2024-01-01", "@", "2024-01-01", "@"],
    ["90%", "0.0%", 0.9, "0.0%"],
    ["达成", "General", "达成", "General"],
  ])("%j into a cell formatted %j holds %j with format %j", async (typed, format, value, after) => {
    const { Excel, model } = await host();
    model.setCell(model.sheet("项目1"), 40, 0, { value: "", format });
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("项目1").getRange("A41").values = [[typed]];
      await ctx.sync();
    });
    expect(cellOf(model, "项目1", 40, 0)).toMatchObject({ value, format: after });
  });

  test("2024-01-01 is serial 45292, as in Excel", () => {
    expect(dateSerial(2024, 1, 1)).toBe(45292);
    expect(excelTyped("=A1", "General")).toMatchObject({ formula: "=A1" });
  });
});

describe("document settings: an in-memory copy per runtime", () => {
  test("the ribbon's runtime does not see the pane's save until refreshAsync, and its save replaces the whole bag", async () => {
    const model = FakeWorkbook.fromSnapshot(await loadFixture("official"));
    const pane = createFakeOffice(model, { runtime: "pane" }).Office.context.document.settings;
    const ribbon = createFakeOffice(model, { runtime: "ribbon" }).Office.context.document.settings;
    pane.set("a", 1);
    await new Promise((r) => pane.saveAsync(r));
    expect(ribbon.get("a")).toBeNull();
    await new Promise((r) => ribbon.refreshAsync(r));
    expect(ribbon.get("a")).toBe(1);
    // the pane's stale copy, saved, brings back what the ribbon removed
    ribbon.remove("a");
    await new Promise((r) => ribbon.saveAsync(r));
    expect(model.savedSettings.has("a")).toBe(false);
    pane.set("b", 2);
    await new Promise((r) => pane.saveAsync(r));
    expect(model.savedSettings.get("a")).toBe(1);
  });
});

describe("comments", () => {
  test("a second comment on a cell fails, and so does a comment on a cell with a note", async () => {
    const { Excel, model } = await host("1.18");
    model.addComment("项目1", "H26", "审核人：请核对");
    model.sheet("项目1").notes.set("H6", "a note");
    for (const at of ["项目1!H26", "项目1!H6"]) {
      await expect(
        Excel.run(async (ctx) => {
          ctx.workbook.comments.add(at, "second");
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(model.comments.size).toBe(1);
  });

  test("getItem of a deleted comment fails at 1.10 (getItemOrNullObject is 1.14)", async () => {
    const { Excel, model } = await host("1.12");
    const id = model.addComment("项目1", "H26", "x");
    model.comments.delete(id);
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.comments.getItem(id).delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("payload: UTF-8 bytes, 5 MB", () => {
  const big = "绩".repeat(2_000_000); // 2 M UTF-16 units, 6 MB in UTF-8

  test("a 6 MB request fails, and nothing of it is applied", async () => {
    const { Excel, model } = await host();
    const before = structuredClone(model.state());
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("项目1").getRange("A41").values = [[big]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(model.state()).toEqual(before);
    expect(model.requestBytes.at(-1)).toBeGreaterThan(6_000_000);
  });

  test("a 6 MB response fails", async () => {
    const { Excel, model } = await host();
    model.setCell(model.sheet("项目1"), 40, 0, { value: big });
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("项目1").getRange("A41").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("events", () => {
  test.each([
    ["1.13", undefined],
    ["1.14", "ThisLocalAddin"],
  ])("at %s the add-in's own write fires onChanged, triggerSource %s", async (level, trigger) => {
    const { Excel, model } = await host(level);
    model.holdEvents = true;
    const heard: Array<{ address: string; triggerSource?: string; worksheetId: string }> = [];
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("项目1").onChanged.add(async (e) => void heard.push(e));
      await ctx.sync();
      ctx.workbook.worksheets.getItem("项目1").getRange("H26").values = [[91.5]];
      await ctx.sync();
    });
    expect(heard).toEqual([]);
    expect(await model.deliverEvents()).toBe(1);
    expect(heard).toEqual([expect.objectContaining({ address: "H26", worksheetId: model.sheet("项目1").id })]);
    expect(heard[0].triggerSource).toBe(trigger);
    await model.userEdit("项目1", "H25", 3);
    expect(heard[1].triggerSource).toBe(trigger === undefined ? undefined : "Unknown");
  });

  test("a renamed sheet is found by id, not by its old name", async () => {
    const { Excel, model } = await host();
    const id = model.sheet("项目1").id!;
    await model.userRenameSheet("项目1", "项目一");
    await expect(
      Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("项目1").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    const v = await Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(id).getRange("A1").load("values");
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([["项目支出绩效自评表"]]);
  });
});
