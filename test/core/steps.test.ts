import { address } from "../../src/core/a1";
import { FormAnalysis } from "../../src/core/analyse";
import { runCheck } from "../../src/core/engine";
import { CalcStep, Finding } from "../../src/core/findings";
import { r4 } from "../../src/core/findings";
import { stepLines } from "../../src/core/present";
import { loadFixture, withCells } from "../support/workbooks";

/**
 * Issue 32: the calculation a finding carries (`steps`, 计算过程) is the engine's own arithmetic — each line's figures
 * are the analysis's, with their cells — and a line adds up: the result is what its terms give.
 */
const cell = (c: { row: number; col: number }) => address(c.row, c.col);

function formOf(wb: Awaited<ReturnType<typeof loadFixture>>, sheet: string, lang: "zh" | "en" = "zh"): { findings: Finding[]; a: FormAnalysis } {
  const { report, analyses } = runCheck(wb, { lang });
  const k = report.forms.findIndex((f) => f.sheet === sheet);
  return { findings: report.forms[k].findings, a: analyses[k] as FormAnalysis };
}

/** what a line's terms give, by its operator */
function evaluate(st: CalcStep): number {
  const v = st.terms.map((t) => t.value);
  if (st.op === "+") return v.reduce((s, x) => s + x, 0);
  if (st.op === "×") return v.reduce((s, x) => s * x, 1);
  return v[0] / v[1];
}

describe("calculation steps on findings (计算过程)", () => {
  test("total-score: the sum of every score as written, each with its cell; the line adds up", async () => {
    const { findings, a } = formOf(await loadFixture("official"), "项目1");
    const f = findings.find((x) => x.rule === "total-score")!;
    expect(f.steps).toHaveLength(1);
    const scores = [a.budget!.score!, ...a.indicators.map((i) => i.score)].filter((s) => s && s.value !== null);
    expect(f.steps![0]).toEqual({ result: r4(a.sumOfScores), op: "+", terms: scores.map((s) => ({ value: r4(s!.value!), cell: cell(s!.cell) })) });
    expect(evaluate(f.steps![0])).toBeCloseTo(f.steps![0].result, 4);
    expect(stepLines(f, "zh")[0]).toMatch(/^91\.5 = 7\.5（I6）\+ 5（H14）\+ /);
    expect(stepLines(f, "en")[0]).toMatch(/^91\.5 = 7\.5 \(I6\) \+ 5 \(H14\) \+ /);
  });

  test("indicator-score by a ratio: 分值 × ratio, and the ratio from 完成值 ÷ 指标值, with their cells", async () => {
    const { findings, a } = formOf(await loadFixture("official"), "项目1");
    const f = findings.find((x) => x.rule === "indicator-score" && x.cell === "H20")!;
    const i = a.indicators.find((x) => x.score && cell(x.score.cell) === "H20")!;
    expect(f.steps).toEqual([
      { result: r4(i.scoring.expected!), op: "×", terms: [{ value: i.weight!.value, cell: cell(i.weight!.cell) }, { value: 0.5, format: "percent" }] },
      { result: 0.5, resultFormat: "percent", op: "÷", terms: [{ value: i.actual!.value, format: "percent", cell: cell(i.actual!.cell) }, { value: i.target!.value, format: "percent", cell: cell(i.target!.cell) }] },
    ]);
    for (const st of f.steps!) expect(evaluate(st)).toBeCloseTo(st.result, 4);
    expect(stepLines(f, "zh")).toEqual(["2.5 = 5（G20）× 50%", "50% = 50%（F20）÷ 100%（E20）"]);
  });

  test("execution-rate and budget-score: 执行数 ÷ 预算数, and 分值 × min(执行率, 1), from the budget row's cells", async () => {
    // 项目1's budget row (6): annual E6, executed F6; the rate written wrong and the score with it
    const base = await loadFixture("official");
    const { a: before } = formOf(base, "项目1");
    const b0 = before.budget!;
    const rateAt = cell(b0.rate!.cell);
    const scoreAt = cell(b0.score!.cell);
    const { findings, a } = formOf(withCells(base, "项目1", { [rateAt]: 0.5, [scoreAt]: 1 }), "项目1");
    const b = a.budget!;
    const rate = findings.find((x) => x.rule === "execution-rate")!;
    expect(rate.steps).toEqual([
      { result: r4(b.computedRate!), resultFormat: "percent", op: "÷", terms: [{ value: b.executed!.value, cell: cell(b.executed!.cell) }, { value: b.annual!.value, cell: cell(b.annual!.cell) }] },
    ]);
    const score = findings.find((x) => x.rule === "budget-score")!;
    expect(score.steps![0]).toEqual({ result: r4(b.computedScore!), op: "×", terms: [{ value: b.weightValue, cell: cell(b.weight!.cell) }, { value: r4(Math.min(b.computedRate!, 1)), format: "percent" }] });
    expect(score.steps![1]).toEqual(rate.steps![0]);
    for (const st of [...rate.steps!, ...score.steps!]) expect(evaluate(st)).toBeCloseTo(st.result, 3);
  });

  test("weights-total: the budget weight and each indicator's, with their cells", async () => {
    const base = await loadFixture("official");
    const { a: before } = formOf(base, "项目1");
    const w = before.indicators[0].weight!;
    const { findings, a } = formOf(withCells(base, "项目1", { [cell(w.cell)]: w.value! + 5 }), "项目1");
    const f = findings.find((x) => x.rule === "weights-total")!;
    expect(f.steps![0].result).toBe(r4(a.weights));
    expect(f.steps![0].terms.slice(1)).toEqual(a.indicators.filter((i) => i.weight?.value != null).map((i) => ({ value: i.weight!.value, cell: cell(i.weight!.cell) })));
    expect(evaluate(f.steps![0])).toBeCloseTo(a.weights, 4);
  });

  test("a finding whose figure no rule computed carries no steps", async () => {
    const { findings } = formOf(await loadFixture("official"), "项目1");
    for (const f of findings.filter((x) => ["missing-deviation-cause", "overachievement-unexplained", "name-target-mismatch"].includes(x.rule))) expect(f.steps).toBeUndefined();
  });
});
