import type { Grid } from "../grid";
import type { FormLayout, IndicatorRowLayout } from "../locate";
import type { CheckOptions } from "../options";
import { parseText } from "../parse";
import { DONE, Score, natureOp, scoreDate, scoreQualitative, scoreQuantitative } from "../scoring";
import { isExplanation, synthetic, textCell, valueCell } from "./cells";
import type { IndicatorAnalysis, ValueCell } from "./types";

/**
 * One indicator row. `weightOverride`: null reads the weight column; "unknown" (Hubei, no weight column) scores against
 * a weight of 1 only to learn whether the target was met; a number is the weight known otherwise (a block's remainder).
 */
export function analyseIndicator(grid: Grid, layout: FormLayout, rowLayout: IndicatorRowLayout, year: number, options: CheckOptions, weightOverride: number | "unknown" | null = null): IndicatorAnalysis {
  const cols = layout.indicators!.columns;
  const r = rowLayout.row;
  const name = cols.name !== undefined ? grid.text(r, cols.name) : "";
  let target = valueCell(grid, r, cols.target);
  let actual = valueCell(grid, r, cols.actual);
  const score = valueCell(grid, r, cols.score);
  const weight = typeof weightOverride === "number" && score ? synthetic(score.cell, weightOverride) : valueCell(grid, r, cols.weight);
  // With no cause column, the one form-level cause cell (a family's tail: Hubei 2020) stands for every row.
  let cause = cols.cause === undefined && layout.formCause ? textCell(grid, layout.formCause.row, layout.formCause.col) : textCell(grid, r, cols.cause);
  if (cause && layout.formCauseLabel && layout.formCausePrefix && cause.cell.row === layout.formCauseLabel.row && cause.cell.col === layout.formCauseLabel.col && typeof cause.raw === "string") {
    // label and text in one cell: only the text after the label counts
    const text = cause.raw.replace(layout.formCausePrefix, "");
    cause = { ...cause, raw: text, parsed: text.trim() ? { kind: "text", text } : { kind: "blank" } };
  }
  // 指标性质 and 度量单位 in their own columns: the target is operator + value + unit from three cells.
  const nature = cols.nature !== undefined ? natureOp(grid.text(r, cols.nature)) : null;
  const unitText = cols.unit !== undefined ? grid.text(r, cols.unit) : "";
  const unit = unitText && !/^[\/／\-—]$/.test(unitText) ? unitText.replace(/\s/g, "") : "";
  const withUnit = (v: ValueCell | null): ValueCell | null => {
    if (!v) return v;
    if (v.parsed.kind === "number" && v.parsed.unit === "" && unit) {
      const p = typeof v.raw === "string" ? parseText(v.raw + unit) : parseText(String(v.raw) + unit);
      if (p.kind === "number") return { ...v, parsed: { ...p, op: v.parsed.op ?? p.op }, value: p.value };
    }
    return v;
  };
  target = withUnit(target);
  actual = withUnit(actual);

  const w = weightOverride === "unknown" ? 1 : weight?.value ?? null;
  let s: Score = { method: "unscored", expected: null, range: null, met: null, over: null, unitMismatch: null };
  if (w !== null && target && actual) {
    const t = target.parsed;
    const a = actual.parsed;
    if (nature === "qualitative" && t.kind !== "date") s = scoreQualitative(t.kind === "text" ? t.text : String(target.raw), a, w, options);
    else if (t.kind === "number" && a.kind === "number") s = scoreQuantitative(t, a, w, name, options, nature === "qualitative" ? null : nature);
    // a numeric target with the actual written as 完成 / 已完成 / 达成: the target was reached (Sichuan exports)
    else if (t.kind === "number" && a.kind === "text" && DONE.test(a.text.replace(/[\s。，,；;]/g, ""))) s = { method: "positive", expected: w, range: null, met: true, over: null, unitMismatch: null };
    else if (t.kind === "date") s = scoreDate(t, a, w, year, options);
    else if (t.kind === "text") s = scoreQualitative(t.text, a, w, options);
  }
  const written = score?.value ?? null;
  let recalculated: number;
  if (s.expected !== null) recalculated = s.expected;
  else if (s.range) recalculated = written === null ? s.range[1] : Math.min(Math.max(written, s.range[0]), s.range[1]);
  else recalculated = written ?? 0;
  const hasCause = isExplanation(cause?.raw);
  if (weightOverride === "unknown") {
    // weight not known: the score is not judged; only whether the target was met counts
    const unknown: Score = { ...s, expected: null, range: null };
    return {
      row: r, layout: rowLayout, name: shortName(name), fullName: name, nameCell: cols.name !== undefined ? { row: r, col: cols.name } : null,
      target, actual, weight: null, score, cause, hasCause, scoring: unknown, recalculated: written ?? 0, causeRequired: s.met === false, weightSource: null,
    };
  }
  const notMet = w !== null && (s.met === false || recalculated < w - 1e-9);
  const writtenBelow = w !== null && written !== null && written < w - 1e-9;
  return {
    row: r,
    layout: rowLayout,
    name: shortName(name),
    fullName: name,
    nameCell: cols.name !== undefined ? { row: r, col: cols.name } : null,
    target,
    actual,
    weight,
    score,
    cause,
    hasCause,
    scoring: s,
    recalculated,
    causeRequired: notMet || writtenBelow,
    weightSource: typeof weightOverride === "number" ? "remainder" : weight ? "cell" : null,
  };
}

function shortName(name: string): string {
  return [...name].length > 60 ? `${[...name].slice(0, 60).join("")}…` : name;
}
