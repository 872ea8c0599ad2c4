import { WorkbookReport, runCheck, CheckResult } from "../core/engine";
import { CheckOptions } from "../core/options";
import { readXlsx } from "../xlsx/read";
import { describeReadError, sniffInput } from "./errors";
import ExcelJS from "exceljs";

export interface FileResult {
  file: string;
  report: WorkbookReport;
  result: CheckResult;
  workbook: ExcelJS.Workbook;
}

/** Reads and checks one .xlsx file; throws an InputError (one line, no stack) when it cannot be read. */
export async function checkFile(file: string, options: Partial<CheckOptions>): Promise<FileResult> {
  const buffer = await sniffInput(file);
  let loaded;
  try {
    loaded = await readXlsx(buffer);
  } catch (e) {
    throw describeReadError(e);
  }
  const result = runCheck(loaded.snapshot, options);
  return { file, report: result.report, result, workbook: loaded.workbook };
}
