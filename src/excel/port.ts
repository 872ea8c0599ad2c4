import { quoteSheet } from "../core/a1";
import { CellValue } from "../core/snapshot";
import type { DocumentStore, SheetPlan, WorkbookPort } from "../addin/port";
import { detectCapabilities } from "./capabilities";
import { MAX_REQUEST_BYTES, asTypedText, readCellStates, readComments, readSheetIndex, selectCell, utf8Bytes } from "./cells";
import { createOrClearSheet } from "./office-helpers";
import { readWorkbook } from "./read";
import { getSetting, putSetting, refreshSettings } from "./store";
import { writeSafely } from "./write";

/**
 * The port (src/addin/port.ts) over Office.js: each member is one Excel.run with a fixed, small number of syncs, using
 * only the APIs the host's ExcelApi level has (capabilities.ts). The only place src/addin reaches Office from: the
 * composition root (src/addin/host.ts) builds the pane's host over this.
 */
export function officePort(): WorkbookPort {
  const caps = detectCapabilities();
  const store: DocumentStore = { refresh: refreshSettings, get: getSetting, put: putSetting };
  return {
    capabilities: caps,
    readSnapshot: (options = {}) => Excel.run((context) => readWorkbook(context, caps, options)),
    readSheets: () => Excel.run((context) => readSheetIndex(context)),
    readCells: (cells) => (cells.length ? Excel.run((context) => readCellStates(context, cells, caps)) : Promise.resolve([])),
    readComments: () => Excel.run((context) => readComments(context, caps)),
    // one write is one step of Excel's own undo (Ctrl+Z) where the host can group (ExcelApi 1.20)
    writeCells: (changes, before, comments) => undoStep(caps, (context) => writeSafely(context, caps, before, changes, comments)),
    writeSheet: (name, plan) => writeWholeSheet(name, plan),
    store,
    select: (cell) => Excel.run((context) => selectCell(context, cell)),
    watch: (onEdit, mayBeOurs) => watchEdits(caps, onEdit, mayBeOurs),
  };
}

/** Office.js's error code when a call in a merged undo group cannot be undone (ExcelApi 1.20). */
export const UNDO_NOT_SUPPORTED = "UndoNotSupported";

const codeOf = (e: unknown): string | undefined => {
  const x = e as { code?: unknown; cause?: unknown } | null;
  if (x && typeof x.code === "string") return x.code;
  return x?.cause ? codeOf(x.cause) : undefined;
};

/**
 * One Excel.run that is one undo step: at ExcelApi 1.20 with `mergeUndoGroup` (every sync of the run merged into one
 * step of Excel's Ctrl+Z). A call that cannot join the group throws UndoNotSupported — writeSafely has put the cells
 * back by then — and the same batch runs again without the group, as below 1.20 (each sync its own step).
 */
export async function undoStep<T>(caps: { undoGroups: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (!caps.undoGroups) return Excel.run(batch);
  try {
    const run = Excel.run as unknown as (options: { mergeUndoGroup: boolean }, b: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
    return await run({ mergeUndoGroup: true }, batch);
  } catch (e) {
    if (codeOf(e) !== UNDO_NOT_SUPPORTED) throw e;
    return Excel.run(batch);
  }
}

/** Rows of a sheet per sync, under the request budget in UTF-8 bytes. */
export function rowBatches(rows: CellValue[][], maxBytes = MAX_REQUEST_BYTES): Array<{ start: number; rows: CellValue[][] }> {
  const out: Array<{ start: number; rows: CellValue[][] }> = [];
  let cur: CellValue[][] = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((r, i) => {
    const cost = utf8Bytes(r) + 16;
    if (cur.length && bytes + cost > maxBytes) {
      out.push({ start, rows: cur });
      cur = [];
      start = i;
      bytes = 0;
    }
    cur.push(r);
    bytes += cost;
  });
  if (cur.length) out.push({ start, rows: cur });
  return out;
}

async function writeWholeSheet(name: string, plan: SheetPlan): Promise<void> {
  await Excel.run(async (context) => {
    try {
      const ws = await createOrClearSheet(context, name);
      const width = Math.max(1, ...plan.rows.map((r) => r.length));
      // text as text: a message such as "-" or "1,234" must not be parsed by Excel
      const values = plan.rows.map((r) => r.map((v) => asTypedText(v, "General")));
      for (const b of rowBatches(values)) {
        ws.getRangeByIndexes(b.start, 0, b.rows.length, width).values = b.rows;
        await context.sync();
      }
      for (const b of plan.bold) ws.getRangeByIndexes(b, 0, 1, width).format.font.bold = true;
      for (const l of plan.links) ws.getRangeByIndexes(l.row, l.col, 1, 1).hyperlink = { documentReference: `${quoteSheet(l.sheet)}!${l.address}`, textToDisplay: l.text };
      plan.columns.slice(0, width).forEach((c, i) => {
        const col = ws.getRangeByIndexes(0, i, values.length, 1);
        col.format.columnWidth = c.points;
        col.format.wrapText = c.wrap;
      });
      // page layout from ExcelApi 1.9
      if (Office.context.requirements.isSetSupported("ExcelApi", "1.9") && ws.pageLayout) {
        ws.pageLayout.orientation = plan.page.orientation === "landscape" ? "Landscape" : "Portrait";
        ws.pageLayout.paperSize = plan.page.paper;
      }
      await context.sync();
    } catch (e) {
      // the sheet is ours: a half-written one is removed, not left behind
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject(name).delete();
        await ctx.sync();
      }).catch(() => undefined);
      throw e;
    }
  });
}

type Registration = { remove(): void; context: { sync(): Promise<unknown> } };

async function watchEdits(caps: ReturnType<typeof detectCapabilities>, onEdit: (sheet: string) => void, mayBeOurs: () => boolean): Promise<() => Promise<void>> {
  if (!caps.events) return async () => undefined;
  const registrations: Registration[] = [];
  const watched = new Set<string>(); // sheet ids with their own handler (below ExcelApi 1.9)
  let stopped = false;
  // Our own writes: told apart by triggerSource from ExcelApi 1.14; below it, the add-in says whether it wrote just now.
  const ours = (e: { triggerSource?: string }) => (caps.triggerSource ? e.triggerSource === "ThisLocalAddin" : mayBeOurs());
  // The sheet's name now, by id: a renamed sheet is passed under its new name.
  const changed = async (e: { worksheetId: string; triggerSource?: string }) => {
    if (stopped || ours(e)) return;
    const name = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(e.worksheetId);
      ws.load("name");
      await context.sync();
      return ws.isNullObject ? null : ws.name;
    }).catch(() => null);
    if (name !== null && !stopped) onEdit(name);
  };
  const watchSheet = (ws: Excel.Worksheet, id: string) => {
    if (watched.has(id)) return;
    watched.add(id);
    registrations.push(ws.onChanged.add(changed) as unknown as Registration);
  };
  await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    if (caps.collectionChanged) {
      // one handler for every sheet, sheets added later included (ExcelApi 1.9)
      registrations.push(sheets.onChanged.add(changed) as unknown as Registration);
    } else {
      sheets.load("items/id");
      await context.sync();
      for (const ws of sheets.items) watchSheet(ws, ws.id);
      // a sheet added later gets its own handler (WorksheetCollection.onAdded, ExcelApi 1.7)
      registrations.push(
        sheets.onAdded.add(async (e: { worksheetId: string }) => {
          if (stopped) return;
          await Excel.run(async (ctx) => {
            watchSheet(ctx.workbook.worksheets.getItem(e.worksheetId), e.worksheetId);
            await ctx.sync();
          }).catch(() => undefined);
        }) as unknown as Registration,
      );
    }
    await context.sync();
  });
  return async () => {
    stopped = true;
    const contexts = new Set<Registration["context"]>();
    for (const r of registrations) {
      r.remove();
      contexts.add(r.context);
    }
    for (const c of contexts) await c.sync().catch(() => undefined);
  };
}
