import * as fsSync from "fs";
import { promises as fs } from "fs";
import * as path from "path";
import { XlsxFormatError } from "../xlsx/fast-read";
import { ZipError } from "../xlsx/zip";

/** A problem with an input file, told in one line (Chinese and English), never a stack trace. */
export class InputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const MAX_BYTES = 200 * 1024 * 1024;

/**
 * Looks at a file before parsing it: existence, size, and what its first bytes say it is. Synchronous: one open, one
 * fstat, one read, with nothing else for the thread to do meanwhile (the asynchronous calls only added idle time).
 */
export function sniffInputSync(file: string): Buffer {
  let fd: number;
  try {
    fd = fsSync.openSync(file, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EISDIR") throw new InputError("不是文件。", "not a file.");
    throw new InputError("文件不存在或无法访问。", "the file does not exist or cannot be read.");
  }
  let buffer: Buffer;
  try {
    const stat = fsSync.fstatSync(fd);
    if (!stat.isFile()) throw new InputError("不是文件。", "not a file.");
    if (stat.size > MAX_BYTES) throw new InputError(`文件过大（${Math.round(stat.size / 1048576)} MB），超过 200 MB 上限。`, `the file is too large (${Math.round(stat.size / 1048576)} MB, limit 200 MB).`);
    try {
      buffer = fsSync.readFileSync(fd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EISDIR") throw new InputError("不是文件。", "not a file.");
      throw new InputError("文件不存在或无法访问。", "the file does not exist or cannot be read.");
    }
  } finally {
    fsSync.closeSync(fd);
  }
  const ext = path.extname(file).toLowerCase();
  if (buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    if (ext === ".xls") throw new InputError("这是旧版 .xls 格式：请在 Excel 中“另存为” .xlsx 后再校验。", "this is an old binary .xls workbook: save it as .xlsx in Excel, then check it.");
    throw new InputError("工作簿受密码保护（已加密）：请在 Excel 中取消密码后另存为 .xlsx 再校验。", "the workbook is password-protected (encrypted): remove the password in Excel, save as .xlsx, then check it.");
  }
  if (ext === ".csv" || ext === ".txt") throw new InputError("这是文本/CSV 文件，不是 Excel 工作簿：请在 Excel 中另存为 .xlsx。", "this is a text/CSV file, not an Excel workbook: save it as .xlsx in Excel.");
  if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x504b0304) throw new InputError("不是有效的 .xlsx 文件（不是 zip 格式，可能已损坏）：请在 Excel 中重新保存。", "not a valid .xlsx file (not a zip archive; it may be damaged): re-save it in Excel.");
  return buffer;
}

/** The same check, for callers that await it. */
export async function sniffInput(file: string): Promise<Buffer> {
  return sniffInputSync(file);
}

/** Turns what exceljs or the zip reader threw into one line. */
export function describeReadError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof ZipError) {
    if (/would unpack|cannot be unpacked|larger than/i.test(msg))
      return new InputError(`文件解压后远大于正常的工作簿（可能是“zip 炸弹”），已拒绝，没有解压：请确认文件来源，或在 Excel 中重新保存。（${msg}）`, `the file would unpack to far more than a workbook does (a possible zip bomb); refused without unpacking it: check where it came from, or re-save it in Excel. (${msg})`);
    if (/encrypted/i.test(msg)) return new InputError("工作簿已加密：请在 Excel 中取消密码后另存为 .xlsx 再校验。", "the workbook is encrypted: remove the password in Excel, save as .xlsx, then check it.");
    return new InputError(`不是有效的 .xlsx 文件（zip 内容损坏或被截断）：请在 Excel 中重新保存。（${msg}）`, `not a valid .xlsx file (the zip is damaged or truncated: ${msg}): re-save it in Excel.`);
  }
  if (e instanceof XlsxFormatError) return new InputError(`不是 Excel 工作簿（${msg}）：请在 Excel 中另存为 .xlsx。`, `not an Excel workbook (${msg}): save it as .xlsx in Excel.`);
  if (/central directory|end of data|zip|corrupt|invalid signature|unexpected end/i.test(msg))
    return new InputError("不是有效的 .xlsx 文件（zip 内容损坏或被截断）：请在 Excel 中重新保存。", `not a valid .xlsx file (the zip is damaged or truncated: ${msg}): re-save it in Excel.`);
  return new InputError(`无法读取工作簿：${msg}`, `the workbook cannot be read: ${msg}`);
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

