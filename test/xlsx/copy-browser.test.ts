/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import * as path from "path";
import { runCheck } from "../../src/core/engine";
import { resolveOptions } from "../../src/core/options";
import { snapshotFromCells } from "../../src/core/snapshot";
import { annotateCopy, fixCopy } from "../../src/xlsx/annotate";
import { ROOT } from "../support/workbooks";
import { WorkbookCopy } from "../../src/xlsx/patch/copy";

/**
 * The copy writer in a browser-like environment (jsdom, fflate's browser build): Uint8Array in and out, and no
 * Buffer — it is removed from the global scope while the writer runs, so any use of it would throw.
 */
describe("the copy writer without Node", () => {
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, "test/writers-rich/rich-submission.xlsx")));
  const g = globalThis as { Buffer?: unknown };
  let saved: unknown;
  beforeEach(() => {
    saved = g.Buffer;
    delete g.Buffer;
  });
  afterEach(() => {
    g.Buffer = saved;
  });

  test("annotates and fixes a workbook from bytes to bytes", () => {
    expect(typeof g.Buffer).toBe("undefined");
    // the findings of a check of this workbook (made here from plain cells, as a web page would get them)
    const copy = new WorkbookCopy(bytes);
    expect(copy.parts.sheets.map((s) => s.name)).toEqual(["自评表", "明细", "执行图"]);
    const report = runCheck({ sheets: [snapshotFromCells("自评表", [], [])] }, resolveOptions({})).report;
    const out = annotateCopy(bytes, { ...report, findings: [{ rule: "total-score", severity: "error", sheet: "自评表", cell: "H26", message: "总分填写为 90.5，但各项得分之和为 91.5。" }] }, { lang: "zh", checkedAt: new Date(0), options: resolveOptions({}) });
    expect(out.bytes).toBeInstanceOf(Uint8Array);
    expect(out.marked).toBe(1);
    expect(out.keptNotes.map((k) => k.note)).toEqual(["审核意见：总分请复核。——张审核"]);
    const again = new WorkbookCopy(out.bytes);
    expect(again.parts.sheets.map((s) => s.name)).toEqual(["自评表", "明细", "执行图", "校验报告"]);
    expect(again.note("自评表", "H26")).toContain("— 绩效自评校验 —\n总分填写为 90.5");
    const fixed = fixCopy(bytes, [{ form: 0, sheet: "自评表", address: "H26", rule: "total-score", kind: "total", old: 90.5, new: 91.5, optional: false, label: "" }]);
    expect(fixed.written.length).toBe(1);
    expect(new WorkbookCopy(fixed.bytes).pkg.text("xl/worksheets/sheet1.xml")).toContain('<c r="H26" s="6"><v>91.5</v></c>');
  });
});
