import { WorkbookSnapshot } from "../../src/core/snapshot";
import { FakeOptions, FakeWorkbook, createFakeOffice } from "../host/fake-office";

/** Installs the fake Office/Excel globals over a workbook made from a snapshot; returns the workbook model. */
export function installFakeOffice(snapshot: WorkbookSnapshot, options: FakeOptions = {}): FakeWorkbook {
  const model = FakeWorkbook.fromSnapshot(snapshot);
  installModel(model, options);
  return model;
}

export function installModel(model: FakeWorkbook, options: FakeOptions = {}): void {
  const { Office, Excel } = createFakeOffice(model, options);
  (globalThis as Record<string, unknown>).Office = Office;
  (globalThis as Record<string, unknown>).Excel = Excel;
}

export function uninstallFakeOffice(): void {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
}

/** The workbook as reopened from a saved file: what was saved, settings included, and nothing held in memory. */
export function reopen(model: FakeWorkbook): FakeWorkbook {
  const copy = new FakeWorkbook();
  copy.sheets = model.sheets.map((s) => ({ ...s, cells: new Map([...s.cells].map(([k, v]) => [k, structuredClone(v)])), notes: new Map(s.notes), merges: structuredClone(s.merges) }));
  copy.comments = new Map([...model.comments].map(([k, v]) => [k, { ...v }]));
  copy.settings = new Map([...model.savedSettings].map(([k, v]) => [k, structuredClone(v)]));
  copy.savedSettings = new Map(copy.settings);
  return copy;
}

/** n copies of a sheet's form stacked on one sheet, 3 blank rows apart. */
export function stackedSnapshot(base: WorkbookSnapshot, sheetName: string, n: number): WorkbookSnapshot {
  const s = base.sheets.find((x) => x.name === sheetName)!;
  const h = s.values.length + 3;
  const values: WorkbookSnapshot["sheets"][0]["values"] = [];
  const formats: string[][] = [];
  const merges = [];
  for (let i = 0; i < n; i++) {
    values.push(...structuredClone(s.values), ...[0, 1, 2].map(() => new Array(s.values[0].length).fill("")));
    formats.push(...structuredClone(s.formats), ...[0, 1, 2].map(() => new Array(s.values[0].length).fill("General")));
    for (const m of s.merges) merges.push({ top: m.top + i * h, bottom: m.bottom + i * h, left: m.left, right: m.right });
  }
  // the used range ends at the last value
  values.splice(values.length - 3, 3);
  formats.splice(formats.length - 3, 3);
  return { sheets: [{ name: "表", top: s.top, left: s.left, values, formats, merges }] };
}
