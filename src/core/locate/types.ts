import type { Category } from "../framework";
import type { CellRef, Family, FormTail, IndicatorBlock } from "../families/family";
import type { FundsColumn, IndicatorColumn } from "../vocabulary";

/**
 * What locate finds of a form: where its sections are and which column holds what. Nothing here assumes a fixed
 * position.
 */
export type { CellRef, FormTail, IndicatorBlock };
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

export interface IndicatorsLayout {
  headerRow: number;
  headerRows: number;
  columns: Partial<Record<IndicatorColumn, number>>;
  rows: IndicatorRowLayout[];
  /** blocks of indicators weighted in their labels (a family's block reader: Hubei 2020) */
  blocks: IndicatorBlock[];
  /** rows inside the table that are header rows (repeated after a page break, or a block's own header) */
  headerRowsInside: number[];
}

export interface FormLayout {
  sheet: string;
  /** a project form, or a form of another kind recognised and not checked (RULES.md §6): department-overall, transfer payment */
  kind: "project" | "department" | "transfer";
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
  /** the 总分 label cell (with no 总分 row: the header's 自评得分 label) */
  totalLabelCell: CellRef | null;
  /**
   * The cell of a total written in the header (RULES.md §6: `自评得分 | 98`, or `自评得分：92` in one cell, then the label's
   * own cell); null when there is none. With no 总分 row (`totalRow` null) it is the form's total.
   */
  headerTotalCell?: CellRef | null;
  missing: Array<"funds" | "indicators" | "indicatorRows" | "total" | "fundsTotal">;
  /** the template family the form follows (RULES.md §5) */
  family: Family;
  /** the family was forced by a setting rather than recognised */
  familyForced: boolean;
  /** the one form-level cause cell after the total (a family's tail reader: Hubei 2020 偏差大或目标未完成原因分析) */
  formCause: CellRef | null;
  formCauseLabel: CellRef | null;
  /** the cause label as it may begin the text of its own cell (stripped, what remains is the cause) */
  formCausePrefix: RegExp | null;
}
