import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { WorkbookReport } from "../core/engine";
import { fileEntry, unreadableEntry } from "../core/file-json";
import { Lang } from "../core/options";
import { defaultTicks, proposeWrites } from "../core/writeback";
import { nodeInflate } from "../xlsx/inflate-node";
import { checkFile } from "./check-file";
import { InputError, writeAtomic } from "./errors";
import { formatReport, table } from "./format";

/**
 * One file, start to end: read, check, and (check --out) annotate or (fix) write the copy. Plain data in, plain data
 * out, so it runs the same in the main thread and in a worker.
 */
export interface FileTask {
  command: "check" | "fix";
  out: string | null;
  force: boolean;
  lang: Lang;
  indicatorScores: boolean;
  json: boolean;
  config: unknown;
}

export interface FileOutcome {
  json: unknown;
  text: string | null;
  /** error-level findings */
  errors: number;
  /** the one-line reason the file could not be read or written, or null */
  unreadable: string | null;
}

/**
 * `rel` places the copy under --out: the file's path relative to the folder it was found in (its name when it was
 * named itself), so `a/x.xlsx` and `b/x.xlsx` of one folder get `OUT/a/x.checked.xlsx` and `OUT/b/x.checked.xlsx`.
 */
export async function processFile(file: string, task: FileTask, rel: string = path.basename(file)): Promise<FileOutcome> {
  const lang = task.lang;
  try {
    const r = await checkFile(file, { lang }, task.config);
    if (task.command === "fix") {
      const fixed = await fixFile(r, task, rel);
      return { json: fixed, text: task.json ? null : formatFix(fixed, lang), errors: 0, unreadable: null };
    }
    // a copy that cannot be written is said in one line; the check's report is still given
    let copyError: string | null = null;
    if (task.out) {
      const { annotateCopy, highlightSetting } = require("../xlsx/annotate") as typeof import("../xlsx/annotate");
      // the cells the add-in would mark: the severities of --config, else of the workbook's settings, else its default
      const severities = highlightSetting(task.config) ?? highlightSetting(r.saved) ?? undefined;
      try {
        // an .xls: a new .xlsx built from what was read, with a note on the 校验报告 sheet of what it cannot keep
        const xls = r.xls ? writeCopy(() => xlsCopy(file, r.bytes, lang)) : null;
        const copy = writeCopy(() => annotateCopy(xls ? xls.bytes : r.bytes, r.report, { lang, checkedAt: new Date(), options: r.options, severities, deflate, inflate: nodeInflate, notices: xls?.notices }).bytes);
        const target = copyPath(task.out, rel, "checked", file, !!r.xls);
        await writeAtomic(target, copy, task.force);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        copyError = lang === "en" ? e.en : e.zh;
      }
    }
    return {
      json: fileEntry(file, r.report, copyError),
      text: task.json ? null : formatReport(file, r.report, lang),
      errors: countErrors(r.report),
      unreadable: copyError,
    };
  } catch (e) {
    // Never a crash and never a stack trace: the file is reported, the others go on.
    const msg = e instanceof InputError ? (lang === "en" ? e.en : e.zh) : `${lang === "en" ? "internal error" : "内部错误"}: ${e instanceof Error ? e.message : String(e)}`;
    return { json: unreadableEntry(file, msg, lang), text: null, errors: 0, unreadable: msg };
  }
}

function countErrors(r: WorkbookReport): number {
  return r.verdict.counts.error;
}

interface FixResult {
  file: string;
  out: string;
  changes: Array<{ sheet: string; cell: string; rule: string; old: unknown; new: unknown; label: string }>;
  skipped: Array<{ sheet: string; cell: string; rule: string; reason: string }>;
  /** a copy of an .xls: what the new .xlsx does not keep of the original */
  notKept?: string[];
}

/** selfeval fix: the proposals written into a copy; formula cells are left alone. */
async function fixFile(r: Awaited<ReturnType<typeof checkFile>>, task: FileTask, rel: string): Promise<FixResult> {
  const lang = task.lang;
  const all = proposeWrites(r.result.analyses, lang);
  const ticks = defaultTicks(all, task.indicatorScores);
  const res: FixResult = { file: r.file, out: copyPath(task.out!, rel, "fixed", r.file, !!r.xls), changes: [], skipped: [] };
  const { fixCopy } = require("../xlsx/annotate") as typeof import("../xlsx/annotate");
  const xls = r.xls ? writeCopy(() => xlsCopy(r.file, r.bytes, lang)) : null;
  const fixed = writeCopy(() => fixCopy(xls ? xls.bytes : r.bytes, all, { ticks, deflate, inflate: nodeInflate, isFormula: xls?.isFormula }));
  if (xls) res.notKept = xls.notices.lines;
  for (const p of fixed.written) res.changes.push({ sheet: p.sheet, cell: p.address, rule: p.rule, old: p.old, new: p.new, label: p.label });
  for (const { proposal: p, reason } of fixed.skipped)
    res.skipped.push({ sheet: p.sheet, cell: p.address, rule: p.rule, reason: reason === "formula" ? (lang === "en" ? "a formula: not overwritten" : "公式单元格，不改写") : lang === "en" ? "the sheet is not a worksheet in the package" : "工作簿中找不到该工作表" });
  await writeAtomic(res.out, fixed.bytes, task.force);
  return res;
}

/** OUT/<rel's folder>/<name>.checked.xlsx (or .fixed), its folder made when missing. */
function copyPath(out: string, rel: string, kind: "checked" | "fixed", file: string, xls: boolean): string {
  const dir = path.join(out, path.dirname(rel));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw new InputError(`无法建立输出文件夹：${dir}（${code}）`, `cannot make the output folder ${dir} (${code})`);
  }
  return path.join(dir, copyName(path.basename(rel), kind, file, xls));
}

/**
 * <name>.checked.xlsx / <name>.fixed.xlsx; a macro-enabled workbook stays .xlsm (Excel refuses macros in an .xlsx).
 * An .xls / .et becomes <name>.checked.xlsx too — <name>.xls.checked.xlsx when <name>.xlsx (or .xlsm, .xls, .et) sits
 * beside the input, so that the two copies never share a name.
 */
export function copyName(base: string, kind: "checked" | "fixed", file: string, xls = false): string {
  const m = /\.(xls|et|ett)$/i.exec(base);
  if (xls && m) {
    const stem = base.slice(0, m.index);
    const twin = [".xlsx", ".xlsm", ".xls", ".et"].some((e) => e !== m[0].toLowerCase() && fs.existsSync(path.join(path.dirname(file), stem + e)));
    return twin ? `${base}.${kind}.xlsx` : `${stem}.${kind}.xlsx`;
  }
  const ext = /\.xlsm$/i.test(base) ? ".xlsm" : ".xlsx";
  return `${base.replace(/\.xls[xm]$/i, "")}.${kind}${ext}`;
}

/** The package a copy of an .xls patches (read again, now with each cell's style), what it cannot keep, which cells were formulas. */
function xlsCopy(file: string, bytes: Uint8Array, lang: Lang) {
  const { xlsxFromXls, lostLines, lostTitle, formulaCellTest } = require("../xlsx/xls/to-xlsx") as typeof import("../xlsx/xls/to-xlsx");
  const book = (require("../xlsx/xls/read") as typeof import("../xlsx/xls/read")).readXls(file, bytes, { styles: true });
  return { bytes: xlsxFromXls(book), notices: { title: lostTitle(lang), lines: lostLines(book, lang) }, isFormula: formulaCellTest(book) };
}

/** Node's native raw deflate for the parts a copy changes (the writer itself uses fflate, for the browser). */
const deflate = (data: Uint8Array): Uint8Array => zlib.deflateRawSync(data, { level: 6 });

/** Runs the copy writer; what it cannot do becomes one line for the file, never a stack trace. */
function writeCopy<T>(make: () => T): T {
  try {
    return make();
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    throw new InputError(`无法写出副本（${m}）；原文件未改动。`, `the copy could not be written (${m}); the input is untouched.`);
  }
}

function formatFix(f: FixResult, lang: Lang): string {
  const zh = lang === "zh";
  const lines = [`== ${f.file} → ${f.out}`];
  if (f.changes.length === 0) lines.push(zh ? "  没有需要写回的单元格。" : "  Nothing to write back.");
  else
    lines.push(
      table([
        zh ? ["单元格", "规则", "原值", "新值", "内容"] : ["cell", "rule", "old", "new", "what"],
        ...f.changes.map((c) => [`${c.sheet}!${c.cell}`, c.rule, String(c.old === "" ? "（空）" : c.old), String(c.new), c.label]),
      ]).replace(/^/gm, "  "),
    );
  for (const s of f.skipped) lines.push(`  ${s.sheet}!${s.cell} ${s.rule}: ${s.reason}`);
  for (const n of f.notKept ?? []) lines.push(`  ${n}`);
  return lines.join("\n");
}

