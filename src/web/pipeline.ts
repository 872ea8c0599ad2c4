import { WorkbookReport, runCheck } from "../core/engine";
import { FileEntry, fileEntry, unreadableEntry } from "../core/file-json";
import { Lang } from "../core/options";
import { optionsFor } from "../core/settings";
import type { Acknowledgement } from "../core/acknowledge";
import { InputError, Problem, describeReadError, sniffBytes } from "./errors";
import { isCompoundFile } from "../xlsx/xls/sniff";
import { ReadResult, readWorkbook } from "./read";

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
  /** the warnings confirmed on the page (已核对, src/web/Acknowledge.tsx), when the clerk changed them: the copy carries them */
  acknowledgements?: Acknowledgement[];
}

/** The .xls / .et reader (src/xlsx/xls/read.ts), a chunk of its own: processFile loads it when a compound file arrives. */
export type XlsReader = (name: string, bytes: Uint8Array) => { snapshot: ReadResult["snapshot"] };

export function processBytes(name: string, bytes: Uint8Array, now: () => number = () => Date.now(), xls?: XlsReader): FileOutcome {
  const t0 = now();
  try {
    sniffBytes(name, bytes);
    let read: ReadResult;
    try {
      if (isCompoundFile(bytes) && !xls)
        throw new InputError("这是旧版 .xls / .et 格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再校验。", "this is an old .xls / .et workbook: save it as .xlsx in Excel or WPS, then check it.", /\.et$/i.test(name) ? "et" : "xls");
      read = isCompoundFile(bytes) ? { snapshot: xls!(name, bytes).snapshot, settings: null } : readWorkbook(bytes);
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

let xlsReader: Promise<XlsReader> | null = null;

/** The .xls reader's chunk, fetched by webpack when first asked for (a test under Node passes its own loader). */
const loadXlsChunk = (): Promise<XlsReader> => import(/* webpackChunkName: "xls" */ "../xlsx/xls/index").then((m) => m.readXls);

/** processBytes with every reader: an .xls / .et loads the .xls reader's chunk first (once), an .xlsx does not. */
export async function processFile(name: string, bytes: Uint8Array, now: () => number = () => Date.now(), load: () => Promise<XlsReader> = loadXlsChunk): Promise<FileOutcome> {
  if (!isCompoundFile(bytes)) return processBytes(name, bytes, now);
  xlsReader ??= load();
  let reader: XlsReader;
  try {
    reader = await xlsReader;
  } catch {
    xlsReader = null; // the chunk could not be loaded (the page opened offline?): this file is told so, the next tries again
    return processBytes(name, bytes, now);
  }
  return processBytes(name, bytes, now, reader);
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

