import { Finding } from "../../src/core/findings";
import { finding, formFacts } from "../support/verdict-facts";
import { FormFacts, FormVerdict, VERDICT_ORDER, canSubmit, countBySeverity, decideForm, decideWorkbook, orderFindings, unreadableVerdict } from "../../src/core/outcome";
import { blockingRank } from "../../src/core/rank";
import { RULES } from "../../src/core/rules";

/**
 * The verdict (src/core/outcome.ts, src/core/rank.ts) at each of its decisions: the kind order 需修改 > 未填写 > 未校验 >
 * 可以提交, which figures a form shows, what may be written back, the top problem, a workbook's worst form and its line.
 */
const f = (rule: string, severity: Finding["severity"], cell = "A1") => finding(rule, severity, cell, "表1");
// a form graded 良 at 85
const facts = (over: Partial<FormFacts> = {}) => formFacts({ grade: "良", writtenTotal: 85, sumOfScores: 85, recalculatedTotal: 84.5, ...over });
const decide = (over: Partial<FormFacts> = {}, lang: "zh" | "en" = "zh") => decideForm(facts(over), lang, blockingRank);
const ALL = { executionRate: 0.9, budgetScore: 9, writtenTotal: 85, sumOfScores: 85, recalculatedTotal: 84.5 };

describe("a form's verdict: the kind, in order", () => {
  test("each condition alone gives its kind", () => {
    expect(decide().kind).toBe("submit");
    expect(decide({ findings: [f("total-score", "error")] }).kind).toBe("fix");
    expect(decide({ unfilled: true }).kind).toBe("unfilled");
    expect(decide({ unchecked: ["indicators"] }).kind).toBe("not-checked");
    expect(decide({ missing: ["indicators"] }).kind).toBe("not-checked");
    expect(decide({ checked: false }).kind).toBe("not-checked");
    // warnings and infos never block
    expect(decide({ findings: [f("unit-mismatch", "warning"), f("level1-weights", "info")] }).kind).toBe("submit");
  });

  test("需修改 > 未填写 > 未校验 > 可以提交, whatever else holds", () => {
    const err = [f("total-score", "error")];
    expect(decide({ findings: err, unfilled: true, unchecked: ["funds"], missing: ["total"] }).kind).toBe("fix");
    expect(decide({ unfilled: true, unchecked: ["funds"], missing: ["total"] }).kind).toBe("unfilled");
    expect(decide({ unfilled: true, missing: ["total"] }).kind).toBe("unfilled");
    // a form that is not a project form is never 未填写: it was not read by the rules
    expect(decide({ checked: false, unfilled: true }).kind).toBe("not-checked");
    expect(decide({ unchecked: ["total"], findings: [f("section-unreadable", "warning")] }).kind).toBe("not-checked");
  });

  test("the line says it, in each language", () => {
    expect(decide({ findings: [f("total-score", "error")] }).text).toBe("需修改：1 个错误");
    expect(decide({ findings: [f("total-score", "error"), f("unit-mismatch", "warning"), f("unit-mismatch", "warning", "B2")] }).text).toBe("需修改：1 个错误，2 个警告");
    expect(decide({ findings: [f("total-score", "error"), f("unit-mismatch", "warning")] }, "en").text).toBe("Fix before submitting: 1 error(s), 1 warning(s)");
    expect(decide({ unfilled: true }).text).toBe("未填写：完成值和得分均为空");
    expect(decide({ unfilled: true }, "en").text).toBe("Not filled in: the actuals and scores are empty");
    expect(decide({ unchecked: ["funds"] }).text).toBe("未校验：有部分读不出");
    expect(decide({ unchecked: ["funds"] }, "en").text).toBe("Not checked: a section cannot be read");
    expect(decide({ checked: false }).text).toBe("未校验（规则不同）");
    expect(decide({ checked: false }, "en").text).toBe("Not checked (other rules)");
    expect(decide().text).toBe("可以提交");
    expect(decide({}, "en").text).toBe("Can be submitted");
    expect(decide({ findings: [f("unit-mismatch", "warning"), f("unit-mismatch", "warning", "B2")] }).text).toBe("可以提交，请核对 2 个警告");
    expect(decide({ findings: [f("unit-mismatch", "warning")] }, "en").text).toBe("Can be submitted; review 1 warning(s)");
    // an info is not counted as a warning to review
    expect(decide({ findings: [f("level1-weights", "info")] }).text).toBe("可以提交");
  });

  test("the grade only beside 可以提交; write-back only on a whole, filled form", () => {
    expect(decide()).toMatchObject({ grade: "良", writable: true });
    expect(decide({ findings: [f("unit-mismatch", "warning")] })).toMatchObject({ grade: "良", writable: true });
    expect(decide({ findings: [f("total-score", "error")] })).toMatchObject({ grade: null, writable: true });
    expect(decide({ unfilled: true })).toMatchObject({ grade: null, writable: false });
    expect(decide({ unchecked: ["funds"] })).toMatchObject({ grade: null, writable: false });
    expect(decide({ missing: ["total"] })).toMatchObject({ grade: null, writable: false });
    expect(decide({ checked: false })).toMatchObject({ grade: null, writable: false });
  });
});

describe("the figures a form shows: null where the section behind one was not checked", () => {
  test("a whole form shows them all", () => {
    expect(decide().figures).toEqual(ALL);
  });
  test("each section not checked or missing takes its own figures away", () => {
    const noFunds = { ...ALL, executionRate: null, budgetScore: null, sumOfScores: null, recalculatedTotal: null };
    expect(decide({ unchecked: ["funds"] }).figures).toEqual(noFunds);
    expect(decide({ missing: ["funds"] }).figures).toEqual({ ...noFunds });
    expect(decide({ missing: ["fundsTotal"] }).figures).toEqual({ ...noFunds });
    const noIndicators = { ...ALL, sumOfScores: null, recalculatedTotal: null };
    expect(decide({ unchecked: ["indicators"] }).figures).toEqual(noIndicators);
    expect(decide({ missing: ["indicators"] }).figures).toEqual(noIndicators);
    expect(decide({ missing: ["indicatorRows"] }).figures).toEqual(noIndicators);
    expect(decide({ unchecked: ["total"] }).figures).toEqual({ ...ALL, writtenTotal: null, recalculatedTotal: null });
    // the total missing: the form is cut short, so its sum is not the form's either
    expect(decide({ missing: ["total"] }).figures).toEqual({ ...ALL, writtenTotal: null, sumOfScores: null, recalculatedTotal: null });
    // another part missing still cuts the form short
    expect(decide({ missing: ["header"] }).figures).toEqual({ ...ALL, sumOfScores: null, recalculatedTotal: null });
  });
  test("an unfilled form shows what was written, never a sum or a recalculation", () => {
    expect(decide({ unfilled: true }).figures).toEqual({ ...ALL, sumOfScores: null, recalculatedTotal: null });
  });
  test("a form the rules did not read shows nothing", () => {
    expect(decide({ checked: false }).figures).toEqual({ executionRate: null, budgetScore: null, writtenTotal: null, sumOfScores: null, recalculatedTotal: null });
  });
});

describe("what blocks submission first", () => {
  test("blockingRank is each rule's meta.rank; the engine's own findings come after every rule", () => {
    for (const r of RULES) expect([r.id, blockingRank(r.id)]).toEqual([r.id, r.meta.rank]);
    expect(blockingRank("unsupported-form")).toBe(Number.MAX_SAFE_INTEGER);
    expect(blockingRank("form-incomplete")).toBeLessThan(blockingRank("total-score"));
    expect(blockingRank("total-score")).toBeLessThan(blockingRank("indicator-score"));
  });

  test("orderFindings: by severity, then rank, then the engine's order", () => {
    const list = [
      f("level1-weights", "info", "A1"),
      f("indicator-score", "error", "H9"),
      f("unit-mismatch", "warning", "B2"),
      f("total-score", "error", "H30"),
      f("indicator-score", "error", "H8"),
      f("form-incomplete", "warning", "A2"),
      f("no-such-rule", "error", "Z9"),
    ];
    expect(orderFindings(list, blockingRank).map((x) => `${x.severity} ${x.rule} ${x.cell}`)).toEqual([
      "error total-score H30",
      "error indicator-score H9",
      "error indicator-score H8",
      "error no-such-rule Z9",
      "warning form-incomplete A2",
      "warning unit-mismatch B2",
      "info level1-weights A1",
    ]);
    // the input is left as it was
    expect(list[0].rule).toBe("level1-weights");
    // a rank function of the caller's own is followed
    const reversed = orderFindings([f("a", "error"), f("b", "error")], (id) => (id === "a" ? 2 : 1));
    expect(reversed.map((x) => x.rule)).toEqual(["b", "a"]);
  });

  test("the top problem: the first error, else the first warning, never an info", () => {
    const top = (findings: Finding[]) => decide({ findings }).top;
    expect(top([f("unit-mismatch", "warning", "B2"), f("indicator-score", "error", "H9"), f("total-score", "error", "H30")])).toEqual({
      rule: "total-score",
      severity: "error",
      sheet: "表1",
      cell: "H30",
      message: "total-score@H30",
    });
    expect(top([f("level1-weights", "info"), f("unit-mismatch", "warning", "B2"), f("missing-value", "warning", "C3")])).toMatchObject({ rule: "missing-value", cell: "C3" });
    expect(top([f("level1-weights", "info")])).toBeNull();
    expect(top([])).toBeNull();
  });

  test("the counts by severity", () => {
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
    expect(countBySeverity([f("a", "error"), f("b", "info"), f("c", "info"), f("d", "warning")])).toEqual({ error: 1, warning: 1, info: 2 });
  });
});

describe("a workbook's verdict: the worst of its forms", () => {
  const form = (over: Partial<FormFacts> = {}): { verdict: FormVerdict } => ({ verdict: decide(over) });
  const ok = form();
  const warned = form({ findings: [f("unit-mismatch", "warning")] });
  const unfilled = form({ unfilled: true, findings: [f("form-unfilled", "warning")] });
  const unchecked = form({ unchecked: ["funds"] });
  const bad = form({ findings: [f("total-score", "error")] });

  test("the kind: 需修改 > 未填写 > 未校验 > 可以提交, in whatever order the forms come", () => {
    expect(decideWorkbook([ok, unchecked, unfilled, bad], [], "zh").kind).toBe("fix");
    expect(decideWorkbook([unchecked, ok, unfilled], [], "zh").kind).toBe("unfilled");
    expect(decideWorkbook([ok, unchecked], [], "zh").kind).toBe("not-checked");
    expect(decideWorkbook([ok, warned], [], "zh").kind).toBe("submit");
    expect(decideWorkbook([], [], "zh").kind).toBe("no-form");
    // the workbook's own findings are counted, but a form decides the kind
    expect(decideWorkbook([ok], [f("sheet-clipped", "error")], "zh")).toMatchObject({ kind: "submit", counts: { error: 1, warning: 0, info: 0 } });
  });

  test("forms by verdict and findings by severity, the workbook's own added", () => {
    const v = decideWorkbook([ok, warned, unfilled, unchecked, bad, bad], [f("sheet-clipped", "warning"), f("x", "info")], "zh");
    expect(v.forms).toEqual({ fix: 2, unfilled: 1, "not-checked": 1, submit: 2 });
    expect(v.counts).toEqual({ error: 2, warning: 3, info: 1 });
    expect(decideWorkbook([], [f("no-form", "warning")], "zh")).toEqual({
      kind: "no-form",
      text: "未找到表格",
      forms: { fix: 0, unfilled: 0, "not-checked": 0, submit: 0 },
      counts: { error: 0, warning: 1, info: 0 },
    });
  });

  test("its line, in each language", () => {
    expect(decideWorkbook([ok, ok], [], "zh").text).toBe("共 2 张表，都可以提交");
    expect(decideWorkbook([ok, warned], [f("sheet-clipped", "warning")], "zh").text).toBe("共 2 张表，都可以提交，请核对 2 个警告");
    expect(decideWorkbook([ok, ok], [], "en").text).toBe("2 form(s), all can be submitted");
    expect(decideWorkbook([warned], [], "en").text).toBe("1 form(s), all can be submitted; review 1 warning(s)");
    expect(decideWorkbook([bad, unfilled, unchecked, ok], [], "zh").text).toBe("共 4 张表，1 张需修改，1 张未填写，1 张未校验，1 张可以提交");
    expect(decideWorkbook([bad, unfilled, unchecked, ok], [], "en").text).toBe("4 form(s): 1 to fix, 1 not filled in, 1 not checked, 1 can be submitted");
    expect(decideWorkbook([bad, bad], [], "zh").text).toBe("共 2 张表，2 张需修改");
    expect(decideWorkbook([unchecked], [], "en").text).toBe("1 form(s): 1 not checked");
    expect(decideWorkbook([unfilled, ok], [], "en").text).toBe("2 form(s): 1 not filled in, 1 can be submitted");
    expect(decideWorkbook([], [], "en").text).toBe("No form found");
  });

  test("a file that could not be read; only 可以提交 lets a form or file go", () => {
    expect(unreadableVerdict("不是 xlsx 文件", "zh")).toEqual({
      kind: "unreadable",
      text: "无法读取：不是 xlsx 文件",
      forms: { fix: 0, unfilled: 0, "not-checked": 0, submit: 0 },
      counts: { error: 0, warning: 0, info: 0 },
    });
    expect(unreadableVerdict("not a workbook", "en").text).toBe("Cannot be read: not a workbook");
    expect(VERDICT_ORDER).toEqual(["unreadable", "fix", "unfilled", "not-checked", "no-form", "submit"]);
    for (const k of VERDICT_ORDER) expect([k, canSubmit(k)]).toEqual([k, k === "submit"]);
  });
});
