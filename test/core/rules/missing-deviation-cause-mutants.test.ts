import { CellValue } from "../../../src/core/snapshot";
import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * missing-deviation-cause says why a cause is needed, where it must go, and offers a starting sentence with the
 * indicator's own figures, in both languages (issue 38: its reasons, its choice among the three messages and the hint's
 * figures survived mutation). The official 项目2 form: 工作队数量（个） =1个, done 1, weight 5 (row 14); 帮扶慰问经费（万元）
 * (row 18, weight 10); 服务对象满意度(≧90%) ≥90% (row 26, weight 10); the cause column I.
 */
const form2 = async (cells: Record<string, CellValue>) => withCells(onlySheets(await loadFixture("official"), "项目2"), "项目2", cells);
const CAUSE_ZH = "偏差原因：……（说明是客观原因，如政策调整、资金未及时到位，还是计划、采购、管理等自身原因）。改进措施：……（做什么、由谁负责、何时完成）。";
const CAUSE_EN = "Cause: … (objective — policy change, funds not arrived — or within the unit's control — planning, procurement, management). Improvement: … (what, who, by when).";
const said = async (cells: Record<string, CellValue>) => {
  const wb = await form2(cells);
  const one = (lang: "zh" | "en") => findings(check(wb, { lang }), "missing-deviation-cause").map((f) => ({ at: `${f.cell} ${f.messageId}`, message: f.message, hint: f.hint }));
  return { zh: one("zh"), en: one("en") };
};

describe("missing-deviation-cause: why, and the hint's figures", () => {
  test("a met target scored below its weight: the score and the weight, and the rule's score in the hint", async () => {
    expect(await said({ H14: 4 })).toEqual({
      zh: [{ at: "I14 missing", message: "「工作队数量（个）」得分 4 低于分值 5，须填写偏差原因分析及改进措施。", hint: `「工作队数量（个）」年度指标值 =1个，实际完成 1，得分 4（按规则应为 5，分值 5）。${CAUSE_ZH}` }],
      en: [{ at: "I14 missing", message: '"工作队数量（个）": the score 4 is below the weight 5; the deviation cause and remedy must be filled in.', hint: `"工作队数量（个）": target =1个, actual 1, score 4 (the rule gives 5) of 5. ${CAUSE_EN}` }],
    });
  });

  test("a missed target: the reason is the target, and the hint says how much was achieved", async () => {
    expect(await said({ F26: "80%", H26: 8.89, I26: "/" })).toEqual({
      zh: [{ at: "I26 missing", message: "「服务对象满意度(≧90%)」未达到年度指标值，须填写偏差原因分析及改进措施。", hint: `「服务对象满意度(≧90%)」年度指标值 ≥90%，实际完成 80%，完成 88.89%，得分 8.89（分值 10）。${CAUSE_ZH}` }],
      en: [{ at: "I26 missing", message: '"服务对象满意度(≧90%)": the target was not reached; the deviation cause and remedy must be filled in.', hint: `"服务对象满意度(≧90%)": target ≥90%, actual 80%, 88.89% achieved, score 8.89 of 10. ${CAUSE_EN}` }],
    });
  });

  test("the hint leaves out a blank target or actual, and trims the cell's spaces", async () => {
    const hint = async (cells: Record<string, CellValue>) => (await said(cells)).zh.map((f) => f.hint);
    expect(await hint({ E14: "", H14: 4 })).toEqual([`「工作队数量（个）」实际完成 1，得分 4（分值 5）。${CAUSE_ZH}`]);
    expect(await hint({ F14: "", H14: 4 })).toEqual([`「工作队数量（个）」年度指标值 =1个，得分 4（分值 5）。${CAUSE_ZH}`]);
    // no 实际完成值 column at all (its header left blank) or no 年度指标值 column: the hint names what there is
    expect(await hint({ F12: "", F13: "", H14: 4 })).toEqual([`「工作队数量（个）」年度指标值 =1个，得分 4（分值 5）。${CAUSE_ZH}`]);
    expect(await hint({ E12: "", E13: "", H14: 4 })).toEqual([`「工作队数量（个）」实际完成 1，得分 4（分值 5）。${CAUSE_ZH}`]);
    expect(await hint({ E14: "  =1个 ", H14: 4 })).toEqual([`「工作队数量（个）」年度指标值 =1个，实际完成 1，得分 4（按规则应为 5，分值 5）。${CAUSE_ZH}`]);
  });

  test("a reverse target of 0 overspent: no achieved share (no division by 0)", async () => {
    const [f] = (await said({ E18: "≤0万元", F18: "2万元", H18: 0 })).zh;
    expect(f.message).toBe("「帮扶慰问经费（万元）」未达到年度指标值，须填写偏差原因分析及改进措施。");
    expect(f.hint).toBe(`「帮扶慰问经费（万元）」年度指标值 ≤0万元，实际完成 2万元，得分 0（分值 10）。${CAUSE_ZH}`);
  });
});

describe("missing-deviation-cause: where the cause must go", () => {
  test("a form without a cause column: the finding says so", async () => {
    const cells: Record<string, CellValue> = { I12: "", H14: 4 };
    for (let r = 14; r <= 26; r++) cells[`I${r}`] = "";
    expect(await said(cells)).toEqual({
      zh: [{ at: "H14 noColumn", message: "「工作队数量（个）」得分 4 低于分值 5，但表中没有偏差原因分析栏。", hint: `「工作队数量（个）」年度指标值 =1个，实际完成 1，得分 4（按规则应为 5，分值 5）。${CAUSE_ZH}` }],
      en: [{ at: "H14 noColumn", message: '"工作队数量（个）": the score 4 is below the weight 5, but the form has no deviation-cause column.', hint: `"工作队数量（个）": target =1个, actual 1, score 4 (the rule gives 5) of 5. ${CAUSE_EN}` }],
    });
  });

  test("a cause column and a form-level cause cell below the total (偏差大或目标未完成原因分析): the row's own cause cell", async () => {
    const both = await said({ A28: "偏差大或目标未完成原因分析", A29: "改进措施及结果应用方案", H14: 4 });
    expect(both.zh.map((f) => [f.at, f.message])).toEqual([["I14 missing", "「工作队数量（个）」得分 4 低于分值 5，须填写偏差原因分析及改进措施。"]]);
  });
});
