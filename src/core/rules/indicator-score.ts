import { IndicatorAnalysis } from "../analyse";
import { FixInput, Report, Rule, StepInput, fmt, r4, scoreDifference } from "../findings";
import { Score } from "../scoring";
import { isRoundingOf, round, sameAt2 } from "../scoring";

/**
 * The score the rule would write (written only when the user ticks it): the rule's score, or a score outside its tier
 * brought to the nearest bound. Also for a blank score or an indicator whose weight is unknown, where no finding is shown.
 */
function proposal(i: IndicatorAnalysis): FixInput | null {
  if (!i.score) return null;
  const written = i.score.value ?? null;
  const s = i.scoring;
  let rule: number | null = null;
  if (s.expected !== null) rule = round(s.expected, 2);
  else if (s.range && written !== null && (written < s.range[0] - 1e-9 || written > s.range[1] + 1e-9)) rule = round(Math.min(Math.max(written, s.range[0]), s.range[1]), 2);
  if (rule === null || (written !== null && sameAt2(written, rule))) return null;
  return { at: i.score.cell, old: i.score.raw, new: rule, optional: true, label: { zh: `「${i.name}」得分（按规则）`, en: `"${i.name}" score (by the rule)` } };
}

export const indicatorScore: Rule = {
  id: "indicator-score",
  title: { zh: "指标得分", en: "Indicator score" },
  description: {
    zh: "每个指标的得分应与评分规则一致：正向 B÷A×分值、反向 A÷B×分值、时间节点、定性指标三档；四舍五入为提示，高于规则为错误，低于规则为警告。",
    en: "Each indicator's score must follow the scoring rule (B÷A×w, A÷B×w, deadlines, qualitative tiers); rounding is info, above the rule an error, below it a warning.",
  },
  meta: {
    messages: {
      rounded: { zh: "「{name}」得分 {written} 是规则得分 {rule} 四舍五入后的值。", en: "\"{name}\": the score {written} is the rule's {rule} rounded." },
      above: { zh: "「{name}」得分 {written} 高于按规则计算的 {rule}（{method}）。", en: "\"{name}\": the score {written} is above the rule's {rule} ({method})." },
      below: {
        zh: "「{name}」得分 {written} 低于按规则计算的 {rule}（{method}），请核对或说明扣分理由。",
        en: "\"{name}\": the score {written} is below the rule's {rule} ({method}); check it or explain the deduction.",
      },
      outsideTier: { zh: "「{name}」得分 {written} 不在{tier}允许的 {lo}–{hi} 分之间。", en: "\"{name}\": the score {written} is outside the {lo}–{hi} allowed ({tier})." },
    },
    rank: 110,
    proposes: "score",
  },
  check({ form, options, report, propose }) {
    for (const i of form.indicators) {
      const fix = proposal(i);
      const found = judge(i, options.acceptRounding);
      if (found) report(fix ? { ...found, fix } : found);
      else if (fix) propose(fix); // a blank score, an unknown weight, or rounding that still differs at 2 decimals
    }
  },
};

/** What is wrong with an indicator's written score, or null. */
function judge(i: IndicatorAnalysis, acceptRounding: boolean): Report | null {
  const written = i.score?.value;
  if (written === null || written === undefined || !i.score || i.weight?.value == null) return null;
  const s = i.scoring;
  if (s.expected !== null) {
    const sev = scoreDifference(written, s.expected, acceptRounding);
    if (!sev) return null;
    return {
      severity: sev,
      at: i.score.cell,
      messageId: sev === "info" ? "rounded" : sev === "error" ? "above" : "below",
      data: sev === "info" ? { name: i.name, written, rule: s.expected } : { name: i.name, written, rule: s.expected, method: { zh: methodZh(s.method), en: s.method } },
      expected: r4(s.expected),
      actual: written,
      ...(s.ratio ? { steps: ratioSteps(i, s.expected, s.ratio) } : {}),
    };
  }
  if (!s.range) return null;
  const [lo, hi] = s.range;
  if (written >= lo - 1e-9 && written <= hi + 1e-9) return null;
  const bound = written > hi ? hi : lo;
  if (sameAt2(written, bound)) return null;
  const rounding = acceptRounding && isRoundingOf(written, bound);
  const sev = rounding ? "info" : written > hi ? "error" : "warning";
  const tier = s.method === "date" ? { zh: "未按时完成", en: "late" } : { zh: "定性指标分档", en: "qualitative tier" };
  return {
    severity: sev,
    at: i.score.cell,
    messageId: "outsideTier",
    data: { name: i.name, written, tier, lo, hi },
    expected: `${fmt(lo)}–${fmt(hi)}`,
    actual: written,
  };
}

function methodZh(m: string): string {
  return m === "positive" ? "正向指标 B÷A×分值" : m === "reverse" ? "反向指标" : m === "date" ? "时间节点" : "定性指标";
}

/**
 * The rule's score as scoring.ts computes it: 分值 × ratio, and the ratio from the indicator's 完成值 and 指标值 (B ÷ A;
 * A ÷ B for a reverse indicator), in the units compared.
 */
function ratioSteps(i: IndicatorAnalysis, expected: number, ratio: NonNullable<Score["ratio"]>): StepInput[] {
  const positive = i.scoring.method === "positive";
  const pc = ratio.percent ? ("percent" as const) : undefined;
  return [
    { result: expected, op: "×", terms: [{ value: i.weight?.value ?? 0, at: i.weight?.cell }, { value: ratio.num / ratio.den, format: "percent" }] },
    {
      result: ratio.num / ratio.den,
      resultFormat: "percent",
      op: "÷",
      terms: [
        { value: ratio.num, format: pc, at: (positive ? i.actual : i.target)?.cell },
        { value: ratio.den, format: pc, at: (positive ? i.target : i.actual)?.cell },
      ],
    },
  ];
}
