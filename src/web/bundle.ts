import { Zip, ZipDeflate, ZipPassThrough, strToU8, zipSync } from "fflate";
import { Lang } from "../core/options";
import { FileOutcome, cliJsonText, fileJson } from "./pipeline";
import { SummaryRow, checkedName, summaryRows } from "./summary";
import { summaryWorkbook } from "../xlsx/summary-workbook";

/**
 * What the batch downloads hold. Pure: names, the 汇总 workbook and the .zip's entries from the outcomes (and,
 * when the copy writer is available, the annotated copies made one at a time by the caller).
 */

/** Names unique within the batch (two folders may both send 自评表.xlsx): "自评表.xlsx", "自评表 (2).xlsx". */
export function uniqueNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    const safe = n.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_") || "workbook.xlsx";
    let out = safe;
    for (let k = 2; taken.has(out.toLowerCase()); k++) out = safe.replace(/(\.[^.]*)?$/, (ext) => ` (${k})${ext}`);
    taken.add(out.toLowerCase());
    return out;
  });
}

export const SUMMARY_NAME: Record<Lang, string> = { zh: "汇总.xlsx", en: "summary.xlsx" };
export const ALL_JSON_NAME = "selfeval.json";

export function jsonName(file: string): string {
  return `${file.replace(/\.[^.]*$/, "")}.json`;
}

/**
 * The 汇总 workbook. `copies`: the links go to the annotated copies beside it (inside the .zip); otherwise to the
 * original files (the 汇总 saved in the folder of the submissions).
 */
export function summaryWorkbookFor(outcomes: FileOutcome[], lang: Lang, copies: boolean): Uint8Array {
  return summaryWorkbookOf(outcomes.map((o) => o.name), summaryRows(outcomes, lang), lang, copies);
}

/** The same from the rows the page keeps (`files`: the batch's names); `copies` true, or the files whose copy is in the .zip. */
export function summaryWorkbookOf(files: string[], rows: SummaryRow[], lang: Lang, copies: boolean | ReadonlySet<number>): Uint8Array {
  const names = uniqueNames(files);
  const copied = (i: number) => (typeof copies === "boolean" ? copies : copies.has(i));
  const linkFile = (r: SummaryRow) => (r.status === "unreadable" ? null : copied(r.fileIndex) ? checkedName(names[r.fileIndex], names) : names[r.fileIndex]);
  return summaryWorkbook(rows, { lang, linkFile });
}

const JSON_HEAD = '{\n  "files": [\n';
const JSON_TAIL = "\n  ]\n}";

/** One element of cliJsonText's files array, as JSON.stringify({ files }, null, 2) indents it. */
export function jsonElement(o: FileOutcome, lang: Lang): string {
  return JSON.stringify({ files: [fileJson(o, lang)] }, null, 2).slice(JSON_HEAD.length, -JSON_TAIL.length);
}

/** What the streaming writers need of the batch: its names, and each file checked again, one at a time. */
export interface BatchSource {
  files: string[];
  lang: Lang;
  /** the file checked again (the page keeps only its summary rows) */
  full(i: number): Promise<FileOutcome>;
  progress(done: number, total: number): void;
  cancelled(): boolean;
}

/** cliJsonText of the whole batch, built a file at a time into Blob parts: the same text, never all in memory. */
export async function batchJsonBlob(src: BatchSource): Promise<Blob | null> {
  const parts: BlobPart[] = ['{\n  "files": [\n'];
  for (let i = 0; i < src.files.length; i++) {
    if (src.cancelled()) return null;
    src.progress(i, src.files.length);
    parts.push((i ? ",\n" : "") + jsonElement(await src.full(i), src.lang));
  }
  parts.push("\n  ]\n}");
  return new Blob(parts, { type: "application/json" });
}

/**
 * The .zip, written incrementally (fflate's streaming Zip, each chunk into a Blob part as it comes): each file checked
 * again, its JSON and its annotated copy added and dropped before the next, so memory holds one copy at a time; the
 * batch JSON (its elements kept as Blobs) and the 汇总 workbook, linking to the copies that were written, last.
 */
export async function batchZipBlob(src: BatchSource & { rows: SummaryRow[]; copy: ((o: FileOutcome, i: number) => Promise<Uint8Array | null>) | null }): Promise<Blob | null> {
  const names = uniqueNames(src.files);
  const parts: BlobPart[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else if (chunk.length) parts.push(new Blob([chunk]));
  });
  const mtime = new Date(1980, 0, 1);
  const add = (name: string, data: Uint8Array, stored: boolean) => {
    const f = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    f.mtime = mtime;
    zip.add(f);
    f.push(data, true);
  };
  const elements: Blob[] = [];
  const copied = new Set<number>();
  for (let i = 0; i < names.length; i++) {
    if (src.cancelled()) {
      zip.terminate();
      return null;
    }
    src.progress(i, names.length);
    const o = await src.full(i);
    const element = jsonElement(o, src.lang);
    elements.push(new Blob([element]));
    add(`json/${jsonName(names[i])}`, strToU8(`${JSON_HEAD}${element}${JSON_TAIL}`), false);
    let copy: Uint8Array | null = null;
    try {
      copy = src.copy && o.reports ? await src.copy(o, i) : null;
    } catch {
      // a copy that cannot be written is left out; its JSON says why the file is as it is
    }
    // an .xlsx is already deflated: stored as it is
    if (copy) {
      add(checkedName(names[i], names), copy, true);
      copied.add(i);
    }
  }
  const all = new ZipDeflate(ALL_JSON_NAME, { level: 6 });
  all.mtime = mtime;
  zip.add(all);
  all.push(strToU8(JSON_HEAD));
  for (let i = 0; i < elements.length; i++) all.push(strToU8((i ? ",\n" : "") + (await elements[i].text())));
  all.push(strToU8(JSON_TAIL), true);
  add(SUMMARY_NAME[src.lang], summaryWorkbookOf(src.files, src.rows, src.lang, src.copy ? copied : false), false);
  zip.end();
  if (failure) throw failure;
  src.progress(names.length, names.length);
  return new Blob(parts, { type: "application/zip" });
}

/** The .zip: the 汇总 workbook, the JSON report of the batch and of each file, and each annotated copy given. */
export function batchZip(outcomes: FileOutcome[], lang: Lang, copies: Map<number, Uint8Array> | null): Uint8Array {
  const names = uniqueNames(outcomes.map((o) => o.name));
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  files[SUMMARY_NAME[lang]] = summaryWorkbookFor(outcomes, lang, copies !== null);
  files[ALL_JSON_NAME] = strToU8(cliJsonText(outcomes, lang));
  outcomes.forEach((o, i) => {
    files[`json/${jsonName(names[i])}`] = strToU8(cliJsonText([o], lang));
    const copy = copies?.get(i);
    // an .xlsx is already deflated: stored as it is
    if (copy) files[checkedName(names[i], names)] = [copy, { level: 0 }];
  });
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}
