import { strToU8, zipSync } from "fflate";
import { Lang } from "../core/options";
import { FileOutcome, cliJsonText } from "./pipeline";
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
  const names = uniqueNames(outcomes.map((o) => o.name));
  const rows = summaryRows(outcomes, lang);
  const linkFile = (r: SummaryRow) => (r.status === "unreadable" ? null : copies ? checkedName(names[r.fileIndex], names) : names[r.fileIndex]);
  return summaryWorkbook(rows, { lang, linkFile });
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
