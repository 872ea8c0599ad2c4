import { Rule, pct } from "../findings";
import { isMoneyUnit } from "../parse";
import { goodTarget, kindOf } from "./review-hints";

/** a rate that may pass 100%: growth, an increase, a multiple */
const GROWTH = /增长|增幅|增速|增加|提高|提升|同比|环比|倍|超/;

export const targetContradictsKind: Rule = {
  id: "target-contradicts-kind",
  title: { zh: "指标值与类型矛盾", en: "Target contradicts its kind" },
  description: {
    zh: "指标值应与指标类型相符：成本指标不用“≥”等正向符号，比率目标不超过 100%，时效日期不晚于表的年度，数量指标写明计量单位。",
    en: "A target fits its kind: a cost not written with ≥, a rate not above 100%, a 时效 date not after the form's year, a quantity with its unit.",
  },
  meta: {
    messages: {
      costPositive: {
        zh: "「{name}」是成本指标，年度指标值“{text}”却用了正向符号（花得越多越好）。{good}",
        en: "\"{name}\" is a cost, but its target \"{text}\" has a positive operator (as if spending more were better). {good}",
      },
      rateOver: {
        zh: "「{name}」的年度指标值 {rate} 超过 100%，比率目标最高为 100%。{good}",
        en: "\"{name}\": the target {rate} is above 100%; a rate target is at most 100%. {good}",
      },
      dateLate: {
        zh: "「{name}」的完成时限“{text}”晚于本表年度（{year}年），年度自评只考核本年度内的时限。{good}",
        en: "\"{name}\": the deadline \"{text}\" is after the form's year ({year}); a yearly evaluation judges deadlines within the year. {good}",
      },
      noUnit: {
        zh: "「{name}」是数量指标，年度指标值“{text}”没有计量单位。{good}",
        en: "\"{name}\" is a quantity, but its target \"{text}\" has no unit. {good}",
      },
    },
    severity: "warning",
    rank: 320,
    switchable: true,
    source: {
      zh: "财预〔2021〕101号（成本指标为控制上限）；省级预算绩效系统公开代码与 indicator_audit 的审核规则（成本不用≥、百分比不超过100、时限不晚于项目期）",
      en: "财预〔2021〕101号 (a cost is a ceiling); a provincial system's public code and indicator_audit (no ≥ on a cost, no rate above 100, no deadline after the term)",
    },
  },
  check({ form, report }) {
    const year = form.layout.year;
    for (const i of form.indicators) {
      const t = i.target;
      if (!t) continue;
      const p = t.parsed;
      const kind = kindOf(i);
      const text = String(t.raw).trim(); // quoted only for a number or a date: never a blank cell
      const name = i.name || "（未命名指标）";
      if (p.kind === "number") {
        const isCost = kind === "cost" || (isMoneyUnit(p.unit) && /成本|费用|经费/.test(i.fullName));
        if (isCost && (p.op === ">=" || p.op === ">")) {
          report({ at: t.cell, messageId: "costPositive", data: { name, text, good: goodTarget("cost", form.year) }, expected: null, actual: text });
          continue;
        }
        if (p.unit === "%" && p.value > 1 + 1e-9 && !GROWTH.test(i.fullName)) {
          report({ at: t.cell, messageId: "rateOver", data: { name, rate: pct(p.value), good: goodTarget(kind ?? "quality", form.year) }, expected: 1, actual: p.value, valueFormat: "percent" });
          continue;
        }
        if (kind === "quantity" && p.unit === "" && p.value > 1) {
          report({ at: t.cell, messageId: "noUnit", data: { name, text, good: goodTarget("quantity", form.year) }, expected: null, actual: text });
        }
      } else if (p.kind === "date" && kind === "time" && year !== null && p.year !== null && p.year > year) {
        report({ at: t.cell, messageId: "dateLate", data: { name, text, year, good: goodTarget("time", year) }, expected: null, actual: text });
      }
    }
  },
};
