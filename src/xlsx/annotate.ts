import { CellState, cellKey } from "../core/changes";
import { WorkbookReport } from "../core/engine";
import { Severity } from "../core/findings";
import { REPORT_SHEET_NAME } from "../core/labels";
import { flaggedCells, personsPart, planHighlights } from "../core/marks";
import { CheckOptions, Lang } from "../core/options";
import { allFindings, showDateTime } from "../core/present";
import { buildReport } from "../core/report";
import { CellValue } from "../core/snapshot";
import { Proposal, finalizeSelection, proposalKey } from "../core/writeback";
import type { Inflate } from "./inflate";
import { browserInflate } from "./inflate-browser";
import { readWorkbookPackage } from "./workbook-reader";
import { LIMITS, ReadLimits, withLimits } from "./limits";
import { ZipArchive } from "./zip-archive";
import { NOTE_SEPARATOR } from "./patch/notes";
import { WorkbookCopy } from "./patch/copy";

/**
 * The copies the CLI writes (and a web page can offer for download): `check --out` (<name>.checked.xlsx) and `fix`
 * (<name>.fixed.xlsx). Both patch the original package (src/xlsx/patch): only the cells meant to change change, every
 * other part is kept byte for byte. Uint8Array in and out, no Node APIs: runs in the browser too.
 */

/**
 * Raw deflate for the parts that changed: fflate by default (browser); the CLI passes Node's native zlib. Likewise
 * `inflate` (the reader's Inflate) for the parts read: fflate by default, `nodeInflate` (inflate-node.ts) in Node.
 */
export type Deflate = (data: Uint8Array) => Uint8Array;

/** The severities marked when the workbook's settings say nothing: the add-in's default (errors and warnings). */
export const DEFAULT_HIGHLIGHT: readonly Severity[] = ["error", "warning"];

/** The severities to mark from saved settings or a --config object (`highlight: ["error", …]`); null when absent. */
export function highlightSetting(raw: unknown): Severity[] | null {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return null;
  const h = (raw as Record<string, unknown>).highlight;
  if (!Array.isArray(h)) return null;
  return h.filter((x): x is Severity => x === "error" || x === "warning" || x === "info");
}


export interface AnnotatedCopy {
  bytes: Uint8Array;
  /** cells filled and noted */
  marked: number;
  /** flagged cells that already had a person's note: kept, ours added after it */
  keptNotes: Array<{ sheet: string; address: string; note: string }>;
}

/**
 * `check --out`: the flagged cells filled by severity and noted — the cells and the text the add-in's planner
 * (core/marks) gives for the same severities — and a 校验报告 sheet (core/report) that also lists the notes kept.
 */
export function annotateCopy(
  input: Uint8Array,
  report: WorkbookReport,
  opts: {
    lang: Lang;
    checkedAt: Date;
    options: CheckOptions;
    severities?: readonly Severity[];
    deflate?: Deflate;
    inflate?: Inflate;
    notices?: { title: string; lines: string[] };
    /** add-in document settings to set in the copy (key → value): the web page's 已核对 record (core/settings withAcknowledgements) */
    documentSettings?: Record<string, unknown>;
  },
): AnnotatedCopy {
  const copy = new WorkbookCopy(input, opts.inflate);
  for (const [key, value] of Object.entries(opts.documentSettings ?? {})) copy.setDocumentSetting(key, value);
  const cells = flaggedCells(allFindings(report), opts.severities ?? DEFAULT_HIGHLIGHT);
  // the cells' state as the planner needs it: the note they carry (their fill is replaced either way)
  const states = new Map<string, CellState>();
  for (const c of cells) {
    const note = copy.note(c.sheet, c.address);
    states.set(cellKey(c), { sheet: c.sheet, address: c.address, value: "", numberFormat: "General", fill: { color: "#FFFFFF", pattern: "None" }, note: personsPart(note) });
  }
  const plan = planHighlights(cells, states, { notes: true, comments: false });
  const keptNotes: AnnotatedCopy["keptNotes"] = [];
  const byCell = new Map(cells.map((c) => [cellKey(c), c]));
  let marked = 0;
  for (const ch of plan.changes) {
    if (ch.fill === undefined) continue;
    const cell = byCell.get(cellKey(ch))!;
    const argb = `FF${ch.fill.replace(/^#/, "").toUpperCase()}`;
    const person = states.get(cellKey(ch))?.note ?? null;
    // the planner never writes over a person's note: the copy adds ours after it, under a separator
    const text = ch.note ?? cell.messages.join("\n");
    if (person !== null) keptNotes.push({ sheet: ch.sheet, address: ch.address, note: person });
    if (copy.mark(ch.sheet, ch.address, argb, text)) marked++;
  }
  const sheet = buildReport(report, opts.options, opts.lang, showDateTime(opts.checkedAt)); // local time, as the pane writes it
  const rows: CellValue[][] = [...sheet.rows];
  const links = [...sheet.links];
  const bold = [...sheet.bold];
  if (keptNotes.length) {
    const zh = opts.lang !== "en";
    rows.push([]);
    bold.push(rows.length);
    rows.push([zh ? "已有批注的单元格（原批注保留，校验说明附在其后）" : "Cells that already had a note (kept; ours follows it)"]);
    bold.push(rows.length);
    rows.push(zh ? ["工作表", "单元格", "原批注"] : ["Sheet", "Cell", "Existing note"]);
    for (const k of keptNotes) {
      links.push({ row: rows.length, col: 1, sheet: k.sheet, address: k.address, text: k.address });
      rows.push([k.sheet, k.address, k.note]);
    }
  }
  // what the copy could not keep of its original (a copy of an .xls: src/xlsx/xls/to-xlsx.ts lostLines)
  if (opts.notices && opts.notices.lines.length) {
    rows.push([]);
    bold.push(rows.length);
    rows.push([opts.notices.title]);
    for (const line of opts.notices.lines) rows.push([line]);
  }
  copy.setReportSheet({ name: REPORT_SHEET_NAME, rows, links, bold, widths: Object.fromEntries(sheet.columns.map((c, i) => [i, c.width])) });
  const bytes = copy.toBytes(opts.deflate);
  copy.release();
  return { bytes: readBack(bytes, opts.inflate), marked, keptNotes };
}

export interface FixedCopy {
  bytes: Uint8Array;
  written: Proposal[];
  skipped: Array<{ proposal: Proposal; reason: "formula" | "missing" }>;
}

/**
 * `fix`: proposals written into a copy; formula cells are never overwritten. With `ticks`, `proposals` is every
 * proposal of the check and the selection is made here (core/writeback's finalizeSelection) after leaving out the
 * cells that hold formulas — so a total never counts an indicator score that could not be written. Without, the
 * proposals are written as given.
 */
export function fixCopy(
  input: Uint8Array,
  proposals: Proposal[],
  opts: { ticks?: ReadonlySet<string>; deflate?: Deflate; inflate?: Inflate; isFormula?: (sheet: string, address: string) => boolean } = {},
): FixedCopy {
  const copy = new WorkbookCopy(input, opts.inflate);
  // a cell that was a formula in the original (a copy of an .xls keeps only its result) is a formula all the same
  const isFormula = (sheet: string, a1: string) => copy.isFormula(sheet, a1) || (opts.isFormula?.(sheet, a1) ?? false);
  const written: Proposal[] = [];
  const skipped: FixedCopy["skipped"] = [];
  let selection = proposals;
  if (opts.ticks) {
    const formulas = new Set(proposals.filter((p) => isFormula(p.sheet, p.address)).map(proposalKey));
    for (const p of finalizeSelection(proposals, opts.ticks)) if (formulas.has(proposalKey(p))) skipped.push({ proposal: p, reason: "formula" });
    selection = finalizeSelection(
      proposals.filter((p) => !formulas.has(proposalKey(p))),
      new Set([...opts.ticks].filter((k) => !formulas.has(k))),
    );
  }
  for (const p of selection) {
    const r = opts.isFormula?.(p.sheet, p.address) ? "formula" : copy.write(p.sheet, p.address, p.new);
    if (r === "written") written.push(p);
    else skipped.push({ proposal: p, reason: r === "formula" ? "formula" : "missing" });
  }
  const bytes = copy.toBytes(opts.deflate);
  copy.release();
  return { bytes: readBack(bytes, opts.inflate), written, skipped };
}

/**
 * The limits a copy is read back under: a copy of a file at a count limit may pass it by what the copy adds (the
 * 校验报告 sheet and its relationship, a format per fill, a notes part and a drawing per marked sheet), and its parts,
 * deflated by us, may pack tighter than the input's did; the read-back is for soundness, the input was held to LIMITS.
 */
const COPY_LIMITS: ReadLimits = {
  ...LIMITS,
  maxTotalBytes: LIMITS.maxTotalBytes * 1.25,
  maxPartBytes: LIMITS.maxPartBytes * 1.25,
  maxRatio: Infinity,
  maxEntries: LIMITS.maxEntries * 2,
  maxSheets: LIMITS.maxSheets + 1,
  maxCells: LIMITS.maxCells * 1.25,
  maxRelationships: LIMITS.maxRelationships * 2,
  maxStyles: LIMITS.maxStyles * 2,
};

/**
 * A copy is never less valid than its input: before it is handed out to be written, our reader reads it back — every
 * entry unpacked and held to its size and CRC-32, the workbook read as `check` reads it. What does not read back
 * throws (the CLI says it in one line and writes nothing; the input is never touched).
 */
export function readBack(bytes: Uint8Array, inflate: Inflate = browserInflate): Uint8Array {
  try {
    withLimits(COPY_LIMITS, () => {
      const zip = new ZipArchive(bytes, inflate, { maxTotalBytes: COPY_LIMITS.maxTotalBytes, maxEntryBytes: COPY_LIMITS.maxPartBytes });
      for (const e of zip.entries.values()) zip.verify(e);
      readWorkbookPackage(zip);
    });
  } catch (e) {
    throw new Error(`the copy does not read back: ${e instanceof Error ? e.message : String(e)}`);
  }
  return bytes;
}

export { NOTE_SEPARATOR };
