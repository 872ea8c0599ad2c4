import { WorkbookSnapshot } from "../../core/snapshot";
import { InputError } from "../input";
import { BiffEncrypted, BiffError, BiffWorkbook, readBiff } from "./biff";
import { CfbError, CompoundFile } from "./cfb";

/**
 * An Excel 97–2003 .xls workbook (or a WPS .et of the same compound-file BIFF8 format) → the engine's snapshot, the
 * same one the .xlsx reader gives. Pure: bytes in, no Node, no DOM; loaded by the CLI on a compound file and, in the
 * web page, as its own chunk only when one arrives (src/web/pipeline.ts).
 *
 * Whatever cannot be read is an InputError: one line in Chinese and English, never a stack trace.
 */
export interface XlsWorkbook extends BiffWorkbook {
  /** what the original holds that a new .xlsx built from the snapshot cannot keep */
  lost: { vba: boolean; charts: number; pictures: number; comments: number; shapes: number; formulas: number; otherSheets: string[] };
}

export { isCompoundFile } from "./sniff";

/** `styles`: also each cell's style (a copy needs it, a check does not). */
export function readXls(name: string, bytes: Uint8Array, opts: { styles?: boolean } = {}): XlsWorkbook {
  const ext = (/\.[^./\\]+$/.exec(name)?.[0] ?? "").toLowerCase();
  const et = ext === ".et" || ext === ".ett";
  const kind = et ? "et" : "xls";
  const xlsxName = !et && ext !== ".xls";
  const what = et ? { zh: "WPS .et 工作簿", en: "WPS .et workbook" } : { zh: "旧版 .xls 工作簿", en: "old binary .xls workbook" };
  const encrypted = () =>
    new InputError("工作簿受密码保护（已加密）：请在 Excel 中取消密码后另存为 .xlsx 再校验。", "the workbook is password-protected (encrypted): remove the password in Excel, save as .xlsx, then check it.", "encrypted");
  const damaged = (msg: string) =>
    new InputError(
      `这个${what.zh}已损坏或被截断，无法读取（${msg}）：请在 Excel 或 WPS 中重新保存（或另存为 .xlsx）后再校验。`,
      `this ${what.en} is damaged or truncated and cannot be read (${msg}): re-save it (or save it as .xlsx) in Excel or WPS, then check it.`,
      kind,
    );
  let cfb: CompoundFile;
  try {
    cfb = new CompoundFile(bytes);
  } catch (e) {
    // an .xlsx that is a compound file is an encrypted one (Excel wraps it so)
    if (e instanceof CfbError) throw xlsxName ? encrypted() : damaged(e.message);
    throw e;
  }
  const stream = cfb.find("Workbook");
  if (!stream) {
    if (cfb.has("EncryptedPackage") || cfb.has("EncryptionInfo") || xlsxName) throw encrypted();
    if (cfb.find("Book"))
      throw new InputError(
        "这是 Excel 5.0/95 格式的旧工作簿（BIFF5），无法读取：请在 Excel 或 WPS 中“另存为” .xlsx 后再校验。",
        "this is an Excel 5.0/95 workbook (BIFF5), which cannot be read: save it as .xlsx in Excel or WPS, then check it.",
        kind,
      );
    if (et)
      throw new InputError("这是 WPS 表格的 .et 格式，无法直接读取：请在 WPS 中“另存为” .xlsx 后再校验。", "this is a WPS Spreadsheets .et workbook that cannot be read directly: save it as .xlsx in WPS, then check it.", "et");
    throw new InputError(
      "这是一个复合文档，但其中没有 Excel 工作簿（可能是 Word/PowerPoint 文件）：请选择 Excel 工作簿。",
      "this is a compound document with no Excel workbook in it (a Word or PowerPoint file?): choose an Excel workbook.",
      kind,
    );
  }
  let book: BiffWorkbook;
  try {
    book = readBiff(cfb.read(stream), opts);
  } catch (e) {
    if (e instanceof BiffEncrypted)
      throw new InputError(
        `工作簿受密码保护（已加密，${e.message}）：请在 Excel 中取消密码后再校验。`,
        `the workbook is password-protected (encrypted, ${e.message}): remove the password in Excel, then check it.`,
        "encrypted",
      );
    if (e instanceof BiffError && /^BIFF/.test(e.message))
      throw new InputError(
        `这个旧工作簿的格式（${e.message}）不是 Excel 97–2003 格式，无法读取：请在 Excel 或 WPS 中“另存为” .xlsx 后再校验。`,
        `this old workbook's format (${e.message}) is not Excel 97–2003 and cannot be read: save it as .xlsx in Excel or WPS, then check it.`,
        kind,
      );
    if (e instanceof BiffError || e instanceof CfbError) throw damaged(e.message);
    throw e;
  }
  const vba = cfb.has("_VBA_PROJECT_CUR") || cfb.has("_VBA_PROJECT");
  const sum = (f: (x: BiffWorkbook["extras"][number]) => number) => book.extras.reduce((n, x) => n + f(x), 0);
  return {
    ...book,
    lost: { vba, charts: sum((x) => x.charts), pictures: sum((x) => x.pictures), comments: sum((x) => x.comments), shapes: sum((x) => x.shapes), formulas: sum((x) => x.formulas.size), otherSheets: book.otherSheets },
  };
}

/** Only the snapshot. */
export function readXlsSnapshot(name: string, bytes: Uint8Array): WorkbookSnapshot {
  return readXls(name, bytes).snapshot;
}
