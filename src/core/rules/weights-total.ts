import { FormAnalysis } from "../analyse";
import { Rule, StepInput, r4 } from "../findings";
import { sameAt2 } from "../scoring";

export const weightsTotal: Rule = {
  id: "weights-total",
  title: { zh: "分值合计", en: "Weights total" },
  description: {
    zh: "预算执行分值与各指标分值之和应为 100，总分行的分值也应为 100。",
    en: "The budget weight plus all indicator weights must be 100, as must the total row's weight.",
  },
  meta: {
    messages: {
      sum: { zh: "各项分值之和为 {sum}，应为 100。", en: "The weights add up to {sum}, not 100." },
      totalRow: { zh: "总分行的分值填写为 {written}，应为 100。", en: "The total row's weight is written as {written}; it should be 100." },
    },
    severity: "error",
    rank: 60,
  },
  check({ form, report, say }) {
    const at = form.totalWeight?.cell ?? form.layout.totalLabelCell;
    if (!at || (form.indicators.length === 0 && !form.budget)) return;
    if (!sameAt2(form.weights, 100)) {
      report({
        at,
        messageId: "sum",
        data: { sum: form.weights },
        expected: 100,
        actual: r4(form.weights),
        // the cell may well hold 100: 95 is the sum, not what is written there
        actualLabel: say("各项分值之和", "the weights add up to"),
        steps: [weightsStep(form)],
      });
      return;
    }
    const written = form.totalWeight?.value;
    if (written != null && !sameAt2(written, 100)) {
      report({
        at,
        messageId: "totalRow",
        data: { written },
        expected: 100,
        actual: written,
      });
    }
  },
};

/** The weights as totals.ts adds them: the budget's, then each indicator's (or, with weights in blocks, each block's). */
function weightsStep(form: FormAnalysis): StepInput {
  const terms: StepInput["terms"] = [];
  const b = form.budget;
  if (b?.weightValue != null) terms.push({ value: b.weightValue, at: b.weight?.value != null ? b.weight.cell : null });
  if (form.blocks.length) for (const k of form.blocks) terms.push(...(k.weight !== null ? [{ value: k.weight, at: k.cell }] : []));
  else for (const i of form.indicators) if (i.weight?.value != null) terms.push({ value: i.weight.value, at: i.weight.cell });
  return { result: form.weights, op: "+", terms };
}
