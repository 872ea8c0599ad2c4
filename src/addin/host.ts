import { quoteSheet } from "../core/a1";
import { CellRef, CellState, cellKey, planRestore } from "../core/changes";
import { runCheck, WorkbookReport } from "../core/engine";
import { Finding, Severity } from "../core/findings";
import { REPORT_SHEET_NAME } from "../core/labels";
import { Mark, afterChanges, flaggedCells, planClear, planHighlights } from "../core/marks";
import { CheckOptions, Lang, PolicySettings, resolveOptions, sanitizeSettings } from "../core/options";
import { buildReport, columnPoints } from "../core/report";
import { CellValue } from "../core/snapshot";
import { Proposal, proposeWrites } from "../core/writeback";
import { createOrClearSheet } from "./office-helpers";
import { Capabilities, detectCapabilities } from "../excel/capabilities";
import { readCellStates, selectCell } from "../excel/cells";
import { readWorkbook } from "../excel/read";
import { getSetting, putSetting } from "../excel/store";
import { writeSafely } from "../excel/write";

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

/** The settings a workbook carries (saved in it, so everyone who opens it checks it the same way). */
export interface WorkbookSettings {
  preset: string;
  options: Partial<PolicySettings>;
  highlight: Severity[];
}

export const DEFAULT_SETTINGS: WorkbookSettings = { preset: "central", options: {}, highlight: ["error", "warning"] };

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
  skipped: Array<{ sheet: string; address: string; reason: "formula" | "changed" }>;
}

export interface WorkbookHost {
  check(options: Partial<CheckOptions>, onProgress?: (p: CheckProgress) => void, sheets?: string[]): Promise<CheckOutcome>;
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
export const SETTINGS_SETTING = "selfeval.settings.v1";

interface UndoRecord {
  at: string;
  before: CellState[];
  written: Array<{ sheet: string; address: string; value: CellValue }>;
}

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

export function officeWorkbookHost(): WorkbookHost {
  const caps = detectCapabilities();
  let quietUntil = 0; // our own writes must not wake live mode
  const marks = (): Mark[] => getSetting<Mark[]>(MARKS_SETTING) ?? [];
  return {
    capabilities: caps,
    async check(options, onProgress, sheets) {
      return Excel.run(async (context) => {
        onProgress?.({ phase: "read", done: 0, total: 1 });
        const snapshot = await readWorkbook(context, caps, { sheets, onProgress: (done, total) => onProgress?.({ phase: "read", done, total }) });
        onProgress?.({ phase: "check", done: 0, total: 1 });
        const resolved = resolveOptions(options);
        const { report, analyses } = runCheck(snapshot, resolved);
        onProgress?.({ phase: "check", done: 1, total: 1 });
        return { report, proposals: proposeWrites(analyses, resolved.lang), options: resolved };
      });
    },
    async highlight(findings, severities) {
      const cells = flaggedCells(findings, severities);
      const old = marks();
      return Excel.run(async (context) => {
        const refs = new Map<string, CellRef>();
        for (const c of [...old, ...cells]) refs.set(cellKey(c), { sheet: c.sheet, address: c.address });
        const before = await readCellStates(context, [...refs.values()], caps);
        const states = new Map(before.filter((s) => !s.protected).map((s) => [cellKey(s), s]));
        // Protected sheets are left unmarked. Clear the previous marks, then mark on top of the cleared state; a cell marked again keeps its first original.
        const clear = planClear(old, states);
        const cleared = afterChanges(states, clear);
        const plan = planHighlights(cells, cleared, { notes: caps.notes, comments: !caps.notes && caps.comments });
        const oldByKey = new Map(old.map((m) => [cellKey(m), m]));
        for (const m of plan.marks) {
          const prev = oldByKey.get(cellKey(m));
          if (prev && states.get(cellKey(m))?.fill.color.toUpperCase() === prev.applied.toUpperCase()) m.original = prev.original;
        }
        quietUntil = Date.now() + 2000;
        const comments = await writeSafely(context, caps, before, [...clear, ...plan.changes]);
        for (const m of plan.marks) {
          const id = comments.get(cellKey(m));
          if (id) m.commentId = id;
        }
        await putSetting(MARKS_SETTING, plan.marks);
        return plan.marks.length;
      });
    },
    async clearMarks() {
      const old = marks();
      if (old.length === 0) return 0;
      return Excel.run(async (context) => {
        const sheetsNow = context.workbook.worksheets;
        sheetsNow.load("items/name");
        await context.sync();
        const present = new Set(sheetsNow.items.map((s) => s.name));
        const live = old.filter((m) => present.has(m.sheet));
        const before = await readCellStates(context, live, caps);
        const changes = planClear(live, new Map(before.map((s) => [cellKey(s), s])));
        quietUntil = Date.now() + 2000;
        await writeSafely(context, caps, before, changes);
        await putSetting(MARKS_SETTING, null);
        return old.length;
      });
    },
    markCount: () => marks().length,
    async applyWrites(proposals) {
      if (proposals.length === 0) return { written: 0, skipped: [] };
      return Excel.run(async (context) => {
        const before = await readCellStates(context, proposals, caps);
        refuseProtected(before);
        const byKey = new Map(before.map((s) => [cellKey(s), s]));
        const skipped: WriteOutcome["skipped"] = [];
        const todo = proposals.filter((p) => {
          if (byKey.get(cellKey(p))?.formula) {
            skipped.push({ sheet: p.sheet, address: p.address, reason: "formula" });
            return false;
          }
          return true;
        });
        // the undo record goes into the workbook first: a read-only workbook refuses here, before any write
        const record: UndoRecord = {
          at: new Date().toISOString(),
          before: before.filter((s) => todo.some((p) => cellKey(p) === cellKey(s))),
          written: todo.map((p) => ({ sheet: p.sheet, address: p.address, value: p.new })),
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
        return { written: todo.length, skipped };
      });
    },
    canUndo: () => getSetting<UndoRecord>(UNDO_SETTING) !== null,
    async undoWrites() {
      const record = getSetting<UndoRecord>(UNDO_SETTING);
      if (!record) return { written: 0, skipped: [] };
      return Excel.run(async (context) => {
        const now = await readCellStates(context, record.before, caps);
        refuseProtected(now);
        const nowByKey = new Map(now.map((s) => [cellKey(s), s]));
        const skipped: WriteOutcome["skipped"] = [];
        // a cell a person changed since the write keeps the person's value
        const mine = record.before.filter((b) => {
          const w = record.written.find((x) => cellKey(x) === cellKey(b));
          const cur = nowByKey.get(cellKey(b));
          if (!w || !cur || cur.value !== w.value) {
            skipped.push({ sheet: b.sheet, address: b.address, reason: "changed" });
            return false;
          }
          return true;
        });
        const changes = planRestore(mine, nowByKey).map((c) => ({ sheet: c.sheet, address: c.address, value: c.value, numberFormat: c.numberFormat }));
        quietUntil = Date.now() + 2000;
        await writeSafely(context, caps, now, changes.filter((c) => c.value !== undefined || c.numberFormat !== undefined));
        await putSetting(UNDO_SETTING, null);
        return { written: mine.length, skipped };
      });
    },
    settings() {
      const raw = getSetting<Partial<WorkbookSettings>>(SETTINGS_SETTING);
      if (!raw) return DEFAULT_SETTINGS;
      const sev = Array.isArray(raw.highlight) ? raw.highlight.filter((x): x is Severity => x === "error" || x === "warning" || x === "info") : DEFAULT_SETTINGS.highlight;
      return { preset: typeof raw.preset === "string" ? raw.preset : "central", options: sanitizeSettings(raw.options ?? {}), highlight: sev };
    },
    async saveSettings(s) {
      await saveOrRefuse(SETTINGS_SETTING, s);
    },
    async writeReport(report, options, lang, checkedAt) {
      const sheet = buildReport(report, options, lang, checkedAt);
      await Excel.run(async (context) => {
        quietUntil = Date.now() + 2000;
        try {
          const ws = await createOrClearSheet(context, REPORT_SHEET_NAME);
          const width = Math.max(...sheet.rows.map((r) => r.length));
          const values = sheet.rows.map((r) => [...r.map((v) => v ?? ""), ...new Array(width - r.length).fill("")]);
          ws.getRangeByIndexes(0, 0, values.length, width).values = values;
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
      const handlers = await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const added = sheets.items.map((ws) => {
          const name = ws.name;
          return ws.onChanged.add(async () => {
            if (Date.now() >= quietUntil) onChanged(name);
          });
        });
        await context.sync();
        return added;
      });
      return async () => {
        for (const h of handlers) h.remove();
        if (handlers[0]) await handlers[0].context.sync();
      };
    },
  };
}
