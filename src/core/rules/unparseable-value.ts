import { ValueCell } from "../analyse";
import { Rule } from "../findings";

export const unparseableValue: Rule = {
  id: "unparseable-value",
  title: { zh: "数值无法读取", en: "Unreadable number" },
  description: {
    zh: "数值单元格应能读出数值：错误值（#DIV/0! 等）为错误；数值栏中的文字、读不出的实际完成值为警告。",
    en: "Numeric cells must hold a number: error values (#DIV/0!…) are errors; text in a numeric column or an unreadable actual is a warning.",
  },
  meta: {
    messages: {
      errorValue: { zh: "{what}为错误值 {code}，请修正公式或数据。", en: "The {what} is the error value {code}; fix the formula or data." },
      notNumber: { zh: "{what}“{text}”不是数值。", en: "The {what} \"{text}\" is not a number." },
      errorIn: { zh: "「{name}」{what}为错误值 {code}。", en: "\"{name}\": the {what} is the error value {code}." },
      unreadableActual: { zh: "「{name}」实际完成值“{text}”读不出数值或日期，无法计算得分。", en: "\"{name}\": the actual \"{text}\" is not a number or date; no score computed." },
    },
    rank: 140,
  },
  check({ form, report }) {
    const numeric: Array<[ValueCell | null | undefined, string, string]> = [];
    const b = form.budget;
    if (b) {
      numeric.push([b.initial, "年初预算数", "initial budget"], [b.annual, "全年预算数", "annual budget"], [b.executed, "全年执行数", "executed"]);
      numeric.push([b.weight, "分值", "weight"], [b.rate, "执行率", "execution rate"], [b.score, "得分", "score"]);
      for (const p of b.parts) numeric.push([p.initial, "年初预算数", "initial budget"], [p.annual, "全年预算数", "annual budget"], [p.executed, "全年执行数", "executed"]);
    }
    for (const i of form.indicators) numeric.push([i.weight, "分值", "weight"], [i.score, "得分", "score"]);
    numeric.push([form.totalWeight, "总分分值", "total weight"], [form.totalScore, "总分", "total score"]);
    for (const [v, zh, en] of numeric) {
      if (!v) continue;
      if (v.parsed.kind === "error") {
        report({ severity: "error", at: v.cell, messageId: "errorValue", data: { what: { zh, en }, code: v.parsed.code }, expected: null, actual: v.parsed.code });
      } else if (v.parsed.kind === "text" || v.parsed.kind === "date") {
        report({ severity: "warning", at: v.cell, messageId: "notNumber", data: { what: { zh, en }, text: String(v.raw) }, expected: null, actual: String(v.raw) });
      }
    }
    for (const i of form.indicators) {
      for (const [v, zh, en] of [[i.target, "年度指标值", "target"], [i.actual, "实际完成值", "actual"]] as const) {
        if (v?.parsed.kind === "error") {
          report({ severity: "error", at: v.cell, messageId: "errorIn", data: { name: i.name, what: { zh, en }, code: v.parsed.code }, expected: null, actual: v.parsed.code });
        }
      }
      // A quantitative or dated target whose actual cannot be read: no score can be computed.
      const t = i.target?.parsed.kind;
      const a = i.actual?.parsed;
      if (i.actual && a?.kind === "text" && (t === "number" || t === "date") && i.scoring.met === null && i.scoring.expected === null) {
        report({
          severity: "warning",
          at: i.actual.cell,
          messageId: "unreadableActual",
          data: { name: i.name, text: a.text },
          expected: null,
          actual: a.text,
        });
      }
    }
  },
};
