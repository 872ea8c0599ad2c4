import type { FormLayout } from "../locate";
import type { BudgetAnalysis, IndicatorAnalysis, UncheckedSection, ValueCell } from "./types";

/** A budget cell holding 0 or nothing: no execution rate can be computed from it. */
const isNil = (v: ValueCell | null): boolean => !v || v.value === 0 || v.parsed.kind === "blank" || v.parsed.kind === "placeholder";

/** What could not be read, section by section: named with what was looked for (RULES.md §5: nothing skipped silently). */
export function uncheckedSections(layout: FormLayout, budget: BudgetAnalysis | null, indicators: IndicatorAnalysis[], blocksMode: boolean): UncheckedSection[] {
  const out: UncheckedSection[] = [];
  const origin = { row: layout.top, col: layout.left };
  const f = layout.funds;
  if (layout.kind !== "project") return out;
  if (f && f.totalRow !== null) {
    const at = f.labelCell ?? { row: f.totalRow, col: layout.left };
    const lacking: string[] = [];
    if (f.columns.annual === undefined) lacking.push("全年预算数/调整后预算数/预算数");
    if (f.columns.executed === undefined) lacking.push("全年执行数/预算执行数/执行数");
    if (budget && f.columns.annual !== undefined && f.columns.executed !== undefined) {
      const bad = [budget.annual, budget.executed].filter((v) => v && (v.parsed.kind === "text" || v.parsed.kind === "date" || v.parsed.kind === "error"));
      for (const v of bad) lacking.push(`${v === budget.annual ? "预算数" : "执行数"}为数值（读到“${String(v!.raw)}”）`);
    }
    if (lacking.length > 0)
      out.push({ section: "funds", zh: "预算执行情况", en: "budget execution", lookedForZh: lacking.join("、") + " 列", lookedForEn: "the budget and executed columns with numbers", at });
    else if (budget && budget.computedRate === null && isNil(budget.annual))
      // a total row whose budget reads 0 or nothing (池州 2022: 0 / 0 / 0 over a 其中 row carrying the money): nothing to
      // divide by, so the execution rate and the budget score are not the form's (RULES.md §5: say so, grade nothing)
      out.push({
        section: "funds",
        zh: "预算执行情况",
        en: "budget execution",
        lookedForZh: `年度资金总额行的预算数大于 0（读到“${String(budget.annual?.raw ?? "")}”，无法计算执行率）`,
        lookedForEn: `a budget above 0 in the total row (read "${String(budget.annual?.raw ?? "")}": no execution rate)`,
        at: budget.annual?.cell ?? budget.labelCell,
      });
  } else if (!f || f.totalRow === null) {
    out.push({
      section: "funds",
      zh: "预算执行情况",
      en: "budget execution",
      lookedForZh: f ? "年度资金总额/总额 行" : "项目资金/资金情况/预算执行情况 部分及其年度资金总额行",
      lookedForEn: f ? "the 年度资金总额 (total) row" : "the funds section (项目资金/资金情况/预算执行情况) and its total row",
      at: f?.labelCell ?? origin,
    });
  }
  const ind = layout.indicators;
  if (!ind || ind.rows.length === 0) {
    out.push({
      section: "indicators",
      zh: "绩效指标",
      en: "indicators",
      lookedForZh: ind ? "表头下的指标行" : "一级指标/二级指标/三级指标 表头",
      lookedForEn: ind ? "indicator rows under the header" : "the 一级指标/二级指标/三级指标 header",
      at: ind ? { row: ind.headerRow, col: layout.left } : origin,
    });
  } else {
    const lacking: string[] = [];
    if (ind.columns.name === undefined) lacking.push("三级指标");
    if (ind.columns.score === undefined) lacking.push("得分");
    if (ind.columns.weight === undefined && !blocksMode) lacking.push("分值/权重");
    if (ind.columns.target === undefined) lacking.push("指标值/年度指标值");
    if (ind.columns.actual === undefined) lacking.push("实际完成值/完成值");
    if (lacking.length > 0)
      out.push({ section: "indicators", zh: "绩效指标", en: "indicators", lookedForZh: lacking.join("、") + " 列", lookedForEn: "the columns " + lacking.join(", "), at: { row: ind.headerRow, col: layout.left } });
  }
  if (layout.totalRow === null && !layout.headerTotalCell && indicators.length > 0) {
    out.push({ section: "total", zh: "总分", en: "total", lookedForZh: "总分/合计 行", lookedForEn: "the 总分/合计 row", at: origin });
  }
  return out;
}
