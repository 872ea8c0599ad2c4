import { Lang } from "./options";

/**
 * The words every surface shows beside a form — the pane, the web page, the CLI and the report sheet — in one place,
 * so that the web page owes nothing to the pane and the two never name a figure differently.
 */
export const FORM_WORDS = {
  zh: {
    rate: "执行率",
    budgetScore: "预算得分",
    written: "填写总分",
    sum: "得分合计",
    recalculated: "重算总分",
    grade: "等级",
    notChecked: "部门整体支出绩效自评表：规则不同，未校验",
    noProblems: "未发现问题",
    severity: { error: "错误", warning: "警告", info: "提示" },
    /** one finding's severity (a badge on each item): singular where the language has plurals */
    severityOne: { error: "错误", warning: "警告", info: "提示" },
    workbookLevel: "工作簿",
    unnamed: "（未填写项目名称）",
  },
  en: {
    rate: "Execution rate",
    budgetScore: "Budget score",
    written: "Written total",
    sum: "Sum of scores",
    recalculated: "Recalculated",
    grade: "Grade",
    notChecked: "Whole-department form: other rules, not checked",
    noProblems: "No problems found",
    severity: { error: "Errors", warning: "Warnings", info: "Info" },
    severityOne: { error: "Error", warning: "Warning", info: "Info" },
    workbookLevel: "Workbook",
    unnamed: "(no project name)",
  },
} satisfies Record<Lang, Record<string, unknown>>;
