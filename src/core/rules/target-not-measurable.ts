import { Rule } from "../findings";
import { toHalfWidth } from "../text";
import { goodTarget, kindOf } from "./review-hints";

/** `*`, `**`, `XX`, `×××`: a value never filled in. */
const PLACEHOLDER = /^[*＊xX×✕]+$|XX|xx|\*\*|＊＊|××/;
/** the template's own words in the target cell */
const TEMPLATE = /^(年度)?(指标值|目标值)$|^请?(填写|填报)|^指标\d*$|^三级指标$/;

export const targetNotMeasurable: Rule = {
  id: "target-not-measurable",
  title: { zh: "指标值不可衡量", en: "Target not measurable" },
  description: {
    zh: "数量、质量、时效、成本指标的年度指标值应可衡量：写明数值或日期，而不是占位符（*、XX）、模板原文或一句描述（财预〔2021〕101号：绩效指标“细化、量化描述”）。",
    en: "A 数量/质量/时效/成本 target must be measurable: a number or a date, not a placeholder (*, XX), the template's text or a phrase (财预〔2021〕101号).",
  },
  meta: {
    messages: {
      placeholder: {
        zh: "「{name}」的年度指标值“{text}”是占位符，未填写实际目标。{good}",
        en: "\"{name}\": the target \"{text}\" is a placeholder, not a target. {good}",
      },
      template: {
        zh: "「{name}」的年度指标值“{text}”是模板原文，未填写实际目标。{good}",
        en: "\"{name}\": the target \"{text}\" is the template's own text, not a target. {good}",
      },
      vague: {
        zh: "「{name}」是{kind}，年度指标值“{text}”没有数值或日期，无法衡量是否完成。{good}",
        en: "\"{name}\" is a {kind}, but its target \"{text}\" has no number or date: whether it was met cannot be measured. {good}",
      },
    },
    severity: "warning",
    rank: 300,
    switchable: true,
    source: {
      zh: "财预〔2021〕101号（绩效目标“通过具体绩效指标予以细化、量化描述”）；自评通知“对照年初预算设定的绩效目标及指标值”",
      en: "财预〔2021〕101号 (targets \"细化、量化描述\"); the 自评 notices",
    },
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      const kind = kindOf(i);
      if (kind !== "quantity" && kind !== "quality" && kind !== "time" && kind !== "cost") continue;
      const t = i.target;
      if (!t || t.parsed.kind !== "text") continue; // numbers and dates are measurable; blanks are missing-value's
      const text = t.parsed.text;
      const plain = toHalfWidth(text).replace(/\s/g, "");
      const messageId = PLACEHOLDER.test(plain) ? "placeholder" : TEMPLATE.test(plain) ? "template" : /\d/.test(plain) ? null : "vague";
      if (!messageId) continue; // a number inside a phrase (100%合格, 完成3项): measurable enough
      const label = i.layout.level2; // never blank here: kindOf read one of the four kinds from it (数量/质量/时效或进度/成本)
      report({
        at: t.cell,
        messageId,
        data: { name: i.name || "（未命名指标）", text, kind: label, good: goodTarget(kind, form.year) },
        expected: null,
        actual: text,
      });
    }
  },
};
