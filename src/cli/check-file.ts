import type ExcelJS from "exceljs";
import { CheckResult, WorkbookReport, runCheck } from "../core/engine";
import { CheckOptions, layeredSettings, resolveOptions } from "../core/options";
import { WorkbookSnapshot } from "../core/snapshot";
import { readXlsxSnapshotSync } from "../xlsx/fast-read";
import { ZipReader } from "../xlsx/zip";
import { SETTINGS_KEY, readDocumentSetting } from "../xlsx/settings";
import { describeReadError, sniffInput } from "./errors";

export interface FileResult {
  file: string;
  report: WorkbookReport;
  result: CheckResult;
  /** the exceljs workbook, loaded only when it will be written (check --out, fix) */
  workbook: ExcelJS.Workbook | null;
  snapshot: WorkbookSnapshot;
  /** the settings the check ran with: defaults, then the workbook's saved settings, then --config (each form may add its family's preset) */
  options: CheckOptions;
}

/** Reads and checks one .xlsx file; throws an InputError (one line, no stack) when it cannot be read. */
export async function checkFile(file: string, overrides: Partial<CheckOptions>, config: unknown = null, needWorkbook = false): Promise<FileResult> {
  const buffer = await sniffInput(file);
  let snapshot: WorkbookSnapshot;
  let workbook: ExcelJS.Workbook | null = null;
  let saved: unknown = null;
  try {
    // the package is opened once: the lean reader checks, the settings come from the same directory;
    // exceljs loads the workbook only when it will be written
    const zip = new ZipReader(buffer);
    snapshot = readXlsxSnapshotSync(buffer, zip);
    saved = await readDocumentSetting(zip, SETTINGS_KEY);
    if (needWorkbook) {
      // exceljs is loaded only here, when a workbook will be written: checking alone never pays for it
      const { readXlsx } = require("../xlsx/read") as typeof import("../xlsx/read");
      workbook = (await readXlsx(buffer)).workbook;
    }
  } catch (e) {
    throw describeReadError(e);
  }
  // precedence: --config, then the workbook's saved settings, then the preset of each form's family, then the central default
  const partial = { ...layeredSettings(saved, config), ...overrides };
  const options = resolveOptions(partial);
  const result = runCheck(snapshot, partial);
  return { file, report: result.report, result, workbook, snapshot, options };
}
