import { strToU8, zipSync } from "fflate";
import { parseAddress } from "../../core/a1";
import { CellValue, isErrorValue } from "../../core/snapshot";
import type { XlsWorkbook } from "./read";
import { MAX_STYLED_CELLS } from "./biff";
import { xlsStyles } from "./styles";

/**
 * An .xls workbook as a new .xlsx package, built from what the .xls reader read (the snapshot and each sheet's
 * extras): the values (a formula's as its result), number formats, merged areas, column widths and row heights, the
 * sheets in their order (hidden ones hidden), the cell styles (styles.ts), the 1904 date system. The copies of an .xls (`check --out`, `fix`, the page's download)
 * patch this package as they patch an .xlsx (src/xlsx/annotate.ts). What it cannot hold — VBA, charts, pictures,
 * shapes, notes, formulas as formulas — is listed by `lostLines` for the 校验报告 sheet.
 * Minimal SpreadsheetML (ECMA-376 Part 1) zipped by fflate; pure, runs in the browser too.
 */
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function text(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_") // a literal _xHHHH_ kept as written
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const HIDDEN = ["", ` state="hidden"`, ` state="veryHidden"`, ""];

function col(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function xlsxFromXls(book: XlsWorkbook): Uint8Array {
  // number formats: General is 0, every other code a custom id from 164
  const codes = new Map<string, number>();
  const numFmtId = (code: string) => {
    if (code === "General") return 0;
    let i = codes.get(code);
    if (i === undefined) codes.set(code, (i = 164 + codes.size));
    return i;
  };
  const styles = xlsStyles(book, numFmtId);
  const files: Record<string, Uint8Array> = {};
  const sheets = book.snapshot.sheets;
  sheets.forEach((sh, k) => {
    const ex = book.extras[k];
    const styled = ex?.styles ?? new Map<number, number>();
    const rows = new Map<number, Array<[number, string]>>();
    const put = (r: number, c: number, xml: string) => {
      let row = rows.get(r);
      if (!row) rows.set(r, (row = []));
      row.push([c, xml]);
    };
    const written = new Set<number>();
    for (let r = 0; r < sh.values.length; r++) {
      const vr = sh.values[r], fr = sh.formats[r];
      for (let c = 0; c < vr.length; c++) {
        const v: CellValue = vr[c];
        if (v === "") continue;
        const R = sh.top + r, C = sh.left + c, at = R * 16384 + C;
        const ref = `${col(C)}${R + 1}`;
        const ix = styled.get(at);
        const s = ix !== undefined ? styles.xfIndex(ix) : styles.formatOnly(fr[c] || "General");
        const sa = s ? ` s="${s}"` : "";
        written.add(at);
        if (typeof v === "number") put(R, C, `<c r="${ref}"${sa}><v>${v}</v></c>`);
        else if (typeof v === "boolean") put(R, C, `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`);
        else if (isErrorValue(v)) put(R, C, `<c r="${ref}"${sa} t="e"><v>${text(v)}</v></c>`);
        else put(R, C, `<c r="${ref}"${sa} t="inlineStr"><is><t xml:space="preserve">${text(v)}</t></is></c>`);
      }
    }
    // cells without a value but with a style of their own (borders of the form's empty cells, merge areas)
    for (const [at, ix] of styled) {
      if (written.has(at)) continue;
      const s = styles.xfIndex(ix);
      if (s) put(Math.floor(at / 16384), at % 16384, `<c r="${col(at % 16384)}${Math.floor(at / 16384) + 1}" s="${s}"/>`);
    }
    const heights = ex?.rowHeights ?? new Map<number, number>();
    const order = [...new Set([...rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
    const sheetData = order
      .map((r) => {
        const h = heights.get(r);
        const cells = (rows.get(r) ?? []).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
        return `<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}>${cells.join("")}</row>`;
      })
      .join("");
    const widths = [...(ex?.colWidths ?? new Map<number, number>()).entries()].sort((a, b) => a[0] - b[0]);
    const cols = widths.length ? `<cols>${widths.map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` : "";
    const merges = sh.merges.length ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${col(m.left)}${m.top + 1}:${col(m.right)}${m.bottom + 1}"/>`).join("")}</mergeCells>` : "";
    files[`xl/worksheets/sheet${k + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${cols}<sheetData>${sheetData}</sheetData>${merges}</worksheet>`,
    );
  });
  const styleXml = styles.xml(); // after every cell has asked for its style
  const custom = [...codes.entries()];
  const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map(([code, i]) => `<numFmt numFmtId="${i}" formatCode="${text(code)}"/>`).join("")}</numFmts>` : "";
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">${numFmts}${styleXml}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );
  const sheetList = sheets.length ? sheets : [{ name: "Sheet1" }];
  if (!sheets.length) files["xl/worksheets/sheet1.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.date1904 ? `<workbookPr date1904="1"/>` : "<workbookPr/>"}<sheets>${sheetList.map((s, k) => `<sheet name="${text(s.name)}" sheetId="${k + 1}"${HIDDEN[book.extras[k]?.hidden ?? 0]} r:id="rId${k + 1}"/>`).join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetList.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`).join("")}<Relationship Id="rId${sheetList.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetList.map((_, k) => `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  // [Content_Types].xml first, as Excel writes it
  const ordered: Record<string, Uint8Array> = { "[Content_Types].xml": files["[Content_Types].xml"] };
  for (const [k, v] of Object.entries(files)) if (k !== "[Content_Types].xml") ordered[k] = v;
  return zipSync(ordered, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) });
}

/** What the original .xls held that the copy (a new .xlsx) does not keep: lines for the 校验报告 sheet. */
export function lostLines(book: XlsWorkbook, lang: "zh" | "en"): string[] {
  const zh = lang !== "en";
  const l = book.lost;
  const out = [
    zh
      ? "本副本由旧版 .xls 重建为新的 .xlsx 工作簿：保留了各工作表的值、数字格式、单元格样式（字体、填充色、边框、对齐）、合并单元格、列宽和行高。"
      : "This copy is a new .xlsx workbook rebuilt from the old .xls: the sheets' values, number formats, cell styles (fonts, fills, borders, alignment), merged cells, column widths and row heights are kept.",
  ];
  const cut = book.extras.filter((x) => x.stylesCut).length;
  if (cut) out.push(zh ? `样式：${cut} 个工作表中带样式的单元格超过 ${MAX_STYLED_CELLS} 个，其余单元格的样式未保留。` : `Styles: ${cut} sheet(s) have more than ${MAX_STYLED_CELLS} styled cells; the styles of the rest are not kept.`);
  if (l.formulas) out.push(zh ? `公式：${l.formulas} 个公式单元格只保留了计算结果（不再是公式）。` : `Formulas: ${l.formulas} formula cells keep their results only (they are no longer formulas).`);
  if (l.vba) out.push(zh ? "VBA 宏：原文件含 VBA 工程，副本未保留。" : "VBA macros: the original holds a VBA project, which the copy does not keep.");
  if (l.charts) out.push(zh ? `图表：原文件含 ${l.charts} 个嵌入图表，副本未保留。` : `Charts: the original holds ${l.charts} embedded chart(s), which the copy does not keep.`);
  if (l.pictures) out.push(zh ? `图片：原文件含 ${l.pictures} 张图片，副本未保留。` : `Pictures: the original holds ${l.pictures} picture(s), which the copy does not keep.`);
  if (l.comments) out.push(zh ? `批注：原文件含 ${l.comments} 条批注，副本未保留。` : `Notes: the original holds ${l.comments} cell note(s), which the copy does not keep.`);
  if (l.shapes) out.push(zh ? `形状、文本框、控件等其他绘图对象：${l.shapes} 个，副本未保留。` : `Shapes, text boxes, controls and other drawing objects: ${l.shapes}, not kept by the copy.`);
  if (l.otherSheets.length) out.push(zh ? `图表工作表、宏表等非普通工作表：${l.otherSheets.join("、")}，副本未保留。` : `Chart sheets, macro sheets and other non-worksheets: ${l.otherSheets.join(", ")}, not kept by the copy.`);
  return out;
}

/** Whether a cell (sheet name, A1) held a formula in the .xls: the copy keeps only its result, so `fix` leaves it alone. */
export function formulaCellTest(book: XlsWorkbook): (sheet: string, a1: string) => boolean {
  return (sheet, a1) => {
    const k = book.snapshot.sheets.findIndex((s) => s.name === sheet);
    const at = parseAddress(a1);
    return k >= 0 && at !== null && (book.extras[k]?.formulas.has(at.row * 16384 + at.col) ?? false);
  };
}

/** The title over lostLines on the 校验报告 sheet. */
export function lostTitle(lang: "zh" | "en"): string {
  return lang === "en" ? "What the original .xls holds that this copy does not keep" : "原 .xls 文件中本副本未能保留的内容";
}
