import { Grid } from "./grid";
import { Category, categoryOfLevel1, categoryOfLevel2 } from "./framework";
import { labelHas, labelStarts, stripBrackets, weightInLabel } from "./text";

/**
 * Form location: finds every 项目支出绩效自评表 on a sheet by its labels and maps its columns by header text.
 * Nothing here assumes a fixed position.
 */
export interface CellRef {
  row: number;
  col: number;
}

export type FundsColumn = "initial" | "annual" | "executed" | "weight" | "rate" | "score" | "reason";
export type IndicatorColumn = "level1" | "level2" | "name" | "nature" | "target" | "unit" | "actual" | "weight" | "score" | "cause";

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
}

export interface IndicatorsLayout {
  headerRow: number;
  headerRows: number;
  columns: Partial<Record<IndicatorColumn, number>>;
  rows: IndicatorRowLayout[];
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
}

const TITLE = "项目支出绩效自评表";
const DEPT_TITLE = "部门整体支出绩效自评表";
const PROJECT_NAME = ["项目名称"];
const FUNDS_LABELS = ["项目资金", "资金情况", "预算执行情况", "资金投入", "预算资金", "项目预算"];
const FUNDS_TOTAL = ["年度资金总额", "资金总额", "总额", "年度资金合计"];
const FUNDS_PARTS = ["其中", "当年财政拨款", "财政拨款", "上年结转", "结转", "其他资金", "财政资金", "财政专户", "单位资金", "自有资金", "自筹", "上级", "本级"];
const TOTAL_LABELS = ["总分", "合计", "总计", "总得分", "合计得分", "自评总分"];
const GOAL_LABELS = ["年度总体目标", "总体目标", "绩效目标", "年度目标"];

function fundsColumnOf(h: string): FundsColumn | null {
  if (!h) return null;
  if (/执行率|完成率/.test(h)) return "rate";
  if (/得分/.test(h)) return "score";
  if (/分值|权重/.test(h)) return "weight";
  if (/原因|说明|备注/.test(h)) return "reason";
  if (/执行数|支出数|实际支出|执行金额|实际执行/.test(h)) return "executed";
  if (/年初/.test(h)) return "initial";
  if (/全年预算|调整后预算|预算数|全年预算数|预算金额/.test(h)) return "annual";
  return null;
}

function indicatorColumnOf(h: string): IndicatorColumn | null {
  if (!h) return null;
  if (/原因|偏差|改进措施/.test(h)) return "cause";
  if (/一级/.test(h)) return "level1";
  if (/二级/.test(h)) return "level2";
  if (/三级|指标名称|指标内容/.test(h)) return "name";
  if (/性质|运算符/.test(h)) return "nature";
  if (/单位/.test(h)) return "unit";
  if (/得分/.test(h)) return "score";
  if (/分值|权重/.test(h)) return "weight";
  if (/实际|完成值|完成情况/.test(h)) return "actual";
  if (/指标值|目标值|年度指标|年度目标|预期/.test(h)) return "target";
  return null;
}

const HEADER_CONTINUATION = /指标值|完成值|目标值|实际值|分值|得分|权重|原因|单位|性质|措施/;

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

/** Finds every form on a sheet. */
export function locateForms(grid: Grid): FormLayout[] {
  const cells = labelCells(grid);
  const anchors: Anchor[] = [];
  for (const { row: r, col: c, label: l } of cells) {
    if (l.includes(DEPT_TITLE)) anchors.push({ row: r, col: c, kind: "dept" });
    else if (l.includes(TITLE)) anchors.push({ row: r, col: c, kind: "title" });
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
    const form = readForm(grid, find, start, segEnd);
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

function readForm(grid: Grid, findInRows: Find, start: Anchor & { project?: Anchor }, segEnd: number): FormLayout | null {
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
    totalLabel = findInRows(after, segEnd, (l) => labelStarts(stripBrackets(l), TOTAL_LABELS) && stripBrackets(l).length <= 6, grid.left, Math.min(grid.right, indHeader.col + 3));
    indicators = readIndicators(grid, indHeader, totalLabel ? totalLabel.row - 1 : segEnd);
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
      if (m && typeof grid.value(r, c) === "string") {
        year = Number(m[1]);
        break;
      }
    }
  }

  const totalRow = totalLabel ? totalLabel.row : null;
  // Extent.
  let bottom = totalRow ?? lastNonBlankRow(grid, top, segEnd);
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
  };
}

function lastNonBlankRow(grid: Grid, top: number, bottom: number): number {
  for (let r = bottom; r > top; r--) {
    for (let c = grid.left; c <= grid.right; c++) if (!grid.isBlank(r, c)) return r;
  }
  return top;
}

function readFunds(grid: Grid, top: number, segEnd: number, label: CellRef | null, total: CellRef | null, limit: number): FundsLayout {
  // The header row: the row at or above the total row (or at the section label) naming most funds columns.
  const from = total ? Math.max(top, total.row - 3) : label ? label.row : top;
  const to = total ? total.row - 1 : Math.min(segEnd, (label?.row ?? top) + 2);
  let headerRow = -1;
  let best = 0;
  for (let r = from; r <= to; r++) {
    let n = 0;
    for (let c = grid.left; c <= grid.right; c++) if (fundsColumnOf(headerText(grid, [r], c))) n++;
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
      for (let c = grid.left; c <= grid.right; c++) if (fundsColumnOf(headerText(grid, [headerRow - 1], c))) n++;
      if (n >= 2) band.unshift(headerRow - 1);
    }
    for (let c = grid.left; c <= grid.right; c++) {
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
        if (labelStarts(l, GOAL_LABELS) || /指标/.test(l)) stop = true;
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
  return { labelCell: label, headerRow, columns, totalRow, parts, labelWeight: weightInLabel(labelText) };
}

function readIndicators(grid: Grid, header: CellRef, lastRow: number): IndicatorsLayout {
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
  const first = header.row + band.length;
  let carry1 = { text: "", row: -1, weight: null as number | null };
  let prevLevel2 = "";
  for (let r = first; r <= lastRow; r++) {
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
    if (weightEmpty && targetEmpty && /^指标\d*$|^…+$/.test(name)) continue;
    const level2 = l2.text || (l2.merged ? "" : prevLevel2);
    prevLevel2 = level2;
    let category = categoryOfLevel1(stripBrackets(l1.text.replace(/\s/g, "")));
    let inferred = false;
    if (!l1.text) {
      category = categoryOfLevel2(level2);
      inferred = true;
    }
    rows.push({
      row: r,
      level1: l1.text,
      level2,
      level1Inferred: inferred,
      category,
      level1LabelWeight: l1.text ? carry1.weight : null,
      level1Row: l1.text ? carry1.row : -1,
    });
  }
  return { headerRow: header.row, headerRows: band.length, columns, rows };
}

function levelLabel(grid: Grid, row: number, col: number | undefined): { text: string; row: number; merged: boolean } {
  if (col === undefined) return { text: "", row: -1, merged: false };
  const m = grid.merge(row, col);
  if (m) return { text: grid.text(m.top, m.left), row: m.top, merged: true };
  return { text: grid.text(row, col), row, merged: false };
}
