import { promises as fs } from "fs";
import * as path from "path";
import { WorkbookReport } from "../core/engine";
import { Finding } from "../core/findings";
import { CheckOptions, Lang } from "../core/options";
import { annotateWorkbook } from "../xlsx/annotate";
import { checkFile } from "./check-file";
import { InputError } from "./errors";
import { formatReport, table } from "./format";
import { defaultTicks, finalizeSelection, proposeWrites } from "../core/writeback";
import ExcelJS from "exceljs";

const USAGE = `selfeval — 项目支出绩效自评表校验 / checks project performance self-evaluation forms

用法 / usage:
  selfeval check FILE|FOLDER… [--json] [--out DIR] [--force] [--lang zh|en] [--config FILE.json]
  selfeval fix FILE|FOLDER… --out DIR [--indicator-scores] [--json] [--force] [--lang zh|en] [--config FILE.json]

  fix             writes the recalculated 执行率, budget 得分 and 总分 into <name>.fixed.xlsx in DIR (never the input)
  --indicator-scores   also replace written indicator scores by the rule's scores (and the total with them)

  --json          print the report as JSON
  --out DIR       write <name>.checked.xlsx into DIR: flagged cells filled, notes, a 校验报告 sheet
  --force         overwrite existing files in --out
  --lang zh|en    language of messages (default zh)
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
  force: boolean;
  lang: Lang;
  config: string | null;
  indicatorScores: boolean;
}

class UsageError extends Error {}

export function parseArgs(argv: string[]): Args {
  const a: Args = { command: "", inputs: [], json: false, out: null, force: false, lang: "zh", config: null, indicatorScores: false };
  const rest = [...argv];
  a.command = rest.shift() ?? "";
  while (rest.length) {
    const x = rest.shift()!;
    if (x === "--json") a.json = true;
    else if (x === "--force") a.force = true;
    else if (x === "--indicator-scores") a.indicatorScores = true;
    else if (x === "--out" || x === "--lang" || x === "--config") {
      const v = rest.shift();
      if (v === undefined) throw new UsageError(`${x} needs a value`);
      if (x === "--out") a.out = v;
      else if (x === "--config") a.config = v;
      else if (v === "zh" || v === "en") a.lang = v;
      else throw new UsageError(`--lang takes zh or en, not ${v}`);
    } else if (x.startsWith("--")) throw new UsageError(`unknown option ${x}`);
    else a.inputs.push(x);
  }
  return a;
}

/** Files to check: the .xlsx files named, and those in folders named (recursively), in a stable order. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch {
      files.push(input); // reported as unreadable, with the others still checked
      continue;
    }
    if (st.isDirectory()) files.push(...(await walk(input)));
    else files.push(input);
  }
  return files;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith("~$") && !/\.checked\.xlsx$/i.test(e.name)) out.push(p);
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

/** Writes bytes next to the target, then renames: a reader never sees half a file. */
export async function writeAtomic(target: string, data: Buffer | Uint8Array, force: boolean): Promise<void> {
  if (!force) {
    try {
      await fs.access(target);
      throw new InputError(`输出文件已存在：${target}（加 --force 覆盖）`, `the output ${target} exists (use --force to overwrite)`);
    } catch (e) {
      if (e instanceof InputError) throw e;
    }
  }
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await fs.writeFile(tmp, data);
  await fs.rename(tmp, target);
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
    config = await loadConfig(args.config);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`selfeval: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const lang = args.lang;
  const options: Partial<CheckOptions> = { lang };
  const files = await expandInputs(args.inputs);
  if (files.length === 0) {
    io.err(lang === "en" ? "selfeval: no .xlsx file found in the inputs" : "selfeval：输入中没有 .xlsx 文件");
    return 2;
  }
  if (args.out) await fs.mkdir(args.out, { recursive: true });
  const jsonFiles: unknown[] = [];
  let unreadable = 0;
  let errors = 0;
  const progress = files.length > 1;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (progress) {
      const line = `[${i + 1}/${files.length}] ${file}`;
      if (io.isTTY) io.err(`\r${line}\x1b[K`);
      else io.err(line);
    }
    try {
      const r = await checkFile(file, options, config);
      if (args.command === "fix") {
        const fixed = await fixFile(r, args, lang);
        if (args.json) jsonFiles.push(fixed);
        else io.out(formatFix(fixed, lang) + "\n");
        continue;
      }
      errors += countErrors(r.report);
      if (args.out) {
        annotateWorkbook(r.workbook, r.report, lang, new Date(), r.options);
        const target = path.join(args.out, `${path.basename(file).replace(/\.xlsx$/i, "")}.checked.xlsx`);
        const data = await r.workbook.xlsx.writeBuffer();
        await writeAtomic(target, Buffer.from(data as ArrayBuffer), args.force);
      }
      if (args.json) jsonFiles.push({ file, forms: r.report.forms, findings: r.report.findings });
      else io.out(formatReport(file, r.report, lang) + "\n");
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable++;
      const msg = lang === "en" ? e.en : e.zh;
      io.err(`${progress && io.isTTY ? "\n" : ""}selfeval: ${file}: ${msg}`);
      if (args.json) {
        const finding: Finding = { rule: "unreadable-file", severity: "error", sheet: "", cell: "", message: msg };
        jsonFiles.push({ file, error: msg, forms: [], findings: [finding] });
      }
    }
  }
  if (progress && io.isTTY) io.err("\n");
  if (args.json) io.out(JSON.stringify({ files: jsonFiles }, null, 2));
  return unreadable > 0 ? 2 : errors > 0 ? 1 : 0;
}

interface FixResult {
  file: string;
  out: string;
  changes: Array<{ sheet: string; cell: string; rule: string; old: unknown; new: unknown; label: string }>;
  skipped: Array<{ sheet: string; cell: string; rule: string; reason: string }>;
}

/** selfeval fix: the proposals written into a copy; formula cells are left alone. */
async function fixFile(r: Awaited<ReturnType<typeof checkFile>>, args: Args, lang: Lang): Promise<FixResult> {
  const all = proposeWrites(r.result.analyses, lang);
  const proposals = finalizeSelection(all, defaultTicks(all, args.indicatorScores));
  const res: FixResult = { file: r.file, out: path.join(args.out!, `${path.basename(r.file).replace(/\.xlsx$/i, "")}.fixed.xlsx`), changes: [], skipped: [] };
  for (const p of proposals) {
    const cell = r.workbook.getWorksheet(p.sheet)?.getCell(p.address);
    if (!cell) continue;
    if (cell.formula || cell.type === ExcelJS.ValueType.Formula) {
      res.skipped.push({ sheet: p.sheet, cell: p.address, rule: p.rule, reason: lang === "en" ? "a formula: not overwritten" : "公式单元格，不改写" });
      continue;
    }
    cell.value = p.new;
    res.changes.push({ sheet: p.sheet, cell: p.address, rule: p.rule, old: p.old, new: p.new, label: p.label });
  }
  const data = await r.workbook.xlsx.writeBuffer();
  await writeAtomic(res.out, Buffer.from(data as ArrayBuffer), args.force);
  return res;
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
  return lines.join("\n");
}

function countErrors(r: WorkbookReport): number {
  return [...r.findings, ...r.forms.flatMap((f) => f.findings)].filter((f) => f.severity === "error").length;
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
