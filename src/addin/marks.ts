import { CellChange, CellRef, cellKey } from "../core/changes";
import { Finding, Severity } from "../core/findings";
import { Mark, afterChanges, flaggedCells, planClear, planHighlights } from "../core/marks";
import { DocumentStore, WorkbookPort } from "./port";
import { Located, relocate } from "./sheets";

/**
 * Highlights and their record: a fill by severity and a note (or, where the host has no notes, a comment) on each
 * flagged cell, and the record in the document's store that lets 清除标记 remove exactly that — also after save and
 * reopen, from the ribbon's runtime, on a renamed sheet. What to write is planned by core/marks.ts.
 */
export const MARKS_SETTING = "selfeval.marks.v1";

/** A mark as kept in the workbook: with its sheet's id, so a renamed sheet is still found. */
export type StoredMark = Located<Mark>;

const recorded = (store: DocumentStore): StoredMark[] => store.get<StoredMark[]>(MARKS_SETTING) ?? [];

/** The marks on record in this runtime's copy of the store. */
export const markCount = (store: DocumentStore): number => recorded(store).length;

/**
 * Marks the flagged cells of these severities, replacing the previous marks; returns how many cells are marked.
 * `unannotated` receives the marked cells that carry no explanation (below ExcelApi 1.18 a person's note, which the
 * host cannot see, refuses our comment; a person's comment is never written over): the pane says their problems are
 * in its list.
 */
export async function highlight(port: WorkbookPort, findings: Finding[], severities: readonly Severity[], unannotated?: CellRef[]): Promise<number> {
  const caps = port.capabilities;
  await port.store.refresh();
  const old = recorded(port.store);
  const index = await port.readSheets();
  const { live } = relocate(old, index); // marks on deleted sheets went with them
  const cells = flaggedCells(findings, severities).filter((c) => index.names.has(c.sheet));
  const refs = new Map<string, CellRef>();
  for (const c of [...live, ...cells]) refs.set(cellKey(c), { sheet: c.sheet, address: c.address });
  const before = await port.readCells([...refs.values()]);
  const comments = await port.readComments();
  const states = new Map(before.filter((s) => !s.protected).map((s) => [cellKey(s), s]));
  // marks on protected sheets cannot be cleared now: they stay on record
  const kept = live.filter((m) => !states.has(cellKey(m)));
  // Clear the previous marks, then mark on top of the cleared state; a cell marked again keeps its first original.
  const clear = planClear(live, states);
  const cleared = afterChanges(states, clear);
  const plan = planHighlights(cells, cleared, { notes: caps.notes, comments: !caps.notes && caps.comments, appendToNotes: caps.notes });
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
  await port.writeCells([...clear, ...fills], before, comments);
  // Comments go last, on their own: a note the host cannot see (Excel below ExcelApi 1.18) refuses a comment.
  // Then the fills stay, the messages are in the pane, and whatever comments did land are found and recorded.
  let added = new Map<string, string>();
  if (toComment.length) {
    try {
      added = await port.writeCells(toComment, []);
    } catch {
      const now = await port.readComments();
      for (const ch of toComment) {
        const id = now.byCell.get(cellKey(ch));
        if (id && !comments.ids.has(id)) added.set(cellKey(ch), id);
      }
      // one refused cell (a note the host cannot see) must not cost the others their comment: each on its own
      for (const ch of toComment.filter((c) => !added.has(cellKey(c)))) {
        try {
          for (const [k, id] of await port.writeCells([ch], [])) added.set(k, id);
        } catch {
          // that cell's explanation stays in the pane's list (unannotated)
        }
      }
    }
  }
  const stored: StoredMark[] = plan.marks.map((m) => {
    const id = added.get(cellKey(m));
    return { ...m, ...(id ? { commentId: id } : {}), sheetId: index.idByName.get(m.sheet) };
  });
  await port.store.put(MARKS_SETTING, [...kept, ...stored]);
  if (unannotated && (caps.notes || caps.comments)) {
    unannotated.length = 0;
    for (const m of stored) if (!m.note && !m.commentId) unannotated.push({ sheet: m.sheet, address: m.address });
  }
  return plan.marks.length;
}

/** Removes the marks on record where the cells still show them; returns how many marks were cleared. */
export async function clearMarks(port: WorkbookPort): Promise<number> {
  await port.store.refresh();
  const old = recorded(port.store);
  if (old.length === 0) return 0;
  const index = await port.readSheets();
  const { live } = relocate(old, index);
  const before = await port.readCells(live);
  const comments = await port.readComments();
  const states = new Map(before.filter((s) => !s.protected).map((s) => [cellKey(s), s]));
  const kept = live.filter((m) => !states.has(cellKey(m)));
  const changes = planClear(live.filter((m) => states.has(cellKey(m))), states);
  await port.writeCells(changes, before, comments);
  await port.store.put(MARKS_SETTING, kept.length ? kept : null);
  return old.length - kept.length;
}
