import { SheetIndex } from "./port";

/**
 * Cells the add-in recorded (marks, the undo journal) carry their sheet's id beside its name, so a renamed sheet is
 * still found and a deleted one is known to be gone.
 */
export type Located<T> = T & { sheetId?: string };

/** Where a recorded cell is now: its sheet by id first (a renamed sheet), then by name; null when the sheet is gone. */
export function currentSheet(index: SheetIndex, ref: { sheet: string; sheetId?: string }): string | null {
  if (ref.sheetId && index.nameById.has(ref.sheetId)) return index.nameById.get(ref.sheetId)!;
  return index.names.has(ref.sheet) ? ref.sheet : null;
}

/** Recorded cells moved to their sheets' current names (by id); those on deleted sheets are left out. */
export function relocate<T extends { sheet: string; sheetId?: string }>(items: T[], index: SheetIndex): { live: T[]; gone: T[] } {
  const live: T[] = [];
  const gone: T[] = [];
  for (const it of items) {
    const name = currentSheet(index, it);
    if (name === null) gone.push(it);
    else live.push({ ...it, sheet: name, sheetId: index.idByName.get(name) ?? it.sheetId });
  }
  return { live, gone };
}

/** The item with its sheet's id as the index has it now. */
export const withSheetId = <T extends { sheet: string }>(index: SheetIndex, x: T): Located<T> => ({ ...x, sheetId: index.idByName.get(x.sheet) });
