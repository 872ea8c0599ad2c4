import { Severity } from "./findings";
import { Lang } from "./options";

/** Words the reports (CLI, report sheet, pane) share. */
export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export const REPORT_SHEET_NAME = "校验报告";

/** Fill colours by severity (ARGB), used for highlights in the add-in and in `--out` copies. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: "FFFFC7CE",
  warning: "FFFFEB9C",
  info: "FFDDEBF7",
};
