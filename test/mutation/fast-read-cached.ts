import * as path from "path";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ROOT, cached, keep } from "./snapshot-cache";

/** `src/xlsx/fast-read` for the mutation runs: the snapshot of our own reader, cached (see snapshot-cache.ts). */
const real = require(path.join(ROOT, "src/xlsx/fast-read.ts")) as typeof import("../../src/xlsx/fast-read");

export function readXlsxSnapshotSync(bytes: Uint8Array): WorkbookSnapshot {
  return cached("fast", bytes) ?? keep("fast", bytes, real.readXlsxSnapshotSync(bytes));
}

export const { XlsxFormatError, readXlsxSnapshot, ZipReader } = real;
