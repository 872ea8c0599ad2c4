import { CellChange, CellRef, CellState } from "../core/changes";
import { CellValue, WorkbookSnapshot } from "../core/snapshot";

/**
 * The port: everything the add-in asks of a spreadsheet host, and nothing more. The host-neutral modules of src/addin
 * (check, marks, undo, report-sheet, settings-store, live) work only through it; src/excel/port.ts implements it for
 * Office.js, test/addin/memory-port.ts in memory, and a second host (WPS 表格) implements the same members.
 *
 * Each member is one self-contained request to the host. The contracts an implementation keeps:
 * - reads never change the workbook;
 * - `writeCells` writes every change or none: a host that cannot write (a protected sheet, a read-only workbook) throws
 *   a `RefusedError` before anything is written; a write that fails midway is put back as `before` says and throws a
 *   `WriteError` telling whether that worked;
 * - `writeSheet` leaves the sheet complete or removes it (never half a sheet, never a second one);
 * - `store` is the document's own key–value store, saved with the file: `put` re-reads the document's copy first (another
 *   runtime, the ribbon command, may have saved since), changes that one key, and saves;
 * - `watch` reports a person's edits and never the add-in's own writes (see live.ts for hosts that cannot tell).
 */
export interface WorkbookPort {
  readonly capabilities: HostCapabilities;
  /** every sheet's used range (or only `sheets`), as the engine reads it; `onProgress` as parts of it arrive */
  readSnapshot(options?: { sheets?: string[]; onProgress?: (done: number, total: number) => void }): Promise<WorkbookSnapshot>;
  /** the sheets now: their names and ids (an id survives a rename) */
  readSheets(): Promise<SheetIndex>;
  /** the cells' values, number formats, fills, notes, formulas and protection; every cell's sheet exists */
  readCells(cells: CellRef[]): Promise<CellState[]>;
  /** the threaded comments and the cell each sits on (empty where the host has none) */
  readComments(): Promise<CommentIndex>;
  /**
   * Applies the changes: values (a string stays text), number formats, fills, notes, comments. `before` is the cells'
   * state read just now (what a failed write is put back to); `comments` the comments known to exist. Returns the ids
   * of the comments it added, by cell key.
   */
  writeCells(changes: CellChange[], before: CellState[], comments?: CommentIndex): Promise<Map<string, string>>;
  /** creates the sheet (or empties the one of that name) and writes the plan into it */
  writeSheet(name: string, plan: SheetPlan): Promise<void>;
  readonly store: DocumentStore;
  /** activates the cell's sheet and selects the cell */
  select(cell: CellRef): Promise<void>;
  /**
   * Calls back with the sheet's current name when a person edits a cell, sheets added later included; returns the
   * unsubscribe. `mayBeOurs` answers, for a host that cannot tell an edit's source, whether the add-in wrote just now.
   */
  watch(onEdit: (sheet: string) => void, mayBeOurs: () => boolean): Promise<() => Promise<void>>;
}

/** What the host can do, asked once. */
export interface HostCapabilities {
  /** the host's API level, for messages (Office: the highest ExcelApi set found) */
  level: string;
  /** cell notes */
  notes: boolean;
  /** threaded comments (used for the messages where notes are missing) */
  comments: boolean;
  /** edit events, for live mode */
  events: boolean;
}

export interface SheetIndex {
  names: Set<string>;
  nameById: Map<string, string>;
  idByName: Map<string, string>;
}

export interface CommentIndex {
  ids: Set<string>;
  /** cell key (core/changes cellKey) → comment id */
  byCell: Map<string, string>;
}

/** One key of the document's own store; a value is plain JSON, `null` removes the key. */
export interface DocumentStore {
  /** re-reads the document's copy (what another runtime saved); never fails */
  refresh(): Promise<void>;
  /** the value in this runtime's copy, or null */
  get<T>(key: string): T | null;
  /** refresh, set (or with null remove) this key, save; rejects when the document cannot be saved */
  put(key: string, value: unknown): Promise<void>;
}

/** A sheet the add-in writes whole (the 校验报告): rows of values, every string kept as text. */
export interface SheetPlan {
  /** rectangular: every row as wide as the widest */
  rows: CellValue[][];
  /** rows set bold */
  bold: number[];
  /** cells that link to a cell of the workbook, 0-based in `rows` */
  links: Array<{ row: number; col: number; sheet: string; address: string; text: string }>;
  /** each column's width in points and whether its text wraps */
  columns: Array<{ points: number; wrap: boolean }>;
  /** page set-up, where the host has it */
  page: { orientation: "landscape" | "portrait"; paper: "A4" };
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

/** A write that failed, and whether what it had written was put back. */
export class WriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly rolledBack: boolean,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
