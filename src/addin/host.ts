import { CellRef, cellKey } from "../core/changes";
import { runCheck, WorkbookReport } from "../core/engine";
import { Finding, Severity } from "../core/findings";
import { Mark, afterChanges, flaggedCells, planClear, planHighlights } from "../core/marks";
import { CheckOptions } from "../core/options";
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

export interface WorkbookHost {
  check(options: Partial<CheckOptions>, onProgress?: (p: CheckProgress) => void, sheets?: string[]): Promise<WorkbookReport>;
  highlight(findings: Finding[], severities: readonly Severity[]): Promise<number>;
  clearMarks(): Promise<number>;
  markCount(): number;
  select(cell: CellRef): Promise<void>;
  /** live mode: calls back with the sheet's name when a person edits it; returns the unsubscribe */
  watch(onChanged: (sheet: string) => void): Promise<() => Promise<void>>;
  capabilities: Capabilities;
}

export const MARKS_SETTING = "selfeval.marks.v1";

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
        const { report } = runCheck(snapshot, options);
        onProgress?.({ phase: "check", done: 1, total: 1 });
        return report;
      });
    },
    async highlight(findings, severities) {
      const cells = flaggedCells(findings, severities);
      const old = marks();
      return Excel.run(async (context) => {
        const refs = new Map<string, CellRef>();
        for (const c of [...old, ...cells]) refs.set(cellKey(c), { sheet: c.sheet, address: c.address });
        const before = await readCellStates(context, [...refs.values()], caps);
        const states = new Map(before.map((s) => [cellKey(s), s]));
        // Clear the previous marks, then mark on top of the cleared state; a cell marked again keeps its first original.
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
