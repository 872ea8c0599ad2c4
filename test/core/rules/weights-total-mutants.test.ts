import { weightsTotal } from "../../../src/core/rules/weights-total";
import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report, Rule, fillMessage } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";

/**
 * weights-total on hand-built analyses (issue 38: which forms it judges, the label of the sum in each language and the
 * 计算过程 with Hubei blocks survived mutation). Only the fields the rule reads.
 */
const run = (rule: Rule, form: FormAnalysis, lang: "zh" | "en" = "zh"): Report[] => {
  const out: Report[] = [];
  rule.check({ form, options: DEFAULT_OPTIONS, say: (zh: string, en: string) => (lang === "zh" ? zh : en), report: (r: Report) => out.push(r), propose: () => undefined });
  return out;
};
const text = (rule: Rule, r: Report, lang: "zh" | "en") => fillMessage(rule.meta.messages[r.messageId][lang], r.data, lang);

describe("weights-total", () => {
  const at = { row: 26, col: 6 };
  const formOf = (o: { weights: number; written?: number | null; indicators?: number[]; budget?: boolean; blocks?: Array<number | null>; labelCell?: boolean; weightCell?: boolean }) =>
    ({
      totalWeight: o.weightCell === false ? null : { cell: at, value: o.written === undefined ? 100 : o.written },
      layout: { totalLabelCell: o.labelCell ? { row: 26, col: 0 } : null },
      weights: o.weights,
      budget: o.budget === false ? null : { weightValue: 10, weight: { cell: { row: 5, col: 6 }, value: 10 } },
      indicators: (o.indicators ?? [45, 46]).map((w, i) => ({ weight: { value: w, cell: { row: 13 + i, col: 6 } } })),
      blocks: (o.blocks ?? []).map((w, i) => ({ weight: w, cell: { row: 10 + 10 * i, col: 0 } })),
    }) as unknown as FormAnalysis;

  test("weights adding up to 101: an error at the total's weight cell, saying the sum, in each language", () => {
    const [r, ...more] = run(weightsTotal, formOf({ weights: 101 }));
    expect(more).toEqual([]);
    expect(r).toMatchObject({ at, messageId: "sum", expected: 100, actual: 101, actualLabel: "各项分值之和" });
    expect(text(weightsTotal, r, "zh")).toBe("各项分值之和为 101，应为 100。");
    expect(text(weightsTotal, r, "en")).toBe("The weights add up to 101, not 100.");
    expect(run(weightsTotal, formOf({ weights: 101 }), "en")[0].actualLabel).toBe("the weights add up to");
    expect(r.steps).toEqual([
      {
        result: 101,
        op: "+",
        terms: [
          { value: 10, at: { row: 5, col: 6 } },
          { value: 45, at: { row: 13, col: 6 } },
          { value: 46, at: { row: 14, col: 6 } },
        ],
      },
    ]);
  });

  test("with Hubei blocks the terms are the blocks' weights; a block without its weight adds nothing", () => {
    const [r] = run(weightsTotal, formOf({ weights: 80, blocks: [30, null, 40] }));
    expect(r.steps![0].terms).toEqual([
      { value: 10, at: { row: 5, col: 6 } },
      { value: 30, at: { row: 10, col: 0 } },
      { value: 40, at: { row: 30, col: 0 } },
    ]);
  });

  test("the sum right, the total row's weight written otherwise: an error naming what is written", () => {
    const [r] = run(weightsTotal, formOf({ weights: 100, written: 90 }));
    expect(r).toMatchObject({ at, messageId: "totalRow", expected: 100, actual: 90 });
    expect(text(weightsTotal, r, "zh")).toBe("总分行的分值填写为 90，应为 100。");
    expect(text(weightsTotal, r, "en")).toBe("The total row's weight is written as 90; it should be 100.");
    expect(run(weightsTotal, formOf({ weights: 100, written: null }))).toEqual([]);
    expect(run(weightsTotal, formOf({ weights: 100, written: 100.004 }))).toEqual([]);
    // both wrong: the sum is said first, alone
    expect(run(weightsTotal, formOf({ weights: 95, written: 90 })).map((x) => x.messageId)).toEqual(["sum"]);
  });

  test("at two decimals either side of 100", () => {
    expect(run(weightsTotal, formOf({ weights: 100.004 }))).toEqual([]);
    expect(run(weightsTotal, formOf({ weights: 99.996 }))).toEqual([]);
    expect(run(weightsTotal, formOf({ weights: 100.01 })).map((r) => r.actual)).toEqual([100.01]);
    expect(run(weightsTotal, formOf({ weights: 99.99 })).map((r) => r.actual)).toEqual([99.99]);
  });

  test("which forms it judges: one with indicators or a budget section, and somewhere to point", () => {
    expect(run(weightsTotal, formOf({ weights: 90, indicators: [80], budget: false }))).toHaveLength(1);
    expect(run(weightsTotal, formOf({ weights: 10, indicators: [] }))).toHaveLength(1);
    expect(run(weightsTotal, formOf({ weights: 0, indicators: [], budget: false }))).toEqual([]);
    expect(run(weightsTotal, formOf({ weights: 90, weightCell: false }))).toEqual([]);
    expect(run(weightsTotal, formOf({ weights: 90, weightCell: false, labelCell: true })).map((r) => r.at)).toEqual([{ row: 26, col: 0 }]);
  });
});
