import type { Category } from "../framework";
import type { CellRef, FormLayout, IndicatorRowLayout } from "../locate";
import type { Parsed } from "../parse";
import type { Grade, Score } from "../scoring";
import type { CellValue } from "../snapshot";

/**
 * One pass over a located form: every cell it needs parsed once, every figure recalculated once.
 * The rules only read this.
 */
export interface ValueCell {
  cell: CellRef;
  raw: CellValue;
  parsed: Parsed;
  /** the number it holds, if it holds one */
  value: number | null;
}

export interface BudgetAnalysis {
  row: number;
  labelCell: CellRef;
  initial: ValueCell | null;
  annual: ValueCell | null;
  executed: ValueCell | null;
  weight: ValueCell | null;
  rate: ValueCell | null;
  score: ValueCell | null;
  reason: ValueCell | null;
  /** weight from the cell, else from the section label (预算执行情况（10分）) */
  weightValue: number | null;
  computedRate: number | null;
  computedScore: number | null;
  parts: Array<{ row: number; label: string; initial: ValueCell | null; annual: ValueCell | null; executed: ValueCell | null }>;
}

export interface IndicatorAnalysis {
  row: number;
  layout: IndicatorRowLayout;
  /** the name for messages (at most 60 characters) */
  name: string;
  /** the name as written */
  fullName: string;
  nameCell: CellRef | null;
  target: ValueCell | null;
  actual: ValueCell | null;
  weight: ValueCell | null;
  score: ValueCell | null;
  cause: ValueCell | null;
  /** a real explanation is written (not blank, /, 无, 0 or template text) */
  hasCause: boolean;
  scoring: Score;
  /** the score that goes into the recalculated total */
  recalculated: number;
  /** an explanation is required: not met, or written below the weight */
  causeRequired: boolean;
  /**
   * Where the weight comes from: its own cell; or, with no weight column (Hubei 2020), the written score of a met
   * indicator ("score"), the remainder of the block's weight ("remainder"), or unknown (null: the score is not judged).
   */
  weightSource: "cell" | "score" | "remainder" | null;
  /**
   * A numbered sub-item (`1.…`) whose score is part of its parent row's (RULES.md §6): the parent's row. Judged as a row
   * of its own, never counted in a block's or the form's sums (the parent is). Absent on every other row.
   */
  partOf?: number;
}

/** A section the checker could not read: its figures are not checked and the form gets no grade. */
export interface UncheckedSection {
  /** "funds" | "indicators" | "total" */
  section: string;
  zh: string;
  en: string;
  lookedForZh: string;
  lookedForEn: string;
  at: CellRef;
}

export interface BlockAnalysis {
  label: string;
  cell: CellRef;
  weight: number | null;
  /** Σ written scores of its rows */
  sumOfScores: number;
  rows: IndicatorAnalysis[];
}

export interface FormAnalysis {
  layout: FormLayout;
  year: number;
  budget: BudgetAnalysis | null;
  indicators: IndicatorAnalysis[];
  totalWeight: ValueCell | null;
  totalScore: ValueCell | null;
  /** a total written in the header (自评得分); the form's total (`totalScore`) when it has no 总分 row */
  headerTotal?: ValueCell | null;
  /** budget weight + Σ indicator weights */
  weights: number;
  /** budget score + Σ indicator scores, as written */
  sumOfScores: number;
  /** every score recalculated (capped by execution rate where that setting is on) */
  recalculatedScore: number;
  cap: number | null;
  grade: Grade;
  level1: Record<Category, number>;
  /** level-1 weights written into labels: 产出指标（70分） */
  level1Declared: Partial<Record<Category, { weight: number; cell: CellRef }>>;
  /** sections not checked (figures 未校验, no grade) */
  unchecked: UncheckedSection[];
  /** an unfilled template: every 完成值 and 得分 empty */
  unfilled: boolean;
  /** Hubei 2020 blocks (empty for the other families) */
  blocks: BlockAnalysis[];
  /** the grade, null when a section went unchecked or the form is not filled in */
  gradeOrNull: Grade | null;
}
