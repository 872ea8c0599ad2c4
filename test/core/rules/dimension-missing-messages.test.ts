import { dimensionMissing } from "../../../src/core/rules/dimension-missing";
import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";
import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * dimension-missing: what each message says in both languages, and the forms it does not judge (issue 38: the
 * 效益 message's data and the guard for a form whose indicators could not be read survived mutation).
 * 棠溪镇 2022: indicator header row 14 (得分 in H14), 效益 rows 22–24; 稷山县 2022 county copy: no 成本指标.
 */
const RULE = "dimension-missing";
const S = "棠溪镇委托业务（原表）";
const NO_OUTCOME = { B22: "产出指标", C22: "数量指标", C23: "数量指标", C24: "数量指标" };
const tangxi = async (cells: Record<string, string>) => withCells(onlySheets(await loadFixture("review-hints"), S), S, cells);
const county = async () => onlySheets(await loadFixture("family-a-county"), "稷山县（附件1）");
const msgs = (r: ReturnType<typeof check>) => findings(r, RULE).map((f) => [f.cell, f.messageId, f.message]);

describe("dimension-missing messages", () => {
  test("no 效益指标: the message and what a good 效益 target says (zh, en)", async () => {
    expect(msgs(check(await tangxi(NO_OUTCOME)))).toEqual([
      ["B14", "noOutcome", "表中没有效益指标：绩效指标应包括项目产生的效益（经济、社会、生态效益或可持续影响）。效益指标应写明可衡量的效果，如“受益农户数≥1000户”。"],
    ]);
    expect(msgs(check(await tangxi(NO_OUTCOME), { lang: "en" }))).toEqual([
      ["B14", "noOutcome", "The form has no 效益指标: the indicators must include the project's effects (economic, social, ecological or lasting). A 效益指标 gives an effect that can be measured, e.g. “受益农户数≥1000户”."],
    ]);
  });

  test("no 成本指标 on a 2022 central form: the year and what a good 成本 target says (zh, en)", async () => {
    expect(msgs(check(await county()))).toEqual([
      ["B14", "noCost", "2022年度的表没有成本指标：财预〔2021〕101号要求产出指标中设成本指标（经济成本、社会成本、生态环境成本）。成本指标应写明不超过的金额，如“≤45万元”。"],
    ]);
    expect(msgs(check(await county(), { lang: "en" }))).toEqual([
      ["B14", "noCost", "This 2022 form has no 成本指标: 财预〔2021〕101号 asks for cost indicators (economic, social, environmental) among the outputs. A 成本指标 gives the amount not to exceed, e.g. “≤45万元”."],
    ]);
  });

  test("indicators not read (the 得分 column not found): no dimension judged, section-unreadable says why", async () => {
    const r = check(await tangxi({ ...NO_OUTCOME, H14: "备注" }));
    expect(hits(r, RULE)).toEqual([]);
    expect(hits(r, "section-unreadable")).toEqual([`warning ${S}!A14 unreadable`]);
  });
});

describe("dimension-missing on a hand-built analysis", () => {
  const formWith = (indicators: Array<{ level2: string; category: string }>, o: { missing?: string[]; unchecked?: string[] } = {}) =>
    ({
      indicators: indicators.map((layout) => ({ layout })),
      unchecked: (o.unchecked ?? []).map((section) => ({ section })),
      year: 2022,
      layout: { indicators: { headerRow: 14, columns: { level1: 2 } }, missing: o.missing ?? [], family: { id: "central" }, year: 2022, left: 1 },
    }) as unknown as FormAnalysis;
  const reported = (f: FormAnalysis): string[] => {
    const out: Report[] = [];
    dimensionMissing.check({ form: f, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined } as never);
    return out.map((r) => `${r.messageId} ${r.at.row}:${r.at.col}`);
  };
  const OUTPUT_ONLY = [{ level2: "数量指标", category: "output" }];

  test("a form that lacks both: two findings on the header's 一级 column", () => {
    expect(reported(formWith(OUTPUT_ONLY))).toEqual(["noCost 14:2", "noOutcome 14:2"]);
  });
  test("no indicator read at all, an unread indicators section, a part missing: nothing judged", () => {
    expect(reported(formWith([]))).toEqual([]);
    expect(reported(formWith(OUTPUT_ONLY, { unchecked: ["indicators"] }))).toEqual([]);
    expect(reported(formWith(OUTPUT_ONLY, { missing: ["total"] }))).toEqual([]);
  });
  test("another section unread (funds, total) does not stop it", () => {
    expect(reported(formWith(OUTPUT_ONLY, { unchecked: ["funds", "total"] }))).toEqual(["noCost 14:2", "noOutcome 14:2"]);
  });
  test("a 成本 row and a 效益 row: quiet", () => {
    expect(reported(formWith([...OUTPUT_ONLY, { level2: "成本指标", category: "output" }, { level2: "社会效益指标", category: "outcome" }]))).toEqual([]);
  });
});
