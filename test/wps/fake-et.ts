/**
 * A strict stand-in for WPS 表格's object model (ET: `window.Application`, `wps.EtApplication()`), for the members the
 * add-in declares in src/wps/et.ts and nothing more — as test/host/fake-office.ts is for Office.js. Built from the
 * documented behaviour (no WPS runs on these machines); each quirk the adapter has to cope with is reproduced:
 * - any member outside the declared subset throws (a typo, or an API the add-in did not declare, fails the test);
 * - every property read, property write and method call is one bridge call, counted (`model.calls`);
 * - 1-based indexes: `Worksheets.Item(0)` throws;
 * - `Value2` is a 2-D array over a block, 1-D over a single row, a scalar for one cell, undefined for a blank cell;
 *   errors are CVErr numbers (-2146826281 for #DIV/0!);
 * - `NumberFormat`, `MergeCells`, `HasFormula`, `Interior.Color`, `Font.Bold` are null when mixed over a range;
 * - `Interior.Color` is BGR; `Interior.Pattern = -4142` clears the fill (and the colour reads white again);
 * - `Value` is a method (assigning it throws); strings written to Value2 are typed text (excelTyped: "90%" → 0.9,
 *   "'x" → the text x, "=…" → a formula); a cell formatted "@" keeps text;
 * - `AddComment` refuses a cell that has a comment; `Comment.Text(t)` replaces the text;
 * - the book's own writes raise SheetChange, as a person's edits do (WPS does not tell them apart);
 * - `CreateTaskPane` may return null (`FakeEtOptions.noTaskPane`).
 * Test code only: used by Jest and bundled for the browser test. Never shipped.
 */
import { address as a1Of, parseRange } from "../../src/core/a1";
import { CellValue, MergeArea, WorkbookSnapshot } from "../../src/core/snapshot";
import { excelTyped } from "../host/fake-office";

export interface EtCell {
  value: CellValue;
  format: string;
  fill: { color: string; pattern: "None" | "Solid" };
  formula?: string;
  bold?: boolean;
  wrap?: boolean;
}

export interface EtSheetModel {
  name: string;
  codeName: string;
  cells: Map<string, EtCell>;
  merges: MergeArea[];
  comments: Map<string, string>;
  protected: boolean;
  columnWidths: Map<number, number>;
  hyperlinks: Array<{ cell: string; subAddress: string; text: string }>;
  page: { orientation: number; paperSize: number };
}

export interface FakeEtOptions {
  readOnly?: boolean;
  /** CreateTaskPane returns null */
  noTaskPane?: boolean;
  build?: string;
}

const ERR_CODES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
  "#GETTING_DATA": -2146826245,
};

const blank = (): EtCell => ({ value: "", format: "General", fill: { color: "#FFFFFF", pattern: "None" } });
const WHITE_BGR = 0xffffff;
const bgr = (hex: string) => {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
};
const hexOf = (b: number) => {
  const r = b & 0xff, g = (b >> 8) & 0xff, bl = (b >> 16) & 0xff;
  return `#${[r, g, bl].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
};

export class StandInError extends Error {}

/** One value for all cells, or null where they differ (the object model's answer over a range). */
function same<T>(xs: T[]): T | null {
  if (xs.length === 0) return null;
  return xs.every((x) => x === xs[0]) ? xs[0] : null;
}

export class FakeEtWorkbook {
  name = "绩效自评表.xlsx";
  sheets: EtSheetModel[] = [];
  parts: Array<{ id: number; xml: string; ns: string }> = [];
  readOnly = false;
  /** bridge calls: property reads, writes and method calls */
  calls = 0;
  /** calls by "Type.Member" */
  byMember = new Map<string, number>();
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  listeners: Array<(sheet: unknown, target: unknown) => void> = [];
  taskPanes: Array<{ url: string; title?: string; visible: boolean }> = [];
  pluginStorage = new Map<string, string>();
  /** a write that fails (the stand-in throws from the setter) */
  failWrite: ((sheet: string, address: string) => boolean) | null = null;
  private nextId = 1;

  static fromSnapshot(snapshot: WorkbookSnapshot): FakeEtWorkbook {
    const wb = new FakeEtWorkbook();
    for (const s of snapshot.sheets) {
      const sheet = wb.addSheet(s.name);
      sheet.merges = s.merges.map((m) => ({ ...m }));
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = s.formats[r]?.[c] ?? "General";
          if (v !== "" || f !== "General") sheet.cells.set(a1Of(s.top + r, s.left + c), { ...blank(), value: v, format: f });
        }),
      );
    }
    return wb;
  }

  addSheet(name: string): EtSheetModel {
    const sheet: EtSheetModel = { name, codeName: `Sheet${this.nextId++}`, cells: new Map(), merges: [], comments: new Map(), protected: false, columnWidths: new Map(), hyperlinks: [], page: { orientation: 1, paperSize: 9 } };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): EtSheetModel {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new StandInError(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): EtCell {
    return this.sheet(sheet).cells.get(a1) ?? blank();
  }

  setCell(sheet: EtSheetModel, a1: string, patch: Partial<EtCell>): void {
    const next = { ...(sheet.cells.get(a1) ?? blank()), ...patch };
    if (next.value === "" && next.format === "General" && next.fill.pattern === "None" && !next.formula && !next.bold && !next.wrap) sheet.cells.delete(a1);
    else sheet.cells.set(a1, next);
  }

  /** A person edits a cell: SheetChange is raised. */
  userEdit(sheet: string, a1: string, value: CellValue): void {
    this.setCell(this.sheet(sheet), a1, { value });
    this.raise(this.sheet(sheet), a1);
  }

  raise(sheet: EtSheetModel, a1: string): void {
    for (const l of [...this.listeners]) l(worksheetProxy(this, sheet), rangeProxy(this, sheet, a1));
  }

  count(member: string): void {
    this.calls++;
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
  }

  /** everything a person could see: values, formats, fills, notes, formulas, merges, sheets, the report's layout */
  state(): unknown {
    const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, cells: sorted(s.cells), comments: sorted(s.comments), merges: s.merges, protected: s.protected })),
    };
  }

  addPart(xml: string): { id: number; xml: string; ns: string } {
    const root = /<(?:([\w.-]+):)?([\w.-]+)\b([^>]*)>/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ""));
    if (!root) throw new StandInError("CustomXMLParts.Add: not XML");
    const ns = new RegExp(`xmlns${root[1] ? `:${root[1]}` : ""}="([^"]*)"`).exec(root[3])?.[1] ?? "";
    const part = { id: this.nextId++, xml, ns };
    this.parts.push(part);
    return part;
  }
}

/** cells of a box, row by row */
function boxOf(a1: string): { top: number; left: number; bottom: number; right: number } {
  const b = parseRange(a1);
  if (!b) throw new StandInError(`Range("${a1}"): not an A1 address`);
  return b;
}

/**
 * A strict object: every member of `impl` (own accessors and methods) is the declared subset; any other read or write
 * throws; each read, write and call is one counted bridge call.
 */
function strict<T extends object>(wb: FakeEtWorkbook, type: string, impl: T): T {
  return new Proxy(impl, {
    get(target, key) {
      if (typeof key === "symbol") return undefined;
      const desc = Object.getOwnPropertyDescriptor(target, key);
      if (!desc) throw new StandInError(`WPS stand-in: ${type}.${String(key)} is outside the declared subset`);
      wb.count(`${type}.${key}`);
      if (desc.get) return desc.get.call(target);
      const v = desc.value;
      return typeof v === "function" ? (...args: unknown[]) => v.apply(target, args) : v;
    },
    set(target, key, value) {
      if (typeof key === "symbol") throw new StandInError(`WPS stand-in: ${type}: symbol key`);
      const desc = Object.getOwnPropertyDescriptor(target, key);
      if (!desc) throw new StandInError(`WPS stand-in: ${type}.${String(key)} is outside the declared subset`);
      if (!desc.set) throw new StandInError(`WPS stand-in: ${type}.${String(key)} is not assignable`);
      wb.count(`${type}.${key}=`);
      desc.set.call(target, value);
      return true;
    },
    has(target, key) {
      return typeof key === "string" && Object.prototype.hasOwnProperty.call(target, key);
    },
  });
}

function usedBox(s: EtSheetModel): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const grow = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const k of [...s.cells.keys(), ...s.comments.keys()]) {
    const b = boxOf(k);
    grow(b.top, b.left);
  }
  for (const m of s.merges) (grow(m.top, m.left), grow(m.bottom, m.right));
  return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
}

function rangeProxy(wb: FakeEtWorkbook, s: EtSheetModel, a1: string): unknown {
  const box = boxOf(a1);
  const h = box.bottom - box.top + 1, w = box.right - box.left + 1;
  const each = <T>(f: (a: string, r: number, c: number) => T): T[][] => {
    const out: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(f(a1Of(r, c), r, c));
      out.push(row);
    }
    return out;
  };
  const all = <T>(f: (a: string, r: number, c: number) => T): T[] => each(f).flat();
  const one = h === 1 && w === 1;
  const shaped = (rows: unknown[][]) => (one ? rows[0][0] : h === 1 ? rows[0] : rows);
  const onlyOne = (what: string) => {
    if (!one) throw new StandInError(`WPS stand-in: Range.${what} is used here on one cell only`);
  };
  const mergeOf = (r: number, c: number) => s.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) ?? null;
  const write = (a: string, patch: Partial<EtCell>) => {
    if (s.protected) throw new StandInError(`WPS stand-in: the sheet ${s.name} is protected`);
    if (wb.failWrite?.(s.name, a)) throw new StandInError(`WPS stand-in: injected failure at ${s.name}!${a}`);
    wb.setCell(s, a, patch);
  };
  const toValue2 = (c: EtCell | undefined): unknown => {
    if (!c || c.value === "") return undefined;
    if (typeof c.value === "string" && ERR_CODES[c.value.trim().toUpperCase()] !== undefined) return ERR_CODES[c.value.trim().toUpperCase()];
    return c.value;
  };
  const assign = (v: unknown) => {
    const rows = one ? [[v]] : h === 1 && Array.isArray(v) && !Array.isArray(v[0]) ? [v] : (v as unknown[][]);
    if (!Array.isArray(rows) || rows.length !== h || rows.some((r) => !Array.isArray(r) || r.length !== w)) throw new StandInError(`WPS stand-in: Value2 of ${a1} takes a ${h}×${w} array`);
    each((a, r, c) => {
      const x = rows[r - box.top][c - box.left] as CellValue | null | undefined;
      const cur = s.cells.get(a) ?? blank();
      const typed = excelTyped(x === null || x === undefined ? "" : x, cur.format);
      const patch: Partial<EtCell> = { value: typed.value, formula: typed.formula };
      if (typed.format) patch.format = typed.format;
      write(a, patch);
    });
    wb.raise(s, a1);
  };
  const impl = {
    get Value2() {
      return shaped(each((a) => toValue2(s.cells.get(a))));
    },
    set Value2(v: unknown) {
      assign(v);
    },
    /** a method in the JS binding (assigning it throws: it has no setter) */
    Value() {
      return shaped(each((a) => toValue2(s.cells.get(a))));
    },
    get Text() {
      onlyOne("Text");
      const c = s.cells.get(a1Of(box.top, box.left));
      return c ? String(c.value) : "";
    },
    get NumberFormat() {
      return same(all((a) => s.cells.get(a)?.format ?? "General"));
    },
    set NumberFormat(f: string | null) {
      each((a) => write(a, { format: String(f) }));
    },
    get Formula() {
      return shaped(each((a) => {
        const c = s.cells.get(a);
        return c?.formula ?? (c ? String(c.value) : "");
      }));
    },
    get HasFormula() {
      return same(all((a) => !!s.cells.get(a)?.formula));
    },
    get MergeCells() {
      return same(all((_a, r, c) => mergeOf(r, c) !== null));
    },
    get MergeArea() {
      onlyOne("MergeArea");
      const m = mergeOf(box.top, box.left);
      return rangeProxy(wb, s, m ? `${a1Of(m.top, m.left)}:${a1Of(m.bottom, m.right)}` : a1);
    },
    Address(rowAbsolute = true, columnAbsolute = true) {
      const part = (r: number, c: number) => {
        const a = a1Of(r, c);
        const m = /^([A-Z]+)(\d+)$/.exec(a)!;
        return `${columnAbsolute ? "$" : ""}${m[1]}${rowAbsolute ? "$" : ""}${m[2]}`;
      };
      return one ? part(box.top, box.left) : `${part(box.top, box.left)}:${part(box.bottom, box.right)}`;
    },
    get Row() {
      return box.top + 1;
    },
    get Column() {
      return box.left + 1;
    },
    get Rows() {
      return strict(wb, "Rows", { get Count() { return h; } });
    },
    get Columns() {
      return strict(wb, "Columns", { get Count() { return w; } });
    },
    get Interior() {
      return strict(wb, "Interior", {
        get Color() {
          const xs = all((a) => {
            const f = s.cells.get(a)?.fill;
            return f && f.pattern === "Solid" ? bgr(f.color) : WHITE_BGR;
          });
          return same(xs);
        },
        set Color(v: number | null) {
          if (typeof v !== "number" || v < 0 || v > 0xffffff) throw new StandInError(`Interior.Color takes a BGR number, not ${String(v)}`);
          each((a) => write(a, { fill: { color: hexOf(v as number), pattern: "Solid" } }));
        },
        get Pattern() {
          return same(all((a) => (s.cells.get(a)?.fill.pattern === "Solid" ? 1 : -4142)));
        },
        set Pattern(v: number | null) {
          if (v === -4142) each((a) => write(a, { fill: { color: "#FFFFFF", pattern: "None" } }));
          else if (v === 1) each((a) => write(a, { fill: { color: (s.cells.get(a) ?? blank()).fill.color, pattern: "Solid" } }));
          else throw new StandInError(`Interior.Pattern ${v} is not modelled`);
        },
      });
    },
    get Font() {
      return strict(wb, "Font", {
        get Bold() {
          return same(all((a) => !!s.cells.get(a)?.bold));
        },
        set Bold(v: boolean | null) {
          each((a) => write(a, { bold: !!v }));
        },
      });
    },
    get ColumnWidth() {
      return same(all((_a, _r, c) => s.columnWidths.get(c) ?? 8.38));
    },
    set ColumnWidth(v: number | null) {
      for (let c = box.left; c <= box.right; c++) s.columnWidths.set(c, Number(v));
    },
    get WrapText() {
      return same(all((a) => !!s.cells.get(a)?.wrap));
    },
    set WrapText(v: boolean | null) {
      each((a) => write(a, { wrap: !!v }));
    },
    get Comment() {
      onlyOne("Comment");
      const a = a1Of(box.top, box.left);
      return s.comments.has(a) ? commentProxy(wb, s, a) : null;
    },
    AddComment(text: string) {
      onlyOne("AddComment");
      const a = a1Of(box.top, box.left);
      if (s.protected) throw new StandInError(`WPS stand-in: the sheet ${s.name} is protected`);
      if (s.comments.has(a)) throw new StandInError(`WPS stand-in: ${s.name}!${a} already has a comment`);
      if (wb.failWrite?.(s.name, a)) throw new StandInError(`WPS stand-in: injected failure at ${s.name}!${a}`);
      s.comments.set(a, String(text));
      return commentProxy(wb, s, a);
    },
    ClearComments() {
      each((a) => s.comments.delete(a));
    },
    Select() {
      wb.selection = { sheet: s.name, address: a1 };
      return true;
    },
    Clear() {
      if (s.protected) throw new StandInError(`WPS stand-in: the sheet ${s.name} is protected`);
      each((a) => {
        s.cells.delete(a);
        s.comments.delete(a);
      });
      s.merges = s.merges.filter((m) => m.bottom < box.top || m.top > box.bottom || m.right < box.left || m.left > box.right);
      return true;
    },
  };
  const proxy = strict(wb, "Range", impl);
  RANGES.set(proxy, a1);
  return proxy;
}

/** the address each Range proxy stands for (Hyperlinks.Add's anchor), without a bridge call */
const RANGES = new WeakMap<object, string>();

function commentProxy(wb: FakeEtWorkbook, s: EtSheetModel, a: string): unknown {
  return strict(wb, "Comment", {
    Text(text?: string) {
      if (text !== undefined) {
        if (s.protected) throw new StandInError(`WPS stand-in: the sheet ${s.name} is protected`);
        if (!s.comments.has(a)) throw new StandInError("WPS stand-in: the comment was deleted");
        s.comments.set(a, String(text));
      }
      return s.comments.get(a) ?? "";
    },
    Delete() {
      if (s.protected) throw new StandInError(`WPS stand-in: the sheet ${s.name} is protected`);
      s.comments.delete(a);
    },
  });
}

function worksheetProxy(wb: FakeEtWorkbook, s: EtSheetModel): unknown {
  return strict(wb, "Worksheet", {
    get Name() {
      if (!wb.sheets.includes(s)) throw new StandInError("WPS stand-in: the sheet was deleted");
      return s.name;
    },
    set Name(v: string) {
      if (wb.sheets.some((x) => x !== s && x.name === v)) throw new StandInError(`WPS stand-in: a sheet named ${v} exists`);
      s.name = String(v);
    },
    get CodeName() {
      return s.codeName;
    },
    get ProtectContents() {
      return s.protected;
    },
    get UsedRange() {
      const b = usedBox(s);
      return rangeProxy(wb, s, `${a1Of(b.top, b.left)}:${a1Of(b.bottom, b.right)}`);
    },
    Range(a1: string) {
      if (typeof a1 !== "string" || a1.includes("!")) throw new StandInError(`WPS stand-in: Worksheet.Range takes an address on the sheet, not ${String(a1)}`);
      return rangeProxy(wb, s, a1.replace(/\$/g, ""));
    },
    get Hyperlinks() {
      return strict(wb, "Hyperlinks", {
        Add(anchor: unknown, _address: string, subAddress?: string, _tip?: string, text?: string) {
          const cell = RANGES.get(anchor as object);
          s.hyperlinks.push({ cell: cell ?? "?", subAddress: subAddress ?? "", text: text ?? "" });
          return {};
        },
      });
    },
    get PageSetup() {
      return strict(wb, "PageSetup", {
        get Orientation() {
          return s.page.orientation;
        },
        set Orientation(v: number) {
          s.page.orientation = v;
        },
        get PaperSize() {
          return s.page.paperSize;
        },
        set PaperSize(v: number) {
          s.page.paperSize = v;
        },
      });
    },
    Activate() {
      wb.activeSheet = s.name;
      return true;
    },
    Delete() {
      wb.sheets = wb.sheets.filter((x) => x !== s);
      return true;
    },
  });
}

/** The Application over a model; `wps.EtApplication()` returns the same. */
export function fakeEt(wb: FakeEtWorkbook, options: FakeEtOptions = {}): { Application: unknown; wps: unknown } {
  wb.readOnly = !!options.readOnly;
  const worksheets = strict(wb, "Worksheets", {
    get Count() {
      return wb.sheets.length;
    },
    Item(i: number | string) {
      if (typeof i === "number") {
        if (!Number.isInteger(i) || i < 1 || i > wb.sheets.length) throw new StandInError(`WPS stand-in: Worksheets.Item(${i}) — indexes are 1-based, 1…${wb.sheets.length}`);
        return worksheetProxy(wb, wb.sheets[i - 1]);
      }
      const s = wb.sheets.find((x) => x.name === i);
      if (!s) throw new StandInError(`WPS stand-in: no sheet named ${i}`);
      return worksheetProxy(wb, s);
    },
    Add(_before?: unknown, _after?: unknown) {
      let n = wb.sheets.length + 1;
      while (wb.sheets.some((x) => x.name === `Sheet${n}`)) n++;
      return worksheetProxy(wb, wb.addSheet(`Sheet${n}`));
    },
  });
  const parts = strict(wb, "CustomXMLParts", {
    get Count() {
      return wb.parts.length;
    },
    Item(i: number) {
      if (!Number.isInteger(i) || i < 1 || i > wb.parts.length) throw new StandInError(`WPS stand-in: CustomXMLParts.Item(${i}) — indexes are 1-based`);
      const part = wb.parts[i - 1];
      return strict(wb, "CustomXMLPart", {
        get NamespaceURI() {
          return part.ns;
        },
        get XML() {
          return part.xml;
        },
        Delete() {
          wb.parts = wb.parts.filter((p) => p !== part);
        },
      });
    },
    Add(xml: string) {
      if (wb.readOnly) throw new StandInError("WPS stand-in: the workbook is read-only");
      const part = wb.addPart(String(xml));
      return strict(wb, "CustomXMLPart", {
        get NamespaceURI() {
          return part.ns;
        },
        get XML() {
          return part.xml;
        },
        Delete() {
          wb.parts = wb.parts.filter((p) => p !== part);
        },
      });
    },
  });
  const workbook = strict(wb, "Workbook", {
    get Name() {
      return wb.name;
    },
    get ReadOnly() {
      return wb.readOnly;
    },
    get Worksheets() {
      return worksheets;
    },
    get CustomXMLParts() {
      return parts;
    },
  });
  const Application = strict(wb, "Application", {
    get ActiveWorkbook() {
      return workbook;
    },
    get ApiEvent() {
      return strict(wb, "ApiEvent", {
        AddApiEventListener(name: string, handler: (sheet: unknown, target: unknown) => void) {
          if (name !== "SheetChange") throw new StandInError(`WPS stand-in: event ${name} is not modelled`);
          wb.listeners.push(handler);
          return true;
        },
        RemoveApiEventListener(name: string, handler: (sheet: unknown, target: unknown) => void) {
          if (name !== "SheetChange") throw new StandInError(`WPS stand-in: event ${name} is not modelled`);
          wb.listeners = wb.listeners.filter((l) => l !== handler);
          return true;
        },
      });
    },
    CreateTaskPane(url: string, title?: string) {
      if (options.noTaskPane) return null;
      const pane = { url, title, visible: false };
      wb.taskPanes.push(pane);
      const id = wb.taskPanes.length;
      return strict(wb, "TaskPane", {
        get Visible() {
          return pane.visible;
        },
        set Visible(v: boolean) {
          pane.visible = !!v;
        },
        get ID() {
          return id;
        },
      });
    },
    GetTaskPane(id: number) {
      if (typeof id !== "number") throw new StandInError(`WPS stand-in: GetTaskPane takes the pane's number, not ${typeof id}`);
      const pane = wb.taskPanes[id - 1];
      if (!pane) return null;
      return strict(wb, "TaskPane", {
        get Visible() {
          return pane.visible;
        },
        set Visible(v: boolean) {
          pane.visible = !!v;
        },
        get ID() {
          return id;
        },
      });
    },
    get PluginStorage() {
      return strict(wb, "PluginStorage", {
        getItem(k: string) {
          return wb.pluginStorage.get(k) ?? null;
        },
        setItem(k: string, v: string) {
          wb.pluginStorage.set(k, String(v));
        },
      });
    },
    get Build() {
      return options.build ?? "12.1.0.16250";
    },
  });
  const wps = strict(wb, "wps", {
    EtApplication() {
      return Application;
    },
  });
  return { Application, wps };
}
