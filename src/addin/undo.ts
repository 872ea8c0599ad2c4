import { CellState, cellKey, planRestore } from "../core/changes";
import { CellValue } from "../core/snapshot";
import { Proposal } from "../core/writeback";
import { DocumentStore, RefusedError, WorkbookPort } from "./port";
import { Located, relocate, withSheetId } from "./sheets";

/**
 * Write-back and its undo journal. The journal goes into the document's store before the first cell is written (a
 * workbook that cannot save it refuses there, with nothing written); it holds each cell as it was and as the host holds
 * it right after the write, and undo puts back only the cells still as written (a person's later change is kept).
 */
export const UNDO_SETTING = "selfeval.writeback.v1";

export interface WriteOutcome {
  written: number;
  /** cells left alone: formulas; changed by a person since the write (undo); on a sheet since deleted */
  skipped: Array<{ sheet: string; address: string; reason: "formula" | "changed" | "missing" }>;
}

/** A written cell as the host held it right after the write (value and number format), which undo compares with. */
interface WrittenCell {
  sheet: string;
  sheetId?: string;
  address: string;
  value: CellValue;
  numberFormat?: string;
}

interface UndoRecord {
  at: string;
  before: Array<Located<CellState>>;
  written: WrittenCell[];
}

const sameCell = (a: { value: CellValue; numberFormat?: string }, b: { value: CellValue; numberFormat?: string }): boolean =>
  a.value === b.value && (a.numberFormat === undefined || b.numberFormat === undefined || a.numberFormat === b.numberFormat);

/** A protected sheet refuses before anything is written. */
export function refuseProtected(states: CellState[]): void {
  const sheets = [...new Set(states.filter((s) => s.protected).map((s) => s.sheet))];
  if (sheets.length)
    throw new RefusedError(
      `工作表“${sheets.join("、")}”受保护，未写入任何内容。请先撤销工作表保护（审阅 › 撤销工作表保护）。`,
      `The sheet(s) ${sheets.join(", ")} are protected; nothing was written. Unprotect them first (Review › Unprotect Sheet).`,
    );
}

async function saveOrRefuse(store: DocumentStore, record: UndoRecord): Promise<void> {
  try {
    await store.put(UNDO_SETTING, record);
  } catch (e) {
    throw new RefusedError(
      `无法在工作簿中保存撤销记录（工作簿可能为只读），未写入任何内容：${(e as Error).message}`,
      `Cannot save the undo record in the workbook (it may be read-only); nothing was written: ${(e as Error).message}`,
    );
  }
}

export const canUndo = (store: DocumentStore): boolean => store.get<UndoRecord>(UNDO_SETTING) !== null;

/** Writes the chosen proposals (never over a formula, never on a sheet since deleted) and records how to undo them. */
export async function applyWrites(port: WorkbookPort, proposals: Proposal[]): Promise<WriteOutcome> {
  if (proposals.length === 0) return { written: 0, skipped: [] };
  await port.store.refresh();
  const index = await port.readSheets();
  const skipped: WriteOutcome["skipped"] = [];
  const present = proposals.filter((p) => {
    if (index.names.has(p.sheet)) return true;
    skipped.push({ sheet: p.sheet, address: p.address, reason: "missing" });
    return false;
  });
  const before = await port.readCells(present);
  refuseProtected(before);
  const byKey = new Map(before.map((s) => [cellKey(s), s]));
  const todo = present.filter((p) => {
    if (byKey.get(cellKey(p))?.formula) {
      skipped.push({ sheet: p.sheet, address: p.address, reason: "formula" });
      return false;
    }
    return true;
  });
  if (todo.length === 0) return { written: 0, skipped };
  const withId = <T extends { sheet: string }>(x: T) => withSheetId(index, x);
  // the undo record goes into the workbook first: a read-only workbook refuses here, before any write
  const record: UndoRecord = {
    at: new Date().toISOString(),
    before: before.filter((s) => todo.some((p) => cellKey(p) === cellKey(s))).map(withId),
    written: todo.map((p) => withId({ sheet: p.sheet, address: p.address, value: p.new })),
  };
  await saveOrRefuse(port.store, record);
  try {
    await port.writeCells(
      todo.map((p) => ({ sheet: p.sheet, address: p.address, value: p.new })),
      record.before,
    );
  } catch (e) {
    await port.store.put(UNDO_SETTING, null).catch(() => undefined);
    throw e;
  }
  // what the host holds now is what undo will compare with (never what we meant to write)
  const after = await port.readCells(todo);
  record.written = after.map((s) => withId({ sheet: s.sheet, address: s.address, value: s.value, numberFormat: s.numberFormat }));
  await port.store.put(UNDO_SETTING, record);
  return { written: todo.length, skipped };
}

/** Puts back the cells of the last write-back that are still as written; the record stays for any not yet back. */
export async function undoWrites(port: WorkbookPort): Promise<WriteOutcome> {
  await port.store.refresh();
  const record = port.store.get<UndoRecord>(UNDO_SETTING);
  if (!record) return { written: 0, skipped: [] };
  const index = await port.readSheets();
  const { live, gone } = relocate(record.before, index);
  const written = new Map(relocate(record.written, index).live.map((w) => [cellKey(w), w]));
  const skipped: WriteOutcome["skipped"] = gone.map((b) => ({ sheet: b.sheet, address: b.address, reason: "missing" as const }));
  const now = await port.readCells(live);
  refuseProtected(now);
  const nowByKey = new Map(now.map((s) => [cellKey(s), s]));
  // a cell a person changed since the write keeps the person's value
  const mine = live.filter((b) => {
    const w = written.get(cellKey(b));
    const cur = nowByKey.get(cellKey(b));
    if (!w || !cur || !sameCell(cur, w)) {
      skipped.push({ sheet: b.sheet, address: b.address, reason: "changed" });
      return false;
    }
    return true;
  });
  const changes = planRestore(mine, nowByKey)
    .map((c) => ({ sheet: c.sheet, address: c.address, value: c.value, numberFormat: c.numberFormat }))
    .filter((c) => c.value !== undefined || c.numberFormat !== undefined);
  await port.writeCells(changes, now);
  // the record stays for every cell not yet back as it was
  const after = new Map((await port.readCells(mine)).map((s) => [cellKey(s), s]));
  const left = mine.filter((b) => {
    const a = after.get(cellKey(b));
    return !a || a.value !== b.value || a.numberFormat !== b.numberFormat;
  });
  await port.store.put(UNDO_SETTING, left.length ? { ...record, before: left, written: left.map((b) => written.get(cellKey(b))!) } : null);
  return { written: mine.length - left.length, skipped };
}

/**
 * After the person's own Ctrl+Z (Excel's undo; one step per write from ExcelApi 1.20): once every written cell holds
 * its earlier value again, the record is dropped — 撤销写回 has nothing left to put back. Returns whether it was.
 */
export async function dropUndoneRecord(port: WorkbookPort): Promise<boolean> {
  await port.store.refresh();
  const record = port.store.get<UndoRecord>(UNDO_SETTING);
  if (!record) return false;
  const index = await port.readSheets();
  const { live } = relocate(record.before, index);
  if (live.length === 0) return false;
  const now = new Map((await port.readCells(live)).map((s) => [cellKey(s), s]));
  const back = live.every((b) => {
    const cur = now.get(cellKey(b));
    return !!cur && sameCell(cur, b);
  });
  if (back) await port.store.put(UNDO_SETTING, null);
  return back;
}
