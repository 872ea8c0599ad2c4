import { SETTINGS_KEY } from "../core/settings";
import { WorkbookSnapshot } from "../core/snapshot";
import { browserInflate } from "../xlsx/inflate-browser";
import { openWorkbook } from "../xlsx/workbook-reader";

/**
 * The page's one door to reading a workbook: bytes in, the engine's snapshot and the add-in's saved settings out —
 * through the shared reader (src/xlsx/workbook-reader.ts) with fflate's inflate (src/xlsx/inflate-browser.ts): no
 * Buffer, no Node zlib; a zip bomb is refused before anything is inflated, a part that lies about its size is cut off.
 * Throws ZipError / XlsxFormatError, which src/xlsx/input.ts describeReadError turns into the CLI's messages.
 */
export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** the add-in's settings saved in the workbook (core/settings.ts SETTINGS_KEY), or null */
  settings: unknown;
}


export function readWorkbook(bytes: Uint8Array): ReadResult {
  // opened once, as the CLI does: the snapshot, then the settings from the same directory
  const pkg = openWorkbook(bytes, browserInflate);
  const snapshot = pkg.snapshot();
  return { snapshot, settings: pkg.setting(SETTINGS_KEY) };
}
