import { finding, formFacts } from "../support/verdict-facts";
import { decideForm, decideWorkbook, unreadableVerdict } from "../../src/core/outcome";
import { blockingRank } from "../../src/core/rank";

const f = finding;
const facts = formFacts;

describe("a form's outcome, decided once (src/core/outcome.ts)", () => {
  test("需修改 on any error, with the counts; no grade beside errors", () => {
    const v = decideForm(facts({ findings: [f("total-score", "error"), f("total-score", "error", "B2"), f("unit-mismatch", "warning"), f("level1-weights", "info")] }), "zh", blockingRank);
    expect(v.kind).toBe("fix");
    expect(v.text).toBe("需修改：2 个错误，1 个警告");
    expect(v.counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(v.grade).toBeNull();
    expect(v.writable).toBe(true);
    expect(decideForm(facts({ findings: [f("total-score", "error")] }), "en", blockingRank).text).toBe("Fix before submitting: 1 error(s)");
  });

  test("可以提交 with the warnings to review, and only then a grade", () => {
    const clean = decideForm(facts(), "zh", blockingRank);
    expect(clean).toMatchObject({ kind: "submit", text: "可以提交", grade: "优", top: null, writable: true });
    const warned = decideForm(facts({ findings: [f("unit-mismatch", "warning")] }), "zh", blockingRank);
    expect(warned).toMatchObject({ kind: "submit", text: "可以提交，请核对 1 个警告", grade: "优" });
    expect(warned.top).toMatchObject({ rule: "unit-mismatch", severity: "warning" });
    // an info finding is no problem to show first
    expect(decideForm(facts({ findings: [f("level1-weights", "info")] }), "zh", blockingRank).top).toBeNull();
  });

  test("an unfilled form is 未填写 though its one finding is a warning: never 可以提交, graded or writable", () => {
    const v = decideForm(facts({ unfilled: true, grade: null, findings: [f("form-unfilled", "warning")] }), "zh", blockingRank);
    expect(v.kind).toBe("unfilled");
    expect(v.text).toContain("未填写");
    expect(v.grade).toBeNull();
    expect(v.writable).toBe(false);
    expect(v.figures.recalculatedTotal).toBeNull();
    expect(v.figures.sumOfScores).toBeNull();
    // the grade is withheld even if the engine had one
    expect(decideForm(facts({ unfilled: true, findings: [f("form-unfilled", "warning")] }), "zh", blockingRank).grade).toBeNull();
  });

  test("a section unreadable, a form cut short or a department form is 未校验; its figures are null where not checked", () => {
    const funds = decideForm(facts({ unchecked: ["funds"], grade: null, findings: [f("section-unreadable", "warning")] }), "zh", blockingRank);
    expect(funds.kind).toBe("not-checked");
    expect(funds.figures).toEqual({ executionRate: null, budgetScore: null, writtenTotal: 95, sumOfScores: null, recalculatedTotal: null });
    expect(funds.writable).toBe(false);
    const total = decideForm(facts({ unchecked: ["total"] }), "zh", blockingRank);
    expect(total.kind).toBe("not-checked");
    expect(total.figures).toEqual({ executionRate: 0.9, budgetScore: 9, writtenTotal: null, sumOfScores: 95, recalculatedTotal: null });
    expect(total.grade).toBeNull();
    // cut short: the error decides the verdict, the figures behind the missing parts are not shown, nothing is offered
    const cut = decideForm(facts({ missing: ["total"], findings: [f("form-incomplete", "error")] }), "zh", blockingRank);
    expect(cut).toMatchObject({ kind: "fix", writable: false, grade: null });
    expect(cut.figures.recalculatedTotal).toBeNull();
    expect(cut.figures.writtenTotal).toBeNull();
    expect(cut.figures.sumOfScores).toBeNull();
    const dept = decideForm(facts({ checked: false, grade: null, findings: [f("unsupported-form", "info")] }), "zh", blockingRank);
    expect(dept).toMatchObject({ kind: "not-checked", text: "未校验（规则不同）", writable: false });
    expect(Object.values(dept.figures).every((x) => x === null)).toBe(true);
  });

  test("the order: 需修改 > 未填写 > 未校验 > 可以提交", () => {
    const unfilledWithError = decideForm(facts({ unfilled: true, missing: ["total"], findings: [f("form-incomplete", "error")] }), "zh", blockingRank);
    expect(unfilledWithError.kind).toBe("fix");
    const unfilledAndUnchecked = decideForm(facts({ unfilled: true, unchecked: ["funds"], findings: [f("form-unfilled", "warning")] }), "zh", blockingRank);
    expect(unfilledAndUnchecked.kind).toBe("unfilled");
  });

  test("the top problem is the first error in the order that blocks submission", () => {
    const v = decideForm(facts({ findings: [f("indicator-score", "error", "H9"), f("unit-mismatch", "warning", "B2"), f("total-score", "error", "H30")] }), "zh", blockingRank);
    expect(v.top).toMatchObject({ rule: "total-score", cell: "H30" });
  });

  test("a workbook: the worst of its forms, its own findings counted; 未找到表格 with none; 无法读取 with its reason", () => {
    const ok = { verdict: decideForm(facts(), "zh", blockingRank) };
    const unfilled = { verdict: decideForm(facts({ unfilled: true, findings: [f("form-unfilled", "warning")] }), "zh", blockingRank) };
    const bad = { verdict: decideForm(facts({ findings: [f("total-score", "error")] }), "zh", blockingRank) };
    expect(decideWorkbook([ok, ok], [], "zh")).toMatchObject({ kind: "submit", text: "共 2 张表，都可以提交" });
    const withUnfilled = decideWorkbook([ok, unfilled, ok], [], "zh");
    expect(withUnfilled.kind).toBe("unfilled");
    expect(withUnfilled.text).toBe("共 3 张表，1 张未填写，2 张可以提交");
    expect(decideWorkbook([ok, unfilled, bad], [f("sheet-clipped", "warning")], "zh")).toMatchObject({ kind: "fix", counts: { error: 1, warning: 2, info: 0 }, forms: { fix: 1, unfilled: 1, "not-checked": 0, submit: 1 } });
    expect(decideWorkbook([], [f("no-form", "warning")], "en")).toMatchObject({ kind: "no-form", text: "No form found" });
    expect(unreadableVerdict("不是 xlsx 文件", "zh")).toMatchObject({ kind: "unreadable", text: "无法读取：不是 xlsx 文件" });
  });
});
