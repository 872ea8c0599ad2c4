import { quoteSheet } from "../core/a1";
import { CellChange, CellRef, CellState, cellKey } from "../core/changes";
import { CellValue } from "../core/snapshot";
import type { CommentIndex, SheetIndex } from "../addin/port";
import { Capabilities } from "./capabilities";

export type { CellChange, CellRef, CellState, CommentIndex, SheetIndex };

/**
 * The batched reads and writes of cells. Everything the add-in changes in a workbook goes through here: read the
 * cells' state, then write every change — in as few syncs as Excel on the web's 5 MB payload limit allows, counted in
 * UTF-8 bytes (what goes over the wire), and with only the APIs the host's ExcelApi level has.
 */

/** Excel on the web refuses a request or a response over 5 MB; we aim under 4 MB (counted in UTF-8 bytes). */
export const MAX_REQUEST_BYTES = 4_000_000;
/** a generous per-cell cost of a state read (values, formulas, number format, fill, note) when nothing is known yet */
const READ_CELLS_PER_SYNC = 5000;

/** UTF-8 bytes of a value as JSON: what a request or response carries. */
export function utf8Bytes(v: unknown): number {
  const s = JSON.stringify(v ?? null);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A payload-size refusal from Excel on the web (the request or the response was over 5 MB). */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string })?.code ?? "";
  return /PayloadSizeLimitExceeded/i.test(code) || /payload size/i.test(String((e as Error)?.message ?? ""));
}

/**
 * Queues work for a list of items and syncs, chunk by chunk; a chunk whose response Excel refuses as too large is
 * split in two and tried again (a cell can hold 32,767 characters, so a read's size is not known before it is made).
 */
export async function syncInChunks<T, R>(context: Excel.RequestContext, items: T[], perSync: number, queue: (chunk: T[]) => () => R[]): Promise<R[]> {
  const out: R[] = [];
  const todo: T[][] = [];
  for (let i = 0; i < items.length; i += perSync) todo.push(items.slice(i, i + perSync));
  while (todo.length) {
    const chunk = todo.shift()!;
    const finish = queue(chunk);
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || chunk.length < 2) throw e;
      const half = Math.ceil(chunk.length / 2);
      todo.unshift(chunk.slice(0, half), chunk.slice(half));
      continue;
    }
    out.push(...finish());
  }
  return out;
}

/** The workbook's sheets now: names, and the name of each sheet id (ids survive a rename). */
export async function readSheetIndex(context: Excel.RequestContext): Promise<SheetIndex> {
  const ws = context.workbook.worksheets;
  ws.load("items/name,items/id");
  await context.sync();
  const index: SheetIndex = { names: new Set(), nameById: new Map(), idByName: new Map() };
  for (const s of ws.items) {
    index.names.add(s.name);
    index.nameById.set(s.id, s.name);
    index.idByName.set(s.name, s.id);
  }
  return index;
}

/** The cells' values, formats, fills and notes. Every cell's sheet must exist (see readSheetIndex). */
export async function readCellStates(context: Excel.RequestContext, cells: CellRef[], caps: Capabilities): Promise<CellState[]> {
  if (cells.length === 0) return [];
  return syncInChunks(context, cells, READ_CELLS_PER_SYNC, (chunk) => {
    const protections = new Map<string, Excel.WorksheetProtection>();
    const probes = chunk.map((c) => {
      const ws = context.workbook.worksheets.getItem(c.sheet);
      if (!protections.has(c.sheet)) {
        ws.protection.load("protected");
        protections.set(c.sheet, ws.protection);
      }
      const range = ws.getRange(c.address);
      range.load("values,numberFormat,formulas");
      range.format.fill.load(caps.fillPattern ? "color,pattern" : "color");
      const note = caps.notes ? ws.notes.getItemOrNullObject(c.address) : null;
      note?.load("content");
      return { c, range, note };
    });
    return () =>
      probes.map(({ c, range, note }) => ({
        sheet: c.sheet,
        address: c.address,
        value: range.values[0][0] as CellValue,
        numberFormat: String(range.numberFormat[0][0]),
        fill: { color: range.format.fill.color, pattern: caps.fillPattern ? String(range.format.fill.pattern) : null },
        note: note && !note.isNullObject ? note.content : null,
        formula: typeof range.formulas[0][0] === "string" && String(range.formulas[0][0]).startsWith("=") ? String(range.formulas[0][0]) : null,
        protected: protections.get(c.sheet)!.protected,
      }));
  });
}

/** The threaded comments of the workbook (ExcelApi 1.10): the ids that exist, and the cell each sits on. */
export async function readComments(context: Excel.RequestContext, caps: Capabilities): Promise<CommentIndex> {
  const index: CommentIndex = { ids: new Set(), byCell: new Map() };
  if (!caps.comments) return index;
  const comments = context.workbook.comments;
  comments.load("items/id");
  await context.sync();
  const items = comments.items;
  if (items.length === 0) return index;
  const located = await syncInChunks(context, items, READ_CELLS_PER_SYNC, (chunk) => {
    const ranges = chunk.map((c) => ({ id: c.id, at: c.getLocation().load("address") }));
    return () => ranges.map((r) => ({ id: r.id, address: r.at.address }));
  });
  for (const l of located) {
    index.ids.add(l.id);
    const bang = l.address.lastIndexOf("!");
    const sheet = l.address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    index.byCell.set(cellKey({ sheet, address: l.address.slice(bang + 1).replace(/\$/g, "") }), l.id);
  }
  return index;
}

export interface WriteOptions {
  caps: Capabilities;
  /** the cells' number formats before the change, to write text as text */
  formats?: Map<string, string>;
  /** comment ids known to exist (before ExcelApi 1.14 a missing comment cannot be deleted without failing the batch) */
  comments?: CommentIndex;
  /** request budget per sync in UTF-8 bytes (tests lower it) */
  maxRequestBytes?: number;
}

/**
 * A string written through `values` is typed text to Excel: "90%" would become 0.9, "2024-01-01" a date, "1,234" a
 * number, "=…" a formula. Text stays text with a leading apostrophe (Excel's own "this is text" mark: it changes
 * nothing but that cell's value, while a "@" number format would change how the cell takes every later entry); a cell
 * already formatted "@" takes text as it is.
 */
export function asTypedText(value: CellValue, numberFormat: string | undefined): CellValue {
  if (typeof value !== "string" || value === "" || numberFormat === "@") return value;
  return `'${value}`;
}

const changeCost = (ch: CellChange): number => 200 + utf8Bytes([ch.sheet, ch.address, ch.value ?? null, ch.numberFormat ?? null, ch.note ?? null, ch.addComment ?? null]);

/** Splits changes into batches under the request budget (UTF-8 bytes). */
export function batchChanges(changes: CellChange[], maxBytes = MAX_REQUEST_BYTES): CellChange[][] {
  const batches: CellChange[][] = [];
  let current: CellChange[] = [];
  let bytes = 0;
  for (const ch of changes) {
    const cost = changeCost(ch);
    if (current.length > 0 && bytes + cost > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(ch);
    bytes += cost;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Applies the changes, in as few syncs as the payload limit allows. Returns the ids of comments it added, by cell key. */
export async function writeCellChanges(context: Excel.RequestContext, changes: CellChange[], options: WriteOptions): Promise<Map<string, string>> {
  const { caps } = options;
  const added: Array<{ key: string; comment: Excel.Comment }> = [];
  for (const batch of batchChanges(changes, options.maxRequestBytes)) {
    if (caps.screenUpdating) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const ch of batch) {
      const ws = context.workbook.worksheets.getItem(ch.sheet);
      const range = ws.getRange(ch.address);
      if (ch.numberFormat !== undefined) range.numberFormat = [[ch.numberFormat]];
      if (ch.value !== undefined) range.values = [[asTypedText(ch.value, ch.numberFormat ?? options.formats?.get(cellKey(ch)))]];
      if (ch.fill === "none") range.format.fill.clear();
      else if (ch.fill !== undefined) range.format.fill.color = ch.fill;
      if (caps.notes) {
        if (ch.note === null) ws.notes.getItemOrNullObject(ch.address).delete();
        else if (ch.note !== undefined) context.workbook.notes.add(`${quoteSheet(ch.sheet)}!${ch.address}`, ch.note);
      }
      if (ch.deleteComment && caps.comments) {
        if (caps.commentOrNull) context.workbook.comments.getItemOrNullObject(ch.deleteComment).delete();
        else if (options.comments?.ids.has(ch.deleteComment)) context.workbook.comments.getItem(ch.deleteComment).delete();
      }
      if (ch.addComment !== undefined && caps.comments) {
        const comment = context.workbook.comments.add(`${quoteSheet(ch.sheet)}!${ch.address}`, ch.addComment);
        comment.load("id");
        added.push({ key: cellKey(ch), comment });
      }
    }
    await context.sync();
  }
  return new Map(added.map((a) => [a.key, a.comment.id]));
}

/** Activates the sheet and selects the cell. */
export async function selectCell(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const ws = context.workbook.worksheets.getItem(cell.sheet);
  ws.activate();
  ws.getRange(cell.address).select();
  await context.sync();
}
