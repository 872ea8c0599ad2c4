import { IndicatorAnalysis, ValueCell } from "../analyse";
import { Rule, Severity } from "../findings";
import { isEvaluationFrame } from "../framework";

const empty = (v: ValueCell | null | undefined) => !!v && (v.parsed.kind === "blank" || v.parsed.kind === "placeholder");
const none = (v: ValueCell | null | undefined) => !v || empty(v);
/** `1.…`, `2、…`, `（1）…`: a numbered sub-item's name (not the template's `指标1:`). */
const NUMBERED = /^\s*(?:\d{1,2}\s*[.、．](?!\d)|[(（]\d{1,2}[)）])/;

/**
 * Numbered sub-items (RULES.md §6): a 三级 row split into `1.… 2.…` sub-rows. Where the parent holds the weight and score
 * and the sub-rows hold neither, the sub-rows are part of it; where the sub-rows hold them and the parent neither, the
 * parent is their heading. Either way the row without weight and score is not missing them. Indices into `rows`.
 */
export function subItemRows(rows: ReadonlyArray<Pick<IndicatorAnalysis, "fullName" | "weight" | "score">>): Set<number> {
  const out = new Set<number>();
  const bare = (k: number) => none(rows[k].weight) && none(rows[k].score);
  for (let k = 0; k + 1 < rows.length; k++) {
    if (NUMBERED.test(rows[k].fullName)) continue;
    let end = k + 1;
    while (end < rows.length && NUMBERED.test(rows[end].fullName)) end++;
    if (end === k + 1) continue;
    const run = Array.from({ length: end - k - 1 }, (_, j) => k + 1 + j);
    if (!bare(k) && run.every(bare)) run.forEach((j) => out.add(j));
    else if (bare(k) && run.every((j) => !bare(j))) out.add(k);
  }
  return out;
}

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
    // the evaluation frame (RULES.md §6): a target written `—` beside a descriptive actual is the frame's way, not a gap
    const frame = isEvaluationFrame(form.indicators);
    const sub = subItemRows(form.indicators);
    for (const [k, i] of form.indicators.entries()) {
      if (sub.has(k)) continue;
      const n = () => i.name || say("（未命名指标）", "(unnamed indicator)");
      const frameRow = frame && i.target?.parsed.kind === "placeholder" && !empty(i.actual) && !!i.actual;
      if (!frameRow) missing(i.target, "warning", () => [`「${n()}」的年度指标值`, `"${n()}": the target`]);
      missing(i.actual, "warning", () => [`「${n()}」的实际完成值`, `"${n()}": the actual`]);
      missing(i.weight, "error", () => [`「${n()}」的分值`, `"${n()}": the weight`]);
      missing(i.score, "error", () => [`「${n()}」的得分`, `"${n()}": the score`]);
    }
    missing(form.totalScore, "warning", () => ["总分的得分", "the total score"]);
  },
};
