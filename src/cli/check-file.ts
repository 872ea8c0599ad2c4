import ExcelJS from "exceljs";
import { CheckResult, WorkbookReport, runCheck } from "../core/engine";
import { CheckOptions, resolveOptions, sanitizeSettings } from "../core/options";
import { WorkbookSnapshot } from "../core/snapshot";
import { readXlsx } from "../xlsx/read";
import { SETTINGS_KEY, readDocumentSetting } from "../xlsx/settings";
import { describeReadError, sniffInput } from "./errors";

export interface FileResult {
  file: string;
  report: WorkbookReport;
  result: CheckResult;
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
  /** the options the check ran with: defaults, then the workbook's saved settings, then --config */
  options: CheckOptions;
}

/** Reads and checks one .xlsx file; throws an InputError (one line, no stack) when it cannot be read. */
export async function checkFile(file: string, overrides: Partial<CheckOptions>, config: unknown = null): Promise<FileResult> {
  const buffer = await sniffInput(file);
  let loaded;
  let saved: unknown = null;
  try {
    loaded = await readXlsx(buffer);
    saved = await readDocumentSetting(buffer, SETTINGS_KEY);
  } catch (e) {
    throw describeReadError(e);
  }
  const options = resolveOptions({ ...sanitizeSettings(saved), ...sanitizeSettings(config), ...overrides });
  const result = runCheck(loaded.snapshot, options);
  return { file, report: result.report, result, workbook: loaded.workbook, snapshot: loaded.snapshot, options };
}
