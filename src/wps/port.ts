import { address, quoteSheet, rangeAddress } from "../core/a1";
import { CellChange, CellRef, CellState, cellKey, planRestore } from "../core/changes";
import { NOTE_PREFIX } from "../core/marks";
import { CellValue } from "../core/snapshot";
import { CommentIndex, HostCapabilities, RefusedError, SheetIndex, SheetPlan, WorkbookPort, WriteError } from "../addin/port";
import { CVERR, EtApplication, EtRange, EtWorkbook, EtWorksheet, XL_LANDSCAPE, XL_NONE, XL_PAPER_A4, XL_PORTRAIT, XL_SOLID, asRows, bgrOf, hexOfBgr } from "./et";
import { readSheet } from "./read";
import { customXmlStore } from "./store";

/**
 * The port (src/addin/port.ts) over WPS 表格's object model. Every member is synchronous underneath (each property a
 * bridge call); the port keeps them few: a sheet is read in a handful of calls (read.ts), cells one by one only where
 * the add-in asks for cells. Notes are WPS's legacy comments: a person's note is kept as it is and ours goes after it
 * (from the line starting 【绩效自评校验】), so the add-in sees and changes only its own part. Settings, marks and the
 * undo record live in one custom XML part (store.ts). A protected sheet or a read-only workbook is refused before
 * anything is written.
 */
export function wpsPort(app: EtApplication): WorkbookPort {
  const book = (): EtWorkbook => {
    const wb = app.ActiveWorkbook;
    if (!wb) throw new RefusedError("WPS 表格中没有打开的工作簿。", "No workbook is open in WPS Spreadsheets.");
    return wb;
  };
  let build = "";
  try {
    build = String(app.Build ?? "");
  } catch {
    build = "";
  }
  const capabilities: HostCapabilities = { level: `WPS ${build || "?"}`.trim(), notes: true, comments: false, events: true };
  const store = customXmlStore(book);

  const sheetByName = (wb: EtWorkbook, name: string): EtWorksheet => wb.Worksheets.Item(name);

  const readStates = (cells: CellRef[]): CellState[] => {
    if (cells.length === 0) return [];
    const wb = book();
    const sheets = new Map<string, { ws: EtWorksheet; protected: boolean }>();
    return cells.map((c) => {
      let s = sheets.get(c.sheet);
      if (!s) {
        const ws = sheetByName(wb, c.sheet);
        s = { ws, protected: !!ws.ProtectContents };
        sheets.set(c.sheet, s);
      }
      return cellState(s.ws, c, s.protected);
    });
  };

  return {
    capabilities,
    store,
    async readSnapshot(options = {}) {
      const wb = book();
      const list = wb.Worksheets;
      const n = list.Count;
      const wanted: Array<{ ws: EtWorksheet; name: string }> = [];
      for (let i = 1; i <= n; i++) {
        const ws = list.Item(i);
        const name = ws.Name;
        if (!options.sheets || options.sheets.includes(name)) wanted.push({ ws, name });
      }
      const sheets = [];
      for (const [i, { ws, name }] of wanted.entries()) {
        sheets.push(readSheet(ws, name));
        options.onProgress?.(i + 1, wanted.length);
        // the object model is synchronous: let the pane paint its progress between sheets
        if (i + 1 < wanted.length) await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
      return { sheets };
    },
    async readSheets() {
      return sheetIndex(book());
    },
    async readCells(cells) {
      return readStates(cells);
    },
    async readComments(): Promise<CommentIndex> {
      // WPS has legacy notes only (no threaded comments): notes are the annotation
      return { ids: new Set(), byCell: new Map() };
    },
    async writeCells(changes, before) {
      if (changes.length === 0) return new Map();
      const wb = book();
      refuseReadOnly(wb);
      const sheets = new Map<string, EtWorksheet>();
      for (const ch of changes) if (!sheets.has(ch.sheet)) sheets.set(ch.sheet, sheetByName(wb, ch.sheet));
      const locked = [...sheets].filter(([, ws]) => ws.ProtectContents).map(([n]) => n);
      if (locked.length)
        throw new RefusedError(
          `工作表“${locked.join("、")}”受保护，未写入任何内容。请先撤销工作表保护（审阅 › 撤销工作表保护）。`,
          `The sheet(s) ${locked.join(", ")} are protected; nothing was written. Unprotect them first (Review › Unprotect Sheet).`,
        );
      const formats = new Map(before.map((s) => [cellKey(s), s.numberFormat]));
      try {
        for (const ch of changes) applyChange(sheets.get(ch.sheet)!, ch, formats.get(cellKey(ch)));
      } catch (e) {
        let rolledBack = false;
        try {
          const now = new Map(readStates(before).map((s) => [cellKey(s), s]));
          for (const ch of planRestore(before, now)) applyChange(sheetByName(wb, ch.sheet), ch, now.get(cellKey(ch))?.numberFormat);
          rolledBack = true;
        } catch {
          rolledBack = false;
        }
        throw new WriteError(e, rolledBack);
      }
      return new Map();
    },
    async writeSheet(name, plan) {
      const wb = book();
      refuseReadOnly(wb);
      writeWholeSheet(wb, name, plan);
    },
    async select(cell) {
      const ws = sheetByName(book(), cell.sheet);
      ws.Activate();
      ws.Range(cell.address).Select();
    },
    async watch(onEdit, mayBeOurs) {
      const events = app.ApiEvent;
      let stopped = false;
      // WPS does not say who made a change: an edit within the add-in's quiet window after its write is taken as ours
      const handler = (sheet: EtWorksheet) => {
        if (stopped || mayBeOurs()) return;
        let name: string | null = null;
        try {
          name = sheet.Name;
        } catch {
          name = null;
        }
        if (name !== null) onEdit(name);
      };
      events.AddApiEventListener("SheetChange", handler);
      return async () => {
        stopped = true;
        try {
          events.RemoveApiEventListener("SheetChange", handler);
        } catch {
          // the workbook or WPS went away: nothing left to stop
        }
      };
    },
  };
}

function refuseReadOnly(wb: EtWorkbook): void {
  if (wb.ReadOnly)
    throw new RefusedError(
      `工作簿“${wb.Name}”以只读方式打开，未写入任何内容。请另存一份再校验标记。`,
      `The workbook ${wb.Name} is open read-only; nothing was written. Save a copy first.`,
    );
}

/** The sheets now; a sheet's id is its code name (kept across a rename), its name where it has none. */
function sheetIndex(wb: EtWorkbook): SheetIndex {
  const index: SheetIndex = { names: new Set(), nameById: new Map(), idByName: new Map() };
  const list = wb.Worksheets;
  const n = list.Count;
  for (let i = 1; i <= n; i++) {
    const ws = list.Item(i);
    const name = ws.Name;
    const code = ws.CodeName;
    const id = code ? `code:${code}` : `name:${name}`;
    index.names.add(name);
    index.nameById.set(id, name);
    index.idByName.set(name, id);
  }
  return index;
}

/** A note split into the person's part and ours (from the line that starts with our prefix). */
export function splitNote(text: string | null): { person: string | null; ours: string | null } {
  if (text === null || text === undefined) return { person: null, ours: null };
  const t = String(text);
  const at = t.startsWith(NOTE_PREFIX) ? 0 : t.indexOf(`\n${NOTE_PREFIX}`);
  if (at < 0) return { person: t, ours: null };
  const person = t.slice(0, at).replace(/\r?\n$/, "");
  return { person: person === "" ? null : person, ours: t.slice(at === 0 ? 0 : at + 1) };
}

const joinNote = (person: string | null, ours: string | null): string | null => (person !== null && ours !== null ? `${person}\n${ours}` : (person ?? ours));

function single(v: unknown): unknown {
  return asRows(v as never, 1, 1)[0]?.[0];
}

function cellState(ws: EtWorksheet, c: CellRef, isProtected: boolean): CellState {
  const r = ws.Range(c.address);
  const raw = single(r.Value2);
  let value: CellValue = raw === null || raw === undefined ? "" : (raw as CellValue);
  if (typeof raw === "number" && CVERR.has(raw)) {
    // a CVErr number shows as its error text; a real number that equals one does not
    const text = String(r.Text ?? "").trim().toUpperCase();
    if (text === CVERR.get(raw)) value = text;
  }
  const numberFormat = String(r.NumberFormat ?? "General");
  const hasFormula = !!r.HasFormula;
  const formula = hasFormula ? String(single(r.Formula) ?? "") : null;
  const interior = r.Interior;
  const pattern = interior.Pattern;
  const color = interior.Color;
  const comment = r.Comment;
  const note = comment ? splitNote(comment.Text()).ours : null;
  return {
    sheet: c.sheet,
    address: c.address,
    value,
    numberFormat,
    fill: pattern === XL_NONE ? { color: "#FFFFFF", pattern: "None" } : { color: hexOfBgr(color), pattern: "Solid" },
    note,
    formula: formula && formula.startsWith("=") ? formula : null,
    protected: isProtected,
  };
}

/**
 * Text stays text: a string assigned to Value2 is typed into the cell as a person would ("90%" becomes 0.9, "=…" a
 * formula); a leading apostrophe keeps it as written, and a cell formatted "@" takes text as it is.
 */
export function typedText(value: CellValue, numberFormat: string | undefined): CellValue {
  if (typeof value !== "string" || value === "" || numberFormat === "@") return value;
  return `'${value}`;
}

function applyChange(ws: EtWorksheet, ch: CellChange, formatBefore: string | undefined): void {
  const r = ws.Range(ch.address);
  if (ch.numberFormat !== undefined) r.NumberFormat = ch.numberFormat;
  if (ch.value !== undefined) r.Value2 = typedText(ch.value, ch.numberFormat ?? formatBefore);
  if (ch.fill === "none") r.Interior.Pattern = XL_NONE;
  else if (ch.fill !== undefined) {
    const interior = r.Interior;
    interior.Pattern = XL_SOLID;
    interior.Color = bgrOf(ch.fill);
  }
  if (ch.note !== undefined) {
    const comment = r.Comment;
    const parts = splitNote(comment ? comment.Text() : null);
    const next = joinNote(parts.person, ch.note);
    if (next === null) comment?.Delete();
    else if (comment) comment.Text(next);
    else r.AddComment(next);
  }
}

/** the report sheet: values in one call, then bold rows, links, columns, page; a failure removes the sheet */
function writeWholeSheet(wb: EtWorkbook, name: string, plan: SheetPlan): void {
  const list = wb.Worksheets;
  let ws: EtWorksheet | null = null;
  let created = false;
  const n = list.Count;
  for (let i = 1; i <= n && !ws; i++) {
    const s = list.Item(i);
    if (s.Name === name) ws = s;
  }
  try {
    if (ws) {
      if (ws.ProtectContents) throw new RefusedError(`工作表“${name}”受保护，未写入任何内容。`, `The sheet ${name} is protected; nothing was written.`);
      ws.UsedRange.Clear();
    } else {
      ws = list.Add(null, list.Item(n));
      created = true;
      ws.Name = name;
    }
    const width = Math.max(1, ...plan.rows.map((r) => r.length));
    const height = Math.max(1, plan.rows.length);
    const rows = plan.rows.map((r) => {
      const out: CellValue[] = r.map((v) => typedText(v, "General"));
      while (out.length < width) out.push("");
      return out;
    });
    if (plan.rows.length) ws.Range(rangeAddress(0, 0, height - 1, width - 1)).Value2 = rows;
    for (const b of plan.bold) ws.Range(rangeAddress(b, 0, b, width - 1)).Font.Bold = true;
    if (plan.links.length) {
      const links = ws.Hyperlinks;
      for (const l of plan.links) links.Add(ws.Range(address(l.row, l.col)), "", `${quoteSheet(l.sheet)}!${l.address}`, undefined, l.text);
    }
    plan.columns.slice(0, width).forEach((c, i) => {
      const col: EtRange = ws!.Range(rangeAddress(0, i, height - 1, i));
      // ColumnWidth counts characters of the default font (about 5.25 points each)
      col.ColumnWidth = Math.round((c.points / 5.25) * 10) / 10;
      col.WrapText = c.wrap;
    });
    const page = ws.PageSetup;
    page.Orientation = plan.page.orientation === "landscape" ? XL_LANDSCAPE : XL_PORTRAIT;
    page.PaperSize = XL_PAPER_A4;
  } catch (e) {
    if (created && ws) {
      try {
        ws.Delete();
      } catch {
        // nothing more to undo
      }
    }
    throw e;
  }
}
