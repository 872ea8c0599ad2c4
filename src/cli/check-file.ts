import { CheckResult, WorkbookReport, runCheck } from "../core/engine";
import { CheckOptions, resolveOptions } from "../core/options";
import { SETTINGS_KEY, optionsFor } from "../core/settings";
import { WorkbookSnapshot } from "../core/snapshot";
import { readXlsxSnapshotSync } from "../xlsx/fast-read";
import { ZipReader } from "../xlsx/zip";
import { readDocumentSetting } from "../xlsx/settings";
import { describeReadError, sniffInput } from "./errors";

export interface FileResult {
  file: string;
  report: WorkbookReport;
  result: CheckResult;
  /** the file's bytes (a copy is written by patching them: check --out, fix) */
  bytes: Uint8Array;
  /** the settings the add-in saved in the workbook (raw), or null */
  saved: unknown;
  snapshot: WorkbookSnapshot;
  /** the settings the check ran with: defaults, then the workbook's saved settings, then --config (each form may add its family's preset) */
  options: CheckOptions;
}

/** Reads and checks one .xlsx file; throws an InputError (one line, no stack) when it cannot be read. */
export async function checkFile(file: string, overrides: Partial<CheckOptions>, config: unknown = null): Promise<FileResult> {
  const buffer = await sniffInput(file);
  let snapshot: WorkbookSnapshot;
  let saved: unknown = null;
  try {
    // the package is opened once: the lean reader checks, the settings come from the same directory
    const zip = new ZipReader(buffer);
    snapshot = readXlsxSnapshotSync(buffer, zip);
    saved = await readDocumentSetting(zip, SETTINGS_KEY);
  } catch (e) {
    throw describeReadError(e);
  }
  // precedence: --config, then the workbook's saved settings, then the preset of each form's family, then the central
  // default: the one function every surface calls (core/settings.ts)
  const partial = optionsFor({ saved, config, overrides });
  const options = resolveOptions(partial);
  const result = runCheck(snapshot, partial);
  return { file, report: result.report, result, bytes: buffer, saved, snapshot, options };
}
