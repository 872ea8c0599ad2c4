import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * target-not-measurable: which kinds it judges, how it reads the text, and what each message says in both languages
 * (issue 38: the 数量指标 kind, the blank-stripping and the unnamed indicator survived mutation). The 棠溪镇 2022 form:
 * 数量指标 row 16 (基建工程委托业务项目数量, E16 ≥50个), 质量指标 row 18 (经费支出合规性), 时效指标 row 19 (提交报告及时性),
 * 成本指标 row 21 (单项业务成本), 效益 rows 22–24, 满意度 row 25.
 */
const RULE = "target-not-measurable";
const S = "棠溪镇委托业务（原表）";
const form = async (cells: Record<string, string> = {}) => withCells(onlySheets(await loadFixture("review-hints"), S), S, cells);
const msgs = (r: ReturnType<typeof check>) => findings(r, RULE).map((f) => [f.cell, f.messageId, f.message]);

describe("target-not-measurable messages", () => {
  test("a 数量指标 with a phrase for target is judged too (not only 质量, 时效, 成本)", async () => {
    const r = check(await form({ E16: "较多" }));
    expect(msgs(r).filter(([cell]) => cell === "E16")).toEqual([
      ["E16", "vague", "「基建工程委托业务项目数量」是数量指标，年度指标值“较多”没有数值或日期，无法衡量是否完成。数量指标应写明数值和计量单位，如“≥4次”“150人次”。"],
    ]);
    expect(findings(r, RULE).find((f) => f.cell === "E16")).toMatchObject({ expected: null, actual: "较多" });
  });

  test("blanks inside the text do not hide a placeholder or the template's words", async () => {
    expect(msgs(check(await form({ E18: "* *", E19: "指标 值" }))).slice(0, 2)).toEqual([
      ["E18", "placeholder", "「经费支出合规性」的年度指标值“* *”是占位符，未填写实际目标。质量指标应写明可检验的比率，如“验收合格率≥95%”“=100%”。"],
      ["E19", "template", "「提交报告及时性」的年度指标值“指标 值”是模板原文，未填写实际目标。时效指标应写明本年度内的完成时限，如“2022年12月31日前”。"],
    ]);
  });

  test("the same in English", async () => {
    expect(msgs(check(await form({ E18: "XX", E19: "指标值" }), { lang: "en" }))).toEqual([
      ["E18", "placeholder", "\"经费支出合规性\": the target \"XX\" is a placeholder, not a target. A 质量指标 gives a rate that can be checked, e.g. “验收合格率≥95%”, “=100%”."],
      ["E19", "template", "\"提交报告及时性\": the target \"指标值\" is the template's own text, not a target. A 时效指标 gives a deadline within the year, e.g. “2022年12月31日前”."],
      ["E21", "vague", "\"单项业务成本\" is a 成本指标, but its target \"符合相关规定\" has no number or date: whether it was met cannot be measured. A 成本指标 gives the amount not to exceed, e.g. “≤45万元”."],
    ]);
  });

  test("the kind is named in the form's own words (进度指标), and an indicator without a name is called unnamed", async () => {
    const r = check(await form({ C19: "进度指标", D18: "" }));
    expect(msgs(r).slice(0, 2)).toEqual([
      ["E18", "vague", "「（未命名指标）」是质量指标，年度指标值“严格执行相关制度规定”没有数值或日期，无法衡量是否完成。质量指标应写明可检验的比率，如“验收合格率≥95%”“=100%”。"],
      ["E19", "vague", "「提交报告及时性」是进度指标，年度指标值“在项目计划完成时间内完成”没有数值或日期，无法衡量是否完成。时效指标应写明本年度内的完成时限，如“2022年12月31日前”。"],
    ]);
  });

  test("效益 and 满意度 phrases are not this rule's (only the four output kinds)", async () => {
    const r = check(await form({ E22: "较好", E25: "满意" }));
    expect(findings(r, RULE).map((f) => f.cell)).toEqual(["E18", "E19", "E21"]);
  });
});
