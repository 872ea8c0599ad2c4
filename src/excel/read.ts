import { parseRange, splitAddress } from "../core/a1";
import { CellValue, MAX_SNAPSHOT_CELLS, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { Capabilities } from "./capabilities";
import { isPayloadError } from "./cells";

/**
 * The one batched read: every sheet's used range (values only, as the engine needs), its number formats and merged
 * areas, into the engine's snapshot. A constant number of syncs whatever the number of sheets or forms: the sheet list,
 * the used-range sizes, then the data — split over more syncs only when it would pass the response limit.
 */
export interface ReadOptions {
  /** only these sheets (live mode re-reads the changed sheet) */
  sheets?: string[];
  /** estimated response bytes per sync, under Excel on the web's 5 MB limit */
  maxBytesPerSync?: number;
  onProgress?: (done: number, total: number) => void;
}

/** A conservative estimate of the bytes one cell costs in a response (value + number format + JSON). */
export const BYTES_PER_CELL = 64;
export const DEFAULT_MAX_BYTES_PER_SYNC = 4 * 1024 * 1024;

interface Chunk {
  sheet: number;
  row: number;
  rows: number;
}

export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxBytes = options.maxBytesPerSync ?? DEFAULT_MAX_BYTES_PER_SYNC;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const wanted = worksheets.items.filter((ws) => !options.sheets || options.sheets.includes(ws.name));
  const used = wanted.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { ws, name: ws.name, range };
  });
  await context.sync();

  // A used range past the snapshot limit (a stray value at XFD1048576) is read only as far as the limit allows.
  const dims = used.map((u) => {
    if (u.range.isNullObject) return { rows: 0, cols: 0, clipped: false };
    const cols = Math.min(u.range.columnCount, 1024);
    const rows = Math.min(u.range.rowCount, Math.floor(MAX_SNAPSHOT_CELLS / cols));
    return { rows, cols, clipped: rows < u.range.rowCount || cols < u.range.columnCount };
  });
  const sheets: SheetSnapshot[] = used.map((u, i) => {
    if (u.range.isNullObject) return { name: u.name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges: [] };
    const s: SheetSnapshot = { name: u.name, top: u.range.rowIndex, left: u.range.columnIndex, values: [], formats: [], merges: [] };
    if (dims[i].clipped) s.clipped = { cells: -1, farthest: { row: u.range.rowIndex + u.range.rowCount - 1, col: u.range.columnIndex + u.range.columnCount - 1 } };
    return s;
  });
  // Row chunks of at most maxBytes each; chunks are packed into as few syncs as the limit allows.
  const chunks: Chunk[] = [];
  used.forEach((u, i) => {
    if (u.range.isNullObject) return;
    const perRow = Math.max(1, dims[i].cols) * BYTES_PER_CELL;
    const rowsPerChunk = Math.max(1, Math.floor(maxBytes / perRow));
    for (let r = 0; r < dims[i].rows; r += rowsPerChunk) chunks.push({ sheet: i, row: r, rows: Math.min(rowsPerChunk, dims[i].rows - r) });
  });
  const batches: Chunk[][] = [];
  let current: Chunk[] = [];
  let bytes = 0;
  for (const c of chunks) {
    const cost = c.rows * Math.max(1, dims[c.sheet].cols) * BYTES_PER_CELL;
    if (current.length > 0 && bytes + cost > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(c);
    bytes += cost;
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);

  // the merged areas ride along with the first data sync that succeeds
  const queueMerges = () =>
    caps.merges
      ? used.map((u) => {
          if (u.range.isNullObject) return null;
          const m = u.range.getMergedAreasOrNullObject();
          m.load("areas/items/address");
          return m;
        })
      : null;
  let mergesDone = false;

  // Each batch in one sync; a batch Excel refuses as too large (long texts: the estimate is per cell, a cell holds up to
  // 32,767 characters) is split — by chunks, then by rows — and tried again.
  let done = 0;
  const todo = batches.map((b) => [...b]);
  while (todo.length) {
    const batch = todo.shift()!;
    const mergedAreas = mergesDone ? null : queueMerges();
    const loaded = batch.map((c) => {
      const u = used[c.sheet];
      const r = u.ws.getRangeByIndexes(u.range.rowIndex + c.row, u.range.columnIndex, c.rows, dims[c.sheet].cols);
      r.load("values,numberFormat");
      return { c, r };
    });
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        todo.unshift(batch.slice(0, half), batch.slice(half));
        continue;
      }
      const c = batch[0];
      if (!c || c.rows < 2) throw e;
      const top = Math.ceil(c.rows / 2);
      todo.unshift([{ sheet: c.sheet, row: c.row, rows: top }], [{ sheet: c.sheet, row: c.row + top, rows: c.rows - top }]);
      continue;
    }
    for (const { c, r } of loaded) {
      const s = sheets[c.sheet];
      s.values.push(...(r.values as CellValue[][]));
      s.formats.push(...(r.numberFormat as string[][]));
    }
    done += loaded.length;
    options.onProgress?.(Math.min(done, chunks.length), chunks.length);
    if (mergedAreas) {
      mergesDone = true;
      mergedAreas.forEach((m, i) => {
        if (!m || m.isNullObject) return;
        sheets[i].merges = m.areas.items.map((a) => toMerge(a.address)).filter((x): x is MergeArea => x !== null);
      });
    }
  }
  return { sheets };
}

function toMerge(address: string): MergeArea | null {
  const r = parseRange(splitAddress(address).range);
  return r ? { top: r.top, left: r.left, bottom: r.bottom, right: r.right } : null;
}
