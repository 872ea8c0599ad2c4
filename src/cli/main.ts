import * as fsSync from "fs";
import { promises as fs } from "fs";
import * as path from "path";
import { FileEntry } from "../core/file-json";
import { Lang } from "../core/options";
import { SummaryRow, fileRows } from "../core/summary-rows";
import { summaryWorkbook } from "../xlsx/summary-workbook";
import { InputError, writeAtomic } from "./errors";
import { FileTask, copyName } from "./process";
import { DEFAULT_MAX_TIME_S, PoolFile, PoolOutcome, defaultJobs, defaultMaxMemoryMb, jsonElement, runPool, totalSize } from "./pool";

const USAGE = `selfeval — 项目支出绩效自评表校验 / checks project performance self-evaluation forms

用法 / usage:
  selfeval check FILE|FOLDER… [--json] [--out DIR] [--summary 汇总.xlsx] [--force] [--lang zh|en]
                 [--config FILE.json] [--jobs N] [--max-memory MB] [--max-time S]
  selfeval fix FILE|FOLDER… --out DIR [--indicator-scores] [--json] [--force] [--lang zh|en] [--config FILE.json]
                 [--jobs N] [--max-memory MB] [--max-time S]

  fix             writes the recalculated 执行率, budget 得分 and 总分 into <name>.fixed.xlsx in DIR (never the input)
  --indicator-scores   also replace written indicator scores by the rule's scores (and the total with them)

  --json          print the report as JSON
  --out DIR       write <name>.checked.xlsx into DIR: flagged cells filled, notes, a 校验报告 sheet; the files of a
                  folder keep their sub-folders (check 收到的表/ --out 已标注/ → 已标注/a/x.checked.xlsx for
                  收到的表/a/x.xlsx); two inputs that would get one name get "x (2).checked.xlsx"
  --summary FILE  also write the batch's 汇总 workbook (the web page's 汇总.xlsx): one row per form with its 结论,
                  主要问题 and figures, a 统计 sheet with the count line, the reason of each file that cannot be read;
                  each 文件 cell links to the annotated copy (with --out) or to the file itself
  --force         overwrite existing files in --out (and the --summary file)
  --lang zh|en    language of messages (default zh)
  --jobs N        files checked at once, each in a process of its own (default: min(cores, 8, files, available
                  memory ÷ --max-memory), at least 1; one for a single file or a few small ones)
  --max-memory MB memory bound of each file (its checking process's heap; default a quarter of the machine's
                  memory, from 512 to 2048 MB): a file over it is reported unreadable, the others are checked
  --max-time S    time bound of each file in seconds (default ${DEFAULT_MAX_TIME_S}): the same
  --config FILE   settings (RULES.md §2) as JSON: {"preset":"hubei"} or {"overachievementThreshold":0.5,…};
                  without it, the settings saved in each workbook by the add-in are used

exit code: 0 no error-level finding · 1 error-level findings · 2 usage error or unreadable file`;

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

interface Args {
  command: string;
  inputs: string[];
  json: boolean;
  out: string | null;
  summary: string | null;
  force: boolean;
  lang: Lang;
  config: string | null;
  indicatorScores: boolean;
  jobs: number | null;
  maxMemoryMb: number | null;
  maxTimeS: number | null;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: "", inputs: [], json: false, out: null, summary: null, force: false, lang: "zh", config: null, indicatorScores: false, jobs: null, maxMemoryMb: null, maxTimeS: null };
  const rest = [...argv];
  a.command = rest.shift() ?? "";
  while (rest.length) {
    const x = rest.shift()!;
    if (x === "--json") a.json = true;
    else if (x === "--force") a.force = true;
    else if (x === "--indicator-scores") a.indicatorScores = true;
    else if (x === "--out" || x === "--summary" || x === "--lang" || x === "--config" || x === "--jobs" || x === "--max-memory" || x === "--max-time") {
      const v = rest.shift();
      if (v === undefined) throw new UsageError(`${x} needs a value`);
      if (x === "--max-memory") {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 128 || n > 65536) throw new UsageError(`--max-memory takes megabytes, a whole number from 128 to 65536, not ${v}`);
        a.maxMemoryMb = n;
      } else if (x === "--max-time") {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 1 || n > 86400) throw new UsageError(`--max-time takes seconds, from 1 to 86400, not ${v}`);
        a.maxTimeS = n;
      } else if (x === "--jobs") {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--jobs takes a whole number from 1 to 64, not ${v}`);
        a.jobs = n;
      } else if (x === "--out") a.out = v;
      else if (x === "--summary") {
        if (!/\.xlsx$/i.test(v)) throw new UsageError(`--summary names an .xlsx file to write, not ${v}`);
        a.summary = v;
      }
      else if (x === "--config") a.config = v;
      else if (v === "zh" || v === "en") a.lang = v;
      else throw new UsageError(`--lang takes zh or en, not ${v}`);
    } else if (x.startsWith("--")) throw new UsageError(`unknown option ${x}`);
    else a.inputs.push(x);
  }
  return a;
}

/**
 * Files to check: the .xlsx files named, and those in folders named (recursively), in a stable order. Synchronous:
 * listing a folder leaves the thread nothing else to do.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  return expandInputEntries(inputs).map((e) => e.file);
}

/**
 * The same, each with its copy's place under --out: a folder's files keep their path below that folder, a file named
 * itself keeps its name; two that would share a place (case aside) get " (2)", " (3)"… in input order. Anything in a
 * folder named like a workbook that is not a regular file (a FIFO, a folder, a socket) is listed too: checking it says
 * what it is, without opening it.
 */
export function expandInputEntries(inputs: string[]): PoolFile[] {
  const files: PoolFile[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = fsSync.statSync(input);
    } catch {
      files.push({ file: input, rel: path.basename(input) }); // reported as unreadable, with the others still checked
      continue;
    }
    if (st.isDirectory()) for (const p of walk(input)) files.push({ file: p, rel: path.relative(input, p) });
    else files.push({ file: input, rel: path.basename(input) });
  }
  const seen = new Set<string>();
  for (const f of files) {
    const ext = path.extname(f.rel);
    const stem = f.rel.slice(0, f.rel.length - ext.length);
    let rel = f.rel;
    for (let n = 2; seen.has(rel.toLowerCase()); n++) rel = `${stem} (${n})${ext}`;
    seen.add(rel.toLowerCase());
    f.rel = rel;
  }
  return files;
}

const WORKBOOK_NAME = (name: string) => /\.(xlsx|xls|et)$/i.test(name) && !name.startsWith("~$") && !/\.checked\.xlsx$/i.test(name);

function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = fsSync.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (WORKBOOK_NAME(e.name)) out.push(p); // a folder named x.xlsx (an unpacked workbook?): said so, then walked
      out.push(...walk(p));
    } else if (WORKBOOK_NAME(e.name)) out.push(p);
  }
  return out;
}

async function loadConfig(file: string | null): Promise<unknown> {
  if (!file) return null;
  let text;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(`cannot read the config file ${file}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
    return parsed;
  } catch (e) {
    throw new UsageError(`the config file ${file} is not a JSON object: ${(e as Error).message}`);
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: Args;
  let config: unknown;
  try {
    args = parseArgs(argv);
    if (args.command === "--help" || args.command === "-h" || args.command === "help" || args.command === "") {
      io.out(USAGE);
      return args.command === "" ? 2 : 0;
    }
    if (args.command === "--version") {
      io.out(require("../../package.json").version);
      return 0;
    }
    if (args.command !== "check" && args.command !== "fix") throw new UsageError(`unknown command ${args.command}`);
    if (args.inputs.length === 0) throw new UsageError("name at least one .xlsx file or folder");
    if (args.command === "fix" && !args.out) throw new UsageError("fix needs --out DIR: it writes a copy, never the input");
    if (args.command === "fix" && args.summary) throw new UsageError("--summary is for check: fix writes its copies, the summary of a check says what is in them");
    if (args.summary && !args.force && fsSync.existsSync(args.summary)) throw new UsageError(`the summary ${args.summary} exists (use --force to overwrite)`);
    config = await loadConfig(args.config);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`selfeval: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const lang = args.lang;
  // the summary written into the folder checked is not one of its inputs (the next run finds it there)
  const summaryAt = args.summary ? path.resolve(args.summary) : null;
  const entries = expandInputEntries(args.inputs).filter((e) => path.resolve(e.file) !== summaryAt);
  const files = entries.map((e) => e.file);
  if (files.length === 0) {
    io.err(lang === "en" ? "selfeval: no .xlsx file found in the inputs" : "selfeval：输入中没有 .xlsx 文件");
    return 2;
  }
  if (args.out) await fs.mkdir(args.out, { recursive: true });
  const task: FileTask = { command: args.command as "check" | "fix", out: args.out, force: args.force, lang, indicatorScores: args.indicatorScores, json: args.json, config };
  const bounds = { maxMemoryMb: args.maxMemoryMb ?? defaultMaxMemoryMb(), maxTimeS: args.maxTimeS ?? DEFAULT_MAX_TIME_S };
  const jobs = Math.max(1, Math.min(args.jobs ?? defaultJobs(files.length, totalSize(files), undefined, bounds.maxMemoryMb), files.length));
  // --json is written as the files come, one element held back for its comma: the same bytes as
  // JSON.stringify({ files }, null, 2), without holding every file's report until the end
  let heldJson: string | null = null;
  // --summary: each file's rows as it comes (its entry dropped then), the workbook written at the end
  const summaryRows: SummaryRow[] = [];
  const copyFailed = new Set<number>();
  let unreadable = 0;
  let errors = 0;
  const progress = files.length > 1;
  const emit = (i: number, o: PoolOutcome) => {
    if (progress) {
      const line = `[${i + 1}/${files.length}] ${files[i]}`;
      if (io.isTTY) io.err(`\r${line}\x1b[K`);
      else io.err(line);
    }
    errors += o.errors;
    if (o.unreadable) {
      unreadable++;
      io.err(`${progress && io.isTTY ? "\n" : ""}selfeval: ${files[i]}: ${o.unreadable}`);
    }
    if (args.json) {
      io.out(heldJson === null ? '{\n  "files": [' : heldJson + ",");
      heldJson = o.jsonElement ?? jsonElement(o.json);
    }
    else if (o.text) io.out(o.text + "\n");
    if (summaryAt) {
      const entry = (o.json ?? (o.jsonElement ? JSON.parse(o.jsonElement) : null)) as FileEntry | null;
      if (entry?.error) copyFailed.add(i);
      if (entry) summaryRows.push(...fileRows(i, entries[i].rel.split(path.sep).join("/"), entry, lang));
    }
  };
  // every file in a child process under its bounds, even one file: a runaway ends its process, never this one
  await runPool(entries, task, jobs, emit, {}, bounds);
  if (progress && io.isTTY) io.err("\n");
  if (args.json) io.out(`${heldJson}\n  ]\n}`);
  if (summaryAt) {
    const links = summaryLinks(entries, summaryAt, args.out);
    const bytes = summaryWorkbook(summaryRows, { lang, linkFile: (r) => (r.status === "unreadable" ? null : links(r.fileIndex, copyFailed.has(r.fileIndex))) });
    try {
      await fs.mkdir(path.dirname(summaryAt), { recursive: true });
      await writeAtomic(summaryAt, bytes, true);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e instanceof InputError ? e.en : "");
      io.err(lang === "en" ? `selfeval: cannot write the summary ${args.summary} (${code})` : `selfeval：无法写出汇总 ${args.summary}（${code}）`);
      return 2;
    }
  }
  return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
}

/**
 * Where each row of the 汇总 workbook links, relative to the workbook: the annotated copy under --out (unless the
 * copy could not be written), else the file itself; "/" between folders, as a HYPERLINK takes it on every system.
 */
function summaryLinks(entries: PoolFile[], summaryAt: string, out: string | null): (i: number, copyFailed: boolean) => string {
  const from = path.dirname(summaryAt);
  const rel = (p: string) => path.relative(from, path.resolve(p)).split(path.sep).join("/");
  return (i, copyFailed) => {
    const e = entries[i];
    if (!out || copyFailed) return rel(e.file);
    return rel(path.join(out, path.dirname(e.rel), copyName(path.basename(e.rel), "checked", e.file, /\.(xls|et|ett)$/i.test(e.rel))));
  };
}

if (require.main === module) {
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s.endsWith("\n") || s.startsWith("\r") ? s : s + "\n"), isTTY: !!process.stderr.isTTY })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`selfeval: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    });
}
