import { CATEGORY_LABEL } from "../framework";
import { Rule } from "../findings";

export const level1LabelMismatch: Rule = {
  id: "level1-label-mismatch",
  title: { zh: "一级指标与二级指标不符", en: "Level-1 label mismatch" },
  description: {
    zh: "合并或延续下来的一级指标与二级指标不符（如“产出指标”合并覆盖“社会效益指标”行）时，以二级指标为准计算，并在一级指标单元格提示一次。",
    en: "Where a merged or carried 一级 label contradicts the 二级 (产出指标 merged over 社会效益指标 rows), the 二级 decides; noted once on the 一级 cell.",
  },
  check({ form, report, say }) {
    const col = form.layout.indicators?.columns.level1;
    if (col === undefined) return;
    const seen = new Set<number>();
    for (const i of form.indicators) {
      const l = i.layout;
      if (!l.level1Mismatch || l.level1Row < 0 || seen.has(l.level1Row) || !l.category) continue;
      seen.add(l.level1Row);
      const rows = form.indicators.filter((x) => x.layout.level1Mismatch && x.layout.level1Row === l.level1Row);
      const names = [...new Set(rows.map((x) => x.layout.level2))].join("、");
      report({
        severity: "info",
        at: { row: l.level1Row, col },
        message: say(
          `一级指标“${l.level1}”覆盖了二级指标为“${names}”的行；这些行按二级指标计入${CATEGORY_LABEL[l.category].zh}。`,
          `The 一级 label "${l.level1}" covers rows whose 二级 is "${names}"; those rows count as ${CATEGORY_LABEL[l.category].en}.`,
        ),
        expected: CATEGORY_LABEL[l.category].zh,
        actual: l.level1,
      });
    }
  },
};
