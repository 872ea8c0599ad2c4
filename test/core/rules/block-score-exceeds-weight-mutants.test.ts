import { blockScoreExceedsWeight } from "../../../src/core/rules/block-score-exceeds-weight";
import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report, fillMessage, resolveData } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";

/**
 * block-score-exceeds-weight on hand-built analyses (issue 38: the limit of a block's weight and what a block without
 * its weight quiets survived mutation). Only the fields the rule reads: the Hubei 2020 blocks.
 */
const run = (form: FormAnalysis): Report[] => {
  const out: Report[] = [];
  blockScoreExceedsWeight.check({ form, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined });
  return out;
};
const text = (r: Report, lang: "zh" | "en") => fillMessage(blockScoreExceedsWeight.meta.messages[r.messageId][lang], r.data, lang);

describe("block-score-exceeds-weight", () => {
  const block = (label: string, weight: number | null, sumOfScores: number, row = 10) => ({ label, weight, sumOfScores, cell: { row, col: 0 } });
  const formOf = (...blocks: ReturnType<typeof block>[]) => ({ blocks }) as unknown as FormAnalysis;

  test("scores above the block's weight: an error at its label, in each language", () => {
    const [r, ...more] = run(formOf(block("年度绩效目标1（30分）", 30, 32.5), block("年度绩效目标2（40分）", 40, 40, 20)));
    expect(more).toEqual([]);
    expect(r).toMatchObject({ at: { row: 10, col: 0 }, messageId: "exceeds", expected: 30, actual: 32.5 });
    expect(resolveData(r.data, "zh")).toEqual({ label: "年度绩效目标1（30分）", sum: 32.5, weight: 30 });
    expect(text(r, "zh")).toBe("“年度绩效目标1（30分）”下各指标得分之和为 32.5，超过该目标的 30 分。");
    expect(text(r, "en")).toBe('The scores under "年度绩效目标1（30分）" add up to 32.5, more than its 30 points.');
  });

  test("the limit: equal is allowed, a hundredth above is not; a block without its weight is not judged", () => {
    expect(run(formOf(block("目标1", 30, 30)))).toEqual([]);
    expect(run(formOf(block("目标1", 30, 0.1 + 0.2 + 29.7)))).toEqual([]);
    expect(run(formOf(block("目标1", 30, 30.01))).map((r) => r.actual)).toEqual([30.01]);
    expect(run(formOf(block("目标1", null, 99)))).toEqual([]);
    expect(run(formOf(block("目标1", 0, 0.5))).map((r) => r.expected)).toEqual([0]);
  });

  test("a block without its weight quiets weights-total (the weights cannot be added up); blocks with theirs quiet nothing", () => {
    const quiets = blockScoreExceedsWeight.meta.quiets!;
    expect(quiets(formOf())).toBeNull();
    expect(quiets(formOf(block("目标1", 30, 0), block("目标2", 0, 0)))).toBeNull();
    expect(quiets(formOf(block("目标1", 30, 0), block("目标2", null, 0)))).toEqual({ rules: ["weights-total"] });
    expect(quiets(formOf(block("目标1", null, 0)))).toEqual({ rules: ["weights-total"] });
  });
});
