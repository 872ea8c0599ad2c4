import { RefusedError, WriteError } from "../../src/addin/port";
import { resolveOptions } from "../../src/core/options";
import { workbookHost } from "../../src/addin/workbook-host";
import { STORE_NAMESPACE, parseStoreXml, storeXml } from "../../src/core/document-store";
import { flaggedCells } from "../../src/core/marks";
import { EtApplication } from "../../src/wps/et";
import { wpsPort, splitNote } from "../../src/wps/port";
import { loadFixture } from "../support/workbooks";
import { FakeEtWorkbook, fakeEt } from "./fake-et";

/** The WPS port's own contracts, beyond the shared scenario. */
const ALL = ["error", "warning", "info"] as const;
const portOf = (wb: FakeEtWorkbook, options = {}) => wpsPort(fakeEt(wb, options).Application as EtApplication);

async function official() {
  return FakeEtWorkbook.fromSnapshot(await loadFixture("official"));
}

test("a read-only workbook refuses before anything is written (cells, the report sheet, the store)", async () => {
  const wb = await official();
  const host = workbookHost(portOf(wb, { readOnly: true }));
  const { report, proposals } = await host.check({});
  const findings = report.forms.flatMap((f) => f.findings);
  const before = structuredClone(wb.state());
  await expect(host.highlight(findings, [...ALL])).rejects.toBeInstanceOf(RefusedError);
  await expect(host.writeReport(report, resolveOptions({}), "zh", "2026-12-01T00:00:00Z")).rejects.toBeInstanceOf(RefusedError);
  await expect(host.applyWrites(proposals.slice(0, 1))).rejects.toBeInstanceOf(RefusedError);
  await expect(host.saveSettings({ preset: "auto", options: {}, highlight: ["error"] })).rejects.toBeInstanceOf(RefusedError);
  expect(wb.state()).toEqual(before);
  expect(wb.parts).toEqual([]);
});

test("a protected sheet refuses before anything is written", async () => {
  const wb = await official();
  wb.sheet("项目1").protected = true;
  const port = portOf(wb);
  const before = structuredClone(wb.state());
  const err = await port.writeCells([{ sheet: "项目2", address: "A1", fill: "#FFC7CE" }, { sheet: "项目1", address: "A1", fill: "#FFC7CE" }], []).catch((e) => e);
  expect(err).toBeInstanceOf(RefusedError);
  expect((err as RefusedError).zh).toMatch(/项目1.*受保护/);
  expect(wb.state()).toEqual(before);
});

test("a write that fails midway is put back, and says so", async () => {
  const wb = await official();
  const port = portOf(wb);
  const cells = [{ sheet: "项目1", address: "A1" }, { sheet: "项目1", address: "B3" }];
  const before = await port.readCells(cells);
  const original = structuredClone(wb.state());
  wb.failWrite = (_s, a) => a === "B3";
  const err = await port.writeCells(cells.map((c) => ({ ...c, fill: "#FFEB9C", note: "【绩效自评校验】\nx" })), before).catch((e) => e);
  expect(err).toBeInstanceOf(WriteError);
  expect(err.rolledBack).toBe(true);
  expect(wb.state()).toEqual(original);
});

test("a person's note is kept and ours goes after it; clearing leaves theirs", async () => {
  const wb = await official();
  const host = workbookHost(portOf(wb));
  const { report } = await host.check({});
  const findings = report.forms.flatMap((f) => f.findings);
  const cell = flaggedCells(findings, [...ALL])[0];
  wb.sheet(cell.sheet).comments.set(cell.address, "经办人：已核对");
  await host.highlight(findings, [...ALL]);
  const note = wb.sheet(cell.sheet).comments.get(cell.address)!;
  expect(note.startsWith("经办人：已核对\n【绩效自评校验】")).toBe(true);
  expect(splitNote(note)).toEqual({ person: "经办人：已核对", ours: note.slice("经办人：已核对\n".length) });
  await host.clearMarks();
  expect(wb.sheet(cell.sheet).comments.get(cell.address)).toBe("经办人：已核对");
});

test("a real number equal to a CVErr code stays a number; the error shows as its text", async () => {
  const wb = new FakeEtWorkbook();
  const s = wb.addSheet("S");
  const plain = { format: "General", fill: { color: "#FFFFFF", pattern: "None" as const } };
  s.cells.set("A1", { value: "#DIV/0!", ...plain });
  s.cells.set("B1", { value: -2146826281, ...plain });
  const snap = await portOf(wb).readSnapshot();
  expect(snap.sheets[0].values).toEqual([["#DIV/0!", -2146826281]]);
  const states = await portOf(wb).readCells([{ sheet: "S", address: "A1" }, { sheet: "S", address: "B1" }]);
  expect(states.map((x) => x.value)).toEqual(["#DIV/0!", -2146826281]);
});

test("select activates the sheet and selects the cell; live mode hears a person's edit and not the add-in's own writes", async () => {
  const wb = await official();
  const host = workbookHost(portOf(wb));
  await host.select({ sheet: "项目2", address: "H6" });
  expect(wb.activeSheet).toBe("项目2");
  expect(wb.selection).toEqual({ sheet: "项目2", address: "H6" });
  const heard: string[] = [];
  const stop = await host.watch((s) => heard.push(s));
  const { report } = await host.check({});
  await host.highlight(report.forms.flatMap((f) => f.findings), [...ALL]); // our writes: inside the quiet window
  expect(heard).toEqual([]);
  await stop();
  wb.userEdit("项目1", "H6", 1);
  expect(heard).toEqual([]); // unsubscribed
  const live: string[] = [];
  const stop2 = await workbookHost(portOf(wb)).watch((s) => live.push(s));
  wb.userEdit("项目1", "H6", 2);
  expect(live).toEqual(["项目1"]);
  await stop2();
});

test("the store: one custom XML part; the newest of two wins; a damaged part is ignored", async () => {
  const wb = new FakeEtWorkbook();
  wb.addSheet("S");
  wb.addPart(storeXml({ savedAt: "2026-01-02T00:00:00.000Z", values: { k: "newer" } }));
  wb.addPart(storeXml({ savedAt: "2026-01-01T00:00:00.000Z", values: { k: "older" } }));
  wb.addPart(`<selfeval xmlns="${STORE_NAMESPACE}">{broken</selfeval>`);
  const port = portOf(wb);
  expect(port.store.get("k")).toBe("newer");
  await port.store.put("j", { a: 1 });
  expect(wb.parts).toHaveLength(1);
  const rec = parseStoreXml(wb.parts[0].xml)!;
  expect(rec.values).toEqual({ k: "newer", j: { a: 1 } });
  expect(rec.savedAt > "2026-01-02T00:00:00.000Z").toBe(true);
  // a second runtime sees it; removing a key keeps the rest
  const other = portOf(wb);
  expect(other.store.get("j")).toEqual({ a: 1 });
  await other.store.put("k", null);
  await port.store.refresh();
  expect(port.store.get("k")).toBeNull();
  expect(port.store.get("j")).toEqual({ a: 1 });
});

test("reading a sheet takes a bounded number of bridge calls", async () => {
  const wb = await official();
  const port = portOf(wb);
  const before = wb.calls;
  const snap = await port.readSnapshot();
  const calls = wb.calls - before;
  const cells = snap.sheets.reduce((n, s) => n + s.values.length * s.values[0].length, 0);
  // fewer than a cell-by-cell read (Range, Value2, NumberFormat, MergeCells: four a cell)
  expect(calls).toBeLessThan(cells * 2);
  expect(calls).toBeGreaterThan(snap.sheets.length * 5);
});

test("a sheet of one row (Value2 comes 1-D) and a sheet of one cell (a scalar) read as rows", async () => {
  const wb = new FakeEtWorkbook();
  const plain = { format: "General", fill: { color: "#FFFFFF", pattern: "None" as const } };
  const row = wb.addSheet("行");
  row.cells.set("B2", { ...plain, value: "项目名称" });
  row.cells.set("D2", { ...plain, value: 0.5, format: "0%" });
  const one = wb.addSheet("格");
  one.cells.set("C3", { ...plain, value: true });
  wb.addSheet("空");
  const snap = await portOf(wb).readSnapshot();
  expect(snap.sheets[0]).toMatchObject({ top: 1, left: 1, values: [["项目名称", "", 0.5]], formats: [["General", "General", "0%"]], merges: [] });
  expect(snap.sheets[1]).toMatchObject({ top: 2, left: 2, values: [[true]], formats: [["General"]] });
  expect(snap.sheets[2]).toMatchObject({ top: 0, left: 0, values: [[""]], formats: [["General"]] });
});

test("the host is found as window.Application, or through wps.EtApplication (a method or a property); nowhere else", () => {
  const { findEtApplication } = require("../../src/wps/host") as typeof import("../../src/wps/host");
  const app = { ActiveWorkbook: null };
  expect(findEtApplication({ Application: app })).toBe(app);
  expect(findEtApplication({ wps: { EtApplication: () => app } })).toBe(app);
  expect(findEtApplication({ wps: { EtApplication: app } })).toBe(app);
  expect(findEtApplication({})).toBeNull();
  expect(findEtApplication(null)).toBeNull();
  expect(findEtApplication({ wps: { EtApplication: () => { throw new Error("gone"); } } })).toBeNull();
});
