import { Lang } from "../core/options";

/** The pane's words, in Chinese (default) and English. */
const zh = {
  appName: "绩效自评校验",
  outsideTitle: "请在 Excel 中打开",
  outsideBody: "这是 Excel 加载项“绩效自评校验”的任务窗格，只能在 Excel（Windows、Mac 或网页版）中使用。请在 Excel 中通过“开始 › 绩效自评校验”打开。",
  outsideBodyEn: "This is the task pane of the Excel add-in 绩效自评校验 (self-evaluation checker). It works only inside Excel (Windows, Mac or on the web): open it from Home › 绩效自评校验 in Excel.",
  notExcel: "此加载项只支持 Excel。",
  check: "一键校验",
  checking: "正在校验…",
  clear: "清除标记",
  highlight: "标记有问题的单元格",
  live: "实时校验",
  phaseRead: "正在读取工作簿",
  phaseCheck: "正在计算",
  phaseMark: "正在标记单元格",
  intro: "点击“一键校验”，检查工作簿中的每张项目支出绩效自评表：执行率、预算得分、各指标得分、分值合计与总分，以及偏差原因是否填写。",
  noForm: "没有找到项目支出绩效自评表",
  noFormBody: "工作簿中没有带“项目名称”“年度资金总额”“一级指标”“总分”等标签的表格。请打开填好的自评表后再校验。",
  error: "校验失败",
  formsChecked: (n: number) => `共 ${n} 张表`,
  rate: "执行率",
  budgetScore: "预算得分",
  written: "填写总分",
  sum: "得分合计",
  recalculated: "重算总分",
  grade: "等级",
  notChecked: "部门整体支出绩效自评表：规则不同，未校验",
  noProblems: "未发现问题",
  filter: "显示",
  severity: { error: "错误", warning: "警告", info: "提示" },
  expected: "应为",
  actual: "实为",
  goTo: (cell: string) => `转到 ${cell}`,
  marked: (n: number) => `已标记 ${n} 个单元格`,
  cleared: (n: number) => `已清除 ${n} 处标记`,
  workbookLevel: "工作簿",
  unnamed: "（未填写项目名称）",
};

export type Strings = typeof zh;

const en: Strings = {
  appName: "Self-evaluation check",
  outsideTitle: "Open this in Excel",
  outsideBody: "这是 Excel 加载项“绩效自评校验”的任务窗格，只能在 Excel（Windows、Mac 或网页版）中使用。请在 Excel 中通过“开始 › 绩效自评校验”打开。",
  outsideBodyEn: "This is the task pane of the Excel add-in 绩效自评校验 (self-evaluation checker). It works only inside Excel (Windows, Mac or on the web): open it from Home › 绩效自评校验 in Excel.",
  notExcel: "This add-in works in Excel only.",
  check: "Check now",
  checking: "Checking…",
  clear: "Clear marks",
  highlight: "Mark cells with problems",
  live: "Live check",
  phaseRead: "Reading the workbook",
  phaseCheck: "Calculating",
  phaseMark: "Marking cells",
  intro: "Click “Check now” to check every project self-evaluation form (项目支出绩效自评表) in the workbook: execution rate, budget score, each indicator's score, weights and total, and whether deviations are explained.",
  noForm: "No self-evaluation form found",
  noFormBody: "No table with the labels 项目名称, 年度资金总额, 一级指标 and 总分 was found. Open a filled-in form, then check again.",
  error: "The check failed",
  formsChecked: (n: number) => `${n} form(s)`,
  rate: "Execution rate",
  budgetScore: "Budget score",
  written: "Written total",
  sum: "Sum of scores",
  recalculated: "Recalculated",
  grade: "Grade",
  notChecked: "Whole-department form: other rules, not checked",
  noProblems: "No problems found",
  filter: "Show",
  severity: { error: "Errors", warning: "Warnings", info: "Info" },
  expected: "expected",
  actual: "actual",
  goTo: (cell: string) => `Go to ${cell}`,
  marked: (n: number) => `${n} cell(s) marked`,
  cleared: (n: number) => `${n} mark(s) cleared`,
  workbookLevel: "Workbook",
  unnamed: "(no project name)",
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** zh-CN by default; English when Office's display language is English. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "zh";
}
