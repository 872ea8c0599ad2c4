import { subItemRows } from "../../../src/core/rules/missing-value";
import { CellValue } from "../../../src/core/snapshot";
import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * missing-value names the cell it found empty, in both languages, and leaves alone what is not a gap (issue 38: its
 * field names, the unnamed-indicator fallback, the budget weight given by the label and the numbered sub-items survived
 * mutation). The official 项目2 form: funds D6:I6 (G6 the budget's weight), indicators from row 14 (工作队数量（个）,
 * then 访惠聚工作经费（万元）, 建档立卡…覆盖率), 总分 G27/H27.
 */
const form2 = async (cells: Record<string, CellValue>) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);
const lines = (r: ReturnType<typeof check>) => findings(r, "missing-value").map((f) => `${f.severity} ${f.cell} ${f.message}`);

const BLANKS: Record<string, CellValue> = { E6: "", F6: "", G6: "", E14: "", F14: "", G14: "", H14: "", H27: "" };

describe("missing-value says which cell is empty", () => {
  test("each field's words in Chinese", async () => {
    expect(lines(check(await form2(BLANKS)))).toEqual([
      "error E6 年度资金总额的全年预算数未填写。",
      "error F6 年度资金总额的全年执行数未填写。",
      "error G6 预算执行的分值未填写。",
      "warning E14 「工作队数量（个）」的年度指标值未填写。",
      "warning F14 「工作队数量（个）」的实际完成值未填写。",
      "error G14 「工作队数量（个）」的分值未填写。",
      "error H14 「工作队数量（个）」的得分未填写。",
      "warning H27 总分的得分未填写。",
    ]);
  });

  test("the same in English, the sentence starting with a capital", async () => {
    expect(lines(check(await form2(BLANKS), { lang: "en" }))).toEqual([
      "error E6 The annual budget of the total row is missing.",
      "error F6 The executed amount of the total row is missing.",
      "error G6 The budget weight is missing.",
      'warning E14 "工作队数量（个）": the target is missing.',
      'warning F14 "工作队数量（个）": the actual is missing.',
      'error G14 "工作队数量（个）": the weight is missing.',
      'error H14 "工作队数量（个）": the score is missing.',
      "warning H27 The total score is missing.",
    ]);
  });

  test("the data carries the field's words in the report's language", async () => {
    expect(findings(check(await form2({ F6: "" })), "missing-value").map((f) => f.data)).toEqual([{ what: "年度资金总额的全年执行数" }]);
    expect(findings(check(await form2({ F6: "" }), { lang: "en" }), "missing-value").map((f) => f.data)).toEqual([{ what: "The executed amount of the total row" }]);
  });

  test("an indicator without a name is called so, in both languages", async () => {
    expect(lines(check(await form2({ D15: "", H15: "" })))).toEqual(["error H15 「（未命名指标）」的得分未填写。"]);
    expect(lines(check(await form2({ D15: "", H15: "" }), { lang: "en" }))).toEqual(['error H15 "(unnamed indicator)": the score is missing.']);
  });

  test("the budget's weight written in the funds label (（10分）): its empty cell is not missing", async () => {
    expect(lines(check(await form2({ A5: "项目资金（万元）（10分）", G6: "" })))).toEqual([]);
    // without the label's weight the same empty cell is an error
    expect(lines(check(await form2({ G6: "" })))).toEqual(["error G6 预算执行的分值未填写。"]);
  });

  test("numbered sub-rows under a scored parent are part of it: their empty weight and score are not missing", async () => {
    const cells = { D15: "1.访惠聚工作经费", G15: "", H15: "", D16: "2.特困户补助覆盖率", G16: "", H16: "" };
    expect(lines(check(await form2(cells)))).toEqual([]);
    // the same rows unnumbered are two indicators missing their weight and score
    expect(lines(check(await form2({ G15: "", H15: "", G16: "", H16: "" }))).map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["error G15", "error H15", "error G16", "error H16"]);
  });
});

describe("subItemRows: which rows are part of another", () => {
  const v = (x: number | "") => ({ cell: { row: 0, col: 0 }, raw: x, parsed: x === "" ? ({ kind: "blank" } as const) : ({ kind: "number", op: null, value: x, unit: "" } as const), value: x === "" ? null : x });
  const row = (fullName: string, w: number | "", s: number | "") => ({ fullName, weight: v(w), score: v(s) });
  test("a parent with only its weight is not bare: scored sub-rows do not make it their heading", () => {
    expect([...subItemRows([row("养护里程", 20, ""), row("1.村道", 12, 12), row("2.组道", 8, 8)])]).toEqual([]);
    expect([...subItemRows([row("养护里程", "", 20), row("1.村道", 12, 12), row("2.组道", 8, 8)])]).toEqual([]);
  });
  test("a scored parent over scored sub-rows: none is a heading or a part", () => {
    expect([...subItemRows([row("养护里程", 20, 20), row("1.村道", 12, 12), row("2.组道", 8, 8)])]).toEqual([]);
  });
  test("a bare parent over sub-rows of which only some are scored: nothing is excused", () => {
    expect([...subItemRows([row("养护里程", "", ""), row("1.村道", "", ""), row("2.组道", 8, 8)])]).toEqual([]);
    expect([...subItemRows([row("养护里程", "", ""), row("1.村道", 12, 12), row("2.组道", "", "")])]).toEqual([]);
  });
  test("a bare row followed by an unnumbered row is no heading", () => {
    expect([...subItemRows([row("养护里程", "", ""), row("合格率", 15, 15)])]).toEqual([]);
    expect([...subItemRows([row("合格率", 15, 15), row("养护里程", "", ""), row("满意度", 10, 10)])]).toEqual([]);
  });
  test("a run of sub-rows ends at the next unnumbered row, wherever the parent stands", () => {
    expect([...subItemRows([row("数量", 5, 5), row("养护里程", 20, 20), row("1.村道", "", ""), row("合格率", "", "")])]).toEqual([2]);
    expect([...subItemRows([row("数量", 5, 5), row("养护里程", "", ""), row("1.村道", 12, 12), row("合格率", 15, 15)])]).toEqual([1]);
  });
});
