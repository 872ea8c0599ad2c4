import { runCheck, WorkbookReport } from "../core/engine";
import { CheckOptions, resolveOptions } from "../core/options";
import { Proposal, proposeWrites } from "../core/writeback";
import { WorkbookPort } from "./port";
import { savedOptions } from "./settings-store";

export interface CheckProgress {
  phase: "read" | "check" | "mark";
  done: number;
  total: number;
}

export interface CheckOutcome {
  report: WorkbookReport;
  /** write-back proposals (indicator scores among them, marked optional) */
  proposals: Proposal[];
  options: CheckOptions;
}

/**
 * Checks the workbook with the settings saved in it (read afresh: the other runtime may have saved), through
 * core/settings optionsFor as the CLI and the web page do; `overrides` (the language) go on top.
 */
export async function checkWorkbook(
  port: WorkbookPort,
  overrides: Partial<CheckOptions>,
  onProgress?: (p: CheckProgress) => void,
  sheets?: string[],
): Promise<CheckOutcome> {
  const options = await savedOptions(port.store, overrides);
  onProgress?.({ phase: "read", done: 0, total: 1 });
  const snapshot = await port.readSnapshot({ sheets, onProgress: (done, total) => onProgress?.({ phase: "read", done, total }) });
  onProgress?.({ phase: "check", done: 0, total: 1 });
  const resolved = resolveOptions(options);
  const { report, analyses } = runCheck(snapshot, options);
  onProgress?.({ phase: "check", done: 1, total: 1 });
  return { report, proposals: proposeWrites(analyses, resolved.lang), options: resolved };
}
