import { Rule } from "../findings";
import { budgetScore } from "./budget-score";
import { executionCap } from "./execution-cap";
import { executionExceedsBudget } from "./execution-exceeds-budget";
import { executionRate } from "./execution-rate";
import { formIncomplete } from "./form-incomplete";
import { fundingBreakdown } from "./funding-breakdown";
import { indicatorScore } from "./indicator-score";
import { level1Weights } from "./level1-weights";
import { lowExecutionUnexplained } from "./low-execution-unexplained";
import { missingDeviationCause } from "./missing-deviation-cause";
import { missingValue } from "./missing-value";
import { nameTargetMismatch } from "./name-target-mismatch";
import { overachievementUnexplained } from "./overachievement-unexplained";
import { scoreExceedsWeight } from "./score-exceeds-weight";
import { totalScore } from "./total-score";
import { unitMismatch } from "./unit-mismatch";
import { unparseableValue } from "./unparseable-value";
import { weightsTotal } from "./weights-total";
import { blockScoreExceedsWeight } from "./block-score-exceeds-weight";
import { formUnfilled } from "./form-unfilled";
import { indicatorWeightUnknown } from "./indicator-weight-unknown";
import { level1LabelMismatch } from "./level1-label-mismatch";
import { sectionUnreadable } from "./section-unreadable";
import { targetNotMeasurable } from "./target-not-measurable";
import { dimensionMissing } from "./dimension-missing";
import { targetContradictsKind } from "./target-contradicts-kind";
import { scoreHighForSpending } from "./score-high-for-spending";
import { gradeMismatch } from "./grade-mismatch";
import { indicatorMisfiled } from "./indicator-misfiled";

/** Every form rule, in the order their findings are listed for one cell. */
export const RULES: readonly Rule[] = [
  formIncomplete,
  sectionUnreadable,
  formUnfilled,
  executionRate,
  budgetScore,
  fundingBreakdown,
  executionExceedsBudget,
  lowExecutionUnexplained,
  missingDeviationCause,
  overachievementUnexplained,
  indicatorScore,
  scoreExceedsWeight,
  nameTargetMismatch,
  unitMismatch,
  unparseableValue,
  missingValue,
  weightsTotal,
  level1Weights,
  level1LabelMismatch,
  blockScoreExceedsWeight,
  indicatorWeightUnknown,
  totalScore,
  executionCap,
  // review hints (审核提示): never errors; each may be switched off or to info/warning by the settings' `rules`
  targetNotMeasurable,
  targetContradictsKind,
  indicatorMisfiled,
  dimensionMissing,
  scoreHighForSpending,
  gradeMismatch,
];

/** The review hints (审核提示) a setting may switch: in 设置 and `{"rules": {"<id>": "off" | "info" | "warning"}}`. */
export const REVIEW_HINTS: readonly Rule[] = RULES.filter((r) => r.meta.switchable);

/** Findings the engine raises about a sheet or workbook rather than a form. */
export const WORKBOOK_RULES = {
  "unsupported-form": {
    zh: "部门整体支出绩效自评表等其他表格规则不同，识别后标注为未校验。",
    en: "Other forms (部门整体支出绩效自评表) follow other rules: recognised and reported as not checked.",
  },
  "sheet-clipped": {
    zh: "工作表中有远离其余内容的单元格（如 XFD1048576），超出校验范围的部分未校验。",
    en: "A sheet has cells far from the rest (e.g. XFD1048576); what lies beyond the checked range was not checked.",
  },
  "unreadable-file": {
    zh: "文件无法读取（不是 Excel 工作簿、已损坏或被截断、加密、Excel 5.0/95 格式或 CSV），其余文件照常校验。",
    en: "A file cannot be read (not an Excel workbook, damaged or truncated, encrypted, Excel 5.0/95 or CSV); the other files are still checked.",
  },
  "no-form": {
    zh: "工作簿中没有找到项目支出绩效自评表。",
    en: "The workbook holds no 项目支出绩效自评表.",
  },
} as const;
