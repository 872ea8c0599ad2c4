/**
 * The test host for the browser tests: served in place of Office.js from Microsoft's CDN. Before this script the
 * test puts the workbook (a snapshot read from a real .xlsx fixture) and the host options on `window`.
 * Test code only, never shipped.
 */
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { FakeOptions, FakeWorkbook, createFakeOffice } from "../host/fake-office";

declare global {
  interface Window {
    __SELFEVAL_WORKBOOK__?: WorkbookSnapshot;
    __SELFEVAL_HOST_OPTIONS__?: FakeOptions;
    __selfevalHost?: { model: FakeWorkbook };
  }
}

const model = FakeWorkbook.fromSnapshot(window.__SELFEVAL_WORKBOOK__ ?? { sheets: [] });
const { Office, Excel } = createFakeOffice(model, window.__SELFEVAL_HOST_OPTIONS__ ?? {});
(window as unknown as Record<string, unknown>).Office = Office;
(window as unknown as Record<string, unknown>).Excel = Excel;
window.__selfevalHost = { model };
