/**
 * Why a file cannot be checked, told in one line in Chinese and English — the same words as the CLI
 * (src/cli/errors.ts, which needs Node), so the page's JSON report equals `selfeval check --json`
 * (test/web/pipeline.test.ts holds the two together on every file of test/corpus). Pure: bytes in, no DOM.
 */
export type Problem = "too-large" | "xls" | "et" | "encrypted" | "text" | "not-zip" | "zip-bomb" | "damaged" | "not-workbook" | "unreadable";

export class WebInputError extends Error {
  constructor(
    readonly problem: Problem,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

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

export const MAX_BYTES = 200 * 1024 * 1024;

function u32be(b: Uint8Array, i = 0): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

/** What the first bytes and the name say, before any parsing (the CLI's sniffInput, for bytes). */
export function sniffBytes(name: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_BYTES) {
    const mb = Math.round(bytes.length / 1048576);
    throw new WebInputError("too-large", `文件过大（${mb} MB），超过 200 MB 上限。`, `the file is too large (${mb} MB, limit 200 MB).`);
  }
  const ext = (/\.[^./\\]+$/.exec(name)?.[0] ?? "").toLowerCase();
  if (bytes.length >= 4 && u32be(bytes) === 0xd0cf11e0) {
    if (ext === ".xls") throw new WebInputError("xls", "这是旧版 .xls 格式：请在 Excel 中“另存为” .xlsx 后再校验。", "this is an old binary .xls workbook: save it as .xlsx in Excel, then check it.");
    if (ext === ".et" || ext === ".ett")
      throw new WebInputError("et", "这是 WPS 表格的 .et 格式：请在 WPS 中“另存为” .xlsx 后再校验。", "this is a WPS Spreadsheets .et workbook: save it as .xlsx in WPS, then check it.");
    throw new WebInputError("encrypted", "工作簿受密码保护（已加密）：请在 Excel 中取消密码后另存为 .xlsx 再校验。", "the workbook is password-protected (encrypted): remove the password in Excel, save as .xlsx, then check it.");
  }
  if (ext === ".csv" || ext === ".txt") throw new WebInputError("text", "这是文本/CSV 文件，不是 Excel 工作簿：请在 Excel 中另存为 .xlsx。", "this is a text/CSV file, not an Excel workbook: save it as .xlsx in Excel.");
  if (bytes.length < 4 || u32be(bytes) !== 0x504b0304) {
    if (ext === ".xls" || ext === ".et" || ext === ".ett")
      throw new WebInputError(ext === ".xls" ? "xls" : "et", "这不是 .xlsx 工作簿（旧版 .xls 或 WPS .et 格式）：请在 Excel 或 WPS 中“另存为” .xlsx 后再校验。", "this is not an .xlsx workbook (old .xls or WPS .et): save it as .xlsx in Excel or WPS, then check it.");
    throw new WebInputError("not-zip", "不是有效的 .xlsx 文件（不是 zip 格式，可能已损坏）：请在 Excel 中重新保存。", "not a valid .xlsx file (not a zip archive; it may be damaged): re-save it in Excel.");
  }
}

/** What src/web/read.ts throws: the zip package is refused or damaged (the CLI's ZipError) … */
export class PackageError extends Error {}
/** … or the package is a zip but not a workbook (the CLI's XlsxFormatError). */
export class FormatError extends Error {}

/** A reader's error sorted into the CLI's messages (src/cli/errors.ts describeReadError). */
export function describeReadError(e: unknown): WebInputError {
  if (e instanceof WebInputError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof PackageError) {
    if (/would unpack|cannot be unpacked|larger than/i.test(msg))
      return new WebInputError(
        "zip-bomb",
        `文件解压后远大于正常的工作簿（可能是“zip 炸弹”），已拒绝，没有解压：请确认文件来源，或在 Excel 中重新保存。（${msg}）`,
        `the file would unpack to far more than a workbook does (a possible zip bomb); refused without unpacking it: check where it came from, or re-save it in Excel. (${msg})`,
      );
    if (/encrypted/i.test(msg)) return new WebInputError("encrypted", "工作簿已加密：请在 Excel 中取消密码后另存为 .xlsx 再校验。", "the workbook is encrypted: remove the password in Excel, save as .xlsx, then check it.");
    return new WebInputError("damaged", `不是有效的 .xlsx 文件（zip 内容损坏或被截断）：请在 Excel 中重新保存。（${msg}）`, `not a valid .xlsx file (the zip is damaged or truncated: ${msg}): re-save it in Excel.`);
  }
  if (e instanceof FormatError)
    return new WebInputError("not-workbook", `不是 Excel 工作簿（${msg}）：请在 Excel 中另存为 .xlsx。`, `not an Excel workbook (${msg}): save it as .xlsx in Excel.`);
  if (/central directory|end of data|zip|corrupt|invalid signature|unexpected end/i.test(msg))
    return new WebInputError("damaged", "不是有效的 .xlsx 文件（zip 内容损坏或被截断）：请在 Excel 中重新保存。", `not a valid .xlsx file (the zip is damaged or truncated: ${msg}): re-save it in Excel.`);
  return new WebInputError("unreadable", `无法读取工作簿：${msg}`, `the workbook cannot be read: ${msg}`);
}
