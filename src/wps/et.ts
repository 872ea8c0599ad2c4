/**
 * The members of WPS 表格's object model (ET, VBA's model over JavaScript: `window.Application`, `wps.EtApplication`)
 * that the add-in uses — and nothing more. Written by hand from the documented behaviour (Kingsoft's et-jsapi-declare is
 * not vendored: its licence forbids modifying it; it is an unmodified devDependency, and test/wps/et-declare.test.ts
 * checks that every member named here exists there and that Kingsoft's types stay assignable to these);
 * test/wps/fake-et.ts is a strict stand-in that implements exactly these members and throws on any other.
 *
 * The model's quirks the adapter copes with:
 * - every property access and method call crosses to WPS's process (~0.2 ms): read a sheet in a few big calls;
 * - indexes are 1-based (`Worksheets.Item(1)`, `Cells.Item(row, col)`);
 * - `Range.Value2` is a 2-D array over several cells, a scalar for one cell, and may come 1-D for a single row;
 *   an empty cell is undefined or null; an error is a CVErr number (-2146826281 for #DIV/0!);
 * - `NumberFormat` and `MergeCells` are null when they differ over the range;
 * - `Interior.Color` is BGR (0xBBGGRR); `Interior.Pattern = -4142` (xlNone) clears the fill;
 * - `Range.Value` is a method in the JS binding, not an assignable property: the adapter reads and writes `Value2`;
 * - notes are legacy comments (`Comment`, `AddComment`, `ClearComments`); `Comment.Text(text)` replaces the text.
 */

export type EtScalar = string | number | boolean | null | undefined;
/** what Value2 gives back: a scalar (one cell), a row (1-D), or rows */
export type EtValues = EtScalar | EtScalar[] | EtScalar[][];

export interface EtInterior {
  /** BGR: 0xBBGGRR */
  Color: number;
  /** 1 xlSolid, -4142 xlNone */
  Pattern: number;
}

export interface EtFont {
  Bold: boolean | null;
}

export interface EtComment {
  /** with an argument: replaces the whole text; returns the text */
  Text(text?: string): string;
  Delete(): void;
}

export interface EtHyperlinks {
  Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown;
}

export interface EtRange {
  Value2: EtValues;
  /** the displayed text; the adapter reads it only for a cell whose Value2 looks like a CVErr number */
  readonly Text: string | null;
  /** null when mixed */
  NumberFormat: string | null;
  readonly Formula: EtValues;
  readonly HasFormula: boolean | null;
  /** null when mixed */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  /** "$A$1:$C$2" (a method: the property takes arguments in VBA) */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  /** 1-based */
  readonly Row: number;
  /** 1-based */
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  ColumnWidth: number | null;
  WrapText: boolean | null;
  /** the cell's note, or null */
  readonly Comment: EtComment | null;
  AddComment(text: string): EtComment;
  ClearComments(): void;
  Select(): unknown;
  /** the range's cells, cleared of values and formats */
  Clear(): unknown;
}

export interface EtPageSetup {
  /** 1 portrait, 2 landscape */
  Orientation: number;
  /** 9 A4 */
  PaperSize: number;
}

export interface EtWorksheet {
  Name: string;
  /** survives a rename (the sheet's id for the add-in's records) */
  readonly CodeName: string;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  /** an A1 address on this sheet */
  Range(a1: string): EtRange;
  readonly Hyperlinks: EtHyperlinks;
  readonly PageSetup: EtPageSetup;
  Activate(): unknown;
  Delete(): unknown;
}

export interface EtWorksheets {
  readonly Count: number;
  /** 1-based, or a name */
  Item(index: number | string): EtWorksheet;
  /** a new sheet after the given one */
  Add(before?: EtWorksheet | null, after?: EtWorksheet | null): EtWorksheet;
}

export interface EtCustomXMLPart {
  readonly NamespaceURI: string;
  readonly XML: string;
  Delete(): void;
}

export interface EtCustomXMLParts {
  readonly Count: number;
  /** 1-based */
  Item(index: number): EtCustomXMLPart;
  Add(xml: string): EtCustomXMLPart;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly ReadOnly: boolean;
  readonly Worksheets: EtWorksheets;
  readonly CustomXMLParts: EtCustomXMLParts;
}

export interface EtApiEvent {
  AddApiEventListener(event: "SheetChange", handler: (sheet: EtWorksheet, target: EtRange) => void): unknown;
  RemoveApiEventListener(event: "SheetChange", handler: (sheet: EtWorksheet, target: EtRange) => void): unknown;
}

export interface EtTaskPane {
  Visible: boolean;
  readonly ID: number;
}

export interface EtPluginStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface EtApplication {
  /** null when no workbook is open */
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ApiEvent: EtApiEvent;
  /** may return null (a build without task panes, or none allowed now) */
  CreateTaskPane(url: string, title?: string): EtTaskPane | null;
  GetTaskPane(id: number): EtTaskPane | null;
  /** shared by the add-in's pages while WPS runs; not saved: never the place for settings */
  readonly PluginStorage: EtPluginStorage;
  readonly Build: string | number;
}

/** xlNone: no fill */
export const XL_NONE = -4142;
export const XL_SOLID = 1;
export const XL_LANDSCAPE = 2;
export const XL_PORTRAIT = 1;
export const XL_PAPER_A4 = 9;

/** CVErr numbers as Value2 gives them, and the error text each stands for. */
export const CVERR: ReadonlyMap<number, string> = new Map([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
  [-2146826245, "#GETTING_DATA"],
]);

/** "#RRGGBB" ↔ BGR number */
export function bgrOf(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a colour: ${hex}`);
  return parseInt(m[3], 16) * 0x10000 + parseInt(m[2], 16) * 0x100 + parseInt(m[1], 16);
}

export function hexOfBgr(bgr: number): string {
  const n = Math.max(0, Math.min(0xffffff, Math.round(bgr)));
  const r = n & 0xff, g = (n >> 8) & 0xff, b = (n >> 16) & 0xff;
  return `#${[r, g, b].map((x) => x.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

/** Value2 as rows: a scalar is one cell, a 1-D array one row. */
export function asRows(v: EtValues, rows: number, cols: number): EtScalar[][] {
  if (!Array.isArray(v)) return [[v]];
  if (v.length === 0) return [];
  if (!Array.isArray(v[0])) {
    const flat = v as EtScalar[];
    // one row given flat; a single column given flat is one value per row
    if (rows > 1 && cols === 1) return flat.map((x) => [x]);
    return [flat];
  }
  return v as EtScalar[][];
}
