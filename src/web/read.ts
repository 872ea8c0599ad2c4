import { WorkbookSnapshot } from "../core/snapshot";
import { browserInflate } from "../xlsx/inflate-browser";
import { XlsxFormatError, openWorkbook } from "../xlsx/workbook-reader";
import { ZipError } from "../xlsx/zip-archive";
import { FormatError, PackageError } from "./errors";

/**
 * The page's one door to reading a workbook: bytes in, the engine's snapshot and the add-in's saved settings out —
 * through the shared reader (src/xlsx/workbook-reader.ts) with fflate's inflate (src/xlsx/inflate-browser.ts): no
 * Buffer, no Node zlib; a zip bomb is refused before anything is inflated, a part that lies about its size is cut off.
 * Throws PackageError / FormatError, which src/web/errors.ts turns into the CLI's messages.
 */
export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** the add-in's settings saved in the workbook (selfeval.settings.v1), or null */
  settings: unknown;
}

const SETTINGS_KEY = "selfeval.settings.v1"; // src/xlsx/settings.ts's, which also loads the Node zip reader

export function readWorkbook(bytes: Uint8Array): ReadResult {
  try {
    // opened once, as the CLI does: the snapshot, then the settings from the same directory
    const pkg = openWorkbook(bytes, browserInflate);
    const snapshot = pkg.snapshot();
    return { snapshot, settings: pkg.setting(SETTINGS_KEY) };
  } catch (e) {
    if (e instanceof ZipError) throw new PackageError(e.message);
    if (e instanceof XlsxFormatError) throw new FormatError(e.message);
    throw e;
  }
}
