import { ValueCell } from "../analyse";
import { Rule, Severity } from "../findings";

const empty = (v: ValueCell | null | undefined) => !!v && (v.parsed.kind === "blank" || v.parsed.kind === "placeholder");

export const missingValue: Rule = {
  id: "missing-value",
  title: { zh: "必填项未填", en: "Missing value" },
  description: {
    zh: "资金总额行的预算数、执行数、分值，以及每个指标的指标值、完成值、分值、得分都应填写。",
    en: "The funds total row's budget, executed amount and weight, and each indicator's target, actual, weight and score must be filled in.",
  },
  meta: {
    messages: { missing: { zh: "{what}未填写。", en: "{what} is missing." } },
    rank: 130,
  },
  check({ form, report, say }) {
    // the words are built only for a cell that is empty: most cells are filled, and a form has many indicators
    const missing = (v: ValueCell | null | undefined, severity: Severity, what: () => [string, string]) => {
      if (!empty(v)) return;
      const [zh, en] = what();
      report({ severity, at: v!.cell, messageId: "missing", data: { what: { zh, en: `${en[0].toUpperCase()}${en.slice(1)}` } }, expected: null, actual: null });
    };
    const b = form.budget;
    if (b) {
      missing(b.annual, "error", () => ["年度资金总额的全年预算数", "the annual budget of the total row"]);
      missing(b.executed, "error", () => ["年度资金总额的全年执行数", "the executed amount of the total row"]);
      if (b.weightValue === null) missing(b.weight, "error", () => ["预算执行的分值", "the budget weight"]);
    }
    for (const i of form.indicators) {
      const n = () => i.name || say("（未命名指标）", "(unnamed indicator)");
      missing(i.target, "warning", () => [`「${n()}」的年度指标值`, `"${n()}": the target`]);
      missing(i.actual, "warning", () => [`「${n()}」的实际完成值`, `"${n()}": the actual`]);
      missing(i.weight, "error", () => [`「${n()}」的分值`, `"${n()}": the weight`]);
      missing(i.score, "error", () => [`「${n()}」的得分`, `"${n()}": the score`]);
    }
    missing(form.totalScore, "warning", () => ["总分的得分", "the total score"]);
  },
};
