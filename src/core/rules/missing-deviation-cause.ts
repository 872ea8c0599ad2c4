import { IndicatorAnalysis } from "../analyse";
import { Rule, fmt, pct } from "../findings";
import { sameAt2 } from "../scoring";

/**
 * A starting sentence for the explanation, with the indicator's own figures (RULES.md §2: the deviation, its cause —
 * objective or within the unit's control — and the improvement measure). Shown beside the finding to copy; never
 * written into the cell.
 */
function causeHint(i: IndicatorAnalysis, say: (zh: string, en: string) => string): string {
  const text = (v: IndicatorAnalysis["target"]) => (v ? String(v.raw).trim() : "");
  const target = text(i.target);
  const actual = text(i.actual);
  const ratio =
    i.target?.parsed.kind === "number" && i.actual?.parsed.kind === "number" && i.target.parsed.value !== 0 ? i.actual.parsed.value / i.target.parsed.value : null;
  const fig: string[] = [];
  if (target) fig.push(say(`年度指标值 ${target}`, `target ${target}`));
  if (actual) fig.push(say(`实际完成 ${actual}`, `actual ${actual}`));
  if (ratio !== null && i.scoring.met === false) fig.push(say(`完成 ${pct(ratio)}`, `${pct(ratio)} achieved`));
  if (i.score?.value != null && i.weight?.value != null) {
    // the rule's score beside the written one, as the indicator-score finding states it
    const rule = i.scoring.expected;
    const differs = rule !== null && !sameAt2(rule, i.score.value);
    fig.push(
      differs
        ? say(`得分 ${fmt(i.score.value)}（按规则应为 ${fmt(rule)}，分值 ${fmt(i.weight.value)}）`, `score ${fmt(i.score.value)} (the rule gives ${fmt(rule)}) of ${fmt(i.weight.value)}`)
        : say(`得分 ${fmt(i.score.value)}（分值 ${fmt(i.weight.value)}）`, `score ${fmt(i.score.value)} of ${fmt(i.weight.value)}`),
    );
  }
  return say(
    `「${i.name}」${fig.join("，")}。偏差原因：……（说明是客观原因，如政策调整、资金未及时到位，还是计划、采购、管理等自身原因）。改进措施：……（做什么、由谁负责、何时完成）。`,
    `"${i.name}": ${fig.join(", ")}. Cause: … (objective — policy change, funds not arrived — or within the unit's control — planning, procurement, management). Improvement: … (what, who, by when).`,
  );
}

export const missingDeviationCause: Rule = {
  id: "missing-deviation-cause",
  title: { zh: "缺少偏差原因", en: "Missing deviation cause" },
  description: {
    zh: "指标未完成（按规则得分低于分值）或填写得分低于分值时，必须填写偏差原因分析及改进措施；“/”“无”“0”不算。",
    en: "An indicator that misses its target (rule score below weight) or whose written score is below its weight needs a deviation cause; “/”, “无”, “0” do not count.",
  },
  meta: {
    messages: {
      formCause: { zh: "「{name}」{why}，须在“偏差大或目标未完成原因分析”栏说明原因。", en: "\"{name}\": {why}; the form's cause cell (偏差大或目标未完成原因分析) must explain it." },
      noColumn: { zh: "「{name}」{why}，但表中没有偏差原因分析栏。", en: "\"{name}\": {why}, but the form has no deviation-cause column." },
      missing: { zh: "「{name}」{why}，须填写偏差原因分析及改进措施。", en: "\"{name}\": {why}; the deviation cause and remedy must be filled in." },
    },
    severity: "error",
    rank: 50,
  },
  check({ form, report, say }) {
    const causeCol = form.layout.indicators?.columns.cause;
    for (const i of form.indicators) {
      if (!i.causeRequired || i.hasCause) continue;
      const at = i.cause?.cell ?? i.score?.cell ?? i.nameCell;
      if (!at) continue;
      const w = i.weight?.value ?? 0;
      const written = i.score?.value;
      const why =
        i.scoring.met === false
          ? { zh: "未达到年度指标值", en: "the target was not reached" }
          : { zh: `得分 ${fmt(written ?? i.recalculated)} 低于分值 ${fmt(w)}`, en: `the score ${fmt(written ?? i.recalculated)} is below the weight ${fmt(w)}` };
      report({
        at,
        messageId: causeCol === undefined && form.layout.formCause ? "formCause" : causeCol === undefined ? "noColumn" : "missing",
        data: { name: i.name, why },
        expected: null,
        actual: i.cause ? (typeof i.cause.raw === "string" ? i.cause.raw : String(i.cause.raw)) : null,
        hint: causeHint(i, say),
      });
    }
  },
};
