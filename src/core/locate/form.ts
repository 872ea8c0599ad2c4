import type { Grid } from "../grid";
import { labelStarts, stripBrackets } from "../text";
import { TOTAL_LABELS, TRANSFER_NAME } from "../vocabulary";
import { findFunds } from "./funds";
import { familyOf, projectNameOf, signalsOf, yearOf } from "./identity";
import { findFirstBlock, findIndicatorHeader, readIndicators } from "./indicators";
import { Find, LabelCell, finder, labelCells, shortLabel } from "./labels";
import { Segment, segments } from "./segment";
import { HeaderTotal, findHeaderTotal } from "./header-total";
import { readTail } from "./tail";
import type { CellRef, FormLayout, IndicatorsLayout } from "./types";

/**
 * Form location, along the pipeline: the label index (labels.ts), segmentation (segment.ts), then for each segment
 * the funds (funds.ts), the indicators (indicators.ts), the total and the tail (tail.ts), the extent, the project's
 * name and year and the family (identity.ts).
 */

/** Finds every form on a sheet. `forcedFamily`: a setting that says which family every form follows. */
export function locateForms(grid: Grid, forcedFamily: string | null = null): FormLayout[] {
  const cells = labelCells(grid);
  const find = finder(grid, cells);
  const forms: FormLayout[] = [];
  for (const segment of segments(cells, grid.bottom)) {
    const form = readForm(grid, find, segment, cells, forcedFamily);
    if (form) forms.push(form);
  }
  return forms;
}

function readForm(grid: Grid, find: Find, { start, end: segEnd }: Segment, cells: readonly LabelCell[], forcedFamily: string | null): FormLayout | null {
  const top = start.row;
  const projectAnchor = start.kind === "project" ? start : start.project ?? null;
  const kind = start.kind === "dept" ? "department" : start.kind === "transfer" ? "transfer" : "project";

  // Sections. The funds section comes before the indicator header.
  const indHeader = findIndicatorHeader(find, top, segEnd);
  const { funds, label: fundsLabel } = findFunds(grid, find, top, segEnd, indHeader?.row ?? null);
  let indicators: IndicatorsLayout | null = null;
  let totalLabel: CellRef | null = null;
  if (indHeader) {
    const after = indHeader.row + 1;
    totalLabel = find(after, segEnd, (l) => labelStarts(stripBrackets(l), TOTAL_LABELS) && shortLabel(l, 6), grid.left, Math.min(grid.right, indHeader.col + 3));
    indicators = readIndicators(grid, indHeader, totalLabel ? totalLabel.row - 1 : segEnd, findFirstBlock(find, top, indHeader));
  } else {
    totalLabel = find(top, segEnd, (l) => labelStarts(stripBrackets(l), TOTAL_LABELS) && stripBrackets(l).length <= 6);
  }

  if (kind === "project" && !projectAnchor && !funds && !indicators) return null;
  if (kind === "project" && !funds && !indicators && !totalLabel && start.kind === "project") return null;

  // A total written in the header, above the form's first section (RULES.md §6): the form's total when it has no 总分 row
  let headerTotal: HeaderTotal | null = null;
  if (kind === "project") {
    const first = Math.min(...[fundsLabel?.row, funds?.headerRow !== undefined && funds.headerRow >= 0 ? funds.headerRow : undefined, funds?.totalRow ?? undefined, indHeader?.row].filter((r): r is number => r !== undefined), segEnd + 1);
    headerTotal = findHeaderTotal(grid, top, first - 1);
  }
  const totalInHeader = totalLabel === null && headerTotal !== null;
  if (totalInHeader) totalLabel = headerTotal!.label;

  // the transfer-payment form names its 转移支付(项目)名称, not a 项目名称
  const nameAnchor = kind === "transfer" ? find(top, Math.min(segEnd, top + 4), (l) => labelStarts(stripBrackets(l), TRANSFER_NAME) && shortLabel(l, 8)) : projectAnchor;
  const { name: projectName, cell: projectNameCell } = projectNameOf(grid, nameAnchor);
  const year = yearOf(grid, top, projectAnchor ? projectAnchor.row : Math.min(segEnd, top + 2));
  const totalRow = totalLabel && !totalInHeader ? totalLabel.row : null;
  // the tail follows the 总分 row; with the total in the header, it follows the last indicator row (湖北工程学院's form)
  const lastIndicator = indicators && indicators.rows.length > 0 ? indicators.rows[indicators.rows.length - 1].row : null;
  const tailFrom = totalRow ?? (totalInHeader ? lastIndicator : null);
  const tail = tailFrom !== null ? readTail(grid, tailFrom, segEnd) : null;

  // Extent.
  let bottom = tail?.end ?? totalRow ?? lastNonBlankRow(grid, top, segEnd);
  if (kind !== "project" && totalRow === null) bottom = lastNonBlankRow(grid, top, segEnd);
  const left = Math.min(...[start.col, projectAnchor?.col, fundsLabel?.col, totalLabel?.col, indHeader?.col].filter((c): c is number => c !== undefined));
  const right = rightEdge(grid, top, bottom, left);

  const { family, forced } = familyOf(signalsOf(grid, cells, top, bottom, funds, indicators), forcedFamily);

  const missing: FormLayout["missing"] = [];
  if (kind === "project") {
    if (!funds) missing.push("funds");
    else if (funds.totalRow === null) missing.push("fundsTotal");
    if (!indicators) missing.push("indicators");
    else if (indicators.rows.length === 0) missing.push("indicatorRows");
    if (totalRow === null && !totalInHeader) missing.push("total");
  }

  return {
    sheet: grid.name,
    kind,
    top,
    left,
    bottom,
    right,
    year,
    projectName,
    projectNameCell,
    titleCell: start.kind === "project" ? null : { row: start.row, col: start.col },
    funds,
    indicators,
    totalRow,
    totalLabelCell: totalLabel,
    headerTotalCell: headerTotal?.value ?? null,
    missing,
    family,
    familyForced: forced,
    formCause: tail?.cause ?? null,
    formCauseLabel: tail?.causeLabel ?? null,
    formCausePrefix: tail?.labelPrefix ?? null,
  };
}

function lastNonBlankRow(grid: Grid, top: number, bottom: number): number {
  for (let r = bottom; r > top; r--) {
    for (let c = grid.left; c <= grid.right; c++) if (!grid.isBlank(r, c)) return r;
  }
  return top;
}

/** The rightmost column any row of the form reaches (a merged area to its end). */
function rightEdge(grid: Grid, top: number, bottom: number, left: number): number {
  let right = left;
  for (let r = top; r <= bottom; r++) {
    for (let c = grid.right; c > right; c--) {
      if (!grid.isBlank(r, c)) {
        right = Math.max(right, grid.spanEnd(r, c));
        break;
      }
    }
  }
  return right;
}
