import { totalScore, sumStep } from "../../../src/core/rules/total-score";
import { FormAnalysis, ValueCell } from "../../../src/core/analyse/types";
import { FixInput, Report, fillMessage, resolveData } from "../../../src/core/findings";
import { CheckOptions, DEFAULT_OPTIONS } from "../../../src/core/options";
import { CellValue } from "../../../src/core/snapshot";

/**
 * total-score on hand-built analyses (issue 38: the header's 自评得分 against the 总分 row had no test reaching it; a
 * total written inside its label and the terms of its 计算过程 survived mutation). Only the fields the rule reads.
 */
const cell = (raw: CellValue, value: number | null, row = 26, col = 7): ValueCell => ({ cell: { row, col }, raw, parsed: { kind: "blank" }, value }) as ValueCell;
const formOf = (o: { total: ValueCell | null; header?: ValueCell | null; sum: number; scores?: Array<ValueCell | null>; budgetScore?: ValueCell | null }) =>
  ({
    totalScore: o.total,
    headerTotal: o.header ?? null,
    sumOfScores: o.sum,
    budget: { score: o.budgetScore === undefined ? cell(10, 10, 6, 8) : o.budgetScore },
    indicators: (o.scores ?? []).map((score) => ({ score })),
  }) as unknown as FormAnalysis;
const run = (form: FormAnalysis, options: Partial<CheckOptions> = {}, lang: "zh" | "en" = "zh") => {
  const reports: Report[] = [];
  const proposed: FixInput[] = [];
  totalScore.check({ form, options: { ...DEFAULT_OPTIONS, ...options }, say: (zh: string, en: string) => (lang === "zh" ? zh : en), report: (r: Report) => reports.push(r), propose: (f: FixInput) => proposed.push(f) });
  return { reports, proposed };
};
const text = (r: Report, lang: "zh" | "en") => fillMessage(totalScore.meta.messages[r.messageId][lang], r.data, lang);

describe("total-score: the header's 自评得分 against the 总分 row", () => {
  const header = cell("自评得分：92", 92, 2, 7);
  test("they disagree: an error at the header, naming both and the sum, in each language", () => {
    const { reports } = run(formOf({ total: cell(95, 95), header, sum: 95 }));
    expect(reports).toHaveLength(1);
    const [r] = reports;
    expect(r).toMatchObject({ severity: "error", at: { row: 2, col: 7 }, messageId: "headerMismatch", expected: 95, actual: 92, expectedLabel: "总分行" });
    expect(resolveData(r.data, "zh")).toEqual({ header: 92, written: 95, sum: 95 });
    expect(text(r, "zh")).toBe("表头的自评得分填写为 92，与总分行的 95 不一致（各项得分之和为 95）。");
    expect(text(r, "en")).toBe("The header's total is written as 92, but the total row says 95 (the scores add up to 95).");
    expect(run(formOf({ total: cell(95, 95), header, sum: 95 }), {}, "en").reports[0].expectedLabel).toBe("the total row");
  });

  test("and the total row disagrees with the sum as well: both findings", () => {
    const { reports } = run(formOf({ total: cell(95, 95), header, sum: 90 }));
    expect(reports.map((r) => [r.messageId, r.at])).toEqual([
      ["headerMismatch", { row: 2, col: 7 }],
      ["mismatch", { row: 26, col: 7 }],
    ]);
    expect(resolveData(reports[0].data, "zh")).toEqual({ header: 92, written: 95, sum: 90 });
  });

  test("quiet when they agree at two decimals, when either holds no number, and when the header's total is the form's", () => {
    expect(run(formOf({ total: cell(92.004, 92.004), header, sum: 92.004 })).reports).toEqual([]);
    expect(run(formOf({ total: cell(92.01, 92.01), header, sum: 92.01 })).reports.map((r) => r.messageId)).toEqual(["headerMismatch"]);
    expect(run(formOf({ total: cell(95, 95), header: cell("自评得分：", null, 2, 7), sum: 95 })).reports).toEqual([]);
    expect(run(formOf({ total: cell("", null), header, sum: 95 })).reports).toEqual([]);
    // no 总分 row: the header's total is the form's total, judged against the sum alone
    expect(run(formOf({ total: header, header, sum: 92 })).reports).toEqual([]);
    expect(run(formOf({ total: header, header, sum: 90 })).reports.map((r) => r.messageId)).toEqual(["mismatch"]);
  });
});

describe("total-score: the fix it proposes", () => {
  test("a number that disagrees: the finding carries the sum, at two decimals", () => {
    const { reports, proposed } = run(formOf({ total: cell(90, 90), sum: 91.456 }));
    expect(reports[0]).toMatchObject({ severity: "error", messageId: "mismatch", expected: 91.456, actual: 90, fix: { at: { row: 26, col: 7 }, old: 90, new: 91.46 } });
    expect(proposed).toEqual([]);
  });

  test("a number typed as text (92, 92分) is replaced like a number", () => {
    for (const raw of ["92", "92分", " 92 "]) {
      const { reports, proposed } = run(formOf({ total: cell(raw, 92), sum: 95 }));
      expect([raw, reports.map((r) => r.fix?.new)]).toEqual([raw, [95]]);
      expect(proposed).toEqual([]);
      // agreeing: proposed without a finding, so that write-back can recompute it
      expect(run(formOf({ total: cell(raw, 92), sum: 92 })).proposed.map((f) => [f.old, f.new])).toEqual([[raw, 92]]);
    }
  });

  test("a total written inside its label's text (自评得分：92) is never overwritten: no fix, nothing proposed", () => {
    const inLabel = cell("自评得分：92", 92, 2, 7);
    const wrong = run(formOf({ total: inLabel, sum: 95 }));
    expect(wrong.reports.map((r) => [r.messageId, r.fix])).toEqual([["mismatch", undefined]]);
    expect(wrong.proposed).toEqual([]);
    const right = run(formOf({ total: inLabel, sum: 92 }));
    expect([right.reports, right.proposed]).toEqual([[], []]);
    // the word 分 alone is not a label
    expect(run(formOf({ total: cell("92 分", 92), sum: 92 })).proposed).toHaveLength(1);
  });

  test("a blank total: nothing to report, the sum proposed", () => {
    const { reports, proposed } = run(formOf({ total: cell("", null), sum: 88.5 }));
    expect(reports).toEqual([]);
    expect(proposed.map((f) => [f.at, f.old, f.new, f.label.zh, f.altLabel?.en])).toEqual([[{ row: 26, col: 7 }, "", 88.5, "总分（各项得分之和）", "total (with the scores written now)"]]);
  });

  test("a rounded total is info only when rounding is accepted", () => {
    expect(run(formOf({ total: cell(92, 92), sum: 91.5 })).reports.map((r) => [r.severity, r.messageId])).toEqual([["info", "rounded"]]);
    expect(run(formOf({ total: cell(92, 92), sum: 91.5 }), { acceptRounding: false }).reports.map((r) => [r.severity, r.messageId])).toEqual([["error", "mismatch"]]);
  });
});

describe("total-score: the 计算过程 names each figure that went in", () => {
  test("the budget score, then each indicator's; a blank score or none adds nothing and is left out", () => {
    const scores = [cell(20, 20, 14, 7), cell("", null, 15, 7), null, cell(30, 30, 16, 7)];
    const [r] = run(formOf({ total: cell(70, 70), sum: 60, scores })).reports;
    expect(r.steps).toEqual([
      {
        result: 60,
        op: "+",
        terms: [
          { value: 10, at: { row: 6, col: 8 } },
          { value: 20, at: { row: 14, col: 7 } },
          { value: 30, at: { row: 16, col: 7 } },
        ],
      },
    ]);
    expect(run(formOf({ total: cell(70, 70), sum: 20, scores: [scores[0]], budgetScore: null })).reports[0].steps![0].terms).toEqual([{ value: 20, at: { row: 14, col: 7 } }]);
  });
  test("sumStep on its own", () => {
    expect(sumStep(5, [null, cell("x", null), cell(0, 0, 1, 1), cell(5, 5, 2, 2)])).toEqual({ result: 5, op: "+", terms: [{ value: 0, at: { row: 1, col: 1 } }, { value: 5, at: { row: 2, col: 2 } }] });
  });
});
