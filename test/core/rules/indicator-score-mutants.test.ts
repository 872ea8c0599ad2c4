import { CellValue } from "../../../src/core/snapshot";
import { check, findings, loadFixture, onlySheets, withCells } from "../../support/workbooks";

/**
 * indicator-score says by which method it computed the rule's score and which tier a score is outside of, in both
 * languages, and shows a reverse indicator's ratio with its cells the right way round (issue 38: the method names, the
 * tier names and the reverse steps survived mutation). The official 项目4 form: 现场节能诊断服务企业数 ≥25家 (row 14,
 * weight 5), 节能诊断完成时间 2020年12月31日前 (row 20, weight 3), 第三方服务机构开展节能诊断收取费用 ≤24万元 (row 22,
 * weight 5); 项目2's 建档立卡户脱贫 (row 22, weight 10) is qualitative.
 */
const sheet = async (name: string, cells: Record<string, CellValue>) => withCells(onlySheets(await loadFixture("official"), name), name, cells);
const form4 = (cells: Record<string, CellValue>) => sheet("项目4", cells);
const said = async (wb: Promise<ReturnType<typeof onlySheets>>) => {
  const w = await wb;
  const line = (lang: "zh" | "en") => findings(check(w, { lang }), "indicator-score").map((f) => `${f.severity} ${f.cell} ${f.message}`);
  return { zh: line("zh"), en: line("en") };
};

describe("indicator-score names the rule's method", () => {
  test("positive: a score below B÷A×分值 for a met target", async () => {
    expect(await said(form4({ H14: 4 }))).toEqual({
      zh: ["warning H14 「现场节能诊断服务企业数」得分 4 低于按规则计算的 5（正向指标 B÷A×分值），请核对或说明扣分理由。"],
      en: ['warning H14 "现场节能诊断服务企业数": the score 4 is below the rule\'s 5 (positive); check it or explain the deduction.'],
    });
  });

  test("reverse: a full score for an overspent cost (A÷B×分值 = 24 ÷ 30 × 5 = 4)", async () => {
    expect(await said(form4({ F22: "30万元", I22: "超支" }))).toEqual({
      zh: ["error H22 「第三方服务机构开展节能诊断收取费用」得分 5 高于按规则计算的 4（反向指标）。"],
      en: ['error H22 "第三方服务机构开展节能诊断收取费用": the score 5 is above the rule\'s 4 (reverse).'],
    });
  });

  test("a deadline met on time scores the weight: less is below the rule (时间节点)", async () => {
    expect(await said(form4({ H20: 2, I20: "扣分" }))).toEqual({
      zh: ["warning H20 「节能诊断完成时间」得分 2 低于按规则计算的 3（时间节点），请核对或说明扣分理由。"],
      en: ['warning H20 "节能诊断完成时间": the score 2 is below the rule\'s 3 (date); check it or explain the deduction.'],
    });
  });
});

describe("indicator-score names the tier a score is outside of", () => {
  test("late: at most the achieved tier (0.8 × 3 = 2.4)", async () => {
    expect(await said(form4({ F20: "2021年1月5日", I20: "年底企业停产，推迟" }))).toEqual({
      zh: ["error H20 「节能诊断完成时间」得分 3 不在未按时完成允许的 0–2.4 分之间。"],
      en: ['error H20 "节能诊断完成时间": the score 3 is outside the 0–2.4 allowed (late).'],
    });
  });

  test("qualitative: 50% achieved allows at most 60% of the weight (0–6)", async () => {
    expect(await said(sheet("项目2", { F22: "50%", I22: "部分完成" }))).toEqual({
      zh: ["error H22 「建档立卡户脱贫、一般户困难脱困」得分 10 不在定性指标分档允许的 0–6 分之间。"],
      en: ['error H22 "建档立卡户脱贫、一般户困难脱困": the score 10 is outside the 0–6 allowed (qualitative tier).'],
    });
  });
});

describe("indicator-score's calculation steps", () => {
  test("reverse: the ratio is the target (A) over the actual (B), each with its cell", async () => {
    const [f] = findings(check(await form4({ F22: "30万元", I22: "超支" })), "indicator-score");
    expect(f.steps).toEqual([
      { result: 4, op: "×", terms: [{ value: 5, cell: "G22" }, { value: 0.8, format: "percent" }] },
      { result: 0.8, resultFormat: "percent", op: "÷", terms: [{ value: 24, cell: "E22" }, { value: 30, cell: "F22" }] },
    ]);
  });

  test("positive: the ratio is the actual (B) over the target (A)", async () => {
    // 现场节能诊断服务企业数 ≥25家 with 20家 done: 20 ÷ 25 × 5 = 4, written 5
    const [f] = findings(check(await form4({ F14: "20家", I14: "企业停产" })), "indicator-score");
    expect(f.steps).toEqual([
      { result: 4, op: "×", terms: [{ value: 5, cell: "G14" }, { value: 0.8, format: "percent" }] },
      { result: 0.8, resultFormat: "percent", op: "÷", terms: [{ value: 20, cell: "F14" }, { value: 25, cell: "E14" }] },
    ]);
  });
});
