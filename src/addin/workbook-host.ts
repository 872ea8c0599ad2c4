import { CellRef } from "../core/changes";
import { WorkbookReport } from "../core/engine";
import { Finding, Severity } from "../core/findings";
import { CheckOptions, Lang } from "../core/options";
import { WorkbookSettings } from "../core/settings";
import { Proposal } from "../core/writeback";
import { CheckOutcome, CheckProgress, checkWorkbook } from "./check";
import { watchEdits, withOwnWrites } from "./live";
import { clearMarks, highlight, markCount } from "./marks";
import { HostCapabilities, WorkbookPort } from "./port";
import { writeReport } from "./report-sheet";
import { readAcknowledgements, readSettings, saveAcknowledgements, saveSettings } from "./settings-store";
import { Acknowledgement } from "../core/acknowledge";
import { WriteOutcome, applyWrites, canUndo, dropUndoneRecord, undoWrites } from "./undo";

/**
 * What the pane and the ribbon command do with the workbook, host-neutral: each operation is one module's function
 * over the port (src/addin/port.ts), whichever host implements it.
 */
export interface WorkbookHost {
  /**
   * Checks the workbook with the settings saved in it (read afresh: the other runtime may have saved), through
   * core/settings optionsFor as the CLI and the web page do; `overrides` (the language) go on top.
   */
  check(overrides: Partial<CheckOptions>, onProgress?: (p: CheckProgress) => void, sheets?: string[]): Promise<CheckOutcome>;
  applyWrites(proposals: Proposal[]): Promise<WriteOutcome>;
  undoWrites(): Promise<WriteOutcome>;
  canUndo(): boolean;
  settings(): WorkbookSettings;
  saveSettings(s: WorkbookSettings): Promise<void>;
  /** the warnings confirmed (已核对) in the workbook, read afresh */
  acknowledgements(): Promise<Acknowledgement[]>;
  /** saves the warnings confirmed (已核对), the rest of the settings record kept */
  saveAcknowledgements(list: readonly Acknowledgement[]): Promise<void>;
  writeReport(report: WorkbookReport, options: CheckOptions, lang: Lang, checkedAt: string): Promise<void>;
  highlight(findings: Finding[], severities: readonly Severity[]): Promise<number>;
  /** the cells the last highlight marked without an explanation of their own (someone's note or comment is there) */
  unannotated(): CellRef[];
  clearMarks(): Promise<number>;
  markCount(): number;
  select(cell: CellRef): Promise<void>;
  /** live mode: calls back with the sheet's name when a person edits it; returns the unsubscribe */
  watch(onChanged: (sheet: string) => void): Promise<() => Promise<void>>;
  capabilities: HostCapabilities;
}

/** The pane's host over any implementation of the port. */
export function workbookHost(hostPort: WorkbookPort): WorkbookHost {
  // every write through it opens live mode's quiet window (for hosts that cannot tell our own writes)
  const port = withOwnWrites(hostPort);
  const unannotated: CellRef[] = [];
  return {
    capabilities: port.capabilities,
    // each check also notices a write-back the person undid with Excel's own Ctrl+Z (the record then goes)
    check: async (overrides, onProgress, sheets) => {
      const outcome = await checkWorkbook(port, overrides, onProgress, sheets);
      if (canUndo(port.store)) await dropUndoneRecord(port).catch(() => false);
      return outcome;
    },
    highlight: (findings, severities) => highlight(port, findings, severities, unannotated),
    unannotated: () => [...unannotated],
    clearMarks: () => clearMarks(port),
    markCount: () => markCount(port.store),
    applyWrites: (proposals) => applyWrites(port, proposals),
    undoWrites: () => undoWrites(port),
    canUndo: () => canUndo(port.store),
    settings: () => readSettings(port.store),
    saveSettings: (s) => saveSettings(port.store, s),
    acknowledgements: () => readAcknowledgements(port.store),
    saveAcknowledgements: (list) => saveAcknowledgements(port.store, list),
    writeReport: (report, options, lang, checkedAt) => writeReport(port, report, options, lang, checkedAt),
    select: (cell) => port.select(cell),
    watch: (onChanged) => watchEdits(port, onChanged),
  };
}
