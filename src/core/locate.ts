import type { FundsColumn, IndicatorColumn } from "./vocabulary";
import { Grid } from "./grid";
import { Category, categoryOfLevel1, categoryOfLevel2 } from "./framework";
import { labelHas, labelStarts, stripBrackets, weightInLabel } from "./text";
import { Family, FormSignals, familyById, identifyFamily } from "./families";
import {
  DEPT_TITLE, FORM_CAUSE_LABEL, FUNDS_LABELS, FUNDS_PARTS, FUNDS_TOTAL, GOAL_LABELS, HEADER_CONTINUATION, HEADER_WORD,
  NOTES_LABEL, PROJECT_NAME, REMEDY_LABEL, TITLE, TITLE_VARIANTS, TOTAL_LABELS, fundsColumnOf, indicatorColumnOf, isBlockLabel,
} from "./vocabulary";

/**
 * Form location: finds every 项目支出绩效自评表 on a sheet by its labels and maps its columns by header text.
 * Nothing here assumes a fixed position.
 */
export interface CellRef {
  row: number;
  col: number;
}

// the column keys are the vocabulary's (it names the columns); re-exported where their users have found them
export type { FundsColumn, IndicatorColumn };

export interface FundsLayout {
  labelCell: CellRef | null;
  headerRow: number;
  columns: Partial<Record<FundsColumn, number>>;
  totalRow: number | null;
  /** the 其中 rows under the total */
  parts: Array<{ row: number; label: string }>;
  /** a weight written in the section label: 预算执行情况（10分） */
  labelWeight: number | null;
}

export interface IndicatorRowLayout {
  row: number;
  level1: string;
  level2: string;
  /** the 一级 label cell had no text and none came down a merge: the category was inferred from the 二级 */
  level1Inferred: boolean;
  category: Category | null;
  /** a weight written in the 一级 label: 产出指标（50分） */
  level1LabelWeight: number | null;
  level1Row: number;
  /** the 一级 label (merged or carried) names another category than the 二级: the 二级 decided the category */
  level1Mismatch: boolean;
  /** the block (Hubei 年度绩效目标N) the row belongs to, index into IndicatorsLayout.blocks */
  block: number | null;
}

/** Hubei 2020: a block of indicators under `年度绩效目标1（40分）`, weighted in its label, with its own header row. */
export interface IndicatorBlock {
  label: string;
  cell: CellRef;
  weight: number | null;
}

export interface IndicatorsLayout {
  headerRow: number;
  headerRows: number;
  columns: Partial<Record<IndicatorColumn, number>>;
  rows: IndicatorRowLayout[];
  blocks: IndicatorBlock[];
  /** rows inside the table that are header rows (repeated after a page break, or a block's own header) */
  headerRowsInside: number[];
}

export interface FormLayout {
  sheet: string;
  kind: "project" | "department";
  top: number;
  left: number;
  bottom: number;
  right: number;
  year: number | null;
  projectName: string | null;
  projectNameCell: CellRef | null;
  titleCell: CellRef | null;
  funds: FundsLayout | null;
  indicators: IndicatorsLayout | null;
  totalRow: number | null;
  /** the 总分 label cell */
  totalLabelCell: CellRef | null;
  missing: Array<"funds" | "indicators" | "indicatorRows" | "total" | "fundsTotal">;
  /** the template family the form follows (RULES.md §5) */
  family: Family;
  /** the family was forced by a setting rather than recognised */
  familyForced: boolean;
  /** Hubei 2020: the one form-level cause cell (the cell beside 偏差大或目标未完成原因分析) */
  formCause: CellRef | null;
  formCauseLabel: CellRef | null;
}

interface Anchor {
  row: number;
  col: number;
  kind: "title" | "dept" | "project";
}

/** A short text cell, label-normalised: what every label search looks at. */
interface LabelCell {
  row: number;
  col: number;
  label: string;
}

/** Every short text cell of the sheet, in row order: the sheet is read once, and label searches scan only these. */
function labelCells(grid: Grid): LabelCell[] {
  const out: LabelCell[] = [];
  for (let r = grid.top; r <= grid.bottom; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(r, c);
      if (typeof v !== "string" || v.length === 0 || v.length > 80) continue;
      const l = grid.label(r, c);
      if (l.length === 0 || l.length > 40) continue;
      out.push({ row: r, col: c, label: l });
    }
  }
  return out;
}

/** Index of the first label cell at or below a row. */
function firstAtRow(cells: LabelCell[], row: number): number {
  let lo = 0, hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Finds every form on a sheet. `forcedFamily`: a setting that says which family every form follows. */
export function locateForms(grid: Grid, forcedFamily: string | null = null): FormLayout[] {
  const cells = labelCells(grid);
  const anchors: Anchor[] = [];
  for (const { row: r, col: c, label: l } of cells) {
    if (l.includes(DEPT_TITLE)) anchors.push({ row: r, col: c, kind: "dept" });
    else if (l.includes(TITLE) || TITLE_VARIANTS.some((re) => re.test(l))) anchors.push({ row: r, col: c, kind: "title" });
    else if (labelStarts(l, PROJECT_NAME) && l.length <= 8) anchors.push({ row: r, col: c, kind: "project" });
  }
  // One start per form: a title claims the 项目名称 label within a few rows below it.
  const starts: Array<Anchor & { project?: Anchor }> = [];
  for (const a of anchors) {
    const prev = starts[starts.length - 1];
    if (prev && a.kind === "project" && prev.kind !== "project" && !prev.project && a.row - prev.row <= 4) {
      prev.project = a;
      continue;
    }
    if (prev && a.row === prev.row) continue;
    starts.push(a);
  }
  const forms: FormLayout[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const segEnd = i + 1 < starts.length ? starts[i + 1].row - 1 : grid.bottom;
    const find = (top: number, bottom: number, test: (label: string) => boolean, left = grid.left, right = grid.right): CellRef | null => {
      for (let i = firstAtRow(cells, top); i < cells.length && cells[i].row <= bottom; i++) {
        const x = cells[i];
        if (x.col >= left && x.col <= right && test(x.label)) return { row: x.row, col: x.col };
      }
      return null;
    };
    const form = readForm(grid, find, start, segEnd, cells, forcedFamily);
    if (form) forms.push(form);
  }
  return forms;
}

type Find = (top: number, bottom: number, test: (label: string) => boolean, left?: number, right?: number) => CellRef | null;

/** Text of a header column over the band's rows, each merged area counted once, at its first column. */
function headerText(grid: Grid, rows: number[], col: number): string {
  let s = "";
  let lastRow = -1;
  for (const r of rows) {
    const m = grid.merge(r, col);
    const mr = m ? m.top : r;
    if ((m ? m.left : col) !== col || mr === lastRow) continue; // another column's merge, or the same merge again
    lastRow = mr;
    s += grid.label(mr, col);
  }
  return s.includes("(") || s.includes("[") || s.includes("【") ? stripBrackets(s) : s;
}

function readForm(grid: Grid, findInRows: Find, start: Anchor & { project?: Anchor }, segEnd: number, cells: LabelCell[], forcedFamily: string | null): FormLayout | null {
  const top = start.row;
  const projectAnchor = start.kind === "project" ? start : start.project ?? null;
  const kind = start.kind === "dept" ? "department" : "project";

  // Sections. The funds section comes before the indicator header.
  const indHeader = findInRows(top, segEnd, (l) => /^一级指标/.test(l)) ?? findInRows(top, segEnd, (l) => /^三级指标/.test(l));
  const fundsEnd = indHeader ? indHeader.row - 1 : segEnd;
  const short = (l: string, n: number) => stripBrackets(l).replace(/[:：]$/, "").length <= n;
  const fundsLabel = findInRows(top, fundsEnd, (l) => labelStarts(l, FUNDS_LABELS) && short(l, 8));
  const fundsTotal = findInRows(top, fundsEnd, (l) => labelStarts(stripBrackets(l), FUNDS_TOTAL) && short(l, 8));
  let funds: FundsLayout | null = null;
  if (fundsLabel || fundsTotal) funds = readFunds(grid, top, segEnd, fundsLabel, fundsTotal, indHeader?.row ?? segEnd);

  let indicators: IndicatorsLayout | null = null;
  let totalLabel: CellRef | null = null;
  if (indHeader) {
    const after = indHeader.row + 1;
    totalLabel = findInRows(after, segEnd, (l) => labelStarts(stripBrackets(l), TOTAL_LABELS) && stripBrackets(l).replace(/[:：]$/, "").length <= 6, grid.left, Math.min(grid.right, indHeader.col + 3));
    // Hubei: the first block's label stands just above the first header row.
    const firstBlock = findInRows(Math.max(top, indHeader.row - 2), indHeader.row - 1, (l) => isBlockLabel(l));
    indicators = readIndicators(grid, indHeader, totalLabel ? totalLabel.row - 1 : segEnd, firstBlock);
  } else {
    totalLabel = findInRows(top, segEnd, (l) => labelStarts(stripBrackets(l), TOTAL_LABELS) && stripBrackets(l).length <= 6);
  }

  if (kind === "project" && !projectAnchor && !funds && !indicators) return null;
  if (kind === "project" && !funds && !indicators && !totalLabel && start.kind === "project") return null;

  // Project name and year.
  let projectName: string | null = null;
  let projectNameCell: CellRef | null = null;
  if (projectAnchor) {
    for (let c = grid.spanEnd(projectAnchor.row, projectAnchor.col) + 1; c <= grid.right; c++) {
      if (!grid.isBlank(projectAnchor.row, c)) {
        projectName = grid.text(projectAnchor.row, c);
        projectNameCell = { row: projectAnchor.row, col: c };
        break;
      }
    }
    // "项目名称：XXX" in one cell
    if (!projectName) {
      const own = grid.text(projectAnchor.row, projectAnchor.col).replace(/^项目名称\s*[:：]?\s*/, "");
      if (own) projectName = own;
    }
  }
  let year: number | null = null;
  const yearScanEnd = projectAnchor ? projectAnchor.row : Math.min(segEnd, top + 2);
  for (let r = top; r <= yearScanEnd && year === null; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const m = /((?:19|20)\d{2})\s*年度?/.exec(grid.text(r, c));
      if (m && typeof grid.value(r, c) === "string" && !/填报日期|日期/.test(grid.label(r, c))) {
        year = Number(m[1]);
        break;
      }
    }
  }

  const totalRow = totalLabel ? totalLabel.row : null;
  // Hubei: the one form-level cause cell after the total (偏差大或目标未完成原因分析), then 改进措施…, 备注.
  let formCauseLabel: CellRef | null = null;
  let formCause: CellRef | null = null;
  let tailEnd: number | null = null;
  if (totalRow !== null) {
    // scanned cell by cell: the label may share its cell with the text (偏差大或目标未完成原因分析：因……), too long for a label
    formCauseLabel = scanRows(grid, totalRow + 1, Math.min(segEnd, totalRow + 6), FORM_CAUSE_LABEL);
    if (formCauseLabel) {
      const c = grid.spanEnd(formCauseLabel.row, formCauseLabel.col) + 1;
      const own = grid.label(formCauseLabel.row, formCauseLabel.col).replace(FORM_CAUSE_LABEL, "").replace(/^[:：]/, "");
      // the text in the label's own cell when it has some and the next cell is blank
      formCause = own && (c > grid.right || grid.isBlank(formCauseLabel.row, c)) ? formCauseLabel : c <= grid.right ? { row: formCauseLabel.row, col: c } : null;
      tailEnd = formCauseLabel.row;
      const remedy = scanRows(grid, formCauseLabel.row + 1, Math.min(segEnd, formCauseLabel.row + 4), REMEDY_LABEL);
      if (remedy) tailEnd = remedy.row;
      const notes = scanRows(grid, (remedy ?? formCauseLabel).row + 1, Math.min(segEnd, (remedy ?? formCauseLabel).row + 4), NOTES_LABEL);
      if (notes) tailEnd = notes.row;
    }
  }
  // Extent.
  let bottom = tailEnd ?? totalRow ?? lastNonBlankRow(grid, top, segEnd);
  if (kind === "department" && totalRow === null) bottom = lastNonBlankRow(grid, top, segEnd);
  const lefts = [start.col, projectAnchor?.col, fundsLabel?.col, totalLabel?.col, indHeader?.col].filter((c): c is number => c !== undefined);
  const left = Math.min(...lefts);
  let right = left;
  for (let r = top; r <= bottom; r++) {
    for (let c = grid.right; c > right; c--) {
      if (!grid.isBlank(r, c)) {
        right = Math.max(right, grid.spanEnd(r, c));
        break;
      }
    }
  }

  // The family: what the labels of the form (and the title lines just above it) say.
  const labels: string[] = [];
  for (let i = firstAtRow(cells, Math.max(grid.top, top - 3)); i < cells.length && cells[i].row <= bottom; i++) labels.push(cells[i].label);
  const fundsHeader: string[] = [];
  if (funds && funds.headerRow >= 0) for (let c = grid.left; c <= grid.right; c++) fundsHeader.push(headerText(grid, [funds.headerRow], c));
  const indicatorHeader: string[] = [];
  if (indicators) {
    const band = Array.from({ length: indicators.headerRows }, (_, k) => indicators!.headerRow + k);
    for (let c = grid.left; c <= grid.right; c++) indicatorHeader.push(headerText(grid, band, c));
  }
  const cols = indicators?.columns;
  const signals: FormSignals = {
    text: labels.join("\n"),
    fundsHeader,
    indicatorHeader,
    blocks: (indicators?.blocks.length ?? 0) > 0,
    weightBeforeTarget: cols?.weight !== undefined && cols?.target !== undefined && cols.weight < cols.target,
  };
  const forced = familyById(forcedFamily);
  const family = forced ?? identifyFamily(signals);

  const missing: FormLayout["missing"] = [];
  if (kind === "project") {
    if (!funds) missing.push("funds");
    else if (funds.totalRow === null) missing.push("fundsTotal");
    if (!indicators) missing.push("indicators");
    else if (indicators.rows.length === 0) missing.push("indicatorRows");
    if (totalRow === null) missing.push("total");
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
    missing,
    family,
    familyForced: forced !== null,
    formCause,
    formCauseLabel,
  };
}

/** The first cell in the rows whose whole text (any length) starts as the pattern says. */
function scanRows(grid: Grid, from: number, to: number, re: RegExp): CellRef | null {
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (!grid.isBlank(r, c) && re.test(grid.label(r, c))) return { row: r, col: c };
    }
  }
  return null;
}

function lastNonBlankRow(grid: Grid, top: number, bottom: number): number {
  for (let r = bottom; r > top; r--) {
    for (let c = grid.left; c <= grid.right; c++) if (!grid.isBlank(r, c)) return r;
  }
  return top;
}

function readFunds(grid: Grid, top: number, segEnd: number, label: CellRef | null, total: CellRef | null, limit: number): FundsLayout {
  // Columns at or left of the total row's label are the label column: a header over them (Sichuan 2023:
  // 年度预算数（万元） over 总额 / 其中：财政资金 …) is a caption of the labels, never a value column.
  const labelEnd = total ? grid.spanEnd(total.row, total.col) : label ? grid.spanEnd(label.row, label.col) : grid.left - 1;
  const valueCol = (c: number) => c > labelEnd;
  // The header row: the row at or above the total row (or at the section label) naming most funds columns.
  const from = total ? Math.max(top, total.row - 3) : label ? label.row : top;
  const to = total ? total.row - 1 : Math.min(segEnd, (label?.row ?? top) + 2);
  let headerRow = -1;
  let best = 0;
  for (let r = from; r <= to; r++) {
    let n = 0;
    for (let c = grid.left; c <= grid.right; c++) if (valueCol(c) && fundsColumnOf(headerText(grid, [r], c))) n++;
    if (n > best) {
      best = n;
      headerRow = r;
    }
  }
  const columns: Partial<Record<FundsColumn, number>> = {};
  if (headerRow >= 0) {
    const band = [headerRow];
    // A header split over two rows: the row above also names columns and is not the section's title row.
    if (headerRow - 1 >= top && headerRow - 1 !== label?.row) {
      let n = 0;
      for (let c = grid.left; c <= grid.right; c++) if (valueCol(c) && fundsColumnOf(headerText(grid, [headerRow - 1], c))) n++;
      if (n >= 2) band.unshift(headerRow - 1);
    }
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
  const parts: FundsLayout["parts"] = [];
  if (totalRow !== null) {
    const firstValueCol = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined), grid.right + 1);
    for (let r = totalRow + 1; r <= Math.min(limit - 1, segEnd, totalRow + 8); r++) {
      let partLabel: string | null = null;
      let stop = false;
      for (let c = grid.left; c < firstValueCol; c++) {
        const l = grid.label(r, c);
        if (!l) continue;
        if (labelStarts(l, GOAL_LABELS) || /指标/.test(l) || isBlockLabel(l)) stop = true;
        else if (labelHas(l, FUNDS_PARTS)) partLabel = grid.text(r, c);
      }
      if (stop) break;
      if (partLabel === null) {
        // the section label merged down the left column does not end the section
        continue;
      }
      parts.push({ row: r, label: partLabel });
    }
  }
  const labelText = label ? grid.text(label.row, label.col) : "";
  // 预算执行情况（万元）（20分）, or the score header 得分（20分*执行率）
  let labelWeight = weightInLabel(labelText.replace(/[(（]万元[)）]/g, ""));
  if (labelWeight === null && columns.score !== undefined && headerRow >= 0) {
    const m = /(\d+(?:\.\d+)?)分[*×xX]/.exec(grid.label(headerRow, columns.score));
    if (m) labelWeight = Number(m[1]);
  }
  return { labelCell: label, headerRow, columns, totalRow, parts, labelWeight };
}

/** A row of two or more header words and no number: a header row (a repeated one, or a block's own). */
function isHeaderRow(grid: Grid, r: number): boolean {
  let words = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.value(r, c);
    if (typeof v === "number") return false;
    const l = grid.label(r, c);
    if (l && HEADER_WORD.test(stripBrackets(l))) words++;
  }
  return words >= 2;
}

/** A block's weight written in a cell of its own beside the label: 年度绩效目标1 | 40分. */
function weightInRow(grid: Grid, r: number, after: number): number | null {
  for (let c = after + 1; c <= grid.right; c++) {
    const m = /^[(（]?(\d+(?:\.\d+)?)分[)）]?$/.exec(grid.label(r, c));
    if (m) return Number(m[1]);
  }
  return null;
}

/** A block label in the row (年度绩效目标1（40分）): its cell and text. */
function blockLabelIn(grid: Grid, r: number): { cell: CellRef; label: string } | null {
  for (let c = grid.left; c <= grid.right; c++) {
    const l = grid.label(r, c);
    if (l && isBlockLabel(l)) return { cell: { row: r, col: c }, label: grid.text(r, c) };
  }
  return null;
}

function readIndicators(grid: Grid, header: CellRef, lastRow: number, firstBlock: CellRef | null): IndicatorsLayout {
  const band = [header.row];
  const next = header.row + 1;
  if (next <= lastRow) {
    let continuation = false;
    let hasNumber = false;
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.value(next, c);
      if (typeof v === "number") hasNumber = true;
      if (HEADER_CONTINUATION.test(grid.label(next, c))) continuation = true;
    }
    if (continuation && !hasNumber) band.push(next);
  }
  const columns: Partial<Record<IndicatorColumn, number>> = {};
  for (let c = grid.left; c <= grid.right; c++) {
    const h = headerText(grid, band, c);
    const k = indicatorColumnOf(h);
    if (k && columns[k] === undefined) columns[k] = c;
  }
  // "年度"/"实际" above "指标值"/"完成值" in separate rows reads fine; a lone "年度" column is the target.
  if (columns.target === undefined) {
    for (let c = grid.left; c <= grid.right; c++) if (headerText(grid, band, c).startsWith("年度") && !Object.values(columns).includes(c)) columns.target = c;
  }
  const rows: IndicatorRowLayout[] = [];
  const blocks: IndicatorBlock[] = [];
  const headerRowsInside: number[] = [];
  if (firstBlock) blocks.push({ label: grid.text(firstBlock.row, firstBlock.col), cell: firstBlock, weight: weightInLabel(grid.text(firstBlock.row, firstBlock.col)) ?? weightInRow(grid, firstBlock.row, firstBlock.col) });
  const first = header.row + band.length;
  let carry1 = { text: "", row: -1, weight: null as number | null };
  let prevLevel2 = "";
  for (let r = first; r <= lastRow; r++) {
    // A new block (Hubei): its label row, then its own header row.
    const block = blockLabelIn(grid, r);
    if (block) {
      blocks.push({ label: block.label, cell: block.cell, weight: weightInLabel(block.label) ?? weightInRow(grid, r, block.cell.col) });
      prevLevel2 = "";
      continue;
    }
    // A header row inside the table (repeated after a page break, or a block's own): never an indicator.
    if (isHeaderRow(grid, r)) {
      headerRowsInside.push(r);
      prevLevel2 = "";
      continue;
    }
    const nameCol = columns.name;
    const weightCol = columns.weight;
    const name = nameCol !== undefined ? grid.text(r, nameCol) : "";
    const weightParsed = weightCol !== undefined ? grid.parsed(r, weightCol) : { kind: "blank" as const };
    const target = columns.target !== undefined ? grid.parsed(r, columns.target) : { kind: "blank" as const };
    const nameEmpty = name === "" || /^[\/／\-—…．.]+$/.test(name);
    const targetEmpty = target.kind === "blank" || target.kind === "placeholder";
    const weightEmpty = weightParsed.kind === "blank" || weightParsed.kind === "placeholder";
    // Level labels (merged down their group: the master's text on every row it covers).
    const l1 = levelLabel(grid, r, columns.level1);
    const l2 = levelLabel(grid, r, columns.level2);
    if (l1.text) carry1 = { text: l1.text, row: l1.row, weight: weightInLabel(l1.text) };
    if (nameEmpty && targetEmpty && weightEmpty) continue; // N/A and template rows
    if (weightEmpty && targetEmpty && /^指标\d*[:：]?$|^…+$/.test(name)) continue;
    const level2 = l2.text || (l2.merged ? "" : prevLevel2);
    prevLevel2 = level2;
    let category = categoryOfLevel1(stripBrackets(l1.text.replace(/\s/g, "")));
    let inferred = false;
    let mismatch = false;
    const fromLevel2 = categoryOfLevel2(level2.replace(/\s/g, ""));
    if (!l1.text) {
      // no 一级 written on the row: the 二级 says which; failing that, the last 一级 written above carries down
      category = fromLevel2 ?? (carry1.text ? categoryOfLevel1(stripBrackets(carry1.text.replace(/\s/g, ""))) : null);
      inferred = true;
    } else if (category !== null && fromLevel2 !== null && fromLevel2 !== category) {
      // The 二级 is the more specific label: it decides the row's 一级 (RULES.md §5, across families).
      category = fromLevel2;
      mismatch = true;
    }
    rows.push({
      row: r,
      level1: l1.text,
      level2,
      level1Inferred: inferred,
      category,
      level1LabelWeight: l1.text && !mismatch ? carry1.weight : null,
      level1Row: l1.text ? carry1.row : -1,
      level1Mismatch: mismatch,
      block: blocks.length > 0 ? blocks.length - 1 : null,
    });
  }
  return { headerRow: header.row, headerRows: band.length, columns, rows, blocks, headerRowsInside };
}

function levelLabel(grid: Grid, row: number, col: number | undefined): { text: string; row: number; merged: boolean } {
  if (col === undefined) return { text: "", row: -1, merged: false };
  const m = grid.merge(row, col);
  if (m) return { text: grid.text(m.top, m.left), row: m.top, merged: true };
  return { text: grid.text(row, col), row, merged: false };
}
