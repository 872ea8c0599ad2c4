import type { Grid } from "../grid";
import { isPromptText, withoutPrompts } from "../lexicon";
import type { Parsed } from "../parse";
import type { CellValue } from "../snapshot";
import type { CellRef } from "../locate";
import type { ValueCell } from "./types";

/** Reading the cells a form's figures are in: parsed once, a number where there is one. */

export function valueCell(grid: Grid, row: number, col: number | undefined): ValueCell | null {
  if (col === undefined) return null;
  const parsed = grid.parsed(row, col);
  return { cell: { row, col }, raw: grid.value(row, col), parsed, value: parsed.kind === "number" ? parsed.value : null };
}

/** A text cell that is read, not parsed (the cause column: sentences). */
export function textCell(grid: Grid, row: number, col: number | undefined): ValueCell | null {
  if (col === undefined) return null;
  const raw = grid.value(row, col);
  return { cell: { row, col }, raw, parsed: raw === "" ? { kind: "blank" } : { kind: "text", text: String(raw) }, value: null };
}

/** A number known otherwise than from its cell (a weight inferred), shown at the cell it stands for. */
export function synthetic(cell: CellRef, w: number): ValueCell {
  return { cell, raw: w, parsed: { kind: "number", op: null, value: w, unit: "" }, value: w };
}

export const isEmpty = (v: ValueCell | null): boolean => !v || v.parsed.kind === "blank" || v.parsed.kind === "placeholder";

const NO_EXPLANATION = /^(\/|／|\\|-|--|—|——|无|0|空|不适用|n\/a|na|……|…|\.\.\.)$/i;
const PROMPT_TEXT = /偏差原因分析|改进措施|请填写|填写说明|原因分析$/;

export function isExplanation(v: CellValue | undefined): boolean {
  if (v === undefined || typeof v !== "string") return typeof v === "number" ? v !== 0 : false;
  const t = v.replace(/[\s\u3000]/g, "");
  if (!t) return false;
  if (NO_EXPLANATION.test(t)) return false;
  if (PROMPT_TEXT.test(t) && t.length <= 14) return false;
  // the template's own instruction is no reason; what the unit wrote after it is
  const own = withoutPrompts(t).replace(/^[;；。.,，:：]+/, "");
  if (own !== t) return own.length > 0 && isExplanation(own);
  if (isPromptText(t)) return false;
  return true;
}

/** Written rates: 75%, 0.75 with a percent format, "75%" as text, or 75 meaning percent points. */
export function rateValue(p: Parsed): number | null {
  if (p.kind !== "number") return null;
  if (p.unit === "%") return p.value;
  return Math.abs(p.value) > 1.5 ? p.value / 100 : p.value;
}
