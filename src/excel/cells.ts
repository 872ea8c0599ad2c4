import { quoteSheet } from "../core/a1";
import { CellChange, CellRef, CellState, cellKey } from "../core/changes";
import { CellValue } from "../core/snapshot";
import { Capabilities } from "./capabilities";

export type { CellChange, CellRef, CellState };

/**
 * The one batched write, and the read of what it will overwrite. Everything the add-in changes in a workbook goes
 * through here: read the cells' state (1 sync), then write every change (1 sync, screen updating suspended).
 */
export async function readCellStates(context: Excel.RequestContext, cells: CellRef[], caps: Capabilities): Promise<CellState[]> {
  const protections = new Map<string, Excel.WorksheetProtection>();
  const probes = cells.map((c) => {
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
  if (probes.length === 0) return [];
  await context.sync();
  return probes.map(({ c, range, note }) => ({
    sheet: c.sheet,
    address: c.address,
    value: range.values[0][0] as CellValue,
    numberFormat: String(range.numberFormat[0][0]),
    fill: { color: range.format.fill.color, pattern: caps.fillPattern ? String(range.format.fill.pattern) : null },
    note: note && !note.isNullObject ? note.content : null,
    formula: typeof range.formulas[0][0] === "string" && String(range.formulas[0][0]).startsWith("=") ? String(range.formulas[0][0]) : null,
    protected: protections.get(c.sheet)!.protected,
  }));
}

/** Applies every change in one sync. Returns the ids of comments it added, by cell key. */
export async function writeCellChanges(context: Excel.RequestContext, changes: CellChange[]): Promise<Map<string, string>> {
  if (changes.length === 0) return new Map();
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const added: Array<{ key: string; comment: Excel.Comment }> = [];
  for (const ch of changes) {
    const ws = context.workbook.worksheets.getItem(ch.sheet);
    const range = ws.getRange(ch.address);
    if (ch.numberFormat !== undefined) range.numberFormat = [[ch.numberFormat]];
    if (ch.value !== undefined) range.values = [[ch.value]];
    if (ch.fill === "none") range.format.fill.clear();
    else if (ch.fill !== undefined) range.format.fill.color = ch.fill;
    if (ch.note === null) ws.notes.getItem(ch.address).delete();
    else if (ch.note !== undefined) context.workbook.notes.add(`${quoteSheet(ch.sheet)}!${ch.address}`, ch.note);
    if (ch.deleteComment) context.workbook.comments.getItemOrNullObject(ch.deleteComment).delete();
    if (ch.addComment !== undefined) {
      const comment = context.workbook.comments.add(`${quoteSheet(ch.sheet)}!${ch.address}`, ch.addComment);
      comment.load("id");
      added.push({ key: cellKey(ch), comment });
    }
  }
  await context.sync();
  return new Map(added.map((a) => [a.key, a.comment.id]));
}

/** Activates the sheet and selects the cell. */
export async function selectCell(context: Excel.RequestContext, cell: CellRef): Promise<void> {
  const ws = context.workbook.worksheets.getItem(cell.sheet);
  ws.activate();
  ws.getRange(cell.address).select();
  await context.sync();
}
