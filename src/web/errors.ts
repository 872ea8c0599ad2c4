import type { Problem } from "../xlsx/input";

/**
 * The page's words for a file that cannot be checked. The one-line messages themselves (the same as the CLI's, so the
 * page's JSON report equals `selfeval check --json`) and the sniffing of bytes live in src/xlsx/input.ts.
 */
export { InputError, describeReadError, sniffBytes } from "../xlsx/input";
export type { Problem } from "../xlsx/input";

/** The summary line for a file that cannot be checked: what to do, in a few words. */
export const PROBLEM_HINT: Record<Problem, { zh: string; en: string }> = {
  "too-large": { zh: "文件过大（上限 200 MB）", en: "file too large (limit 200 MB)" },
  xls: { zh: ".xls/.et：请在 Excel 或 WPS 中另存为 .xlsx", en: ".xls/.et: save it as .xlsx in Excel or WPS" },
  et: { zh: ".xls/.et：请在 Excel 或 WPS 中另存为 .xlsx", en: ".xls/.et: save it as .xlsx in Excel or WPS" },
  encrypted: { zh: "已加密：取消密码后另存为 .xlsx", en: "encrypted: remove the password, save as .xlsx" },
  text: { zh: "文本/CSV 文件：请另存为 .xlsx", en: "text/CSV file: save it as .xlsx" },
  "not-zip": { zh: "不是 Excel 工作簿（可能已损坏）", en: "not an Excel workbook (may be damaged)" },
  "zip-bomb": { zh: "疑似 zip 炸弹，已拒绝", en: "possible zip bomb, refused" },
  damaged: { zh: "文件损坏或被截断：请重新保存", en: "damaged or truncated: re-save it" },
  "not-workbook": { zh: "不是 Excel 工作簿", en: "not an Excel workbook" },
  unreadable: { zh: "无法读取", en: "cannot be read" },
};

