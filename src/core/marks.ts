import { sheetCellKey } from "./a1";
import { CellChange, CellState, cellKey, isNoFill } from "./changes";
import { Finding, SEVERITY_ORDER, Severity } from "./findings";
import { SEVERITY_FILL } from "./labels";

/**
 * Highlights: what the add-in adds to flagged cells (a fill by severity, a note with the messages) and the record that
 * lets 清除标记 remove exactly that, also after the workbook was saved and reopened. Pure planning: the Office adapter
 * reads the cells' state, these functions say what to write.
 */
export interface Mark {
  sheet: string;
  address: string;
  severity: Severity;
  /** the fill we applied, "#RRGGBB" */
  applied: string;
  /** the cell's fill before */
  original: { color: string; pattern: string | null };
  /** we added the cell's note */
  note: boolean;
  /** the person's note the cell held, which ours was added after (restored when the mark is cleared) */
  personNote?: string;
  /** the comment we added, where notes are unsupported */
  commentId?: string;
}

/** Notes the add-in writes start with this, so clearing never deletes a note a person wrote. */
export const NOTE_PREFIX = "【绩效自评校验】";

/** Between a person's note and ours, where a cell already held one (copies and the pane alike). */
export const NOTE_SEPARATOR = "— 绩效自评校验 —";

/** The part of a note a person wrote: none when we wrote it all, else what precedes our separator. */
export function personsPart(note: string | null): string | null {
  if (note === null || note.startsWith(NOTE_PREFIX)) return null;
  const sep = note.indexOf(`\n${NOTE_SEPARATOR}\n`);
  return sep >= 0 ? note.slice(0, sep) : note;
}

export const severityColor = (s: Severity): string => `#${SEVERITY_FILL[s].slice(2)}`;

export interface AnnotationSupport {
  notes: boolean;
  comments: boolean;
  /** a cell with a person's note gets ours after it, under the separator (the pane from ExcelApi 1.18; copies add it themselves) */
  appendToNotes?: boolean;
}

/** The cells to mark: one per flagged cell, its worst severity, its messages. */
export function flaggedCells(findings: Finding[], severities: readonly Severity[]): Array<{ sheet: string; address: string; severity: Severity; messages: string[] }> {
  const byCell = new Map<string, { sheet: string; address: string; severity: Severity; messages: string[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || !severities.includes(f.severity)) continue;
    const k = sheetCellKey(f.sheet, f.cell);
    const cur = byCell.get(k);
    if (!cur) byCell.set(k, { sheet: f.sheet, address: f.cell, severity: f.severity, messages: [f.message] });
    else {
      cur.messages.push(f.message);
      if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[cur.severity]) cur.severity = f.severity;
    }
  }
  return [...byCell.values()];
}

/** Changes that undo marks, where the cell still shows what we applied. */
export function planClear(marks: Mark[], states: Map<string, CellState>): CellChange[] {
  const changes: CellChange[] = [];
  for (const m of marks) {
    const s = states.get(cellKey(m));
    if (!s) continue;
    const ch: CellChange = { sheet: m.sheet, address: m.address };
    if (s.fill.color.toUpperCase() === m.applied.toUpperCase()) {
      ch.fill = isNoFill(m.original) ? "none" : m.original.color;
    }
    if (m.note && s.note !== null && s.note.startsWith(NOTE_PREFIX)) ch.note = null;
    else if (m.note && m.personNote !== undefined && s.note !== null && s.note.includes(`\n${NOTE_SEPARATOR}\n${NOTE_PREFIX}`)) {
      // ours came after the person's: the person's note is put back as it was (a note is replaced by delete, then add)
      changes.push({ sheet: m.sheet, address: m.address, note: null });
      ch.note = personsPart(s.note) ?? m.personNote;
    }
    if (m.commentId) ch.deleteComment = m.commentId;
    if (Object.keys(ch).length > 2) changes.push(ch);
  }
  return changes;
}

/** The state of the cells once the changes are applied (for planning a second step on top of a first). */
export function afterChanges(states: Map<string, CellState>, changes: CellChange[]): Map<string, CellState> {
  // a copy of each state (its one nested part, the fill, too): no structuredClone, which WPS's Chromium 87 lacks
  const out = new Map([...states].map(([k, v]) => [k, { ...v, fill: { ...v.fill } }]));
  for (const ch of changes) {
    const s = out.get(cellKey(ch));
    if (!s) continue;
    if (ch.fill === "none") s.fill = { color: "#FFFFFF", pattern: s.fill.pattern === null ? null : "None" };
    else if (ch.fill !== undefined) s.fill = { color: ch.fill, pattern: s.fill.pattern === null ? null : "Solid" };
    if (ch.note === null) s.note = null;
    else if (ch.note !== undefined) s.note = ch.note;
    if (ch.value !== undefined) s.value = ch.value;
    if (ch.numberFormat !== undefined) s.numberFormat = ch.numberFormat;
  }
  return out;
}

/** Fill and annotate the flagged cells; the marks to keep (comment ids are filled in after the write). */
export function planHighlights(
  cells: ReturnType<typeof flaggedCells>,
  states: Map<string, CellState>,
  support: AnnotationSupport,
): { changes: CellChange[]; marks: Mark[] } {
  const changes: CellChange[] = [];
  const marks: Mark[] = [];
  for (const c of cells) {
    const s = states.get(cellKey(c));
    if (!s) continue;
    const applied = severityColor(c.severity);
    const text = `${NOTE_PREFIX}\n${c.messages.join("\n")}`;
    const ch: CellChange = { sheet: c.sheet, address: c.address, fill: applied };
    const mark: Mark = { sheet: c.sheet, address: c.address, severity: c.severity, applied, original: { ...s.fill }, note: false };
    if (support.notes) {
      // never over a person's note; replace our own
      if (s.note === null) {
        ch.note = text;
        mark.note = true;
      } else if (s.note.startsWith(NOTE_PREFIX)) {
        changes.push({ sheet: c.sheet, address: c.address, note: null });
        ch.note = text;
        mark.note = true;
      } else if (support.appendToNotes) {
        // a person's note stays first; ours follows it, as a copy writes it
        const person = personsPart(s.note) ?? s.note;
        changes.push({ sheet: c.sheet, address: c.address, note: null });
        ch.note = `${person}\n${NOTE_SEPARATOR}\n${text}`;
        mark.note = true;
        mark.personNote = person;
      }
    } else if (support.comments) ch.addComment = text;
    changes.push(ch);
    marks.push(mark);
  }
  return { changes, marks };
}
