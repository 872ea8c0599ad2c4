import { WorkbookReport } from "./engine";
import { Finding } from "./findings";
import { Lang } from "./options";
import { FileVerdict, unreadableVerdict } from "./outcome";

/**
 * One file's entry of `selfeval check --json`, the same from the CLI and the web page: the file, its verdict (the worst
 * of its forms, src/core/outcome.ts), its forms and the workbook's own findings. A contract: keys are added, never
 * renamed or removed.
 */
export interface FileEntry {
  file: string;
  /** the one-line reason the file (or its copy) could not be read or written */
  error?: string;
  verdict: FileVerdict;
  forms: WorkbookReport["forms"];
  findings: Finding[];
}

export function fileEntry(file: string, report: WorkbookReport, copyError: string | null = null): FileEntry {
  return { file, verdict: report.verdict, forms: report.forms, findings: report.findings, ...(copyError ? { error: copyError } : {}) };
}

/** A file that could not be read: its reason, the verdict 无法读取, and the one unreadable-file finding. */
export function unreadableEntry(file: string, reason: string, lang: Lang): FileEntry {
  const finding: Finding = { rule: "unreadable-file", messageId: "unreadable", severity: "error", sheet: "", cell: "", message: reason };
  return { file, error: reason, verdict: unreadableVerdict(reason, lang), forms: [], findings: [finding] };
}
