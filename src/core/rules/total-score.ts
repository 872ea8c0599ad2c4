import { ValueCell } from "../analyse";
import { FixInput, Rule, StepInput, r4 } from "../findings";
import { isRoundingOf, round, sameAt2 } from "../scoring";

export const totalScore: Rule = {
  id: "total-score",
  title: { zh: "总分", en: "Total score" },
  description: {
    zh: "总分应等于预算执行得分与各指标得分（按填写值）之和；表头写有“自评得分”而表中也有总分行时，两者应一致。没有总分行时，表头的自评得分即为总分。",
    en: "The total must equal the budget score plus every indicator's score, as written; a total in the header (自评得分) must agree with the 总分 row, and stands for it where the form has none.",
  },
  meta: {
    messages: {
      rounded: { zh: "总分 {written} 是各项得分之和 {sum} 四舍五入后的值。", en: "The total {written} is the sum of scores {sum} rounded." },
      mismatch: { zh: "总分填写为 {written}，但各项得分之和为 {sum}。", en: "The total is written as {written}, but the scores add up to {sum}." },
      headerMismatch: {
        zh: "表头的自评得分填写为 {header}，与总分行的 {written} 不一致（各项得分之和为 {sum}）。",
        en: "The header's total is written as {header}, but the total row says {written} (the scores add up to {sum}).",
      },
    },
    rank: 40,
    proposes: "total",
  },
  check({ form, options, report, propose, say }) {
    const t = form.totalScore;
    if (!t) return;
    // a total in the header as well as in the 总分 row (RULES.md §6): the two must agree (with no 总分 row the header's
    // total is the form's, the same cell: it agrees with itself)
    const h = form.headerTotal;
    if (h && h.value !== null && t.value !== null && !sameAt2(h.value, t.value)) {
      report({
        severity: "error",
        at: h.cell,
        messageId: "headerMismatch",
        data: { header: h.value, written: t.value, sum: form.sumOfScores },
        expected: t.value,
        actual: h.value,
        expectedLabel: say("总分行", "the total row"),
      });
    }
    // The fix writes what the finding states: the sum of the scores as written now. Write-back makes the total follow
    // the score cells it also writes (the budget score, ticked indicator scores): finalizeSelection adds their changes,
    // so a total that holds only together with other fixes is offered only with them. Always proposed, so that the
    // selection can recompute it; the selection drops it when nothing changes.
    const fix: FixInput = {
      at: t.cell,
      old: t.raw,
      new: round(form.sumOfScores, 2),
      label: { zh: "总分（各项得分之和）", en: "total (sum of scores)" },
      altLabel: { zh: "总分（随本次写回的得分）", en: "total (with the scores written now)" },
    };
    // a total written inside its label's text (自评得分：92, in the header: RULES.md §6) is not overwritten by a number
    const inLabel = typeof t.raw === "string" && /[\u4e00-\u9fff]/.test(t.raw.replace(/分/g, ""));
    if (t.value === null || sameAt2(t.value, form.sumOfScores)) {
      if (!inLabel) propose(fix);
      return;
    }
    const info = options.acceptRounding && isRoundingOf(t.value, form.sumOfScores);
    report({
      severity: info ? "info" : "error",
      at: t.cell,
      messageId: info ? "rounded" : "mismatch",
      data: { written: t.value, sum: form.sumOfScores },
      expected: r4(form.sumOfScores),
      actual: t.value,
      expectedLabel: say("各项得分之和", "sum of scores"),
      steps: [sumStep(form.sumOfScores, [form.budget?.score ?? null, ...form.indicators.map((i) => i.score)])],
      // a total that disagrees with the sum: writing the sum changes the cell (a number differs at two decimals, a text
      // is replaced), except a total inside its label's text, which is not overwritten
      ...(inLabel ? {} : { fix }),
    });
  },
};

/** A sum as the form holds it: every figure that went into it, with its cell (a blank one adds nothing and is left out). */
export function sumStep(result: number, cells: ReadonlyArray<ValueCell | null>): StepInput {
  return { result, op: "+", terms: cells.filter((c): c is ValueCell => c !== null && c.value !== null).map((c) => ({ value: c.value!, at: c.cell })) };
}
