import * as path from "path";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ROOT, cached, keep } from "./snapshot-cache";

/** `src/xlsx/read` for the mutation runs: the exceljs reference reader's snapshot, cached (see snapshot-cache.ts). */
const real = require(path.join(ROOT, "src/xlsx/read.ts")) as typeof import("../../src/xlsx/read");

export async function readXlsx(buffer: Buffer | ArrayBuffer): Promise<{ snapshot: WorkbookSnapshot; workbook: never }> {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer);
  const snapshot = cached("exceljs", bytes) ?? keep("exceljs", bytes, (await real.readXlsx(bytes)).snapshot);
  return {
    snapshot,
    get workbook(): never {
      throw new Error("the mutation runs' reader keeps only the snapshot");
    },
  };
}

export const { dateToSerial, toCellValue, sheetSnapshot, workbookSnapshot } = real;
