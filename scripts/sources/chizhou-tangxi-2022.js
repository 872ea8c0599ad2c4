"use strict";
/**
 * 池州市贵池区棠溪镇人民政府, 委托业务项目 (2022), as published (the unit's 项目支出绩效自评表, a copy found online:
 * upload_cz id 502364; test/fixtures/README.md names it). One transcription, for every fixture laid out from it: its
 * 年度资金总额 row reads 0 / 0 / 0 under a 其中 row carrying the money; the text stops inside the 满意度 group, whose row
 * (公众满意度 ≥90% / 95%) is completed here; the empty 经济效益指标 row is as printed.
 */
const published = {
  year: 2022,
  name: "委托业务项目",
  dept: "219-池州市贵池区棠溪镇人民政府",
  unit: "219001-池州市贵池区棠溪镇人民政府",
  funds: [
    ["年度资金总额：", 0, 0, 0, 10, 0, 0],
    ["其中：本年财政拨款", 90, 89.974, 89.974, "", "", ""],
    ["上年结转资金", "", "", "", "", "", ""],
    ["其他资金", "", "", "", "", "", ""],
  ],
  goals: [
      "本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；30万元用于基建工程项目设计、规划、测绘。",
      "本项目共完成预算资金89.97万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；29.99万元用于基建工程项目设计、规划、测绘。",
    ],
  indicators: [
      { l1: "产出指标（50分）", l2: "数量指标", name: "基建工程委托业务项目数量", target: "≥50个", actual: "50", weight: 8, score: 8 },
      { l2: "质量指标", name: "委托业务报告合格率", target: "≥100百分比", actual: "100", weight: 8, score: 8 },
      { name: "经费支出合规性", target: "严格执行相关制度规定", actual: "达成预期指标", weight: 8, score: 8 },
      { l2: "时效指标", name: "提交报告及时性", target: "在项目计划完成时间内完成", actual: "达成预期指标", weight: 8, score: 8 },
      { l2: "成本指标", name: "项目总成本", target: "≤90万元", actual: "90", weight: 8, score: 8 },
      { name: "单项业务成本", target: "符合相关规定", actual: "达成预期指标", weight: 10, score: 10 },
      { l1: "效益指标（30分）", l2: "社会效益指标", name: "对维护基建市场公平的影响程度", target: "效果明显", actual: "达成预期指标", weight: 10, score: 10 },
      { l2: "生态效益指标", name: "对控制基建项目成本影响程度", target: "效果明显", actual: "达成预期指标", weight: 10, score: 10 },
      { l2: "可持续影响指标", name: "对推动基建项目“四项制度”健全和落实的持续性影响", target: "效果明显", actual: "达成预期指标", weight: 10, score: 10 },
      { l2: "经济效益指标" },
      { l1: "满意度指标（10分）", l2: "满意度指标", name: "公众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
    ],
};

/** A fresh copy each time: the scripts change what they plant. */
module.exports = { tangxi2022: () => JSON.parse(JSON.stringify(published)) };
