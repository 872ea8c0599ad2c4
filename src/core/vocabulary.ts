/**
 * The form's vocabulary: titles, section labels, column synonyms and category words, in one place.
 * Labels are compared after normalizeLabel (no white space, half-width brackets and colons).
 * A template family adds its own words beside these (families/<id>/words.ts); core/lexicon.ts joins them for the
 * readers.
 */

export const TITLE = "项目支出绩效自评表";
/**
 * Titles of the same form under other names that no family claims (RULES.md §6: a bare `绩效目标自评表`); joined with
 * the families' titles by core/lexicon.ts.
 */
export const TITLE_VARIANTS: readonly RegExp[] = [/^(?:\d{4}年度?)?绩效目标自评表$/];
export const DEPT_TITLE = "部门整体支出绩效自评表";
/** The department-overall form under both its titles (RULES.md §6: `部门整体绩效自评表` without 支出, Chongqing 2021). */
export const DEPT_TITLE_VARIANTS = [/部门整体(?:支出)?绩效(?:目标)?自评表/];
/**
 * A label in its canonical spelling where the form's words have two: `部门整体绩效自评表` (without 支出) is read as
 * `部门整体支出绩效自评表`, so the locator, which looks for DEPT_TITLE, takes it for the department form (Grid.label).
 */
export function canonicalLabel(l: string): string {
  return l.includes("部门整体绩效") ? l.replace(/部门整体绩效(?:目标)?自评表/, DEPT_TITLE) : l;
}
export const PROJECT_NAME = ["项目名称"];
/**
 * The transfer-payment form (转移支付（区域）绩效目标自评表: Guangxi 2021, 休宁县 2023): no 分值 or 得分 anywhere, other
 * rules — recognised by its title and reported as not checked, like the department form. Its name label.
 */
export const TRANSFER_TITLE = /转移支付.{0,12}绩效(?:目标)?自评表/;
export const TRANSFER_NAME = ["转移支付名称", "转移支付项目名称"];

/** The funds section's label (left of its header row). */
export const FUNDS_LABELS = ["项目资金", "资金情况", "预算执行情况", "资金投入", "预算资金", "项目预算"];
/** The funds section's total row label. */
export const FUNDS_TOTAL = ["年度资金总额", "资金总额", "总额", "年度资金合计"];
/** Labels of the 其中 rows under the total. */
export const FUNDS_PARTS = ["其中", "当年财政拨款", "财政拨款", "上年结转", "结转", "其他资金", "财政资金", "财政专户", "单位资金", "自有资金", "自筹", "上级", "本级", "中央", "省级", "市级", "县级"];
export const TOTAL_LABELS = ["总分", "合计", "总计", "总得分", "合计得分", "自评总分"];
export const GOAL_LABELS = ["年度总体目标", "总体目标", "绩效目标", "年度目标"];

/** The columns of the funds section and of the indicator table, as the form's words name them. */
export type FundsColumn = "initial" | "annual" | "executed" | "weight" | "rate" | "score" | "reason";
export type IndicatorColumn = "level1" | "level2" | "name" | "nature" | "target" | "unit" | "actual" | "weight" | "score" | "cause";

/**
 * A column that says how a score is computed (`得分计算方法`, `评分标准`, `计分方法`, RULES.md §6): text, neither a
 * score nor a weight nor a value.
 */
export const METHOD_COLUMN = /计算方法|计分方法|评分方法|评分标准|计分标准|评分规则|打分标准|扣分标准|指标说明/;

/** Funds header words → column. Order matters: 执行率 before 执行数, 年初 before 预算数. */
export function fundsColumnOf(h: string): FundsColumn | null {
  if (!h) return null;
  if (METHOD_COLUMN.test(h)) return null;
  if (/执行率|完成率/.test(h)) return "rate";
  if (/得分/.test(h)) return "score";
  if (/分值|权重/.test(h)) return "weight";
  if (/原因|说明|备注/.test(h)) return "reason";
  if (/执行数|支出数|实际支出|执行金额|实际执行/.test(h)) return "executed";
  if (/年初/.test(h)) return "initial";
  if (/全年预算|调整后预算|预算数|全年预算数|预算金额/.test(h)) return "annual";
  return null;
}

/** Indicator header words → column. */
export function indicatorColumnOf(h: string): IndicatorColumn | null {
  if (!h) return null;
  if (METHOD_COLUMN.test(h)) return null;
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

/** The second row of a two-row indicator header. */
export const HEADER_CONTINUATION = /指标值|完成值|目标值|实际值|分值|得分|权重|原因|单位|性质|措施/;

/**
 * Header words: a row of two or more of these (and no number) is a header row wherever it stands (repeated after a
 * page break, or the header of a new block), never an indicator. Compared whole, brackets stripped.
 */
export const HEADER_WORDS: readonly string[] = [
  "一级指标", "二级指标", "三级指标", "指标名称", "指标性质", "度量单位", "计量单位", "年度", "实际", "指标值", "年度指标值", "年度目标值",
  "目标值", "实际完成值", "完成值", "全年实际值", "实际值", "分值", "权重", "得分", "偏差原因分析及改进措施", "偏差原因分析", "未完成原因分析", "偏差原因",
  "得分计算方法", "计分方法", "评分标准", "评分方法",
];

/** Template prompt text: what a blank template prints in a cell for the filler to replace. Never content, never a reason. */
export const PROMPT_PATTERNS: readonly RegExp[] = [/^请(填写|说明|在此)/, /^填写说明/, /^指标\d*[:：]?$/, /^……$/];
