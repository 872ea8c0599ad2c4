import { Family, FormSignals, familyById, identifyFamily } from "../families";
import type { Grid } from "../grid";
import { headerText, labelsIn, LabelCell } from "./labels";
import type { CellRef, FundsLayout, IndicatorsLayout } from "./types";

/** What the form says of itself: its project's name and year, and the template family its labels name. */

/** The project's name: the first cell after the 项目名称 label, or the text after it in the label's own cell. */
export function projectNameOf(grid: Grid, anchor: CellRef | null): { name: string | null; cell: CellRef | null } {
  let name: string | null = null;
  let cell: CellRef | null = null;
  if (!anchor) return { name, cell };
  for (let c = grid.spanEnd(anchor.row, anchor.col) + 1; c <= grid.right; c++) {
    if (!grid.isBlank(anchor.row, c)) {
      name = grid.text(anchor.row, c);
      cell = { row: anchor.row, col: c };
      break;
    }
  }
  // "项目名称：XXX" in one cell
  if (!name) {
    const own = grid.text(anchor.row, anchor.col).replace(/^项目名称\s*[:：]?\s*/, "");
    if (own) name = own;
  }
  return { name, cell };
}

/** The year written in the form's first rows (down to the 项目名称 row): 2022年度, never a 填报日期. */
export function yearOf(grid: Grid, top: number, scanEnd: number): number | null {
  for (let r = top; r <= scanEnd; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const m = /((?:19|20)\d{2})\s*年度?/.exec(grid.text(r, c));
      if (m && typeof grid.value(r, c) === "string" && !/填报日期|日期/.test(grid.label(r, c))) return Number(m[1]);
    }
  }
  return null;
}

/** What the labels of the form (and the title lines just above it) and its section headers say, for its family. */
export function signalsOf(grid: Grid, cells: readonly LabelCell[], top: number, bottom: number, funds: FundsLayout | null, indicators: IndicatorsLayout | null): FormSignals {
  const fundsHeader: string[] = [];
  if (funds && funds.headerRow >= 0) for (let c = grid.left; c <= grid.right; c++) fundsHeader.push(headerText(grid, [funds.headerRow], c));
  const indicatorHeader: string[] = [];
  if (indicators) {
    const band = Array.from({ length: indicators.headerRows }, (_, k) => indicators.headerRow + k);
    for (let c = grid.left; c <= grid.right; c++) indicatorHeader.push(headerText(grid, band, c));
  }
  const cols = indicators?.columns;
  return {
    text: labelsIn(cells, Math.max(grid.top, top - 3), bottom).join("\n"),
    fundsHeader,
    indicatorHeader,
    blocks: (indicators?.blocks.length ?? 0) > 0,
    weightBeforeTarget: cols?.weight !== undefined && cols?.target !== undefined && cols.weight < cols.target,
  };
}

/** The form's family: the one a setting forces, else the one its signals name best. */
export function familyOf(signals: FormSignals, forcedFamily: string | null): { family: Family; forced: boolean } {
  const forced = familyById(forcedFamily);
  return { family: forced ?? identifyFamily(signals), forced: forced !== null };
}
