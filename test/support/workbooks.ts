import * as fs from "fs";
import * as path from "path";
import { parseAddress } from "../../src/core/a1";
import { WorkbookReport, checkWorkbook } from "../../src/core/engine";
import { Finding } from "../../src/core/findings";
import { CheckOptions } from "../../src/core/options";
import { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsx } from "../../src/xlsx/read";

export const ROOT = path.resolve(__dirname, "../..");
export const fixturePath = (name: string): string => path.join(ROOT, "test/fixtures", `${name}.xlsx`);

const cache = new Map<string, WorkbookSnapshot>();

/** The snapshot of a committed fixture workbook, read through the real xlsx adapter. */
export async function loadFixture(name: string): Promise<WorkbookSnapshot> {
  let s = cache.get(name);
  if (!s) {
    s = (await readXlsx(fs.readFileSync(fixturePath(name)))).snapshot;
    cache.set(name, s);
  }
  return structuredClone(s);
}

/** A copy of the snapshot with some cells changed: { "H14": 6, "H6": [0.9, "0%"] }. Grows the grid when needed. */
export function withCells(wb: WorkbookSnapshot, sheetName: string, edits: Record<string, CellValue | [CellValue, string]>): WorkbookSnapshot {
  const copy = structuredClone(wb);
  const sheet = copy.sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  for (const [a1, edit] of Object.entries(edits)) {
    const at = parseAddress(a1);
    if (!at) throw new Error(`bad address ${a1}`);
    const [value, format] = Array.isArray(edit) ? edit : [edit, "General"];
    const r = at.row - sheet.top;
    const c = at.col - sheet.left;
    if (r < 0 || c < 0) throw new Error(`${a1} is above or left of the used range`);
    while (sheet.values.length <= r) {
      sheet.values.push(new Array(sheet.values[0].length).fill(""));
      sheet.formats.push(new Array(sheet.values[0].length).fill("General"));
    }
    if (c >= sheet.values[0].length) {
      for (const row of sheet.values) while (row.length <= c) row.push("");
      for (const row of sheet.formats) while (row.length <= c) row.push("General");
    }
    sheet.values[r][c] = value;
    sheet.formats[r][c] = format;
  }
  return copy;
}

/** Only the named sheets, to check one form at a time. */
export function onlySheets(wb: WorkbookSnapshot, ...names: string[]): WorkbookSnapshot {
  return { sheets: wb.sheets.filter((s) => names.includes(s.name)) };
}

export function check(wb: WorkbookSnapshot, options?: Partial<CheckOptions>): WorkbookReport {
  return checkWorkbook(wb, options);
}

export function findings(report: WorkbookReport, rule?: string): Finding[] {
  const all = [...report.findings, ...report.forms.flatMap((f) => f.findings)];
  return rule ? all.filter((f) => f.rule === rule) : all;
}

/** Findings of one rule as "severity cell messageId" strings, sorted: easy to compare whole, and saying *which* problem. */
export function hits(report: WorkbookReport, rule: string): string[] {
  const out = findings(report, rule)
    .map((f) => `${f.severity} ${f.sheet}!${f.cell} ${f.messageId}`)
    .sort();
  if (process.env.SELFEVAL_RECORD_HITS) {
    const old = findings(report, rule).map((f) => `${f.severity} ${f.sheet}!${f.cell}`).sort();
    const at = /\((\/[^)]*\.test\.ts):(\d+):\d+\)/.exec(new Error().stack!.split("\n").slice(2).join("\n"));
    fs.appendFileSync(process.env.SELFEVAL_RECORD_HITS, JSON.stringify({ file: at?.[1], line: Number(at?.[2]), old, new: out }) + "\n");
  }
  return out;
}
