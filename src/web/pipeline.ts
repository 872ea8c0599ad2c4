import { WorkbookReport, runCheck } from "../core/engine";
import { FileEntry, fileEntry, unreadableEntry } from "../core/file-json";
import { Lang } from "../core/options";
import { optionsFor } from "../core/settings";
import { InputError, Problem, describeReadError, sniffBytes } from "./errors";
import { readWorkbook } from "./read";

/**
 * One file, start to end, in the browser (in the Web Worker, or in the page when workers are unavailable):
 * sniff, read, check with the same engine as the add-in and the CLI (src/core/engine.ts runCheck), with the
 * workbook's saved settings, in both languages at once so the language switch needs no second read.
 * Plain data in and out (it crosses postMessage). Pure: no DOM.
 */
export interface FileOutcome {
  name: string;
  size: number;
  /** the reports in Chinese and English; null when the file could not be read */
  reports: Record<Lang, WorkbookReport> | null;
  /** the settings the add-in saved in the workbook (raw JSON), or null: the annotated copy marks by them */
  settings: unknown;
  /** why the file could not be read; null when it was */
  problem: { kind: Problem; zh: string; en: string } | null;
  ms: number;
}

export function processBytes(name: string, bytes: Uint8Array, now: () => number = () => Date.now()): FileOutcome {
  const t0 = now();
  try {
    sniffBytes(name, bytes);
    let read;
    try {
      read = readWorkbook(bytes);
    } catch (e) {
      throw describeReadError(e);
    }
    // the workbook's saved settings through the one function every surface calls (core/settings.ts optionsFor)
    const reports = {
      zh: runCheck(read.snapshot, optionsFor({ saved: read.settings, lang: "zh" })).report,
      en: runCheck(read.snapshot, optionsFor({ saved: read.settings, lang: "en" })).report,
    };
    return { name, size: bytes.length, reports, settings: read.settings ?? null, problem: null, ms: now() - t0 };
  } catch (e) {
    // never a blank page and never a stack trace: the file gets its line, the others go on
    const err =
      e instanceof InputError
        ? e
        : new InputError(`内部错误: ${e instanceof Error ? e.message : String(e)}`, `internal error: ${e instanceof Error ? e.message : String(e)}`, "unreadable");
    return { name, size: bytes.length, reports: null, settings: null, problem: { kind: err.problem, zh: err.zh, en: err.en }, ms: now() - t0 };
  }
}

/** One file's entry of `selfeval check --json` (src/cli/process.ts), with the file's name as its path. */
export function fileJson(o: FileOutcome, lang: Lang): FileEntry {
  if (o.reports) return fileEntry(o.name, o.reports[lang]);
  return unreadableEntry(o.name, o.problem ? o.problem[lang] : "", lang);
}

/** The text `selfeval check FILE… --json` prints for these files. */
export function cliJsonText(outcomes: FileOutcome[], lang: Lang): string {
  return JSON.stringify({ files: outcomes.map((o) => fileJson(o, lang)) }, null, 2);
}

