import * as fsSync from "fs";
import { promises as fs } from "fs";
import { InputError, MAX_BYTES, sniffBytes, tooLargeError } from "../xlsx/input";

// The messages and the sniffing of bytes live in src/xlsx/input.ts (Node-free, shared with the web page).
export { InputError, describeReadError } from "../xlsx/input";

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
    if (stat.size > MAX_BYTES) throw tooLargeError(stat.size);
    try {
      buffer = fsSync.readFileSync(fd);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EISDIR") throw new InputError("不是文件。", "not a file.");
      throw new InputError("文件不存在或无法访问。", "the file does not exist or cannot be read.");
    }
  } finally {
    fsSync.closeSync(fd);
  }
  sniffBytes(file, buffer);
  return buffer;
}

/** The same check, for callers that await it. */
export async function sniffInput(file: string): Promise<Buffer> {
  return sniffInputSync(file);
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

