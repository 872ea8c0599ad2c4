import { IndicatorAnalysis } from "../analyse";
import { Bilingual } from "../findings";

/**
 * What the review hints (审核提示) share: the kind of an indicator by its 二级 label, and for each kind one line on what a
 * good target looks like, in the form's own words. Not a rule (rules/index.ts lists the rules).
 */
export type HintKind = "quantity" | "quality" | "time" | "cost" | "outcome" | "satisfaction";

/** The kind of an indicator: its 二级 (数量/质量/时效/成本), else its 一级 (效益/满意度); null when neither says. */
export function kindOf(i: IndicatorAnalysis): HintKind | null {
  const l2 = i.layout.level2; // "" when the row has none
  if (/成本/.test(l2)) return "cost";
  if (/时效|进度/.test(l2)) return "time";
  if (/数量/.test(l2)) return "quantity";
  if (/质量/.test(l2)) return "quality";
  if (i.layout.category === "satisfaction") return "satisfaction";
  if (i.layout.category === "outcome") return "outcome";
  return null;
}

/** One line per kind: what a good target of that kind says (the forms' own wording). {year}: the form's year. */
export function goodTarget(kind: HintKind, year: number): Bilingual {
  switch (kind) {
    case "quantity":
      return { zh: "数量指标应写明数值和计量单位，如“≥4次”“150人次”。", en: "A 数量指标 gives a number and its unit, e.g. “≥4次”, “150人次”." };
    case "quality":
      return { zh: "质量指标应写明可检验的比率，如“验收合格率≥95%”“=100%”。", en: "A 质量指标 gives a rate that can be checked, e.g. “验收合格率≥95%”, “=100%”." };
    case "time":
      return { zh: `时效指标应写明本年度内的完成时限，如“${year}年12月31日前”。`, en: `A 时效指标 gives a deadline within the year, e.g. “${year}年12月31日前”.` };
    case "cost":
      return { zh: "成本指标应写明不超过的金额，如“≤45万元”。", en: "A 成本指标 gives the amount not to exceed, e.g. “≤45万元”." };
    case "outcome":
      return { zh: "效益指标应写明可衡量的效果，如“受益农户数≥1000户”。", en: "A 效益指标 gives an effect that can be measured, e.g. “受益农户数≥1000户”." };
    case "satisfaction":
      return { zh: "满意度指标应写明调查的满意率，如“服务对象满意度≥90%”。", en: "A 满意度指标 gives a surveyed rate, e.g. “服务对象满意度≥90%”." };
  }
}
