import { quoteSheet } from "../core/a1";
import { CellChange, CellRef, CellState, cellKey, planRestore } from "../core/changes";
import { runCheck, WorkbookReport } from "../core/engine";
import { Finding, Severity } from "../core/findings";
import { REPORT_SHEET_NAME } from "../core/labels";
import { Mark, afterChanges, flaggedCells, planClear, planHighlights } from "../core/marks";
import { CheckOptions, Lang, resolveOptions } from "../core/options";
import { DEFAULT_SETTINGS, FOLLOW_TEMPLATE, SETTINGS_KEY, WorkbookSettings, optionsFor, readWorkbookSettings, storedSettings } from "../core/settings";
import { buildReport, columnPoints } from "../core/report";
import { CellValue } from "../core/snapshot";
import { Proposal, proposeWrites } from "../core/writeback";
import { createOrClearSheet } from "./office-helpers";
import { Capabilities, detectCapabilities } from "../excel/capabilities";
import { MAX_REQUEST_BYTES, SheetIndex, asTypedText, currentSheet, readCellStates, readComments, readSheetIndex, selectCell, utf8Bytes, writeCellChanges } from "../excel/cells";
import { readWorkbook } from "../excel/read";
import { getSetting, putSetting, refreshSettings, updateSetting } from "../excel/store";
import { WriteError, writeSafely } from "../excel/write";

/**
 * What the pane and the ribbon command do with the workbook, over Office.js. Each operation is one Excel.run with a
 * fixed, small number of syncs.
 */
export interface CheckProgress {
  phase: "read" | "check" | "mark";
  done: number;
  total: number;
}

export interface CheckOutcome {
  report: WorkbookReport;
  /** write-back proposals (indicator scores among them, marked optional) */
  proposals: Proposal[];
  options: CheckOptions;
}

// The settings a workbook carries, what is stored and how they become check options: core/settings.ts, for every surface.
export { DEFAULT_SETTINGS, FOLLOW_TEMPLATE };
/** a write that failed (and whether it was rolled back): the pane reaches Office only through this module */
export { WriteError };
export type { WorkbookSettings };

/**
 * The check options the pane's settings stand for: core/settings optionsFor over the record these settings are
 * saved as, so exactly what the CLI and the web page get from the same workbook.
 */
export function settingsOptions(s: WorkbookSettings, lang: Lang): Partial<CheckOptions> {
  return optionsFor({ saved: storedSettings(s), lang });
}

/** A refusal before anything is written (protected sheet, read-only workbook): a message in both languages. */
export class RefusedError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

export interface WriteOutcome {
  written: number;
  /** cells left alone: formulas, or changed by a person since the write (undo) */
  /** cells left alone: formulas; changed by a person since the write (undo); on a sheet since deleted */
  skipped: Array<{ sheet: string; address: string; reason: "formula" | "changed" | "missing" }>;
}

export interface WorkbookHost {
  /**
   * Checks the workbook with the settings saved in it (read afresh: the other runtime may have saved), through
   * core/settings optionsFor as the CLI and the web page do; `overrides` (the language) go on top.
   */
  check(overrides: Partial<CheckOptions>, onProgress?: (p: CheckProgress) => void, sheets?: string[]): Promise<CheckOutcome>;
  applyWrites(proposals: Proposal[]): Promise<WriteOutcome>;
  undoWrites(): Promise<WriteOutcome>;
  canUndo(): boolean;
  settings(): WorkbookSettings;
  saveSettings(s: WorkbookSettings): Promise<void>;
  writeReport(report: WorkbookReport, options: CheckOptions, lang: Lang, checkedAt: string): Promise<void>;
  highlight(findings: Finding[], severities: readonly Severity[]): Promise<number>;
  clearMarks(): Promise<number>;
  markCount(): number;
  select(cell: CellRef): Promise<void>;
  /** live mode: calls back with the sheet's name when a person edits it; returns the unsubscribe */
  watch(onChanged: (sheet: string) => void): Promise<() => Promise<void>>;
  capabilities: Capabilities;
}

export const MARKS_SETTING = "selfeval.marks.v1";
export const UNDO_SETTING = "selfeval.writeback.v1";
export const SETTINGS_SETTING = SETTINGS_KEY;

/** A mark as kept in the workbook: with its sheet's id, so a renamed sheet is still found. */
type StoredMark = Mark & { sheetId?: string };

/** A written cell as Excel held it right after the write (value and number format), which undo compares with. */
interface WrittenCell {
  sheet: string;
  sheetId?: string;
  address: string;
  value: CellValue;
  numberFormat?: string;
}

interface UndoRecord {
  at: string;
  before: Array<CellState & { sheetId?: string }>;
  written: WrittenCell[];
}

/** Recorded cells moved to their sheets' current names (by id); those on deleted sheets are left out. */
function relocate<T extends { sheet: string; sheetId?: string }>(items: T[], index: SheetIndex): { live: T[]; gone: T[] } {
  const live: T[] = [];
  const gone: T[] = [];
  for (const it of items) {
    const name = currentSheet(index, it);
    if (name === null) gone.push(it);
    else live.push({ ...it, sheet: name, sheetId: index.idByName.get(name) ?? it.sheetId });
  }
  return { live, gone };
}

const sameCell = (a: { value: CellValue; numberFormat?: string }, b: { value: CellValue; numberFormat?: string }): boolean =>
  a.value === b.value && (a.numberFormat === undefined || b.numberFormat === undefined || a.numberFormat === b.numberFormat);

function refuseProtected(states: CellState[]): void {
  const sheets = [...new Set(states.filter((s) => s.protected).map((s) => s.sheet))];
  if (sheets.length)
    throw new RefusedError(
      `工作表“${sheets.join("、")}”受保护，未写入任何内容。请先撤销工作表保护（审阅 › 撤销工作表保护）。`,
      `The sheet(s) ${sheets.join(", ")} are protected; nothing was written. Unprotect them first (Review › Unprotect Sheet).`,
    );
}

async function saveOrRefuse(name: string, value: unknown): Promise<void> {
  try {
    await putSetting(name, value);
  } catch (e) {
    throw new RefusedError(
      `无法在工作簿中保存撤销记录（工作簿可能为只读），未写入任何内容：${(e as Error).message}`,
      `Cannot save the undo record in the workbook (it may be read-only); nothing was written: ${(e as Error).message}`,
    );
  }
}

/** Rows of the report sheet per sync, under the request budget in UTF-8 bytes. */
function rowBatches(rows: CellValue[][], maxBytes = MAX_REQUEST_BYTES): Array<{ start: number; rows: CellValue[][] }> {
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

export function officeWorkbookHost(): WorkbookHost {
  const caps = detectCapabilities();
  let quietUntil = 0; // below ExcelApi 1.14, our own writes must not wake live mode
  const marks = (): StoredMark[] => getSetting<StoredMark[]>(MARKS_SETTING) ?? [];
  return {
    capabilities: caps,
    async check(overrides, onProgress, sheets) {
      // the other runtime (ribbon) may have cleared marks or saved settings: see its saves
      await refreshSettings();
      const options = optionsFor({ saved: getSetting(SETTINGS_KEY), overrides });
      return Excel.run(async (context) => {
        onProgress?.({ phase: "read", done: 0, total: 1 });
        const snapshot = await readWorkbook(context, caps, { sheets, onProgress: (done, total) => onProgress?.({ phase: "read", done, total }) });
        onProgress?.({ phase: "check", done: 0, total: 1 });
        const resolved = resolveOptions(options);
        const { report, analyses } = runCheck(snapshot, options);
        onProgress?.({ phase: "check", done: 1, total: 1 });
        return { report, proposals: proposeWrites(analyses, resolved.lang), options: resolved };
      });
    },
    async highlight(findings, severities) {
      await refreshSettings();
      const old = marks();
      return Excel.run(async (context) => {
        const index = await readSheetIndex(context);
        const { live } = relocate(old, index); // marks on deleted sheets went with them
        const cells = flaggedCells(findings, severities).filter((c) => index.names.has(c.sheet));
        const refs = new Map<string, CellRef>();
        for (const c of [...live, ...cells]) refs.set(cellKey(c), { sheet: c.sheet, address: c.address });
        const before = await readCellStates(context, [...refs.values()], caps);
        const comments = await readComments(context, caps);
        const states = new Map(before.filter((s) => !s.protected).map((s) => [cellKey(s), s]));
        // marks on protected sheets cannot be cleared now: they stay on record
        const kept = live.filter((m) => !states.has(cellKey(m)));
        // Clear the previous marks, then mark on top of the cleared state; a cell marked again keeps its first original.
        const clear = planClear(live, states);
        const cleared = afterChanges(states, clear);
        const plan = planHighlights(cells, cleared, { notes: caps.notes, comments: !caps.notes && caps.comments });
        const oldByKey = new Map(live.map((m) => [cellKey(m), m]));
        for (const m of plan.marks) {
          const prev = oldByKey.get(cellKey(m));
          if (prev && states.get(cellKey(m))?.fill.color.toUpperCase() === prev.applied.toUpperCase()) m.original = prev.original;
        }
        // Never over someone else's comment: a cell holding one gets the fill only (a comment or a note there would be refused).
        const ours = new Set(live.map((m) => m.commentId).filter((x): x is string => !!x));
        const foreign = (key: string) => {
          const id = comments.byCell.get(key);
          return id !== undefined && !ours.has(id);
        };
        const fills: CellChange[] = [];
        const toComment: CellChange[] = [];
        for (const ch of plan.changes) {
          const key = cellKey(ch);
          if (foreign(key)) {
            if (ch.note !== undefined) {
              delete ch.note;
              const m = plan.marks.find((x) => cellKey(x) === key);
              if (m) m.note = false;
            }
            delete ch.addComment;
          }
          if (ch.addComment !== undefined) {
            toComment.push({ sheet: ch.sheet, address: ch.address, addComment: ch.addComment });
            delete ch.addComment;
          }
          if (Object.keys(ch).length > 2) fills.push(ch);
        }
        quietUntil = Date.now() + 2000;
        await writeSafely(context, caps, before, [...clear, ...fills], comments);
        // Comments go last, on their own: before ExcelApi 1.18 a person's note cannot be seen and refuses a comment.
        // Then the fills stay, the messages are in the pane, and whatever comments did land are found and recorded.
        let added = new Map<string, string>();
        if (toComment.length) {
          try {
            added = await writeCellChanges(context, toComment, { caps });
          } catch {
            const now = await readComments(context, caps);
            for (const ch of toComment) {
              const id = now.byCell.get(cellKey(ch));
              if (id && !comments.ids.has(id)) added.set(cellKey(ch), id);
            }
          }
        }
        const stored: StoredMark[] = plan.marks.map((m) => {
          const id = added.get(cellKey(m));
          return { ...m, ...(id ? { commentId: id } : {}), sheetId: index.idByName.get(m.sheet) };
        });
        await putSetting(MARKS_SETTING, [...kept, ...stored]);
        return plan.marks.length;
      });
    },
    async clearMarks() {
      await refreshSettings();
      const old = marks();
      if (old.length === 0) return 0;
      return Excel.run(async (context) => {
        const index = await readSheetIndex(context);
        const { live } = relocate(old, index);
        const before = await readCellStates(context, live, caps);
        const comments = await readComments(context, caps);
        const states = new Map(before.filter((s) => !s.protected).map((s) => [cellKey(s), s]));
        const kept = live.filter((m) => !states.has(cellKey(m)));
        const changes = planClear(live.filter((m) => states.has(cellKey(m))), states);
        quietUntil = Date.now() + 2000;
        await writeSafely(context, caps, before, changes, comments);
        await updateSetting<StoredMark[]>(MARKS_SETTING, () => (kept.length ? kept : null));
        return old.length - kept.length;
      });
    },
    markCount: () => marks().length,
    async applyWrites(proposals) {
      if (proposals.length === 0) return { written: 0, skipped: [] };
      await refreshSettings();
      return Excel.run(async (context) => {
        const index = await readSheetIndex(context);
        const skipped: WriteOutcome["skipped"] = [];
        const present = proposals.filter((p) => {
          if (index.names.has(p.sheet)) return true;
          skipped.push({ sheet: p.sheet, address: p.address, reason: "missing" });
          return false;
        });
        const before = await readCellStates(context, present, caps);
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
        const withId = <T extends { sheet: string }>(x: T) => ({ ...x, sheetId: index.idByName.get(x.sheet) });
        // the undo record goes into the workbook first: a read-only workbook refuses here, before any write
        const record: UndoRecord = {
          at: new Date().toISOString(),
          before: before.filter((s) => todo.some((p) => cellKey(p) === cellKey(s))).map(withId),
          written: todo.map((p) => withId({ sheet: p.sheet, address: p.address, value: p.new })),
        };
        await saveOrRefuse(UNDO_SETTING, record);
        quietUntil = Date.now() + 2000;
        try {
          await writeSafely(
            context,
            caps,
            record.before,
            todo.map((p) => ({ sheet: p.sheet, address: p.address, value: p.new })),
          );
        } catch (e) {
          await putSetting(UNDO_SETTING, null).catch(() => undefined);
          throw e;
        }
        // what Excel holds now is what undo will compare with (never what we meant to write)
        const after = await readCellStates(context, todo, caps);
        record.written = after.map((s) => withId({ sheet: s.sheet, address: s.address, value: s.value, numberFormat: s.numberFormat }));
        await putSetting(UNDO_SETTING, record);
        return { written: todo.length, skipped };
      });
    },
    canUndo: () => getSetting<UndoRecord>(UNDO_SETTING) !== null,
    async undoWrites() {
      await refreshSettings();
      const record = getSetting<UndoRecord>(UNDO_SETTING);
      if (!record) return { written: 0, skipped: [] };
      return Excel.run(async (context) => {
        const index = await readSheetIndex(context);
        const { live, gone } = relocate(record.before, index);
        const written = new Map(relocate(record.written, index).live.map((w) => [cellKey(w), w]));
        const skipped: WriteOutcome["skipped"] = gone.map((b) => ({ sheet: b.sheet, address: b.address, reason: "missing" as const }));
        const now = await readCellStates(context, live, caps);
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
        quietUntil = Date.now() + 2000;
        await writeSafely(context, caps, now, changes);
        // the record stays for every cell not yet back as it was
        const after = new Map((await readCellStates(context, mine, caps)).map((s) => [cellKey(s), s]));
        const left = mine.filter((b) => {
          const a = after.get(cellKey(b));
          return !a || a.value !== b.value || a.numberFormat !== b.numberFormat;
        });
        await putSetting(
          UNDO_SETTING,
          left.length ? { ...record, before: left, written: left.map((b) => written.get(cellKey(b))!) } : null,
        );
        return { written: mine.length - left.length, skipped };
      });
    },
    settings() {
      return readWorkbookSettings(getSetting(SETTINGS_KEY));
    },
    async saveSettings(s) {
      // only what the person chose, with the version that says so (core/settings.ts)
      await saveOrRefuse(SETTINGS_KEY, storedSettings(s));
    },
    async writeReport(report, options, lang, checkedAt) {
      const sheet = buildReport(report, options, lang, checkedAt);
      await Excel.run(async (context) => {
        quietUntil = Date.now() + 2000;
        try {
          const ws = await createOrClearSheet(context, REPORT_SHEET_NAME);
          const width = Math.max(...sheet.rows.map((r) => r.length));
          // text as text: a message such as "-" or "1,234" must not be parsed by Excel
          const values = sheet.rows.map((r) => [...r.map((v) => asTypedText(v ?? "", "General")), ...new Array(width - r.length).fill("")]);
          for (const b of rowBatches(values)) {
            ws.getRangeByIndexes(b.start, 0, b.rows.length, width).values = b.rows;
            await context.sync();
          }
          for (const b of sheet.bold) ws.getRangeByIndexes(b, 0, 1, width).format.font.bold = true;
          for (const l of sheet.links) ws.getRangeByIndexes(l.row, l.col, 1, 1).hyperlink = { documentReference: `${quoteSheet(l.sheet)}!${l.address}`, textToDisplay: l.text };
          // for print: the widths and wrapping of src/core/report.ts; A4 landscape where the host has page layout (ExcelApi 1.9)
          sheet.columns.slice(0, width).forEach((c, i) => {
            const col = ws.getRangeByIndexes(0, i, values.length, 1);
            col.format.columnWidth = columnPoints(c.width);
            col.format.wrapText = c.wrap;
          });
          if (Office.context.requirements.isSetSupported("ExcelApi", "1.9") && ws.pageLayout) {
            ws.pageLayout.orientation = "Landscape";
            ws.pageLayout.paperSize = "A4";
          }
          await context.sync();
        } catch (e) {
          // the report sheet is ours: a half-written one is removed, not left behind
          await Excel.run(async (ctx) => {
            ctx.workbook.worksheets.getItemOrNullObject(REPORT_SHEET_NAME).delete();
            await ctx.sync();
          }).catch(() => undefined);
          throw e;
        }
      });
    },
    async select(cell) {
      await Excel.run((context) => selectCell(context, cell));
    },
    async watch(onChanged) {
      if (!caps.events) return async () => undefined;
      type Registration = { remove(): void; context: { sync(): Promise<unknown> } };
      const registrations: Registration[] = [];
      const watched = new Set<string>(); // sheet ids with their own handler (below ExcelApi 1.9)
      let stopped = false;
      // Our own writes: told apart by triggerSource from ExcelApi 1.14; below it, ignored for a short quiet window.
      const ours = (e: { triggerSource?: string }) => (caps.triggerSource ? e.triggerSource === "ThisLocalAddin" : Date.now() < quietUntil);
      // The sheet's name now, by id: a renamed sheet is passed under its new name.
      const changed = async (e: { worksheetId: string; triggerSource?: string }) => {
        if (stopped || ours(e)) return;
        const name = await Excel.run(async (context) => {
          const ws = context.workbook.worksheets.getItemOrNullObject(e.worksheetId);
          ws.load("name");
          await context.sync();
          return ws.isNullObject ? null : ws.name;
        }).catch(() => null);
        if (name !== null && !stopped) onChanged(name);
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
    },
  };
}
