import { Rule, fmt } from "../findings";
import { Grade, gradeOf } from "../scoring";

/** A grade as printed: 优 / 优秀, 良 / 良好, 中 / 中等 / 合格, 差 / 不合格; with or without 等级： before it. */
const GRADE_CELL = /^(?:(?:自评|评价|绩效)?(?:等级|等次|结果)[:：]?)?[（(]?(优秀|良好|中等|不合格|优|良|中|差|合格)[）)]?$/;
const GRADE_OF: Record<string, Grade> = { 优: "优", 优秀: "优", 良: "良", 良好: "良", 中: "中", 中等: "中", 合格: "中", 差: "差", 不合格: "差" };

export const gradeMismatch: Rule = {
  id: "grade-mismatch",
  title: { zh: "等级与总分不符", en: "Grade does not match the total" },
  description: {
    zh: "表中写明的等级（有的模板在总分行印“等级”）应是总分所在的档：90–100 优，80–90 良，60–80 中，60 以下差（财预〔2020〕10号）。",
    en: "A grade written in the form (some templates print 等级 in the 总分 row) must be the band of its total: 90–100 优, 80–90 良, 60–80 中, below 60 差.",
  },
  meta: {
    messages: {
      mismatch: {
        zh: "表中等级写“{written}”，但总分 {total} 对应“{grade}”（90–100 优，80–90 良，60–80 中，60 以下差）。等级应按总分所在的档填写。",
        en: "The form's grade says \"{written}\", but the total {total} is \"{grade}\" (90–100 优, 80–90 良, 60–80 中, below 60 差). Write the grade of the total's band.",
      },
    },
    severity: "warning",
    rank: 340,
    switchable: true,
    source: {
      zh: "财预〔2020〕10号（评价结果分优、良、中、差四档：90–100、80–90、60–80、60 以下）",
      en: "财预〔2020〕10号 (grades 优/良/中/差: 90–100, 80–90, 60–80, below 60)",
    },
  },
  check({ form, grid, report }) {
    const row = form.layout.totalRow;
    const total = form.totalScore?.value ?? null;
    if (!grid || row === null || total === null || form.unchecked.some((u) => u.section === "total")) return;
    const { left, right } = form.layout;
    const expected = gradeOf(total);
    // the 总分 row, and the row below it (a template that prints 自评等级 on a line of its own); a label 等级 with the
    // grade in a cell of its own to the right needs no look-ahead: the scan reaches that cell next
    for (const r of [row, row + 1]) {
      for (let c = left; c <= right; c++) {
        const m = GRADE_CELL.exec(grid.text(r, c).replace(/[\s\u3000]/g, ""));
        if (!m) continue;
        const written = GRADE_OF[m[1]];
        if (written !== expected) {
          report({ at: { row: r, col: c }, messageId: "mismatch", data: { written: m[1], total: fmt(total), grade: expected }, expected, actual: m[1] });
        }
        return;
      }
    }
  },
};
