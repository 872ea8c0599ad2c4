/**
 * A test host that behaves like Office.js for the part of the Office/Excel API that selfeval uses:
 * `Office.onReady`, `Excel.run`, a request context whose proxies are empty until `load` + `sync`
 * (reading an unloaded property throws, as Office.js does), worksheets, used ranges, values, number formats, merged
 * areas, fills, notes, comments, selection, protection, document settings. Every queued operation runs at `sync()`,
 * in order, like a batch; syncs and the bytes each one returns are counted.
 *
 * As strict as Office.js where it matters (issue 16), each point read from Microsoft's documentation:
 * - every API above the host's ExcelApi level (`FakeOptions.excelApi`) fails at sync with ApiNotFound — the levels are
 *   the `[Api set: ExcelApi x]` annotations of @types/office-js (API_LEVELS below);
 * - strings written through `values` are parsed as Excel parses typed text ("90%" → 0.9 with "0%", "2024-01-01" → a
 *   date serial, "1,234" → 1234, "'x" → the text x, "=…" → a formula); a cell formatted "@" keeps text;
 * - document settings are an in-memory copy per runtime (pane, ribbon command), persisted by saveAsync (the whole bag),
 *   reloaded by refreshAsync;
 * - comments.add refuses a cell that already holds a comment or a note (OfficeDev/office-js#1416);
 * - requests and responses are counted in UTF-8 bytes and fail above 5 MB (Excel on the web's payload limit);
 * - the add-in's own value writes fire onChanged, with triggerSource "ThisLocalAddin" from ExcelApi 1.14;
 * - worksheets have ids; getItem takes a name or an id; renaming, adding and deleting sheets fire their events;
 * - Excel's own undo stack (the person's Ctrl+Z, `undo()`): each sync that writes is one step, and from ExcelApi 1.20
 *   an `Excel.run({ mergeUndoGroup: true }, …)` is one step for all its syncs (RunOptions.mergeUndoGroup, ExcelApi
 *   1.20; below it the option is not known and ignored); a write listed in `undoUnsupported` fails such a run with
 *   UndoNotSupported, as an API without undo support does.
 *
 * Test code only: used by Jest (installed as globals) and bundled for the browser tests. Never shipped.
 */
import { address as a1, parseAddress, parseRange, quoteSheet, splitAddress } from "../../src/core/a1";
import { CellValue, MergeArea, WorkbookSnapshot } from "../../src/core/snapshot";

export interface FakeCell {
  value: CellValue;
  format: string;
  fill: { color: string; pattern: "None" | "Solid" };
  /** "=F6/E6" for a formula cell */
  formula?: string;
  bold?: boolean;
  hyperlink?: string;
  /** format.wrapText */
  wrap?: boolean;
}

export interface FakeSheet {
  /** Worksheet.id: stable across renames */
  id?: string;
  name: string;
  cells: Map<number, FakeCell>;
  merges: MergeArea[];
  notes: Map<string, string>;
  protected: boolean;
  /** the used range's box when some cells are formatted but hold no value (Office: getUsedRange(false)) */
  formattedBox: { bottom: number; right: number } | null;
  /** column widths set through format.columnWidth (points), by 0-based column */
  columnWidths?: Map<number, number>;
  /** Worksheet.pageLayout (ExcelApi 1.9) */
  pageLayout?: { orientation?: string; paperSize?: string };
}

export interface FakeOptions {
  /** requirement sets supported, e.g. { ExcelApi: "1.18" } */
  excelApi?: string;
  displayLanguage?: string;
  theme?: { bodyBackgroundColor: string; bodyForegroundColor: string } | null;
  readOnly?: boolean;
  /** the runtime this Office instance stands for: each has its own in-memory copy of the document settings */
  runtime?: string;
  /** write descriptions ("note.add", "comment.add", …) that cannot join a merged undo group (UndoNotSupported) */
  undoUnsupported?: string[];
  /** document settings the workbook was saved with (a reopened workbook: what the pane saved before) */
  settings?: Record<string, unknown>;
}

/** The ExcelApi level each API the fake implements needs (from the [Api set] annotations of @types/office-js). */
export const API_LEVELS: Record<string, string> = {
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.onAdded": "1.7",
  "WorksheetCollection.onDeleted": "1.7",
  "WorksheetCollection.onChanged": "1.9",
  "WorksheetCollection.onNameChanged": "1.17",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.onChanged": "1.7",
  "Worksheet.protection": "1.2",
  "Worksheet.notes": "1.18",
  "Range.hyperlink": "1.7",
  "Range.getMergedAreasOrNullObject": "1.13",
  "RangeFill.pattern": "1.9",
  "RangeFormat.autofitColumns": "1.2",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "Workbook.comments": "1.10",
  "CommentCollection.add": "1.10",
  "CommentCollection.getItem": "1.10",
  "CommentCollection.getItemByCell": "1.10",
  "CommentCollection.getItemOrNullObject": "1.14",
  "Comment.getLocation": "1.10",
  "Workbook.notes": "1.18",
  "NoteCollection.add": "1.18",
  "NoteCollection.getItem": "1.18",
  "NoteCollection.getItemOrNullObject": "1.18",
  "WorksheetChangedEventArgs.triggerSource": "1.14",
};

/** Excel on the web's payload limit for a request and for a response (5 MB; the fake takes 5,000,000 bytes, the stricter reading). */
export const PAYLOAD_LIMIT = 5_000_000;

/** UTF-8 bytes of a value sent as JSON (counted by hand: jsdom has no TextEncoder) */
export function utf8(v: unknown): number {
  const s = JSON.stringify(v ?? null);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface FakeChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: string;
  source: "Local";
  triggerSource?: "ThisLocalAddin" | "Unknown";
}
type Handler = (e: any) => Promise<void> | void; // eslint-disable-line @typescript-eslint/no-explicit-any

const COLS = 16384;
const key = (r: number, c: number) => r * COLS + c;
const NO_FILL = (): FakeCell["fill"] => ({ color: "#FFFFFF", pattern: "None" });

/** The workbook behind the fake: plain data a test can inspect and change directly. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  comments = new Map<string, { sheet: string; address: string; content: string }>();
  settings = new Map<string, unknown>();
  savedSettings = new Map<string, unknown>();
  activeSheet = 0;
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  /** bytes of the loaded data each sync returned */
  responseBytes: number[] = [];
  /** a write whose description matches throws at sync (failure injection) */
  failWrite: ((op: string) => boolean) | null = null;
  writesApplied = 0;
  /** every sync that failed, with its error: a stricter host would have shown the user each of these */
  failedSyncs: string[] = [];
  screenUpdatingSuspended = 0;
  /** onChanged handlers: of one sheet (by id), or of the whole collection (sheet null) */
  changeHandlers: Array<{ sheet: string | null; handler: Handler }> = [];
  /** worksheets.onAdded / onDeleted / onNameChanged handlers */
  collectionHandlers: Array<{ event: "added" | "deleted" | "nameChanged"; handler: Handler }> = [];
  /** the ExcelApi level of the host (set by createFakeOffice) */
  excelApi = "1.18";
  /** events raised by the add-in's own writes wait here until deliverEvents() (or a timer tick, unless held) */
  pendingEvents: Array<() => Promise<void>> = [];
  holdEvents = false;
  /** UTF-8 bytes of each sync's request */
  requestBytes: number[] = [];
  payloadLimit = PAYLOAD_LIMIT;
  /** in-memory settings of the runtimes other than the first */
  runtimeSettings = new Map<string, Map<string, unknown>>();
  /** Excel's undo stack: the workbook as it was before each step (newest last) */
  undoStack: Array<{ sheets: FakeSheet[]; comments: Map<string, { sheet: string; address: string; content: string }> }> = [];
  /** writes that fail a merged undo group (FakeOptions.undoUnsupported) */
  undoUnsupported: string[] = [];
  private nextComment = 1;
  private nextSheetId = 1;

  /** A new step on Excel's undo stack: the workbook as it is before the step's writes. */
  pushUndoStep(): void {
    this.undoStack.push({ sheets: structuredClone(this.sheets), comments: structuredClone(this.comments) });
  }

  /** The person's Ctrl+Z: the last step is undone (values, formats, fills, notes, comments, sheets); false if none. */
  undo(): boolean {
    const step = this.undoStack.pop();
    if (!step) return false;
    this.sheets = step.sheets;
    this.comments = step.comments;
    this.activeSheet = Math.min(this.activeSheet, Math.max(0, this.sheets.length - 1));
    return true;
  }

  newSheetId(): string {
    return `{${String(this.nextSheetId++).padStart(8, "0")}-0001-0000-0000-000000000000}`;
  }

  sheetIdOf(sheet: FakeSheet): string {
    if (!sheet.id) sheet.id = this.newSheetId();
    return sheet.id;
  }

  private async fire(handlers: Handler[], event: unknown): Promise<void> {
    for (const h of handlers) await h(event);
  }

  changedEvent(sheet: FakeSheet, address: string, bySelf: boolean): FakeChangedEvent {
    const e: FakeChangedEvent = { type: "WorksheetChanged", worksheetId: this.sheetIdOf(sheet), address, changeType: "RangeEdited", source: "Local" };
    if (versionAtLeast(this.excelApi, "1.14")) e.triggerSource = bySelf ? "ThisLocalAddin" : "Unknown";
    return e;
  }

  private changeHandlersOf(sheet: FakeSheet): Handler[] {
    const id = this.sheetIdOf(sheet);
    return this.changeHandlers.filter((x) => x.sheet === id || x.sheet === null).map((x) => x.handler);
  }

  /** A person edits a cell: the value changes and the sheet's onChanged handlers run (triggerSource "Unknown"). */
  async userEdit(sheetName: string, address: string, value: CellValue): Promise<void> {
    this.pushUndoStep();
    const sheet = this.sheet(sheetName);
    const at = parseAddress(address)!;
    this.setCell(sheet, at.row, at.col, { value });
    await this.fire(this.changeHandlersOf(sheet), this.changedEvent(sheet, address, false));
  }

  /** A person adds a sheet (worksheets.onAdded). */
  async userAddSheet(name: string): Promise<void> {
    const sheet: FakeSheet = { id: this.newSheetId(), name, cells: new Map(), merges: [], notes: new Map(), protected: false, formattedBox: null };
    this.sheets.push(sheet);
    await this.fire(this.collectionHandlers.filter((h) => h.event === "added").map((h) => h.handler), { type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" });
  }

  /** A person renames a sheet (worksheets.onNameChanged, ExcelApi 1.17). */
  async userRenameSheet(from: string, to: string): Promise<void> {
    const sheet = this.sheet(from);
    sheet.name = to;
    for (const c of this.comments.values()) if (c.sheet === from) c.sheet = to;
    await this.fire(this.collectionHandlers.filter((h) => h.event === "nameChanged").map((h) => h.handler), { type: "WorksheetNameChanged", worksheetId: this.sheetIdOf(sheet), nameBefore: from, nameAfter: to, source: "Local" });
  }

  /** A person deletes a sheet (worksheets.onDeleted); its comments go with it. */
  async userDeleteSheet(name: string): Promise<void> {
    const sheet = this.sheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.activeSheet = Math.min(this.activeSheet, this.sheets.length - 1);
    for (const [id, c] of [...this.comments]) if (c.sheet === name) this.comments.delete(id);
    await this.fire(this.collectionHandlers.filter((h) => h.event === "deleted").map((h) => h.handler), { type: "WorksheetDeleted", worksheetId: this.sheetIdOf(sheet), source: "Local" });
  }

  /** Raised by the add-in's own writes: queued, delivered after the sync as Excel does. */
  queueSelfChange(sheet: FakeSheet, address: string): void {
    const handlers = this.changeHandlersOf(sheet);
    if (handlers.length === 0) return;
    const event = this.changedEvent(sheet, address, true);
    this.pendingEvents.push(() => this.fire(handlers, event));
  }

  /** Delivers the events the add-in's writes raised so far. */
  async deliverEvents(): Promise<number> {
    let n = 0;
    while (this.pendingEvents.length) {
      await this.pendingEvents.shift()!();
      n++;
    }
    return n;
  }

  static fromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of snapshot.sheets) {
      const sheet: FakeSheet = { id: wb.newSheetId(), name: s.name, cells: new Map(), merges: structuredClone(s.merges), notes: new Map(), protected: false, formattedBox: null };
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = s.formats[r]?.[c] ?? "General";
          if (v !== "" || f !== "General") sheet.cells.set(key(s.top + r, s.left + c), { value: v, format: f, fill: NO_FILL() });
        }),
      );
      wb.sheets.push(sheet);
    }
    return wb;
  }

  /** A sheet by name or id (Worksheet getItem takes either). */
  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name) ?? this.sheets.find((x) => x.id === name);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet '${name}' does not exist.`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((x) => x.name === name || x.id === name);
  }

  cell(sheet: FakeSheet, r: number, c: number): FakeCell {
    return sheet.cells.get(key(r, c)) ?? { value: "", format: "General", fill: NO_FILL() };
  }

  setCell(sheet: FakeSheet, r: number, c: number, patch: Partial<FakeCell>): void {
    const cur = sheet.cells.get(key(r, c)) ?? { value: "", format: "General", fill: NO_FILL() };
    sheet.cells.set(key(r, c), { ...cur, ...patch, fill: patch.fill ? { ...patch.fill } : cur.fill });
  }

  /** The box of cells holding values (valuesOnly) or also formats/fills. */
  usedBox(sheet: FakeSheet, valuesOnly: boolean): { top: number; left: number; bottom: number; right: number } | null {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [k, cell] of sheet.cells) {
      const used = cell.value !== "" || (!valuesOnly && (cell.format !== "General" || cell.fill.pattern !== "None"));
      if (!used) continue;
      const r = Math.floor(k / COLS), c = k % COLS;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (!valuesOnly && sheet.formattedBox) {
      top = Math.min(top, 0);
      left = Math.min(left, 0);
      bottom = Math.max(bottom, sheet.formattedBox.bottom);
      right = Math.max(right, sheet.formattedBox.right);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  addComment(sheet: string, address: string, content: string): string {
    const id = `c${this.nextComment++}`;
    this.comments.set(id, { sheet, address, content });
    return id;
  }

  /** A plain copy of everything a user could see: values, formats, fills, notes, comments. */
  state(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].filter(([, c]) => c.value !== "" || c.format !== "General" || c.fill.pattern !== "None").sort((a, b) => a[0] - b[0]),
        notes: [...s.notes.entries()].sort(),
        merges: s.merges,
      })),
      comments: [...this.comments.values()],
    };
  }
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** A queued operation: runs at sync. */
type Op = () => void;

export class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: Op[] = [];
  private bytes = 0;
  private request = 0;
  /** the queue holds a write: its sync is a step of Excel's undo (or joins the run's step) */
  private writes = false;
  private stepTaken = false;
  constructor(
    readonly model: FakeWorkbook,
    /** Excel.run({ mergeUndoGroup: true }) at ExcelApi 1.20+: every sync of this run is one undo step */
    readonly mergeUndo = false,
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /** An API call: above the host's level it fails at sync with ApiNotFound, failing the whole batch, as Office.js does. */
  api(name: string): void {
    const level = API_LEVELS[name];
    if (level && !versionAtLeast(this.model.excelApi, level))
      this.enqueue(() => {
        throw new FakeOfficeError("ApiNotFound", `The requested API ${name} (ExcelApi ${level}) could not be found. It may not be available in this version of Excel.`);
      });
  }
  supports(name: string): boolean {
    const level = API_LEVELS[name];
    return !level || versionAtLeast(this.model.excelApi, level);
  }
  /** bytes a queued call sends in the request (its arguments, as JSON, in UTF-8) */
  send(value: unknown): void {
    this.request += utf8(value);
  }
  count(value: unknown): void {
    this.bytes += utf8(value);
  }
  async sync(): Promise<void> {
    try {
      await this.run();
    } catch (e) {
      this.model.failedSyncs.push(`${(e as FakeOfficeError).code ?? "Error"}: ${(e as Error).message}`);
      throw e;
    }
    // delivered after the sync resolves, as Excel raises them after the batch (unless a test holds them to deliver itself)
    if (this.model.pendingEvents.length && !this.model.holdEvents) void Promise.resolve().then(() => this.model.deliverEvents());
  }
  private async run(): Promise<void> {
    const ops = this.queue;
    const request = this.request;
    const writes = this.writes;
    this.writes = false;
    this.queue = [];
    this.bytes = 0;
    this.request = 0;
    this.model.syncs++;
    this.model.requestBytes.push(request);
    if (request > this.model.payloadLimit) {
      this.model.responseBytes.push(0);
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${request} bytes) has exceeded the limit (${this.model.payloadLimit}).`);
    }
    // one undo step per sync that writes; in a merged group, one for the whole run
    if (writes && !(this.mergeUndo && this.stepTaken)) {
      this.model.pushUndoStep();
      this.stepTaken = true;
    }
    try {
      for (const op of ops) op();
    } finally {
      this.model.responseBytes.push(this.bytes);
    }
    if (this.bytes > this.model.payloadLimit) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response payload size (${this.bytes} bytes) has exceeded the limit (${this.model.payloadLimit}).`);
    await Promise.resolve();
  }
  /** For writes: check the failure hook, then apply. */
  write(description: string, apply: () => void, payload?: unknown): void {
    this.send([description, payload ?? null]);
    this.writes = true;
    this.enqueue(() => {
      if (this.mergeUndo && this.model.undoUnsupported.includes(description)) throw new FakeOfficeError("UndoNotSupported", `${description} does not support undo and cannot join the undo group.`);
      if (this.model.failWrite?.(description)) throw new FakeOfficeError("GeneralException", `Injected failure: ${description}`);
      apply();
      this.model.writesApplied++;
    });
  }
  trackedObjects = { add: () => undefined, remove: () => undefined };
}

abstract class ProxyBase {
  protected loaded = new Map<string, unknown>();
  private didLoad = false;
  private synced = false;
  constructor(protected readonly ctx: FakeContext) {
    // as in Office.js, isNullObject is known after the next sync, with or without a load
    ctx.enqueue(() => {
      this.synced = true;
    });
  }
  protected abstract read(prop: string): unknown;
  protected readonly nullable: boolean = false;
  protected isNull(): boolean {
    return false;
  }
  /** the API name of a loadable property, for the level check ("RangeFill.pattern") */
  protected apiOf(_prop: string): string | null {
    return null;
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((s) => s.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : [];
    for (const p of list) {
      const api = p && this.apiOf(p);
      if (api) this.ctx.api(api);
    }
    this.ctx.send(list);
    this.ctx.enqueue(() => {
      this.didLoad = true;
      if (this.isNull()) return;
      for (const p of list) {
        if (!p) continue;
        const v = this.read(p);
        this.loaded.set(p.split("/")[0], v);
        this.ctx.count(v);
      }
    });
    return this;
  }
  protected get<T>(prop: string): T {
    if (this.isNull()) throw new FakeOfficeError("InvalidObjectPath", `The object is a null object; ${prop} is not available.`);
    if (!this.loaded.has(prop)) throw new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    if (!this.synced && !this.didLoad) throw new FakeOfficeError("PropertyNotLoaded", "The property 'isNullObject' is not available until context.sync().");
    return this.isNull();
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly comments: FakeCommentCollection;
  readonly notes: FakeNoteCollection;
  readonly application: { suspendScreenUpdatingUntilNextSync: () => void };
  get context(): FakeContext {
    return this.ctx;
  }
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.comments = new FakeCommentCollection(ctx);
    this.notes = new FakeNoteCollection(ctx, null, "Workbook.notes");
    this.application = {
      suspendScreenUpdatingUntilNextSync: () => {
        ctx.api("Application.suspendScreenUpdatingUntilNextSync");
        ctx.enqueue(() => void ctx.model.screenUpdatingSuspended++);
      },
    };
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.ctx, () => {
      const s = this.ctx.model.selection;
      if (!s) return { sheet: this.ctx.model.sheets[this.ctx.model.activeSheet].name, top: 0, left: 0, bottom: 0, right: 0 };
      const r = parseRange(s.address)!;
      return { sheet: s.sheet, ...r };
    });
  }
}

class FakeWorksheetCollection extends ProxyBase {
  protected read(prop: string): unknown {
    if (prop.startsWith("items")) return this.ctx.model.sheets.map((s) => ({ name: s.name, id: this.ctx.model.sheetIdOf(s) }));
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get items(): FakeWorksheet[] {
    const names = this.get<Array<{ name: string; id: string }>>("items");
    return names.map((n) => {
      const w = new FakeWorksheet(this.ctx, n.id);
      w.preload("name", n.name);
      w.preload("id", n.id);
      return w;
    });
  }
  /** by name or id, as Office.js */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, key);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    this.ctx.api("WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.ctx, key, true);
  }
  private collectionEvent(api: string, event: "added" | "deleted" | "nameChanged") {
    const ctx = this.ctx;
    return {
      add(handler: Handler) {
        ctx.api(api);
        const entry = { event, handler };
        ctx.enqueue(() => void ctx.model.collectionHandlers.push(entry));
        return { context: ctx, remove: () => ctx.enqueue(() => void (ctx.model.collectionHandlers = ctx.model.collectionHandlers.filter((h) => h !== entry))) };
      },
    };
  }
  get onAdded() {
    return this.collectionEvent("WorksheetCollection.onAdded", "added");
  }
  get onDeleted() {
    return this.collectionEvent("WorksheetCollection.onDeleted", "deleted");
  }
  get onNameChanged() {
    return this.collectionEvent("WorksheetCollection.onNameChanged", "nameChanged");
  }
  /** every sheet's changes, sheets added later included (ExcelApi 1.9) */
  get onChanged() {
    const ctx = this.ctx;
    return {
      add(handler: Handler) {
        ctx.api("WorksheetCollection.onChanged");
        const entry = { sheet: null, handler };
        ctx.enqueue(() => void ctx.model.changeHandlers.push(entry));
        return { context: ctx, remove: () => ctx.enqueue(() => void (ctx.model.changeHandlers = ctx.model.changeHandlers.filter((h) => h !== entry))) };
      },
    };
  }
  add(name: string): FakeWorksheet {
    this.ctx.write("worksheets.add", () => {
      if (this.ctx.model.sheets.some((s) => s.name === name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
      this.ctx.model.sheets.push({ id: this.ctx.model.newSheetId(), name, cells: new Map(), merges: [], notes: new Map(), protected: false, formattedBox: null });
    }, name);
    return new FakeWorksheet(this.ctx, name);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.ctx.model.sheets[this.ctx.model.activeSheet].name);
  }
}

class FakeWorksheet extends ProxyBase {
  readonly notes: FakeNoteCollection;
  readonly protection: FakeProtection;
  constructor(
    ctx: FakeContext,
    readonly sheetName: string,
    private readonly orNull = false,
  ) {
    super(ctx);
    this.notes = new FakeNoteCollection(ctx, sheetName, "Worksheet.notes");
    this.protection = new FakeProtection(ctx, sheetName);
  }
  protected isNull(): boolean {
    return this.orNull && !this.ctx.model.hasSheet(this.sheetName);
  }
  /** the sheet's current name (the proxy may hold an id) */
  currentName(): string {
    return this.ctx.model.sheet(this.sheetName).name;
  }
  /** Worksheet.pageLayout: ExcelApi 1.9; on an older host the property does not exist */
  get pageLayout(): { orientation: string; paperSize: string } | undefined {
    if (!versionAtLeast(this.ctx.model.excelApi, "1.9")) return undefined;
    const ctx = this.ctx;
    const name = this.sheetName;
    const set = (k: "orientation" | "paperSize", v: string) =>
      ctx.write(`pageLayout.${k}`, () => {
        const sheet = ctx.model.sheet(name);
        sheet.pageLayout = { ...sheet.pageLayout, [k]: v };
      });
    return {
      set orientation(v: string) {
        set("orientation", v);
      },
      get orientation(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "pageLayout.orientation is write-only in this fake");
      },
      set paperSize(v: string) {
        set("paperSize", v);
      },
      get paperSize(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "pageLayout.paperSize is write-only in this fake");
      },
    };
  }
  delete(): void {
    this.ctx.write("worksheet.delete", () => {
      if (!this.ctx.model.hasSheet(this.sheetName)) {
        if (this.orNull) return; // deleting a null object does nothing
        throw new FakeOfficeError("ItemNotFound", `The worksheet '${this.sheetName}' does not exist.`);
      }
      const gone = this.ctx.model.sheet(this.sheetName);
      this.ctx.model.sheets = this.ctx.model.sheets.filter((s) => s !== gone);
      this.ctx.model.activeSheet = Math.min(this.ctx.model.activeSheet, this.ctx.model.sheets.length - 1);
    });
  }
  preload(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  protected read(prop: string): unknown {
    const s = this.ctx.model.sheet(this.sheetName);
    if (prop === "name") return s.name;
    if (prop === "id") return this.ctx.model.sheetIdOf(s);
    if (prop === "visibility") return "Visible";
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.api("Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(this.ctx, () => {
      const box = this.ctx.model.usedBox(this.ctx.model.sheet(this.sheetName), !!valuesOnly);
      return box ? { sheet: this.currentName(), ...box } : null;
    });
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, () => ({ sheet: this.currentName(), top: 0, left: 0, bottom: 1048575, right: 16383 }));
    const r = parseRange(splitAddress(address).range);
    if (!r) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    this.ctx.send(address);
    return new FakeRange(this.ctx, () => ({ sheet: this.currentName(), ...r }));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.ctx.api("Worksheet.getRangeByIndexes");
    return new FakeRange(this.ctx, () => ({ sheet: this.currentName(), top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }));
  }
  get onChanged() {
    const ctx = this.ctx;
    const key = this.sheetName;
    return {
      add(handler: Handler) {
        ctx.api("Worksheet.onChanged");
        const entry = { sheet: "", handler };
        ctx.enqueue(() => {
          entry.sheet = ctx.model.sheetIdOf(ctx.model.sheet(key));
          ctx.model.changeHandlers.push(entry);
        });
        return {
          context: ctx,
          remove: () => ctx.enqueue(() => void (ctx.model.changeHandlers = ctx.model.changeHandlers.filter((h) => h !== entry))),
        };
      },
    };
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.model.activeSheet = this.ctx.model.sheets.indexOf(this.ctx.model.sheet(this.sheetName));
    });
  }
}

class FakeProtection extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
  ) {
    super(ctx);
  }
  protected apiOf(): string {
    return "Worksheet.protection";
  }
  protected read(prop: string): unknown {
    if (prop === "protected") return this.ctx.model.sheet(this.sheetName).protected;
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

type Box = { sheet: string; top: number; left: number; bottom: number; right: number } | null;

class FakeRange extends ProxyBase {
  readonly format: FakeRangeFormat;
  private box: Box | undefined;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Box,
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
  }
  /** resolved at the first sync that touches the range, as Office does */
  where(): Box {
    if (this.box === undefined) this.box = this.resolve();
    return this.box;
  }
  protected isNull(): boolean {
    return this.where() === null;
  }
  private grid<T>(f: (cell: FakeCell, r: number, c: number) => T): T[][] {
    const b = this.where()!;
    const sheet = this.ctx.model.sheet(b.sheet);
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c++) row.push(f(this.ctx.model.cell(sheet, r, c), r, c));
      out.push(row);
    }
    return out;
  }
  protected read(prop: string): unknown {
    const b = this.where()!;
    switch (prop) {
      case "address":
        return `${quoteSheet(b.sheet)}!${b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`}`;
      case "rowIndex":
        return b.top;
      case "columnIndex":
        return b.left;
      case "rowCount":
        return b.bottom - b.top + 1;
      case "columnCount":
        return b.right - b.left + 1;
      case "values":
        return this.grid((c) => c.value);
      case "numberFormat":
        return this.grid((c) => c.format);
      case "text":
        return this.grid((c) => String(c.value));
      case "formulas":
        return this.grid((c) => c.formula ?? c.value);
      default:
        throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
    }
  }
  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): CellValue[][] {
    return this.get("values");
  }
  /** A queued write to every cell of the range, refused on a protected sheet, as Office.js does. */
  writeCells(what: string, patch: (r: number, c: number, cell: FakeCell) => Partial<FakeCell>, payload?: unknown, changesData = false): void {
    this.ctx.write(
      what,
      () => {
        const b = this.where()!;
        const sheet = this.ctx.model.sheet(b.sheet);
        if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
        for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) this.ctx.model.setCell(sheet, r, c, patch(r - b.top, c - b.left, this.ctx.model.cell(sheet, r, c)));
        if (changesData) this.ctx.model.queueSelfChange(sheet, b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
      },
      payload,
    );
  }
  /** Strings are taken as typed text: Excel parses them (see excelTyped). */
  set values(v: CellValue[][]) {
    this.writeCells(
      "values",
      (r, c, cell) => {
        const t = excelTyped(v[r][c], cell.format);
        const patch: Partial<FakeCell> = { value: t.value, formula: t.formula };
        if (t.format) patch.format = t.format;
        return patch;
      },
      v,
      true,
    );
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.writeCells("numberFormat", (r, c) => ({ format: v[r][c] }), v);
  }
  get formulas(): CellValue[][] {
    return this.get("formulas");
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.api("Range.hyperlink");
    this.ctx.write("hyperlink", () => {
      const b = this.where()!;
      const sheet = this.ctx.model.sheet(b.sheet);
      this.ctx.model.setCell(sheet, b.top, b.left, { hyperlink: h.documentReference ?? h.address, value: h.textToDisplay ?? this.ctx.model.cell(sheet, b.top, b.left).value });
    }, h);
  }
  /** clears values, formats and fills of the range's cells */
  clear(): void {
    this.ctx.write("range.clear", () => {
      const b = this.where()!;
      const sheet = this.ctx.model.sheet(b.sheet);
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      for (const k of [...sheet.cells.keys()]) {
        const r = Math.floor(k / COLS), c = k % COLS;
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) sheet.cells.delete(k);
      }
      this.ctx.model.queueSelfChange(sheet, `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`);
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.api("Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.ctx, this);
  }
  select(): void {
    this.ctx.enqueue(() => {
      const b = this.where()!;
      this.ctx.model.activeSheet = this.ctx.model.sheets.indexOf(this.ctx.model.sheet(b.sheet));
      this.ctx.model.selection = { sheet: b.sheet, address: b.top === b.bottom && b.left === b.right ? a1(b.top, b.left) : `${a1(b.top, b.left)}:${a1(b.bottom, b.right)}` };
    });
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.where()!.sheet);
  }
}

class FakeRangeAreas extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  private merges(): MergeArea[] {
    const b = this.range.where();
    if (!b) return [];
    return this.ctx.model.sheet(b.sheet).merges.filter((m) => m.top <= b.bottom && m.bottom >= b.top && m.left <= b.right && m.right >= b.left);
  }
  protected isNull(): boolean {
    return this.merges().length === 0;
  }
  protected read(prop: string): unknown {
    const b = this.range.where()!;
    const addrs = this.merges().map((m) => `${quoteSheet(b.sheet)}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
    if (prop === "address") return addrs.join(",");
    if (prop.startsWith("areas")) return addrs;
    if (prop === "areaCount") return addrs.length;
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get address(): string {
    return this.get("address");
  }
  get areas(): { items: Array<{ address: string }> } {
    return { items: this.get<string[]>("areas").map((address) => ({ address })) };
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    this.fill = new FakeRangeFill(ctx, range);
    this.font = {
      set bold(v: boolean) {
        range.writeCells("font.bold", () => ({ bold: v }));
      },
      get bold(): boolean {
        throw new FakeOfficeError("PropertyNotLoaded", "font.bold is write-only in this fake");
      },
    };
  }
  autofitColumns(): void {
    ctxOf(this.fill).api("RangeFormat.autofitColumns");
  }
  /** the width of every column of the range, in points (write-only here) */
  set columnWidth(points: number) {
    this.ctx.write("format.columnWidth", () => {
      const b = this.range.where()!;
      const sheet = this.ctx.model.sheet(b.sheet);
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      sheet.columnWidths ??= new Map();
      for (let c = b.left; c <= b.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  set wrapText(on: boolean) {
    this.range.writeCells("format.wrapText", () => ({ wrap: on }));
  }
}

const ctxOf = (p: FakeRangeFill): FakeContext => p.context;

class FakeRangeFill extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  get context(): FakeContext {
    return this.ctx;
  }
  protected apiOf(prop: string): string | null {
    return prop === "pattern" ? "RangeFill.pattern" : null;
  }
  private first(): FakeCell {
    const b = this.range.where()!;
    return this.ctx.model.cell(this.ctx.model.sheet(b.sheet), b.top, b.left);
  }
  protected read(prop: string): unknown {
    if (prop === "color") return this.first().fill.color;
    if (prop === "pattern") return this.first().fill.pattern;
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.ctx.send(v);
    this.each("fill.color", () => ({ color: v.toUpperCase(), pattern: "Solid" }));
  }
  get pattern(): string {
    return this.get("pattern");
  }
  clear(): void {
    this.each("fill.clear", NO_FILL);
  }
  private each(what: string, fill: () => FakeCell["fill"]): void {
    this.range.writeCells(what, () => ({ fill: fill() }));
  }
}

class FakeNoteCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string | null,
    private readonly api: string,
  ) {}
  add(cellAddress: string, content: string): FakeNote {
    this.ctx.api(this.api);
    this.ctx.api("NoteCollection.add");
    const { sheet, range } = splitAddress(cellAddress);
    const sheetName = sheet ?? this.sheetName!;
    this.ctx.write(
      "note.add",
      () => {
        const s = this.ctx.model.sheet(sheetName);
        if (s.notes.has(range)) throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
        if ([...this.ctx.model.comments.values()].some((c) => c.sheet === s.name && c.address === range)) throw new FakeOfficeError("InvalidArgument", "The cell already has a comment.");
        if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
        s.notes.set(range, content);
      },
      [cellAddress, content],
    );
    return new FakeNote(this.ctx, sheetName, range, true);
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    this.ctx.api(this.api);
    this.ctx.api("NoteCollection.getItemOrNullObject");
    const { sheet, range } = splitAddress(cellAddress);
    return new FakeNote(this.ctx, sheet ?? this.sheetName!, range, true);
  }
  /** throws ItemNotFound at sync when the cell has no note */
  getItem(cellAddress: string): FakeNote {
    this.ctx.api(this.api);
    this.ctx.api("NoteCollection.getItem");
    const { sheet, range } = splitAddress(cellAddress);
    return new FakeNote(this.ctx, sheet ?? this.sheetName!, range, false);
  }
}

class FakeNote extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly cellAddress: string,
    orNull: boolean,
  ) {
    super(ctx);
    if (!orNull)
      ctx.enqueue(() => {
        if (!this.ctx.model.sheet(this.sheetName).notes.has(this.cellAddress)) throw new FakeOfficeError("ItemNotFound", `There is no note at ${this.cellAddress}.`);
      });
  }
  protected isNull(): boolean {
    return !this.ctx.model.sheet(this.sheetName).notes.has(this.cellAddress);
  }
  protected read(prop: string): unknown {
    if (prop === "content") return this.ctx.model.sheet(this.sheetName).notes.get(this.cellAddress);
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get content(): string {
    return this.get("content");
  }
  delete(): void {
    this.ctx.write("note.delete", () => {
      this.ctx.model.sheet(this.sheetName).notes.delete(this.cellAddress);
    });
  }
}

class FakeCommentCollection extends ProxyBase {
  protected read(prop: string): unknown {
    if (prop.startsWith("items")) return [...this.ctx.model.comments.entries()].map(([id, c]) => ({ id, content: c.content }));
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  protected apiOf(): string {
    return "Workbook.comments";
  }
  get items(): FakeComment[] {
    return this.get<Array<{ id: string }>>("items").map((x) => {
      const c = new FakeComment(this.ctx, x.id);
      c.preloadId();
      return c;
    });
  }
  /** refuses a cell that already holds a comment or a note (OfficeDev/office-js#1416) */
  add(cellAddress: string, content: string): FakeComment {
    this.ctx.api("Workbook.comments");
    this.ctx.api("CommentCollection.add");
    const { sheet, range } = splitAddress(cellAddress);
    const c = new FakeComment(this.ctx, null);
    this.ctx.write(
      "comment.add",
      () => {
        const s = this.ctx.model.sheet(sheet!);
        if ([...this.ctx.model.comments.values()].some((x) => x.sheet === s.name && x.address === range)) throw new FakeOfficeError("InvalidArgument", `The cell ${cellAddress} already has a comment.`);
        if (s.notes.has(range)) throw new FakeOfficeError("InvalidArgument", `The cell ${cellAddress} already has a note.`);
        if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
        c.id_ = this.ctx.model.addComment(s.name, range, content);
        c.preloadId();
      },
      [cellAddress, content],
    );
    return c;
  }
  /** ExcelApi 1.14 */
  getItemOrNullObject(id: string): FakeComment {
    this.ctx.api("Workbook.comments");
    this.ctx.api("CommentCollection.getItemOrNullObject");
    return new FakeComment(this.ctx, id);
  }
  /** ExcelApi 1.10: ItemNotFound at sync when there is no such comment */
  getItem(id: string): FakeComment {
    this.ctx.api("Workbook.comments");
    this.ctx.api("CommentCollection.getItem");
    const c = new FakeComment(this.ctx, id);
    this.ctx.enqueue(() => {
      if (!this.ctx.model.comments.has(id)) throw new FakeOfficeError("ItemNotFound", `The comment ${id} does not exist.`);
    });
    return c;
  }
  /** ExcelApi 1.10: ItemNotFound at sync when the cell has no comment */
  getItemByCell(cellAddress: string): FakeComment {
    this.ctx.api("Workbook.comments");
    this.ctx.api("CommentCollection.getItemByCell");
    const { sheet, range } = splitAddress(cellAddress);
    const c = new FakeComment(this.ctx, null);
    this.ctx.enqueue(() => {
      const s = this.ctx.model.sheet(sheet!);
      const hit = [...this.ctx.model.comments.entries()].find(([, x]) => x.sheet === s.name && x.address === range);
      if (!hit) throw new FakeOfficeError("ItemNotFound", `There is no comment at ${cellAddress}.`);
      c.id_ = hit[0];
    });
    return c;
  }
}

class FakeComment extends ProxyBase {
  constructor(
    ctx: FakeContext,
    public id_: string | null,
  ) {
    super(ctx);
  }
  preloadId(): void {
    this.loaded.set("id", this.id_);
  }
  protected isNull(): boolean {
    return !this.id_ || !this.ctx.model.comments.has(this.id_);
  }
  protected read(prop: string): unknown {
    const c = this.ctx.model.comments.get(this.id_!);
    if (prop === "id") return this.id_;
    if (prop === "content") return c?.content;
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get id(): string {
    return this.get("id");
  }
  get content(): string {
    return this.get("content");
  }
  /** the comment's cell (ExcelApi 1.10) */
  getLocation(): FakeRange {
    this.ctx.api("Comment.getLocation");
    return new FakeRange(this.ctx, () => {
      const c = this.ctx.model.comments.get(this.id_!);
      if (!c) throw new FakeOfficeError("ItemNotFound", `The comment ${this.id_} does not exist.`);
      const r = parseRange(c.address)!;
      return { sheet: c.sheet, ...r };
    });
  }
  delete(): void {
    this.ctx.write("comment.delete", () => {
      if (this.id_) this.ctx.model.comments.delete(this.id_);
    });
  }
}

function versionAtLeast(have: string, want: string | number): boolean {
  // Office.js accepts the version as a string or a number (office-js-helpers passes 1.4)
  const h = have.split(".").map(Number), w = String(want).split(".").map(Number);
  for (let i = 0; i < Math.max(h.length, w.length); i++) {
    if ((h[i] ?? 0) !== (w[i] ?? 0)) return (h[i] ?? 0) > (w[i] ?? 0);
  }
  return true;
}

const DAY_MS = 86_400_000;
/** Excel's date serial (the 1900 system) of a calendar date */
export const dateSerial = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY_MS);

/**
 * A value written through Range.values, as Excel stores it: strings are parsed as typed text (the documented
 * behaviour of `values`: "If the value starts with '=' … Excel interprets this value as a formula"; numbers, percents,
 * dates and thousand separators are recognised as when typed). A cell formatted "@" keeps text as it is; a leading
 * apostrophe keeps the rest as text. The number format changes only where the cell's was General.
 */
export function excelTyped(v: CellValue, format: string): { value: CellValue; format?: string; formula?: string } {
  if (typeof v !== "string" || v === "" || format === "@") return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  const general = format === "General";
  const t = v.trim();
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([+-]?\d+))?$/;
  let m = num.exec(t);
  if (m) {
    const n = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}${m[4] !== undefined ? `e${m[4]}` : ""}`);
    const f = m[4] !== undefined ? "0.00E+00" : m[2].includes(",") ? (m[3] ? "#,##0.00" : "#,##0") : undefined;
    return { value: n, format: general ? f : undefined };
  }
  m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*%$/.exec(t);
  if (m) {
    const n = Number(`${m[1]}${m[2].replace(/,/g, "")}${m[3] ?? ""}`) / 100;
    return { value: Math.round(n * 1e12) / 1e12, format: general ? (m[3] ? "0.00%" : "0%") : undefined };
  }
  m = /^([¥￥$])\s*([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/.exec(t);
  if (m) return { value: Number(`${m[2]}${m[3].replace(/,/g, "")}${m[4] ?? ""}`), format: general ? `"${m[1]}"#,##0${m[4] ? ".00" : ""}` : undefined };
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900)
      return { value: dateSerial(y, mo, d), format: general ? (t.includes("年") ? 'yyyy"年"m"月"d"日"' : "yyyy/m/d") : undefined };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toUpperCase() === "TRUE" };
  // "=…" is a formula; so is "+…"/"-…" when more than the sign (Excel prefixes "="); a lone "-" stays text
  if (t.startsWith("=") || (/^[+-]/.test(t) && t.length > 1)) return { value: "#NAME?", formula: t.startsWith("=") ? t : `=${t}` };
  return { value: v };
}

/** Builds the `Office` and `Excel` globals over a fake workbook: one runtime (pane or ribbon command) of the add-in. */
export function createFakeOffice(model: FakeWorkbook, options: FakeOptions = {}) {
  const excelApi = options.excelApi ?? "1.18";
  model.excelApi = excelApi;
  model.undoUnsupported = options.undoUnsupported ?? [];
  if (options.settings)
    for (const [k, v] of Object.entries(options.settings)) {
      model.savedSettings.set(k, structuredClone(v));
      model.settings.set(k, structuredClone(v));
    }
  const runtime = options.runtime ?? "pane";
  const clone = (m: Map<string, unknown>) => new Map([...m].map(([k, v]) => [k, structuredClone(v)]));
  // the first runtime ("pane") keeps its in-memory copy in model.settings; each other runtime loads its own copy now
  if (runtime !== "pane") model.runtimeSettings.set(runtime, clone(model.savedSettings));
  const mine = (): Map<string, unknown> => (runtime === "pane" ? model.settings : model.runtimeSettings.get(runtime)!);
  type Cb = (r: { status: string; error?: { message: string }; value?: unknown }) => void;
  const settings = {
    get: (name: string) => (mine().has(name) ? structuredClone(mine().get(name)) : null),
    set: (name: string, value: unknown) => void mine().set(name, structuredClone(value)),
    remove: (name: string) => void mine().delete(name),
    // callbacks are asynchronous, as in Office.js (on a microtask: the fake does not model the host's latency)
    /** persists this runtime's whole in-memory bag, replacing what another runtime saved */
    saveAsync: (a?: unknown, b?: unknown) => {
      const cb = (typeof a === "function" ? a : b) as Cb | undefined;
      if (options.readOnly) {
        void Promise.resolve().then(() => cb?.({ status: "failed", error: { message: "The document is read-only." } }));
        return;
      }
      model.savedSettings = clone(mine());
      void Promise.resolve().then(() => cb?.({ status: "succeeded" }));
    },
    /** reloads this runtime's copy from what is saved in the document */
    refreshAsync: (cb?: Cb) => {
      const m = mine();
      m.clear();
      for (const [k, v] of clone(model.savedSettings)) m.set(k, v);
      void Promise.resolve().then(() => cb?.({ status: "succeeded", value: settings }));
    },
  };
  const Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: options.displayLanguage ?? "zh-CN",
      officeTheme: options.theme === undefined ? { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000" } : options.theme,
      requirements: {
        isSetSupported: (name: string, version?: string | number) => name === "ExcelApi" && versionAtLeast(excelApi, version ?? "1.1"),
      },
      document: { settings, mode: options.readOnly ? "readOnly" : "readWrite" },
    },
    actions: { associate: (_id: string, _f: unknown) => undefined },
  };
  const Excel = {
    ErrorCodes: { itemNotFound: "ItemNotFound", accessDenied: "AccessDenied", apiNotFound: "ApiNotFound", responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded" },
    EventTriggerSource: { unknown: "Unknown", thisLocalAddin: "ThisLocalAddin" },
    /** Excel.run(batch) or Excel.run(options, batch); RunOptions.mergeUndoGroup from ExcelApi 1.20 (ignored below) */
    async run<T>(a: ((ctx: FakeContext) => Promise<T>) | { mergeUndoGroup?: boolean }, b?: (ctx: FakeContext) => Promise<T>): Promise<T> {
      const batch = typeof a === "function" ? a : b!;
      const merge = typeof a === "object" && a !== null && a.mergeUndoGroup === true && versionAtLeast(excelApi, "1.20");
      const ctx = new FakeContext(model, merge);
      return batch(ctx);
    },
  };
  return { Office, Excel };
}

export { FakeContext as FakeRequestContext, parseAddress };
