/**
 * A test host that behaves like Office.js for the part of the Office/Excel API that selfeval uses:
 * `Office.onReady`, `Excel.run`, a request context whose proxies are empty until `load` + `sync`
 * (reading an unloaded property throws, as Office.js does), worksheets, used ranges, values, number formats, merged
 * areas, fills, notes, comments, selection, protection, document settings. Every queued operation runs at `sync()`,
 * in order, like a batch; syncs and the bytes each one returns are counted.
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
}

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
  /** the ExcelApi version the host reports (createFakeOffice sets it from its options) */
  excelApi = "1.18";
  screenUpdatingSuspended = 0;
  changeHandlers: Array<{ sheet: string; handler: (e: { worksheetId: string; address: string; changeType: string }) => Promise<void> }> = [];
  private nextComment = 1;

  /** A person edits a cell: the value changes and the sheet's onChanged handlers run. */
  async userEdit(sheetName: string, address: string, value: CellValue): Promise<void> {
    const sheet = this.sheet(sheetName);
    const at = parseAddress(address)!;
    this.setCell(sheet, at.row, at.col, { value });
    for (const h of this.changeHandlers.filter((x) => x.sheet === sheetName)) await h.handler({ worksheetId: sheetName, address, changeType: "RangeEdited" });
  }

  static fromSnapshot(snapshot: WorkbookSnapshot): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const s of snapshot.sheets) {
      const sheet: FakeSheet = { name: s.name, cells: new Map(), merges: structuredClone(s.merges), notes: new Map(), protected: false, formattedBox: null };
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

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new FakeOfficeError("ItemNotFound", `The worksheet '${name}' does not exist.`);
    return s;
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
  constructor(readonly model: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  count(value: unknown): void {
    this.bytes += JSON.stringify(value ?? null).length;
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.bytes = 0;
    this.model.syncs++;
    try {
      for (const op of ops) op();
    } finally {
      this.model.responseBytes.push(this.bytes);
    }
    await Promise.resolve();
  }
  /** For writes: check the failure hook, then apply. */
  write(description: string, apply: () => void): void {
    this.enqueue(() => {
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
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((s) => s.trim()) : Array.isArray(props) ? props : props ? Object.keys(props) : [];
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
    this.notes = new FakeNoteCollection(ctx, null);
    this.application = { suspendScreenUpdatingUntilNextSync: () => ctx.enqueue(() => void ctx.model.screenUpdatingSuspended++) };
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
    if (prop.startsWith("items")) return this.ctx.model.sheets.map((s) => s.name);
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get items(): FakeWorksheet[] {
    const names = this.get<string[]>("items");
    return names.map((n) => {
      const w = new FakeWorksheet(this.ctx, n);
      w.preload("name", n);
      return w;
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.write("worksheets.add", () => {
      if (this.ctx.model.sheets.some((s) => s.name === name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} exists.`);
      this.ctx.model.sheets.push({ name, cells: new Map(), merges: [], notes: new Map(), protected: false, formattedBox: null });
    });
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
    this.notes = new FakeNoteCollection(ctx, sheetName);
    this.protection = new FakeProtection(ctx, sheetName);
  }
  protected isNull(): boolean {
    return this.orNull && !this.ctx.model.sheets.some((s) => s.name === this.sheetName);
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
      if (!this.ctx.model.sheets.some((s) => s.name === this.sheetName)) {
        if (this.orNull) return; // deleting a null object does nothing
        throw new FakeOfficeError("ItemNotFound", `The worksheet '${this.sheetName}' does not exist.`);
      }
      this.ctx.model.sheets = this.ctx.model.sheets.filter((s) => s.name !== this.sheetName);
      this.ctx.model.activeSheet = Math.min(this.ctx.model.activeSheet, this.ctx.model.sheets.length - 1);
    });
  }
  preload(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
  }
  protected read(prop: string): unknown {
    const s = this.ctx.model.sheet(this.sheetName);
    if (prop === "name") return s.name;
    if (prop === "visibility") return "Visible";
    throw new FakeOfficeError("InvalidArgument", `Unknown property ${prop}`);
  }
  get name(): string {
    return this.get("name");
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const box = this.ctx.model.usedBox(this.ctx.model.sheet(this.sheetName), !!valuesOnly);
      return box ? { sheet: this.sheetName, ...box } : null;
    });
  }
  getRange(address?: string): FakeRange {
    if (address === undefined) return new FakeRange(this.ctx, () => ({ sheet: this.sheetName, top: 0, left: 0, bottom: 1048575, right: 16383 }));
    const r = parseRange(splitAddress(address).range);
    if (!r) throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    return new FakeRange(this.ctx, () => ({ sheet: this.sheetName, ...r }));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheetName, top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }));
  }
  get onChanged() {
    const ctx = this.ctx;
    const sheetName = this.sheetName;
    return {
      add(handler: (e: { worksheetId: string; address: string; changeType: string }) => Promise<void>) {
        const entry = { sheet: sheetName, handler };
        ctx.enqueue(() => void ctx.model.changeHandlers.push(entry));
        return {
          context: ctx,
          remove: () => ctx.enqueue(() => void (ctx.model.changeHandlers = ctx.model.changeHandlers.filter((h) => h !== entry))),
        };
      },
    };
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.model.activeSheet = this.ctx.model.sheets.findIndex((s) => s.name === this.sheetName);
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
  writeCells(what: string, patch: (r: number, c: number) => Partial<FakeCell>): void {
    this.ctx.write(what, () => {
      const b = this.where()!;
      const sheet = this.ctx.model.sheet(b.sheet);
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) this.ctx.model.setCell(sheet, r, c, patch(r - b.top, c - b.left));
    });
  }
  set values(v: CellValue[][]) {
    this.writeCells("values", (r, c) => ({ value: v[r][c] }));
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.writeCells("numberFormat", (r, c) => ({ format: v[r][c] }));
  }
  get formulas(): CellValue[][] {
    return this.get("formulas");
  }
  set hyperlink(h: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.ctx.write("hyperlink", () => {
      const b = this.where()!;
      const sheet = this.ctx.model.sheet(b.sheet);
      this.ctx.model.setCell(sheet, b.top, b.left, { hyperlink: h.documentReference ?? h.address, value: h.textToDisplay ?? this.ctx.model.cell(sheet, b.top, b.left).value });
    });
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
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this);
  }
  select(): void {
    this.ctx.enqueue(() => {
      const b = this.where()!;
      this.ctx.model.activeSheet = this.ctx.model.sheets.findIndex((s) => s.name === b.sheet);
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
    /* no layout here */
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

class FakeRangeFill extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
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
  ) {}
  add(cellAddress: string, content: string): FakeNote {
    const { sheet, range } = splitAddress(cellAddress);
    const sheetName = sheet ?? this.sheetName!;
    this.ctx.write("note.add", () => {
      const s = this.ctx.model.sheet(sheetName);
      if (s.notes.has(range)) throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
      if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      s.notes.set(range, content);
    });
    return new FakeNote(this.ctx, sheetName, range);
  }
  getItemOrNullObject(cellAddress: string): FakeNote {
    const { sheet, range } = splitAddress(cellAddress);
    return new FakeNote(this.ctx, sheet ?? this.sheetName!, range);
  }
  getItem(cellAddress: string): FakeNote {
    return this.getItemOrNullObject(cellAddress);
  }
}

class FakeNote extends ProxyBase {
  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private readonly cellAddress: string,
  ) {
    super(ctx);
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

class FakeCommentCollection {
  constructor(private readonly ctx: FakeContext) {}
  add(cellAddress: string, content: string): FakeComment {
    const { sheet, range } = splitAddress(cellAddress);
    const c = new FakeComment(this.ctx, null);
    this.ctx.write("comment.add", () => {
      c.id_ = this.ctx.model.addComment(sheet!, range, content);
      c.preloadId();
    });
    return c;
  }
  getItemOrNullObject(id: string): FakeComment {
    return new FakeComment(this.ctx, id);
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

/** Builds the `Office` and `Excel` globals over a fake workbook. */
export function createFakeOffice(model: FakeWorkbook, options: FakeOptions = {}) {
  const excelApi = options.excelApi ?? "1.18";
  model.excelApi = excelApi;
  const settings = {
    get: (name: string) => (model.settings.has(name) ? model.settings.get(name) : null),
    set: (name: string, value: unknown) => void model.settings.set(name, structuredClone(value)),
    remove: (name: string) => void model.settings.delete(name),
    saveAsync: (cb?: (r: { status: string; error?: { message: string } }) => void) => {
      if (options.readOnly) {
        cb?.({ status: "failed", error: { message: "The document is read-only." } });
        return;
      }
      model.savedSettings = new Map([...model.settings].map(([k, v]) => [k, structuredClone(v)]));
      setTimeout(() => cb?.({ status: "succeeded" }), 0);
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
    ErrorCodes: { itemNotFound: "ItemNotFound", accessDenied: "AccessDenied" },
    async run<T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> {
      const ctx = new FakeContext(model);
      return batch(ctx);
    },
  };
  return { Office, Excel };
}

export { FakeContext as FakeRequestContext, parseAddress };
