import { WorkbookSnapshot } from "../core/snapshot";
import { nodeInflate } from "./inflate-node";
import { XlsxFormatError, readWorkbookPackage } from "./workbook-reader";
import { ZipArchive } from "./zip-archive";
import { ZipReader } from "./zip";

/**
 * The CLI's entry to the workbook reader (workbook-reader.ts, shared with the browser) with Node's zlib as its
 * inflate. The result equals `workbookSnapshot` over exceljs (tests hold the two together on every fixture); the
 * CLI uses this one to check and exceljs only where it writes (--out, fix).
 */
export { XlsxFormatError };

export async function readXlsxSnapshot(buffer: Uint8Array | ArrayBuffer): Promise<WorkbookSnapshot> {
  return readXlsxSnapshotSync(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer));
}

export function readXlsxSnapshotSync(bytes: Uint8Array, zip: ZipArchive = new ZipArchive(bytes, nodeInflate)): WorkbookSnapshot {
  return readWorkbookPackage(zip);
}

export { ZipReader };
