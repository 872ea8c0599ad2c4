import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";
import { scoreExceedsWeight } from "../../../src/core/rules/score-exceeds-weight";
import { unparseableValue } from "../../../src/core/rules/unparseable-value";
import { CellValue } from "../../../src/core/snapshot";
import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * Messages and guards of score-exceeds-weight, funding-breakdown, score-high-for-spending and unparseable-value that
 * survived mutation (issue 38). The official 项目2 form: funds row 6 (年初 D6 8, 全年 E6 8, 执行 F6 8, 分值 G6 10,
 * 执行率 H6, 得分 I6 10), its part 当年财政拨款 in row 7 (D7:F7), indicators from row 14, 总分 H27 = 100.
 */
const form2 = async (cells: Record<string, CellValue | [CellValue, string]> = {}) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);

describe("score-exceeds-weight", () => {
  test("the budget row is named 预算执行 / budget execution", async () => {
    expect(findings(check(await form2({ I6: 11 })), "score-exceeds-weight").map((f) => [f.cell, f.message])).toEqual([["I6", "「预算执行」得分 11 超过分值 10。"]]);
    expect(findings(check(await form2({ I6: 11 }), { lang: "en" }), "score-exceeds-weight").map((f) => f.message)).toEqual(['"budget execution": the score 11 exceeds the weight 10.']);
    expect(findings(check(await form2({ I6: -1 })), "score-exceeds-weight").map((f) => f.message)).toEqual(["「预算执行」得分 -1 为负数。"]);
  });

  // hand-built: only the fields the rule reads
  const run = (indicators: unknown[]): Report[] => {
    const out: Report[] = [];
    const form = { budget: null, indicators } as unknown as FormAnalysis;
    scoreExceedsWeight.check({ form, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined });
    return out;
  };
  const row = (name: string, weightSource: string | null, weight: number, score: number, r: number) => ({
    name,
    weightSource,
    weight: { value: weight, cell: { row: r, col: 6 } },
    score: { value: score, cell: { row: r, col: 7 } },
  });
  test("only a weight written in its cell is judged here: an inferred one (Hubei's remainder, or the score itself) is its block's", () => {
    const rs = run([row("写明分值", "cell", 5, 6, 13), row("剩余分值", "remainder", 5, 6, 14), row("按得分", "score", 5, 6, 15), row("未知", null, 5, 6, 16)]);
    expect(rs.map((r) => [r.at, r.messageId, r.expected, r.actual])).toEqual([[{ row: 13, col: 7 }, "exceeds", 5, 6]]);
  });
});

describe("funding-breakdown", () => {
  test("the message names the column and both figures, in each language", async () => {
    const zh = findings(check(await form2({ D7: 7 })), "funding-breakdown");
    expect(zh.map((f) => [f.cell, f.message, f.expected, f.actual])).toEqual([["D6", "年初预算数：其中各项之和为 7，与年度资金总额 8 不符。", 7, 8]]);
    const en = findings(check(await form2({ E7: 7.5 }), { lang: "en" }), "funding-breakdown");
    expect(en.map((f) => [f.cell, f.message])).toEqual([["E6", "annual budget: the breakdown rows add up to 7.5, not the total 8."]]);
    const ex = findings(check(await form2({ F7: 6 }), { lang: "en" }), "funding-breakdown");
    expect(ex.map((f) => [f.cell, f.message])).toEqual([["F6", "executed amount: the breakdown rows add up to 6, not the total 8."]]);
  });
  test("no breakdown filled in: nothing to add up", async () => {
    expect(hits(check(await form2({ D7: "", E7: "", F7: "" })), "funding-breakdown")).toEqual([]);
  });
});

describe("score-high-for-spending", () => {
  test("quiet when a section could not be read (the total is not the form's to judge): 实际完成值 column missing", async () => {
    // 50% executed, total 100: the hint on the form as it is
    expect(hits(check(await form2({ F6: 4, F7: 4 })), "score-high-for-spending")).toEqual(["warning 项目2!H27 high"]);
    const r = check(await form2({ F6: 4, F7: 4, F12: "", F13: "" }));
    expect(r.forms[0].unchecked.length).toBeGreaterThan(0);
    expect(hits(r, "score-high-for-spending")).toEqual([]);
  });
});

describe("unparseable-value", () => {
  test("a date in a numeric cell is not a number: a warning", async () => {
    const fs = findings(check(await form2({ G14: "2020年12月31日" })), "unparseable-value");
    expect(fs.map((f) => [f.severity, f.cell, f.messageId, f.actual])).toEqual([["warning", "G14", "notNumber", "2020年12月31日"]]);
    expect(fs[0].message).toBe("分值“2020年12月31日”不是数值。");
  });
});

describe("unparseable-value: an actual in words that the scoring did judge", () => {
  // hand-built: only the fields the rule reads. With a 指标性质 column saying 定性 (Sichuan 2023 exports), a numeric
  // target is scored in tiers, and an actual of 未完成 is judged not met (scoreQualitative): no score is missing.
  const run = (scoring: { met: boolean | null; expected: number | null }) => {
    const out: Report[] = [];
    const cell = (row: number, col: number, raw: CellValue, parsed: unknown) => ({ cell: { row, col }, raw, parsed, value: null });
    const i = {
      name: "培训人次",
      weight: null,
      score: null,
      target: cell(13, 4, "≥50人次", { kind: "number", value: 50, unit: "人次", op: ">=" }),
      actual: cell(13, 5, "未完成", { kind: "text", text: "未完成" }),
      scoring,
    };
    const form = { budget: null, indicators: [i], totalWeight: null, totalScore: null } as unknown as FormAnalysis;
    unparseableValue.check({ form, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined });
    return out.map((r) => [r.messageId, r.at]);
  };
  test("not read at all (met and expected unknown): a warning at the actual; judged not met: none", () => {
    expect(run({ met: null, expected: null })).toEqual([["unreadableActual", { row: 13, col: 5 }]]);
    expect(run({ met: false, expected: null })).toEqual([]);
  });
});
