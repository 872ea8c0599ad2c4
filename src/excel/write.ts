import { CellChange, CellRef, CellState, cellKey, planRestore } from "../core/changes";
import { WriteError } from "../addin/port";
import { Capabilities } from "./capabilities";
import { CommentIndex, readCellStates, writeCellChanges } from "./cells";

export { WriteError };

export const formatsOf = (states: CellState[]): Map<string, string> => new Map(states.map((s) => [cellKey(s), s.numberFormat]));

/**
 * The one path for every write: read the cells first, write in as few batches as the payload limit allows, and if a
 * batch fails, read again and restore what differs from before (a WriteError, from the port, says whether that worked).
 * Nothing is left half-written.
 */
export async function writeSafely(
  context: Excel.RequestContext,
  caps: Capabilities,
  before: CellState[],
  changes: CellChange[],
  comments?: CommentIndex,
): Promise<Map<string, string>> {
  try {
    return await writeCellChanges(context, changes, { caps, formats: formatsOf(before), comments });
  } catch (e) {
    let rolledBack = false;
    try {
      const refs: CellRef[] = before.map((s) => ({ sheet: s.sheet, address: s.address }));
      const now = await readCellStates(context, refs, caps);
      await writeCellChanges(context, planRestore(before, new Map(now.map((s) => [cellKey(s), s]))), { caps, formats: formatsOf(now) });
      rolledBack = true;
    } catch {
      rolledBack = false;
    }
    throw new WriteError(e, rolledBack);
  }
}
