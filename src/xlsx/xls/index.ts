/**
 * The .xls reader and its copy builder in one module: the web page's chunk "xls" (loaded by src/web/pipeline.ts and
 * src/web/annotate.ts only when a compound file arrives).
 */
export { readXls } from "./read";
export type { XlsWorkbook } from "./read";
export { xlsxFromXls, lostLines, lostTitle, formulaCellTest } from "./to-xlsx";
