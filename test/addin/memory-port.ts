import { address, parseAddress } from "../../src/core/a1";
import { CellChange, CellRef, CellState, cellKey, planRestore } from "../../src/core/changes";
import { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { CommentIndex, DocumentStore, HostCapabilities, RefusedError, SheetIndex, SheetPlan, WorkbookPort, WriteError } from "../../src/addin/port";

/**
 * A second implementation of the port (src/addin/port.ts), in memory: a workbook of sheets (with ids), cells (value,
 * number format, fill, note, formula), threaded comments, protection and a document store with a saved copy — what a
 * host other than Excel would give the add-in. No Office.js anywhere: if the host-neutral modules run on this as on
 * the fake Office host, they need nothing of Excel but the port.
 */
export interface MemoryCell {
  value: CellValue;
  format: string;
  fill: { color: string; pattern: "None" | "Solid" };
  note: string | null;
  formula: string | null;
}

export interface MemorySheet {
  id: string;
  name: string;
  /** the used range the workbook was made from (the snapshot covers at least this) */
  box: { top: number; left: number; bottom: number; right: number };
  cells: Map<string, MemoryCell>;
  merges: SheetSnapshot["merges"];
  protected: boolean;
  /** a sheet the add-in wrote whole (the report): its plan, as written */
  plan?: SheetPlan;
}

export interface MemoryOptions {
  notes?: boolean;
  comments?: boolean;
  events?: boolean;
  /** the host tells an edit's source (our own writes are never reported); false: it relies on the add-in's window */
  tellsSource?: boolean;
  readOnly?: boolean;
}

const blank = (): MemoryCell => ({ value: "", format: "General", fill: { color: "#FFFFFF", pattern: "None" }, note: null, formula: null });

export class MemoryWorkbook {
  sheets: MemorySheet[] = [];
  comments = new Map<string, { sheet: string; address: string; content: string }>();
  /** the document's store as saved with the file */
  saved = new Map<string, unknown>();
  selection: CellRef | null = null;
  activeSheet: string | null = null;
  /** a write the host refuses midway (the change about to be applied) */
  failWrite: ((ch: CellChange) => boolean) | null = null;
  writesApplied = 0;
  private listeners: Array<(sheet: MemorySheet, ours: boolean) => void> = [];
  private nextId = 1;

  static fromSnapshot(snapshot: WorkbookSnapshot): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    for (const s of snapshot.sheets) {
      const sheet = wb.addSheet(s.name);
      sheet.merges = structuredClone(s.merges);
      sheet.box = { top: s.top, left: s.left, bottom: s.top + s.values.length - 1, right: s.left + Math.max(1, ...s.values.map((r) => r.length)) - 1 };
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = s.formats[r]?.[c] ?? "General";
          if (v !== "" || f !== "General") sheet.cells.set(address(s.top + r, s.left + c), { ...blank(), value: v, format: f });
        }),
      );
    }
    return wb;
  }

  addSheet(name: string): MemorySheet {
    const sheet: MemorySheet = { id: `sheet-${this.nextId++}`, name, box: { top: 0, left: 0, bottom: 0, right: 0 }, cells: new Map(), merges: [], protected: false };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): MemorySheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): MemoryCell {
    return this.sheet(sheet).cells.get(a1) ?? blank();
  }

  setCell(sheet: string, a1: string, patch: Partial<MemoryCell>): void {
    const s = this.sheet(sheet);
    const next = { ...(s.cells.get(a1) ?? blank()), ...patch };
    if (next.value === "" && next.format === "General" && next.fill.pattern === "None" && next.note === null && next.formula === null) s.cells.delete(a1);
    else s.cells.set(a1, next);
  }

  addComment(sheet: string, a1: string, content: string): string {
    if ([...this.comments.values()].some((c) => c.sheet === sheet && c.address === a1)) throw new Error(`${sheet}!${a1} already has a comment`);
    const id = `comment-${this.nextId++}`;
    this.comments.set(id, { sheet, address: a1, content });
    return id;
  }

  /** A person edits a cell: the listeners hear it. */
  userEdit(sheet: string, a1: string, value: CellValue): void {
    this.setCell(sheet, a1, { value });
    for (const l of this.listeners) l(this.sheet(sheet), false);
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).name = to;
    for (const c of this.comments.values()) if (c.sheet === from) c.sheet = to;
  }

  deleteSheet(name: string): void {
    this.sheets = this.sheets.filter((s) => s.name !== name);
    for (const [id, c] of [...this.comments]) if (c.sheet === name) this.comments.delete(id);
  }

  /** A plain copy of everything a person could see: values, formats, fills, notes, formulas, comments, sheets. */
  state(): unknown {
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), merges: s.merges, plan: s.plan ?? null })),
      comments: [...this.comments.values()],
    };
  }

  listen(l: (sheet: MemorySheet, ours: boolean) => void): () => void {
    this.listeners.push(l);
    return () => {
      this.listeners = this.listeners.filter((x) => x !== l);
    };
  }

  /** our own writes raise edit events too, as a host does */
  ownWrite(sheet: MemorySheet): void {
    for (const l of this.listeners) l(sheet, true);
  }
}

/** The snapshot of a sheet's used range: its original range, grown to every cell holding a value. */
function snapshotOf(s: MemorySheet): SheetSnapshot {
  let { top, left, bottom, right } = s.box;
  for (const [a1, c] of s.cells) {
    if (c.value === "") continue;
    const at = parseAddress(a1)!;
    top = Math.min(top, at.row);
    left = Math.min(left, at.col);
    bottom = Math.max(bottom, at.row);
    right = Math.max(right, at.col);
  }
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const vs: CellValue[] = [];
    const fs: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = s.cells.get(address(r, c));
      vs.push(cell?.value ?? "");
      fs.push(cell?.format ?? "General");
    }
    values.push(vs);
    formats.push(fs);
  }
  return { name: s.name, top, left, values, formats, merges: structuredClone(s.merges) };
}

/** The port over a MemoryWorkbook; `runtime` is this runtime's copy of the document store (refreshed from `saved`). */
export function memoryPort(wb: MemoryWorkbook, options: MemoryOptions = {}): WorkbookPort {
  const capabilities: HostCapabilities = { level: "memory", notes: options.notes ?? true, comments: options.comments ?? true, events: options.events ?? true };
  const runtime = new Map(wb.saved);
  const store: DocumentStore = {
    async refresh() {
      runtime.clear();
      for (const [k, v] of wb.saved) runtime.set(k, structuredClone(v));
    },
    get<T>(key: string): T | null {
      return runtime.has(key) ? (structuredClone(runtime.get(key)) as T) : null;
    },
    async put(key, value) {
      await store.refresh();
      if (options.readOnly) throw new Error("the document is read-only");
      if (value === null) runtime.delete(key);
      else runtime.set(key, structuredClone(value));
      wb.saved = new Map([...runtime].map(([k, v]) => [k, structuredClone(v)]));
    },
  };
  const stateOf = (ref: CellRef): CellState => {
    const s = wb.sheet(ref.sheet);
    const c = s.cells.get(ref.address) ?? blank();
    return { sheet: ref.sheet, address: ref.address, value: c.value, numberFormat: c.format, fill: { ...c.fill }, note: capabilities.notes ? c.note : null, formula: c.formula, protected: s.protected };
  };
  const apply = (ch: CellChange, added: Map<string, string>) => {
    if (wb.failWrite?.(ch)) throw new Error("Injected failure");
    const s = wb.sheet(ch.sheet);
    if (s.protected) throw new Error(`${ch.sheet} is protected`);
    const cur = s.cells.get(ch.address) ?? blank();
    const next: MemoryCell = { ...cur, fill: { ...cur.fill } };
    if (ch.numberFormat !== undefined) next.format = ch.numberFormat;
    if (ch.value !== undefined) next.value = ch.value;
    if (ch.fill === "none") next.fill = { color: "#FFFFFF", pattern: "None" };
    else if (ch.fill !== undefined) next.fill = { color: ch.fill.toUpperCase(), pattern: "Solid" };
    if (capabilities.notes && ch.note === null) next.note = null;
    else if (capabilities.notes && ch.note !== undefined) {
      if (cur.note !== null) throw new Error(`${ch.sheet}!${ch.address} already has a note`);
      next.note = ch.note;
    }
    wb.setCell(ch.sheet, ch.address, next);
    if (ch.deleteComment && capabilities.comments) wb.comments.delete(ch.deleteComment);
    if (ch.addComment !== undefined && capabilities.comments) added.set(cellKey(ch), wb.addComment(ch.sheet, ch.address, ch.addComment));
    wb.writesApplied++;
    wb.ownWrite(s);
  };
  return {
    capabilities,
    store,
    async readSnapshot(o = {}) {
      const wanted = wb.sheets.filter((s) => !o.sheets || o.sheets.includes(s.name));
      const sheets = wanted.map((s, i) => {
        o.onProgress?.(i + 1, wanted.length);
        return snapshotOf(s);
      });
      return { sheets };
    },
    async readSheets(): Promise<SheetIndex> {
      return { names: new Set(wb.sheets.map((s) => s.name)), nameById: new Map(wb.sheets.map((s) => [s.id, s.name])), idByName: new Map(wb.sheets.map((s) => [s.name, s.id])) };
    },
    async readCells(cells) {
      return cells.map(stateOf);
    },
    async readComments(): Promise<CommentIndex> {
      const index: CommentIndex = { ids: new Set(), byCell: new Map() };
      if (!capabilities.comments) return index;
      for (const [id, c] of wb.comments) {
        index.ids.add(id);
        index.byCell.set(cellKey(c), id);
      }
      return index;
    },
    async writeCells(changes, before) {
      const protectedSheets = [...new Set(changes.map((c) => c.sheet))].filter((n) => wb.sheet(n).protected);
      if (protectedSheets.length) throw new RefusedError(`工作表“${protectedSheets.join("、")}”受保护，未写入任何内容。`, `${protectedSheets.join(", ")} protected; nothing was written.`);
      const added = new Map<string, string>();
      try {
        for (const ch of changes) apply(ch, added);
      } catch (e) {
        let rolledBack = false;
        try {
          const failing = wb.failWrite;
          wb.failWrite = null;
          try {
            const now = new Map(before.map((b) => [cellKey(b), stateOf(b)]));
            for (const ch of planRestore(before, now)) apply(ch, new Map());
            for (const id of added.values()) wb.comments.delete(id);
          } finally {
            wb.failWrite = failing;
          }
          rolledBack = true;
        } catch {
          rolledBack = false;
        }
        throw new WriteError(e, rolledBack);
      }
      return added;
    },
    async writeSheet(name, plan) {
      const existing = wb.sheets.find((s) => s.name === name);
      const sheet = existing ?? wb.addSheet(name);
      sheet.cells = new Map();
      sheet.box = { top: 0, left: 0, bottom: Math.max(0, plan.rows.length - 1), right: Math.max(0, ...plan.rows.map((r) => r.length - 1)) };
      plan.rows.forEach((row, r) => row.forEach((v, c) => v !== "" && sheet.cells.set(address(r, c), { ...blank(), value: v })));
      sheet.plan = structuredClone(plan);
      wb.ownWrite(sheet);
    },
    async select(cell) {
      wb.sheet(cell.sheet);
      wb.activeSheet = cell.sheet;
      wb.selection = { ...cell };
    },
    async watch(onEdit, mayBeOurs) {
      if (!capabilities.events) return async () => undefined;
      const stop = wb.listen((sheet, ours) => {
        if (options.tellsSource ? ours : mayBeOurs()) return;
        onEdit(sheet.name);
      });
      return async () => stop();
    },
  };
}
