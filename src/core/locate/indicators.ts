import { categoryOfLevel1, categoryOfLevel2 } from "../framework";
import type { Grid } from "../grid";
import { blockReaderOf, lexicon } from "../lexicon";
import { stripBrackets, weightInLabel } from "../text";
import { HEADER_CONTINUATION, indicatorColumnOf } from "../vocabulary";
import { Find, headerText } from "./labels";
import type { CellRef, IndicatorBlock, IndicatorColumn, IndicatorRowLayout, IndicatorsLayout } from "./types";

/**
 * The indicator table: its header (one row or two), the columns it names, and its rows up to the total — header
 * rows repeated inside it skipped, blocks (a family's block reader) opened where their labels stand.
 */

/** The indicator header: the first 一级指标 label of the segment, else its first 三级指标. */
export function findIndicatorHeader(find: Find, top: number, segEnd: number): CellRef | null {
  return find(top, segEnd, (l) => /^一级指标/.test(l)) ?? find(top, segEnd, (l) => /^三级指标/.test(l));
}

/** The first block's label (Hubei 2020): in one of the two rows above the first header row, or in that row itself. */
export function findFirstBlock(find: Find, top: number, header: CellRef): CellRef | null {
  // above the header (its own row, as our Hubei fixture has it) or in the header row itself, merged down over the
  // block (年度绩效目标1（40分） | 一级指标 | 二级指标 … as the published Hubei 2020 forms have it)
  return find(Math.max(top, header.row - 2), header.row, (l) => blockReaderOf(l) !== null);
}

/** A row of two or more header words and no number: a header row (a repeated one, or a block's own). */
function isHeaderRow(grid: Grid, r: number, words: ReadonlySet<string>): boolean {
  let n = 0;
  for (let c = grid.left; c <= grid.right; c++) {
    const v = grid.value(r, c);
    if (typeof v === "number") return false;
    const l = grid.label(r, c);
    if (l && words.has(stripBrackets(l))) n++;
  }
  return n >= 2;
}

/** A block label in the row (年度绩效目标1（40分）): the block as its family's reader reads it. */
function blockIn(grid: Grid, r: number): IndicatorBlock | null {
  for (let c = grid.left; c <= grid.right; c++) {
    const l = grid.label(r, c);
    const reader = l ? blockReaderOf(l) : null;
    if (reader) return reader.read(grid, { row: r, col: c });
  }
  return null;
}

/** The header band (one row, or two when the next row continues it) and the columns it names. */
function readHeader(grid: Grid, header: CellRef, lastRow: number): { band: number[]; columns: Partial<Record<IndicatorColumn, number>> } {
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
  const last = band[band.length - 1];
  for (let c = grid.left; c <= grid.right; c++) {
    // a section label merged down over the table's rows (`年度绩效指标完成情况` in column A, 天长 2022) is no column header
    const m = grid.merge(header.row, c);
    if (m && m.left === c && m.bottom > last + 1) continue;
    const k = indicatorColumnOf(headerText(grid, band, c));
    if (k && columns[k] === undefined) columns[k] = c;
  }
  // "年度"/"实际" above "指标值"/"完成值" in separate rows reads fine; a lone "年度" column is the target.
  if (columns.target === undefined) {
    for (let c = grid.left; c <= grid.right; c++) if (headerText(grid, band, c).startsWith("年度") && !Object.values(columns).includes(c)) columns.target = c;
  }
  return { band, columns };
}

export function readIndicators(grid: Grid, header: CellRef, lastRow: number, firstBlock: CellRef | null): IndicatorsLayout {
  const { band, columns } = readHeader(grid, header, lastRow);
  const headerWords = lexicon().headerWords;
  const rows: IndicatorRowLayout[] = [];
  const blocks: IndicatorBlock[] = [];
  const headerRowsInside: number[] = [];
  if (firstBlock) blocks.push(blockReaderOf(grid.label(firstBlock.row, firstBlock.col))!.read(grid, firstBlock));
  let carry1 = { text: "", row: -1, weight: null as number | null };
  let prevLevel2 = "";
  for (let r = header.row + band.length; r <= lastRow; r++) {
    // A new block: its label row, then its own header row.
    const block = blockIn(grid, r);
    if (block) {
      blocks.push(block);
      prevLevel2 = "";
      continue;
    }
    // A header row inside the table (repeated after a page break, or a block's own): never an indicator.
    if (isHeaderRow(grid, r, headerWords)) {
      headerRowsInside.push(r);
      prevLevel2 = "";
      continue;
    }
    const name = columns.name !== undefined ? grid.text(r, columns.name) : "";
    const weightParsed = columns.weight !== undefined ? grid.parsed(r, columns.weight) : { kind: "blank" as const };
    const target = columns.target !== undefined ? grid.parsed(r, columns.target) : { kind: "blank" as const };
    const nameEmpty = name === "" || /^[\/／\-—…．.]+$/.test(name);
    const targetEmpty = target.kind === "blank" || target.kind === "placeholder";
    const weightEmpty = weightParsed.kind === "blank" || weightParsed.kind === "placeholder";
    // Level labels (merged down their group: the master's text on every row it covers).
    const l1 = levelLabel(grid, r, columns.level1);
    const l2 = levelLabel(grid, r, columns.level2);
    if (l1.text) carry1 = { text: l1.text, row: l1.row, weight: weightInLabel(l1.text) };
    if (nameEmpty && targetEmpty && weightEmpty) continue; // N/A and template rows
    // template rows: `指标2：`, `……`, and `指标1：/` (the template's row marked not applicable)
    if (weightEmpty && (targetEmpty || target.kind === "text" && /^[\/／\-—]+$/.test(target.text)) && /^指标\d*[:：]?\s*[\/／\-—]*$|^…+$/.test(name)) continue;
    const level2 = l2.text || (l2.merged ? "" : prevLevel2);
    prevLevel2 = level2;
    const lv = levelsOf(l1.text, level2, carry1);
    rows.push({
      row: r,
      level1: l1.text,
      level2,
      level1Inferred: lv.level1Inferred,
      category: lv.category,
      level1LabelWeight: lv.level1LabelWeight,
      level1Row: lv.level1Row,
      level1Mismatch: lv.level1Mismatch,
      block: blocks.length > 0 ? blocks.length - 1 : null,
    });
  }
  return { headerRow: header.row, headerRows: band.length, columns, rows, blocks, headerRowsInside };
}

/** The row's category from its 一级 and 二级 labels (the 二级 is the more specific: it decides, RULES.md §5). */
function levelsOf(level1: string, level2: string, carry1: { text: string; row: number; weight: number | null }): Omit<IndicatorRowLayout, "row" | "level1" | "level2" | "block"> {
  let category = categoryOfLevel1(stripBrackets(level1.replace(/\s/g, "")));
  let inferred = false;
  let mismatch = false;
  const fromLevel2 = categoryOfLevel2(level2.replace(/\s/g, ""));
  if (!level1) {
    // no 一级 written on the row: the 二级 says which; failing that, the last 一级 written above carries down
    category = fromLevel2 ?? (carry1.text ? categoryOfLevel1(stripBrackets(carry1.text.replace(/\s/g, ""))) : null);
    inferred = true;
  } else if (category !== null && fromLevel2 !== null && fromLevel2 !== category) {
    category = fromLevel2;
    mismatch = true;
  } else if (category === null && fromLevel2 !== null) {
    // a 一级 cell that names no category (only its weight, `（30分）`, as 天长 2022 prints it): the 二级 says which
    category = fromLevel2;
    inferred = true;
  }
  return {
    level1Inferred: inferred,
    category,
    level1LabelWeight: level1 && !mismatch ? carry1.weight : null,
    level1Row: level1 ? carry1.row : -1,
    level1Mismatch: mismatch,
  };
}

function levelLabel(grid: Grid, row: number, col: number | undefined): { text: string; row: number; merged: boolean } {
  if (col === undefined) return { text: "", row: -1, merged: false };
  const m = grid.merge(row, col);
  if (m) return { text: grid.text(m.top, m.left), row: m.top, merged: true };
  return { text: grid.text(row, col), row, merged: false };
}
