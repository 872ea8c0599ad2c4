import { parseRange, splitAddress } from "../core/a1";
import { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import { Capabilities } from "./capabilities";

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

  const sheets: SheetSnapshot[] = used.map((u) =>
    u.range.isNullObject
      ? { name: u.name, top: 0, left: 0, values: [[""]], formats: [["General"]], merges: [] }
      : { name: u.name, top: u.range.rowIndex, left: u.range.columnIndex, values: [], formats: [], merges: [] },
  );
  // Row chunks of at most maxBytes each; chunks are packed into as few syncs as the limit allows.
  const chunks: Chunk[] = [];
  used.forEach((u, i) => {
    if (u.range.isNullObject) return;
    const perRow = Math.max(1, u.range.columnCount) * BYTES_PER_CELL;
    const rowsPerChunk = Math.max(1, Math.floor(maxBytes / perRow));
    for (let r = 0; r < u.range.rowCount; r += rowsPerChunk) chunks.push({ sheet: i, row: r, rows: Math.min(rowsPerChunk, u.range.rowCount - r) });
  });
  const batches: Chunk[][] = [];
  let current: Chunk[] = [];
  let bytes = 0;
  for (const c of chunks) {
    const cost = c.rows * Math.max(1, used[c.sheet].range.columnCount) * BYTES_PER_CELL;
    if (current.length > 0 && bytes + cost > maxBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(c);
    bytes += cost;
  }
  if (current.length > 0 || batches.length === 0) batches.push(current);

  const mergedAreas = caps.merges
    ? used.map((u) => {
        if (u.range.isNullObject) return null;
        const m = u.range.getMergedAreasOrNullObject();
        m.load("areas/items/address");
        return m;
      })
    : used.map(() => null);

  let done = 0;
  for (let b = 0; b < batches.length; b++) {
    const loaded = batches[b].map((c) => {
      const u = used[c.sheet];
      const r = u.ws.getRangeByIndexes(u.range.rowIndex + c.row, u.range.columnIndex, c.rows, u.range.columnCount);
      r.load("values,numberFormat");
      return { c, r };
    });
    // the merged areas ride along with the first data sync
    await context.sync();
    for (const { c, r } of loaded) {
      const s = sheets[c.sheet];
      s.values.push(...(r.values as CellValue[][]));
      s.formats.push(...(r.numberFormat as string[][]));
    }
    done += loaded.length;
    options.onProgress?.(done, chunks.length);
    if (b === 0) {
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
