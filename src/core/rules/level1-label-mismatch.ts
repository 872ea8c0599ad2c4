import { CATEGORY_LABEL, isEvaluationFrame } from "../framework";
import { Rule } from "../findings";

export const level1LabelMismatch: Rule = {
  id: "level1-label-mismatch",
  title: { zh: "一级指标与二级指标不符", en: "Level-1 label mismatch" },
  description: {
    zh: "合并或延续下来的一级指标与二级指标不符（如“产出指标”合并覆盖“社会效益指标”行）时，以二级指标为准计算，并在一级指标单元格提示一次。",
    en: "Where a merged or carried 一级 label contradicts the 二级 (产出指标 merged over 社会效益指标 rows), the 二级 decides; noted once on the 一级 cell.",
  },
  meta: {
    messages: {
      covers: {
        zh: "一级指标“{level1}”覆盖了二级指标为“{level2}”的行；这些行按二级指标计入{category}。",
        en: "The 一级 label \"{level1}\" covers rows whose 二级 is \"{level2}\"; those rows count as {category}.",
      },
    },
    severity: "info",
    rank: 220,
  },
  check({ form, report }) {
    const col = form.layout.indicators?.columns.level1;
    if (col === undefined) return;
    // the evaluation frame groups 满意度 under 项目效益 by design (RULES.md §6): no mislabel there
    if (isEvaluationFrame(form.indicators)) return;
    const seen = new Set<number>();
    for (const i of form.indicators) {
      const l = i.layout;
      // a mismatch has its 一级 label written (locate/indicators.ts), so its level1Row is that label's row
      if (!l.level1Mismatch || seen.has(l.level1Row) || !l.category) continue;
      seen.add(l.level1Row);
      const rows = form.indicators.filter((x) => x.layout.level1Mismatch && x.layout.level1Row === l.level1Row);
      const names = [...new Set(rows.map((x) => x.layout.level2))].join("、");
      report({
        at: { row: l.level1Row, col },
        messageId: "covers",
        data: { level1: l.level1, level2: names, category: CATEGORY_LABEL[l.category] },
        expected: CATEGORY_LABEL[l.category].zh,
        actual: l.level1,
      });
    }
  },
};
