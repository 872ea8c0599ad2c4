import { strToU8, zipSync } from "fflate";
import { Lang } from "../core/options";
import { VERDICT_LABEL } from "../core/outcome";
import { COLUMN_LABEL, COUNT_ORDER, SORT_KEYS, SummaryRow, countLine, verdictCounts } from "../core/summary-rows";

/**
 * The 汇总 workbook, the one writer of it: the web page's download (src/web/bundle.ts) and
 * `selfeval check FOLDER --summary 汇总.xlsx` (src/cli/main.ts) both call summaryWorkbook with the rows of
 * src/core/summary-rows.ts. Sheet 1 (汇总): one row per form, each row's 文件 cell a HYPERLINK to its form
 * (file#'sheet'!A1) or to its annotated copy, the 结论 column, the top problem, the reason of a file that cannot be
 * read in 说明, a frozen header and an autofilter. Sheet 2 (统计): the count line, one verdict a row. Written as minimal
 * SpreadsheetML (ECMA-376 Part 1) zipped with fflate — a few KB of code instead of a spreadsheet library in the page.
 * Pure (no Node, no DOM).
 */
function esc(s: string): string {
  // XML 1.0 forbids most control characters: drop them
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function col(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name quoted for a reference: '项目 1'!A1 (quotes doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Excel's formula string literal: quotes doubled; 255 characters at most per literal. */
function literal(s: string): string {
  return `"${s.slice(0, 255).replace(/"/g, '""')}"`;
}

// styles: 0 default, 1 bold header, 2 percent, 3 link (blue, underlined), 4 number 0.00
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

export interface SummaryWorkbookOptions {
  lang: Lang;
  /** where each row links: a file name relative to the 汇总 workbook (e.g. the annotated copy beside it), or null for no link */
  linkFile: (row: SummaryRow) => string | null;
  sheetName?: string;
}

export function summaryWorkbookXml(rows: SummaryRow[], o: SummaryWorkbookOptions): string {
  const labels = COLUMN_LABEL[o.lang];
  const noteHeader = o.lang === "en" ? "Note" : "说明";
  // 已核对 (the warnings the clerk confirmed, with their reasons): a column of its own when any form has one
  const acked = hasAcknowledged(rows);
  const header = [...SORT_KEYS.map((k) => labels[k]), noteHeader, ...(acked ? [ACK_HEADER[o.lang]] : [])];
  const out: string[] = [];
  const str = (ref: string, v: string, s = 0) => `<c r="${ref}" t="inlineStr"${s ? ` s="${s}"` : ""}><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  const num = (ref: string, v: number | null, s = 0) => (v === null || !Number.isFinite(v) ? "" : `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${v}</v></c>`);
  out.push(`<row r="1">${header.map((h, i) => str(`${col(i)}1`, h, 1)).join("")}</row>`);
  const noteCol = col(SORT_KEYS.length);
  const lastCol = col(header.length - 1);
  rows.forEach((r, i) => {
    const n = i + 2;
    const cells: string[] = [];
    const target = o.linkFile(r);
    SORT_KEYS.forEach((key, k) => {
      const ref = `${col(k)}${n}`;
      if (key === "file") {
        if (target) {
          const where = r.sheet ? `#${quoteSheetName(r.sheet)}!${r.cell ?? "A1"}` : "";
          const f = `HYPERLINK(${literal(target + where)},${literal(r.file)})`;
          cells.push(`<c r="${ref}" t="str" s="3"><f>${esc(f)}</f><v>${esc(r.file)}</v></c>`);
        } else cells.push(str(ref, r.file));
      } else if (key === "verdict") cells.push(str(ref, VERDICT_LABEL[o.lang][r.verdict]));
      else if (key === "rate") cells.push(num(ref, r.rate, 2));
      else if (key === "written" || key === "recalculated") cells.push(num(ref, r[key], 4));
      else if (key === "errors" || key === "warnings") cells.push(num(ref, r[key]));
      else if (r[key] !== null && r[key] !== "") cells.push(str(ref, String(r[key])));
    });
    if (r.note) cells.push(str(`${noteCol}${n}`, r.note));
    if (acked && r.acknowledged > 0) cells.push(str(`${lastCol}${n}`, `${o.lang === "en" ? `${r.acknowledged}: ` : `${r.acknowledged} 个：`}${r.acknowledgedText}`));
    out.push(`<row r="${n}">${cells.join("")}</row>`);
  });
  const last = `${lastCol}${rows.length + 1}`;
  const WIDTH: Record<string, number> = { file: 32, form: 36, verdict: 10, top: 40, template: 22, rate: 10, written: 10, recalculated: 10, grade: 6, errors: 6, warnings: 6 };
  const widths = [...SORT_KEYS.map((k) => WIDTH[k] ?? 10), 60, ...(acked ? [60] : [])];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:${last}"/>
<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>
<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>
<sheetData>${out.join("")}</sheetData>
<autoFilter ref="A1:${last}"/>
</worksheet>`;
}

/** The 统计 sheet: the count line, then one verdict a row with its count, then the total. */
export function countsSheetXml(rows: SummaryRow[], lang: Lang): string {
  const counts = verdictCounts(rows);
  const str = (ref: string, v: string, s = 0) => `<c r="${ref}" t="inlineStr"${s ? ` s="${s}"` : ""}><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  const head = lang === "en" ? ["Verdict", "Forms"] : ["结论", "表数"];
  const lines = [`<row r="1">${str("A1", countLine(counts, lang), 1)}</row>`, `<row r="3">${str("A3", head[0], 1)}${str("B3", head[1], 1)}</row>`];
  let n = 4;
  for (const k of COUNT_ORDER) lines.push(`<row r="${n}">${str(`A${n}`, VERDICT_LABEL[lang][k])}<c r="B${n}"><v>${counts[k]}</v></c></row>`), n++;
  lines.push(`<row r="${n}">${str(`A${n}`, lang === "en" ? "Total" : "合计", 1)}<c r="B${n}"><v>${rows.length}</v></c></row>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:B${n}"/><cols><col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="10" customWidth="1"/></cols><sheetData>${lines.join("")}</sheetData></worksheet>`;
}

/** The header of the 已核对 column. */
export const ACK_HEADER: Record<Lang, string> = { zh: "已核对", en: "Confirmed" };

const hasAcknowledged = (rows: readonly SummaryRow[]): boolean => rows.some((r) => (r.acknowledged ?? 0) > 0);

export function summaryWorkbook(rows: SummaryRow[], o: SummaryWorkbookOptions): Uint8Array {
  const sheetName = esc(o.sheetName ?? (o.lang === "en" ? "Summary" : "汇总"));
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/><sheet name="${o.lang === "en" ? "Counts" : "统计"}" sheetId="2" r:id="rId3"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${quoteSheetName(sheetName)}!$A$1:$${col(SORT_KEYS.length + (hasAcknowledged(rows) ? 1 : 0))}$${rows.length + 1}</definedName></definedNames><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`),
    "xl/styles.xml": strToU8(STYLES),
    "xl/worksheets/sheet1.xml": strToU8(summaryWorkbookXml(rows, o)),
    "xl/worksheets/sheet2.xml": strToU8(countsSheetXml(rows, o.lang)),
  };
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}
