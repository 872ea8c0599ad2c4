import { Rule, fmt } from "../findings";
import { commensurate, normalizeValueText, parseText } from "../parse";
import { sameAt2 } from "../scoring";

const UNIT = "%|[万亿千]?元|人次|人|次|家|个|份|项|场|户|期|篇|天|米|公里|所|名|台|套|件|册|本|条|座|亩|吨|小时|课时";

/**
 * A number stated in an indicator's name ("安全执法检查次数6次", "满意度(≥90%)"): at the end of the name or in brackets,
 * always with a unit so years and codes are not taken for targets.
 */
const IN_BRACKETS = new RegExp(`[(\\[【]((?:>=|<=|>|<|=)?\\d+(?:\\.\\d+)?(?:${UNIT})(?:以上|以下|以内)?)[)\\]】]`);
const AT_END = new RegExp(`((?:>=|<=|>|<|=)?\\d+(?:\\.\\d+)?(?:${UNIT})(?:以上|以下|以内)?)(?:[(\\[【][^)\\]】]*[)\\]】])?$`);

export function quantityInName(name: string): { op: ">=" | "<=" | ">" | "<" | "=" | null; value: number; unit: string } | null {
  if (name.length > 500) return null;
  const t = normalizeValueText(name); // full-width digits (６次) read as 6次, as in every other cell (RULES.md §1)
  const bracket = IN_BRACKETS.exec(t);
  const tail = AT_END.exec(t);
  const m = bracket ?? tail;
  if (!m) return null;
  const p = parseText(m[1]);
  return p.kind === "number" ? p : null;
}

export const nameTargetMismatch: Rule = {
  id: "name-target-mismatch",
  title: { zh: "指标名称与指标值不符", en: "Name and target disagree" },
  description: {
    zh: "指标名称中写明的数值应与年度指标值一致（如“安全执法检查次数6次”而指标值为 4次）。",
    en: "A number stated in the indicator's name must match its target (e.g. name says 6 times, target says 4).",
  },
  meta: {
    messages: {
      mismatch: {
        zh: "「{name}」名称中的数值与年度指标值 {target} 不一致，请核对哪一个是真实目标。",
        en: "\"{name}\": the number in the name does not match the target {target}; check which is the real target.",
      },
    },
    severity: "warning",
    rank: 190,
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      if (!i.target || i.target.parsed.kind !== "number") continue;
      const q = quantityInName(i.fullName);
      if (!q) continue;
      const c = commensurate(i.target.parsed, q);
      if (!c || sameAt2(c.a, c.b)) continue;
      // as written, with the unit from a 度量单位 column where the form has one
      const t = i.target.parsed;
      const shown = typeof i.target.raw === "string" && /\D/.test(i.target.raw) ? i.target.raw : t.unit === "%" ? `${fmt(t.value * 100)}%` : `${fmt(t.value)}${t.unit}`;
      report({
        at: i.target.cell,
        messageId: "mismatch",
        data: { name: i.name, target: shown },
        expected: q.unit === "%" ? `${fmt(q.value * 100)}%` : `${fmt(q.value)}${q.unit}`,
        actual: shown,
      });
    }
  },
};
