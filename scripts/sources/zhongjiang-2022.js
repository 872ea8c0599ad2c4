"use strict";
/**
 * 中江县水利局 (Sichuan, 德阳), 2022 衔接资金 project 小型水库水标尺制作安装, its 绩效目标自评表 (2022年度) as published with
 * the bureau's notice of 2022-12-30 (text at https://chacewang.com/newsdetail/news242266.html; test/fixtures/README.md
 * names it). One transcription for the fixtures laid out from it. Left out: the 项目负责人及电话 entry (a person's name and
 * phone number). As printed: the 一级 labels carry 70 / 20 / 10 (with the budget's 10: 110), the 总分 row 100 / 100, the
 * empty 经济效益指标 row, a `……` row, actuals written with their operator (`≥266米`).
 */
const published = {
  year: 2022,
  name: "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装",
  dept: "中江县水利局",
  unit: "中江县水利局",
  funds: [
    ["年度资金总额：", 20, 20, 10, "100.00%", 10],
    ["其中：本年财政拨款", 20, 20, "", "", ""],
    ["其他资金", "", "", "", "", ""],
  ],
  goals: [
    "对农村地区供水计量设施设备进行改进，对项目区农业用水计量，为项目区农业生产夯实基础，",
    "对项目区农业用水计量，为项目区农业生产夯实基础，",
  ],
  indicators: [
    { l1: "产出指标（70分）", l2: "数量指标", name: "安装坡面水标尺", weight: 10, target: "≥266米", actual: "≥266米", score: 10 },
    { name: "水标尺宽度", weight: 10, target: "≥50厘米", actual: "≥50厘米", score: 10 },
    { l2: "质量指标", name: "项目（工程）验收合格率", weight: 20, target: "100%", actual: "100%", score: 20 },
    { l2: "时效指标", name: "及时（按期）开工率", weight: 10, target: "≥90%", actual: "≥90%", score: 10 },
    { name: "及时（按期）完工率", weight: 10, target: "≥90%", actual: "≥90%", score: 10 },
    { l2: "成本指标", name: "项目计划总投资", weight: 10, target: "20万元", actual: "20万元", score: 10 },
    { l1: "效益指标（20分）", l2: "经济效益指标" },
    { l2: "社会效益指标", name: "受益脱贫（含监测对象）户人口数", weight: 10, target: "≥1000人", actual: "≥1000人", score: 10 },
    { name: "群众生产生活条件改善状况", weight: 10, target: "显著提升", actual: "显著提升", score: 10 },
    { l1: "满意度指标（10分）", l2: "服务对象满意度指标", name: "受益脱贫（含监测对象）户满意度", weight: 10, target: "≥95%", actual: "≥95%", score: 10 },
    { name: "……" },
  ],
  total: [100, 100],
  note: "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分，各部门根据各项指标重要程度确定三级指标的分值，得分最高不能超过该指标分值上限，分别按照该指标对应分值区间100-80%（含80%）、80-60%（含60%）、60-0%合理确定得分，",
};

/** A fresh copy each time: the scripts change what they plant. */
module.exports = { zhongjiang2022: () => JSON.parse(JSON.stringify(published)) };
