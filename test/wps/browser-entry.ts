/**
 * The WPS stand-in for the browser test: injected before the page's own scripts as `window.Application` and `wps`,
 * over the workbook the test put on `window.__SELFEVAL_WORKBOOK__`. Test code only, never shipped.
 */
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { FakeEtOptions, FakeEtWorkbook, fakeEt } from "./fake-et";

const w = window as unknown as Record<string, unknown> & { __SELFEVAL_WORKBOOK__?: WorkbookSnapshot; __SELFEVAL_ET_OPTIONS__?: FakeEtOptions };
const model = FakeEtWorkbook.fromSnapshot(w.__SELFEVAL_WORKBOOK__ ?? { sheets: [] });
const { Application, wps } = fakeEt(model, w.__SELFEVAL_ET_OPTIONS__ ?? {});
w.Application = Application;
w.wps = wps;
w.__etModel = model;
