import * as fsSync from "fs";
import { promises as fs } from "fs";
import { InputError, MAX_BYTES, sniffBytes, tooLargeError } from "../xlsx/input";

// The messages and the sniffing of bytes live in src/xlsx/input.ts (Node-free, shared with the web page).
export { InputError, describeReadError } from "../xlsx/input";

/** What a file system entry that is not a regular file is, in one line (it is never opened). */
export function notRegularFile(st: fsSync.Stats): InputError {
  if (st.isDirectory()) return new InputError("不是文件，是文件夹（未打开）。", "not a regular file: it is a folder (not opened).");
  if (st.isFIFO()) return new InputError("不是普通文件，是命名管道（FIFO，未打开）。", "not a regular file: it is a named pipe (FIFO, not opened).");
  if (st.isSocket()) return new InputError("不是普通文件，是套接字（未打开）。", "not a regular file: it is a socket (not opened).");
  if (st.isCharacterDevice() || st.isBlockDevice()) return new InputError("不是普通文件，是设备文件（未打开）。", "not a regular file: it is a device (not opened).");
  return new InputError("不是普通文件（未打开）。", "not a regular file (not opened).");
}

/** Opened without blocking: a FIFO put in the file's place after the stat still cannot hang the open (POSIX). */
const OPEN_FLAGS = fsSync.constants.O_RDONLY | (fsSync.constants.O_NONBLOCK ?? 0);

/**
 * Looks at a file before parsing it: what it is (only a regular file is opened: a FIFO, a folder, a socket or a device
 * named x.xlsx gets its line, and never blocks), its size, and what its first bytes say it is. Synchronous: one stat,
 * one open, one fstat, one read, with nothing else for the thread to do meanwhile.
 */
export function sniffInputSync(file: string): Buffer {
  let st: fsSync.Stats;
  try {
    st = fsSync.statSync(file);
  } catch {
    throw new InputError("文件不存在或无法访问。", "the file does not exist or cannot be read.");
  }
  if (!st.isFile()) throw notRegularFile(st);
  if (st.size > MAX_BYTES) throw tooLargeError(st.size);
  let fd: number;
  try {
    fd = fsSync.openSync(file, OPEN_FLAGS);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EISDIR") throw notRegularFile(fsSync.statSync(file));
    throw new InputError("文件不存在或无法访问。", "the file does not exist or cannot be read.");
  }
  let buffer: Buffer;
  try {
    const stat = fsSync.fstatSync(fd);
    if (!stat.isFile()) throw notRegularFile(stat); // replaced between the stat and the open
    if (stat.size > MAX_BYTES) throw tooLargeError(stat.size);
    try {
      buffer = fsSync.readFileSync(fd);
    } catch {
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

