import * as path from "path";
import { WorkbookReport } from "../core/engine";
import { Finding } from "../core/findings";
import { Lang } from "../core/options";
import { defaultTicks, finalizeSelection, proposeWrites } from "../core/writeback";
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

export async function processFile(file: string, task: FileTask): Promise<FileOutcome> {
  const lang = task.lang;
  try {
    const r = await checkFile(file, { lang }, task.config, task.command === "fix" || !!task.out);
    if (task.command === "fix") {
      const fixed = await fixFile(r, task);
      return { json: fixed, text: task.json ? null : formatFix(fixed, lang), errors: 0, unreadable: null };
    }
    if (task.out) {
      const { annotateWorkbook } = require("../xlsx/annotate") as typeof import("../xlsx/annotate");
      annotateWorkbook(r.workbook!, r.report, lang, new Date(), r.options);
      const target = path.join(task.out, `${path.basename(file).replace(/\.xlsx$/i, "")}.checked.xlsx`);
      const data = await r.workbook!.xlsx.writeBuffer();
      await writeAtomic(target, Buffer.from(data as ArrayBuffer), task.force);
    }
    return {
      json: { file, forms: r.report.forms, findings: r.report.findings },
      text: task.json ? null : formatReport(file, r.report, lang),
      errors: countErrors(r.report),
      unreadable: null,
    };
  } catch (e) {
    // Never a crash and never a stack trace: the file is reported, the others go on.
    const msg = e instanceof InputError ? (lang === "en" ? e.en : e.zh) : `${lang === "en" ? "internal error" : "内部错误"}: ${e instanceof Error ? e.message : String(e)}`;
    const finding: Finding = { rule: "unreadable-file", severity: "error", sheet: "", cell: "", message: msg };
    return { json: { file, error: msg, forms: [], findings: [finding] }, text: null, errors: 0, unreadable: msg };
  }
}

function countErrors(r: WorkbookReport): number {
  return [...r.findings, ...r.forms.flatMap((f) => f.findings)].filter((f) => f.severity === "error").length;
}

interface FixResult {
  file: string;
  out: string;
  changes: Array<{ sheet: string; cell: string; rule: string; old: unknown; new: unknown; label: string }>;
  skipped: Array<{ sheet: string; cell: string; rule: string; reason: string }>;
}

/** selfeval fix: the proposals written into a copy; formula cells are left alone. */
async function fixFile(r: Awaited<ReturnType<typeof checkFile>>, task: FileTask): Promise<FixResult> {
  const lang = task.lang;
  const all = proposeWrites(r.result.analyses, lang);
  const proposals = finalizeSelection(all, defaultTicks(all, task.indicatorScores));
  const res: FixResult = { file: r.file, out: path.join(task.out!, `${path.basename(r.file).replace(/\.xlsx$/i, "")}.fixed.xlsx`), changes: [], skipped: [] };
  for (const p of proposals) {
    const cell = r.workbook!.getWorksheet(p.sheet)?.getCell(p.address);
    if (!cell) continue;
    if (cell.formula || cell.type === 6 /* ExcelJS.ValueType.Formula */) {
      res.skipped.push({ sheet: p.sheet, cell: p.address, rule: p.rule, reason: lang === "en" ? "a formula: not overwritten" : "公式单元格，不改写" });
      continue;
    }
    cell.value = p.new;
    res.changes.push({ sheet: p.sheet, cell: p.address, rule: p.rule, old: p.old, new: p.new, label: p.label });
  }
  const data = await r.workbook!.xlsx.writeBuffer();
  await writeAtomic(res.out, Buffer.from(data as ArrayBuffer), task.force);
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

