import { LimitError } from "./limits";
import { XlsxDamagedError, XlsxFormatError } from "./workbook-reader";
import { ZipError } from "./zip-archive";

/**
 * Why a file cannot be checked, told in one line in Chinese and English — one set of words for the CLI
 * (src/cli/errors.ts, which adds the file system around it) and the web page (src/web/errors.ts), so the page's JSON
 * report equals `selfeval check --json` (test/web/pipeline.test.ts holds the two together on every file of test/corpus).
 * Pure: bytes in, no Node, no DOM.
 */
export type Problem = "too-large" | "xls" | "et" | "encrypted" | "text" | "not-zip" | "zip-bomb" | "damaged" | "not-workbook" | "unreadable";

/** A problem with an input file, told in one line (Chinese and English), never a stack trace. */
export class InputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly problem: Problem = "unreadable",
  ) {
    super(en);
  }
}

export const MAX_BYTES = 200 * 1024 * 1024;

export function tooLargeError(size: number): InputError {
  const mb = Math.round(size / 1048576);
  return new InputError(`文件过大（${mb} MB），超过 200 MB 上限。`, `the file is too large (${mb} MB, limit 200 MB).`, "too-large");
}

function u32be(b: Uint8Array, i = 0): number {
  return ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
}

/** What the first bytes and the name say, before any parsing; throws an InputError when it is neither an .xlsx workbook nor a compound file. */
export function sniffBytes(name: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_BYTES) throw tooLargeError(bytes.length);
  const ext = (/\.[^./\\]+$/.exec(name)?.[0] ?? "").toLowerCase();
  // a compound file: an .xls / .et workbook or an encrypted .xlsx, told apart by its reader (src/xlsx/xls/read.ts)
  if (bytes.length >= 4 && u32be(bytes) === 0xd0cf11e0) return;
  if (ext === ".csv" || ext === ".txt") throw new InputError("这是文本/CSV 文件，不是 Excel 工作簿：请在 Excel 中另存为 .xlsx。", "this is a text/CSV file, not an Excel workbook: save it as .xlsx in Excel.", "text");
  if (bytes.length < 4 || u32be(bytes) !== 0x504b0304) {
    if (ext === ".xls" || ext === ".et" || ext === ".ett")
      throw new InputError(
        "这不是 .xlsx 工作簿（旧版 .xls 或 WPS .et 格式）：请在 Excel 或 WPS 中“另存为” .xlsx 后再校验。",
        "this is not an .xlsx workbook (old .xls or WPS .et): save it as .xlsx in Excel or WPS, then check it.",
        ext === ".xls" ? "xls" : "et",
      );
    throw new InputError("不是有效的 .xlsx 文件（不是 zip 格式，可能已损坏）：请在 Excel 中重新保存。", "not a valid .xlsx file (not a zip archive; it may be damaged): re-save it in Excel.", "not-zip");
  }
}

/** Turns what a reader threw (the zip reader's ZipError, the workbook reader's XlsxFormatError, anything else) into one line. */
export function describeReadError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof LimitError)
    return new InputError(
      `工作簿超出读取上限：${e.zh}，已拒绝（不是 Excel 通常写出的文件）：请在 Excel 中重新保存，或拆分后再校验。`,
      `the workbook is past a reading limit: ${e.en}; refused (not a file Excel writes): re-save it in Excel, or split it, then check it.`,
      "too-large",
    );
  if (e instanceof ZipError) {
    if (e.kind === "bomb")
      return new InputError(
        `文件解压后远大于正常的工作簿（可能是“zip 炸弹”），已拒绝，没有解压：请确认文件来源，或在 Excel 中重新保存。（${msg}）`,
        `the file would unpack to far more than a workbook does (a possible zip bomb); refused without unpacking it: check where it came from, or re-save it in Excel. (${msg})`,
        "zip-bomb",
      );
    if (e.kind === "encrypted") return new InputError("工作簿已加密：请在 Excel 中取消密码后另存为 .xlsx 再校验。", "the workbook is encrypted: remove the password in Excel, save as .xlsx, then check it.", "encrypted");
    return new InputError(`不是有效的 .xlsx 文件（zip 内容损坏或被截断）：请在 Excel 中重新保存。（${msg}）`, `not a valid .xlsx file (the zip is damaged or truncated: ${msg}): re-save it in Excel.`, "damaged");
  }
  if (e instanceof XlsxDamagedError)
    return new InputError(`工作簿已损坏（${msg}）：请在 Excel 中打开并重新保存。`, `the workbook is damaged (${msg}): open it in Excel and save it again.`, "damaged");
  if (e instanceof XlsxFormatError) return new InputError(`不是 Excel 工作簿（${msg}）：请在 Excel 中另存为 .xlsx。`, `not an Excel workbook (${msg}): save it as .xlsx in Excel.`, "not-workbook");
  if (e instanceof RangeError && /Invalid string length|Invalid array length|Set maximum size|Map maximum size|Array buffer allocation/i.test(msg))
    // a JavaScript engine's limit reached anyway: told as what it is, never in the engine's words
    return new InputError("工作簿过大或过于复杂，无法在内存中读取：请在 Excel 中重新保存，或拆分后再校验。", "the workbook is too large or too complex to read in memory: re-save it in Excel, or split it, then check it.", "too-large");
  if (/central directory|end of data|zip|corrupt|invalid signature|unexpected end/i.test(msg))
    return new InputError("不是有效的 .xlsx 文件（zip 内容损坏或被截断）：请在 Excel 中重新保存。", `not a valid .xlsx file (the zip is damaged or truncated: ${msg}): re-save it in Excel.`, "damaged");
  return new InputError(`无法读取工作簿：${msg}`, `the workbook cannot be read: ${msg}`);
}
