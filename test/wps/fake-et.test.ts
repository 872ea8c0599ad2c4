import { EtApplication, EtRange } from "../../src/wps/et";
import { FakeEtWorkbook, fakeEt } from "./fake-et";

/** The stand-in itself: strict about its subset, and the object model's quirks reproduced. */
function book() {
  const wb = new FakeEtWorkbook();
  const s = wb.addSheet("项目1");
  s.cells.set("A1", { value: "项目名称", format: "General", fill: { color: "#FFFFFF", pattern: "None" } });
  s.cells.set("B1", { value: 0.9, format: "0%", fill: { color: "#FFC7CE", pattern: "Solid" } });
  s.cells.set("C1", { value: "#DIV/0!", format: "General", fill: { color: "#FFFFFF", pattern: "None" } });
  s.cells.set("A2", { value: 12, format: "General", fill: { color: "#FFFFFF", pattern: "None" } });
  s.merges = [{ top: 2, left: 0, bottom: 2, right: 2 }];
  const app = fakeEt(wb).Application as EtApplication;
  // the stand-in implements the declared interface (a type check: this line compiles)
  const typed: EtApplication = app;
  return { wb, app: typed, ws: typed.ActiveWorkbook!.Worksheets.Item(1) };
}

test("any member outside the declared subset throws; so does writing a read-only one", () => {
  const { app, ws } = book();
  expect(() => (app as unknown as Record<string, unknown>).Workbooks).toThrow(/outside the declared subset/);
  expect(() => (ws.Range("A1") as unknown as Record<string, unknown>).Value3).toThrow(/outside the declared subset/);
  expect(() => ((ws as unknown as Record<string, unknown>).UsedRange = 1)).toThrow(/not assignable/);
  // Value is a method in the JS binding: callable, not assignable
  const r = ws.Range("A2") as unknown as { Value: unknown };
  expect((r.Value as () => unknown)()).toBe(12);
  expect(() => (r.Value = 13)).toThrow(/not assignable/);
});

test("indexes are 1-based", () => {
  const { app } = book();
  const list = app.ActiveWorkbook!.Worksheets;
  expect(list.Item(1).Name).toBe("项目1");
  expect(() => list.Item(0)).toThrow(/1-based/);
  expect(() => app.ActiveWorkbook!.CustomXMLParts.Item(0)).toThrow(/1-based/);
});

test("Value2: a scalar for one cell, 1-D for one row, 2-D for a block, undefined for blank, CVErr numbers for errors", () => {
  const { ws } = book();
  expect(ws.Range("A1").Value2).toBe("项目名称");
  expect(ws.Range("A1:C1").Value2).toEqual(["项目名称", 0.9, -2146826281]);
  expect(ws.Range("A1:B2").Value2).toEqual([["项目名称", 0.9], [12, undefined]]);
  expect(ws.Range("D9").Value2).toBeUndefined();
  expect(ws.Range("C1").Text).toBe("#DIV/0!");
});

test("null where a range is mixed; BGR colours; Pattern -4142 clears", () => {
  const { ws } = book();
  expect(ws.Range("A1:B1").NumberFormat).toBeNull();
  expect(ws.Range("A1:A2").NumberFormat).toBe("General");
  expect(ws.Range("A3:C3").MergeCells).toBe(true);
  expect(ws.Range("A2:A3").MergeCells).toBeNull();
  expect(ws.Range("A1:B1").MergeCells).toBe(false);
  const area = ws.Range("B3").MergeArea;
  expect([area.Row, area.Column, area.Rows.Count, area.Columns.Count]).toEqual([3, 1, 1, 3]);
  // #FFC7CE is stored BGR: 0xCEC7FF
  expect(ws.Range("B1").Interior.Color).toBe(0xcec7ff);
  expect(ws.Range("A1:B1").Interior.Color).toBeNull();
  const b1 = ws.Range("B1");
  b1.Interior.Pattern = -4142;
  expect(b1.Interior.Pattern).toBe(-4142);
  expect(b1.Interior.Color).toBe(0xffffff);
  b1.Interior.Color = 0x0000ff; // BGR: red
  expect(b1.Interior.Pattern).toBe(1);
});

test("strings written to Value2 are typed text; an apostrophe keeps text; AddComment refuses a second comment", () => {
  const { wb, ws } = book();
  const d5 = ws.Range("D5");
  d5.Value2 = "90%";
  expect(wb.cell("项目1", "D5")).toMatchObject({ value: 0.9, format: "0%" });
  d5.Value2 = "'90%";
  expect(wb.cell("项目1", "D5").value).toBe("90%");
  ws.Range("E5").AddComment("经办人备注");
  expect(() => ws.Range("E5").AddComment("again")).toThrow(/already has a comment/);
  ws.Range("E5").Comment!.Text("替换");
  expect(wb.sheet("项目1").comments.get("E5")).toBe("替换");
});

test("every read, write and call is one counted bridge call", () => {
  const { wb, ws } = book();
  const before = wb.calls;
  const r: EtRange = ws.Range("A1"); // 1 (Range)
  void r.Value2; // 2
  r.NumberFormat = "@"; // 3
  void r.Interior.Color; // 4 (Interior), 5 (Color)
  expect(wb.calls - before).toBe(5);
  expect(wb.byMember.get("Range.Value2")).toBe(1);
});

test("the book's own writes raise SheetChange as a person's edits do; CreateTaskPane may return null", () => {
  const { wb, app, ws } = book();
  const seen: string[] = [];
  const h = (sheet: { Name: string }) => void seen.push(sheet.Name);
  app.ApiEvent.AddApiEventListener("SheetChange", h as never);
  ws.Range("A5").Value2 = 1;
  wb.userEdit("项目1", "A6", 2);
  expect(seen).toEqual(["项目1", "项目1"]);
  app.ApiEvent.RemoveApiEventListener("SheetChange", h as never);
  wb.userEdit("项目1", "A6", 3);
  expect(seen).toHaveLength(2);
  expect(fakeEt(new FakeEtWorkbook(), { noTaskPane: true }).Application).toBeTruthy();
  const none = fakeEt(new FakeEtWorkbook(), { noTaskPane: true }).Application as EtApplication;
  expect(none.CreateTaskPane("x.html")).toBeNull();
  expect(app.CreateTaskPane("taskpane.html")).not.toBeNull();
});
