import { browserInflate } from "../../src/xlsx/inflate-browser";
import { openWorkbook, readWorkbookBytes } from "../../src/xlsx/workbook-reader";

/** The browser build of the reader, as a page would use it: bytes in, snapshot out (test/browser/reader.browser.test.ts). */
declare global {
  interface Window {
    __selfevalReader: { read(bytes: Uint8Array): unknown; setting(bytes: Uint8Array, key: string): unknown };
  }
}

window.__selfevalReader = {
  read: (bytes) => readWorkbookBytes(bytes, browserInflate),
  setting: (bytes, key) => openWorkbook(bytes, browserInflate).setting(key),
};
