import type { Grid } from "../grid";
import { budgetWeightInScoreHeader, isBlockLabel, lexicon } from "../lexicon";
import { labelHas, labelStarts, stripBrackets, weightInLabel } from "../text";
import { FUNDS_LABELS, GOAL_LABELS, fundsColumnOf } from "../vocabulary";
import { Find, headerText, shortLabel } from "./labels";
import type { CellRef, FundsColumn, FundsLayout } from "./types";

/**
 * The funds section (预算执行情况): its label and total row, the header naming its columns, the 其中 rows under the
 * total, and a weight written in its label.
 */

/** The funds section between the form's top and the indicator header (its label or its total row), or null. */
export function findFunds(grid: Grid, find: Find, top: number, segEnd: number, indHeaderRow: number | null): { funds: FundsLayout | null; label: CellRef | null } {
  const fundsEnd = indHeaderRow !== null ? indHeaderRow - 1 : segEnd;
  const totals = lexicon().fundsTotal;
  const label = find(top, fundsEnd, (l) => labelStarts(l, FUNDS_LABELS) && shortLabel(l, 8));
  const total = find(top, fundsEnd, (l) => labelStarts(stripBrackets(l), totals) && shortLabel(l, 8));
  if (!label && !total) return { funds: null, label };
  return { funds: readFunds(grid, top, segEnd, label, total, indHeaderRow ?? segEnd), label };
}

function readFunds(grid: Grid, top: number, segEnd: number, label: CellRef | null, total: CellRef | null, limit: number): FundsLayout {
  // Columns at or left of the total row's label are the label column: a header over them (Sichuan 2023:
  // 年度预算数（万元） over 总额 / 其中：财政资金 …) is a caption of the labels, never a value column.
  const labelEnd = total ? grid.spanEnd(total.row, total.col) : label ? grid.spanEnd(label.row, label.col) : grid.left - 1;
  const valueCol = (c: number) => c > labelEnd;
  const named = (r: number) => {
    let n = 0;
    for (let c = grid.left; c <= grid.right; c++) if (valueCol(c) && fundsColumnOf(headerText(grid, [r], c))) n++;
    return n;
  };
  // The header row: the row at or above the total row (or at the section label) naming most funds columns.
  const from = total ? Math.max(top, total.row - 3) : label ? label.row : top;
  const to = total ? total.row - 1 : Math.min(segEnd, (label?.row ?? top) + 2);
  let headerRow = -1;
  let best = 0;
  for (let r = from; r <= to; r++) {
    const n = named(r);
    if (n > best) {
      best = n;
      headerRow = r;
    }
  }
  const columns: Partial<Record<FundsColumn, number>> = {};
  if (headerRow >= 0) {
    // A header split over two rows: the row above also names columns and is not the section's title row.
    const band = headerRow - 1 >= top && headerRow - 1 !== label?.row && named(headerRow - 1) >= 2 ? [headerRow - 1, headerRow] : [headerRow];
    for (let c = grid.left; c <= grid.right; c++) {
      if (!valueCol(c)) continue;
      const k = fundsColumnOf(headerText(grid, band, c));
      if (k && columns[k] === undefined) columns[k] = c;
    }
  }
  let totalRow = total ? total.row : null;
  if (totalRow === null && headerRow >= 0 && columns.annual !== undefined) {
    for (let r = headerRow + 1; r <= Math.min(limit, headerRow + 3); r++) {
      if (grid.parsed(r, columns.annual).kind === "number") {
        totalRow = r;
        break;
      }
    }
  }
  const parts = totalRow !== null ? partRows(grid, totalRow, columns, Math.min(limit - 1, segEnd, totalRow + 8)) : [];
  const labelText = label ? grid.text(label.row, label.col) : "";
  // 预算执行情况（万元）（20分）, or the score header as a family reads it: 得分（20分*执行率）
  let labelWeight = weightInLabel(labelText.replace(/[(（]万元[)）]/g, ""));
  if (labelWeight === null && columns.score !== undefined && headerRow >= 0) labelWeight = budgetWeightInScoreHeader(grid.label(headerRow, columns.score));
  return { labelCell: label, headerRow, columns, totalRow, parts, labelWeight };
}

/** The 其中 rows under the total, up to a goal, an indicator or a block label. */
function partRows(grid: Grid, totalRow: number, columns: Partial<Record<FundsColumn, number>>, last: number): FundsLayout["parts"] {
  const words = lexicon().fundsParts;
  const parts: FundsLayout["parts"] = [];
  const firstValueCol = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined), grid.right + 1);
  for (let r = totalRow + 1; r <= last; r++) {
    let partLabel: string | null = null;
    let stop = false;
    for (let c = grid.left; c < firstValueCol; c++) {
      const l = grid.label(r, c);
      if (!l) continue;
      if (labelStarts(l, GOAL_LABELS) || /指标/.test(l) || isBlockLabel(l)) stop = true;
      else if (labelHas(l, words)) partLabel = grid.text(r, c);
    }
    if (stop) break;
    // the section label merged down the left column does not end the section
    if (partLabel === null) continue;
    parts.push({ row: r, label: partLabel });
  }
  return parts;
}
