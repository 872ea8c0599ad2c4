import { Rule, r4 } from "../findings";
import { sameAt2 } from "../scoring";

const COLUMNS = [
  ["initial", "年初预算数", "initial budget"],
  ["annual", "全年预算数", "annual budget"],
  ["executed", "全年执行数", "executed amount"],
] as const;

export const fundingBreakdown: Rule = {
  id: "funding-breakdown",
  title: { zh: "资金分项合计", en: "Funding breakdown" },
  description: {
    zh: "“其中”各行（当年财政拨款、上年结转资金、其他资金……）逐列相加应等于年度资金总额。",
    en: "The 其中 rows (current appropriation, carry-over, other funds…) must add up to the annual total, column by column.",
  },
  meta: {
    messages: {
      mismatch: { zh: "{column}：其中各项之和为 {sum}，与年度资金总额 {total} 不符。", en: "{column}: the breakdown rows add up to {sum}, not the total {total}." },
    },
    severity: "error",
    rank: 150,
  },
  check({ form, report }) {
    const b = form.budget;
    if (!b) return; // no 其中 rows: no column has a part filled in (below)
    for (const [key, zh, en] of COLUMNS) {
      const total = b[key];
      if (!total || total.value === null) continue;
      const cells = b.parts.map((p) => p[key]);
      if (!cells.some((c) => c && c.value !== null)) continue; // breakdown not filled in for this column
      const sum = cells.reduce((s, c) => s + (c?.value ?? 0), 0); // blank and “/” count as 0
      if (sameAt2(sum, total.value)) continue;
      report({
        at: total.cell,
        messageId: "mismatch",
        data: { column: { zh, en }, sum, total: total.value },
        expected: r4(sum),
        actual: total.value,
      });
    }
  },
};
