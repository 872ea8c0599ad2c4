#!/usr/bin/env node
"use strict";
const { tangxi2022 } = require("./sources/chizhou-tangxi-2022");
const { zhongjiang2022 } = require("./sources/zhongjiang-2022");
/**
 * Issue 30: forms of more provinces (RULES.md §6), each laid out from a published form (source in
 * test/fixtures/README.md, "Provinces"). Writes test/fixtures/provinces/*.xlsx, deterministically (checked byte for
 * byte by test/fixtures.test.ts). Run: node scripts/make-province-fixtures.js
 */
const path = require("path");
const fs = require("fs");
const L = require("./layouts");
const { layout: hubei2020, waterMonitoring } = require("./families/hubei-2020");

const root = path.resolve(__dirname, "..");

/** A fixture workbook of these plans under the repository (or SELFEVAL_FIXTURE_ROOT), byte for byte the same each run. */
const save = (file, plans) => L.saveFixture(root, file, plans);

/** Puts a row of values from column c0 on; "" leaves a cell blank. Returns the next row. */
function row(plan, r, c0, values) {
  values.forEach((v, i) => L.put(plan, r, c0 + i, v));
  return r + 1;
}

/** 一级/二级 labels merged down their groups. */
function groups(plan, rows, first, col, key) {
  let start = -1;
  const close = (end) => start >= 0 && L.merge(plan, first + start, col, first + end, col);
  rows.forEach((ind, i) => {
    if (ind[key]) {
      close(i - 1);
      start = i;
      L.put(plan, first + i, col, ind[key]);
    }
  });
  close(rows.length - 1);
}

/**
 * The central layout (财预〔2020〕10号 附件1) as the provinces print it, A–I: `f` = { above: [lines above the title],
 * title, year, header: [rows of cells under the year line, e.g. [["自评得分：92分"]]], name, dept, unit, fundsLabel, fundsHeader (the six
 * header words after the label), funds: [[label, initial, annual, executed, weight, rate, score]], goals: [planned, done],
 * indicators: [{ l1, l2, name, target, actual, weight, score, cause }], total: [weight, score] (none: no 总分 row) }.
 */
function central(plan, f) {
  let r = 0;
  for (const line of f.above ?? []) r = row(plan, r, 0, [line]);
  L.put(plan, r, 0, f.title);
  L.merge(plan, r, 0, r, 8);
  r++;
  L.put(plan, r, 0, `（${f.year}年度）`);
  L.merge(plan, r, 0, r, 8);
  r++;
  for (const line of f.header ?? []) {
    r = row(plan, r, 0, line);
    if (line.length === 1) L.merge(plan, r - 1, 0, r - 1, 8);
  }
  r = row(plan, r, 0, ["项目名称", f.name]);
  L.merge(plan, r - 1, 1, r - 1, 8);
  r = row(plan, r, 0, ["主管部门", f.dept, "", "", "", "实施单位", f.unit]);
  L.merge(plan, r - 1, 1, r - 1, 4);
  L.merge(plan, r - 1, 6, r - 1, 8);
  const fundsTop = r;
  r = row(plan, r, 0, [f.fundsLabel ?? "项目资金（万元）", "", "", ...(f.fundsHeader ?? ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"])]);
  L.merge(plan, r - 1, 1, r - 1, 2);
  for (const [label, ...values] of f.funds) {
    r = row(plan, r, 1, [label, "", ...values]);
    L.merge(plan, r - 1, 1, r - 1, 2);
  }
  L.merge(plan, fundsTop, 0, r - 1, 0);
  r = row(plan, r, 0, [f.goalsLabel ?? "年度总体目标", "预期目标", "", "", "", "实际完成情况"]);
  L.merge(plan, r - 1, 0, r, 0);
  L.merge(plan, r - 1, 1, r - 1, 4);
  L.merge(plan, r - 1, 5, r - 1, 8);
  r = row(plan, r, 1, [f.goals[0], "", "", "", f.goals[1]]);
  L.merge(plan, r - 1, 1, r - 1, 4);
  L.merge(plan, r - 1, 5, r - 1, 8);
  const indTop = r;
  r = row(plan, r, 0, [f.indicatorsLabel ?? "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]);
  const first = r;
  for (const i of f.indicators) r = row(plan, r, 3, [i.name, i.target, i.actual, i.weight, i.score, i.cause ?? ""]);
  groups(plan, f.indicators, first, 1, "l1");
  groups(plan, f.indicators, first, 2, "l2");
  L.merge(plan, indTop, 0, r - 1, 0);
  if (!f.total) return r; // no 总分 row: the total is in the header (f.header) or the form is cut short
  r = row(plan, r, 0, ["总分", "", "", "", "", "", ...f.total]);
  L.merge(plan, r - 1, 0, r - 1, 5);
  return r;
}

/**
 * The central layout of Anhui 池州 (section 2) with a 乡村道路养护 form that adds up (weights 100, Σ 99): the base of
 * the §6 variants (section 5) and of the header totals (section 9). `total` is the 总分 row's [分值, 得分] (null: none).
 * A fresh copy each call.
 */
function roadUpkeepForm(total) {
  return {
    title: "项目支出绩效自评表",
    year: 2022,
    name: "乡村道路养护项目",
    dept: "某镇人民政府",
    unit: "某镇人民政府",
    funds: L.fundsBlock("年度资金总额：", "其中：本年财政拨款", [100, 100, 90, 10, "90%", 9]),
    goals: ["完成乡村道路日常养护。", "全年养护道路30公里。"],
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "养护道路里程", target: "≥30公里", actual: "30公里", weight: 20, score: 20 },
      { l2: "质量指标", name: "养护验收合格率", target: "≥95%", actual: "98%", weight: 15, score: 15 },
      { l2: "时效指标", name: "养护完成时间", target: "2022年11月30日前", actual: "2022年11月20日", weight: 15, score: 15 },
      { l1: "效益指标", l2: "社会效益指标", name: "群众出行条件改善", target: "明显改善", actual: "明显改善", weight: 30, score: 30 },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "沿线群众满意度", target: "≥90%", actual: "93%", weight: 10, score: 10 },
    ],
    total,
  };
}

/**
 * family-d-hubei-2020's clean 两个目标 (families/hubei-2020.js waterMonitoring) as the province fixtures lay it out (section 4, and section 8 with sub-items):
 * 20 + 40 + 40, the unmet 公告 row explained in the form-level cause. A fresh copy each call.
 */
function hubeiWaterForm() {
  const family = waterMonitoring();
  return {
    ...family,
    unit: "某市水利和湖泊局",
    budget: [120, 120, 20],
    blocks: [
      {
        label: "年度绩效目标1（40分）",
        rows: [
          { l1: "产出指标", l2: "数量指标", name: "监测站点数", target: "≥12个", actual: "12个", score: 20 },
          { l2: "时效指标", name: "发布水土流失公告", target: "4次", actual: "3次", score: 7.5 },
          { l1: "效益指标", l2: "社会效益指标", name: "水土流失治理决策支撑", target: "有效支撑", actual: "有效支撑", score: 10 },
        ],
      },
      family.blocks[1], // 年度绩效目标2（40分）, the total 97.5, the cause and remedy: the family's
    ],
  };
}

/**
 * Hubei 2020 with the block label where the published forms put it: in column A of the block's own header row, merged
 * down over the block's rows (`年度绩效目标1（40分） | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分`),
 * so the table runs A–G. Same data shape as scripts/families/hubei-2020.js layout.
 */
function hubeiLabelInHeader(plan, form) {
  let r = 0;
  L.put(plan, r, 0, `${form.year}年度${form.name}项目绩效自评表`);
  L.merge(plan, r, 0, r, 6);
  r++;
  if (form.headerTotal) {
    // the total in the header line (湖北工程学院's published form: 填报日期： 总分： 分), no 总分 row
    r = row(plan, r, 0, [`单位名称：${form.unit}`, "", "", `填报日期：${form.date}`, "", `总分：${form.total}分`]);
    L.merge(plan, r - 1, 0, r - 1, 2);
    L.merge(plan, r - 1, 3, r - 1, 4);
    L.merge(plan, r - 1, 5, r - 1, 6);
  } else {
    r = row(plan, r, 0, [`单位名称：${form.unit}`, "", "", "", `填报日期：${form.date}`]);
    L.merge(plan, r - 1, 0, r - 1, 3);
    L.merge(plan, r - 1, 4, r - 1, 6);
  }
  for (const [label, value] of [
    ["项目名称", form.name],
    ["主管部门", form.dept],
    ["项目实施单位", form.unit],
    ["项目类别", "1、上级专项 □  2、本级专项 ☑"],
    ["项目属性", "1、持续性项目 ☑  2、新增性项目 □"],
    ["项目类型", "1、常年性项目 ☑  2、延续性项目 □  3、一次性项目 □"],
  ]) {
    r = row(plan, r, 0, [label, "", value]);
    L.merge(plan, r - 1, 0, r - 1, 1);
    L.merge(plan, r - 1, 2, r - 1, 6);
  }
  r = row(plan, r, 0, ["预算执行情况（万元）（20分）", "", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"]);
  L.merge(plan, r - 1, 0, r - 1, 2);
  const [A, B, score] = form.budget;
  L.put(plan, r, 0, "年度财政资金总额");
  L.merge(plan, r, 0, r, 2);
  L.put(plan, r, 3, A);
  L.put(plan, r, 4, B);
  L.put(plan, r, 5, B / A, { numFmt: "0%" });
  L.put(plan, r, 6, score);
  r++;
  for (const block of form.blocks) {
    const top = r;
    r = row(plan, r, 0, [block.label, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]);
    const first = r;
    for (const ind of block.rows) r = row(plan, r, 3, [ind.name, ind.target, ind.actual, ind.score]);
    groups(plan, block.rows, first, 1, "l1");
    groups(plan, block.rows, first, 2, "l2");
    L.merge(plan, top, 0, r - 1, 0);
  }
  if (!form.headerTotal) {
    r = row(plan, r, 0, ["总分", "", "", "", "", "", form.total]);
    L.merge(plan, r - 1, 0, r - 1, 5);
  }
  for (const [label, text] of [
    ["偏差大或目标未完成原因分析", form.cause ?? ""],
    ["改进措施及结果应用方案", form.remedy ?? ""],
  ]) {
    r = row(plan, r, 0, [label, "", text]);
    L.merge(plan, r - 1, 0, r - 1, 1);
    L.merge(plan, r - 1, 2, r - 1, 6);
  }
  L.put(plan, r, 0, "备注：1.预算执行情况口径：预算数为调整后财政资金预算数，执行数为财政资金实际支出数；2.产出、效益指标：正向指标得分=B/A×该指标分值，反向指标得分=A/B×该指标分值；定性指标分达成、部分达成、未达成三档，分别按该指标分值的100%-80%、80%-50%、50%-0%计分。");
  L.merge(plan, r, 0, r, 6);
  return r + 1;
}

/**
 * 银川市本级部门项目支出绩效自评表 (2021, 初中公用经费, 银川市第六中学), A–H, as laid out for fixture 6 (see there); with
 * `withTotalRow` false the form ends after its last indicator row, as the published text does: its total is 自评得分 in
 * the header.
 */
function yinchuan(p, withTotalRow) {
  let r = 0;
  L.put(p, r, 0, "银川市本级部门项目支出绩效自评表");
  L.merge(p, r, 0, r, 7);
  r++;
  L.put(p, r, 0, "（2021年）");
  L.merge(p, r, 0, r, 7);
  r++;
  r = row(p, r, 0, ["项目名称", "初中公用经费", "", "", "", "自评得分", 94]);
  L.merge(p, r - 1, 1, r - 1, 4);
  r = row(p, r, 0, ["主管部门", "银川市教育局", "", "", "", "财政审核评分", ""]);
  L.merge(p, r - 1, 1, r - 1, 4);
  r = row(p, r, 0, ["实施单位", "银川市第六中学"]);
  L.merge(p, r - 1, 1, r - 1, 7);
  r = row(p, r, 0, ["项目资金（万元）", "", "年初预算数", "调整预算数（A）", "全年执行数（B）", "执行率（B/A）"]);
  L.merge(p, r - 2 + 1, 0, r, 0);
  r = row(p, r, 1, ["年度资金总额", 64.8, 64.8, 64.8, "100%"]);
  r = row(p, r, 0, ["年度总体目标", "年初设定目标", "", "", "", "年度总体目标完成情况"]);
  L.merge(p, r - 1, 0, r, 0);
  L.merge(p, r - 1, 1, r - 1, 4);
  L.merge(p, r - 1, 5, r - 1, 7);
  r = row(p, r, 1, ["保障学校正常工作运行", "", "", "", "保障了学校正常工作运行"]);
  L.merge(p, r - 1, 1, r - 1, 4);
  L.merge(p, r - 1, 5, r - 1, 7);
  r = row(p, r, 0, ["一级指标", "二级指标", "三级指标", "分值", "指标值（A）", "全年实际值（B）", "得分", "未完成原因分析及改进措施"]);
  const rows = [
    { l1: "项目决策（10分）", l2: "项目目标", v: ["完整性", 4, "—", "目标明确、内容细化、目标量化", 4] },
    { l2: "项目立项", v: ["相关性", 2, "—", "按照学校管理标准对学校进行管理", 2] },
    { v: ["可行性", 2, "—", "实际工作需求", 2] },
    { v: ["适当性", 2, "—", "有资金测算标准", 2] },
    { l1: "项目管理（25分）", l2: "投入管理", v: ["预算执行率", 10, "—", "100%", 9] },
    { l2: "财务管理", v: ["财务管理制度有效性", 7, "—", "财务制度健全，严格执行制度，会计核算规范", 7] },
    { l2: "项目实施", v: ["绩效监控有效性", 2, "—", "持续有效", 2] },
    { v: ["管理制度有效性", 6, "—", "严格执行相关管理制度", 6] },
    { l1: "项目产出（30分）", l2: "数量指标（10分）", v: ["保障人数", 10, "2370人", "2370人", 10] },
    { v: ["指标2："] },
    { l2: "质量指标（5分）", v: ["公用经费标准", 5, "符合相关文件要求", "符合相关文件要求", 5] },
    { v: ["指标2："] },
    { l2: "时效指标（5分）", v: ["公用经费完成时间", 5, "2021年12月完成", "2021年12月完成", 4] },
    { v: ["指标2："] },
    { l2: "成本指标（10分）", v: ["办公所需成本", 4, "15万元", "15万元", 4] },
    { v: ["维修（维护）所需成本", 3, "35万元", "35万元", 3] },
    { v: ["绿化、水电费等成本", 3, "14.8万元", "14.8万元", 3] },
    { l1: "项目效益（35分）", l2: "经济效益指标", v: ["指标1："] },
    { v: ["指标2："] },
    { l2: "社会效益指标", v: ["改善学校的办学条件", 15, "效果显著", "改善学校的办学条件", 13] },
    { l2: "生态效益指标", v: ["指标1："] },
    { v: ["指标2："] },
    { l2: "可持续影响指标", v: ["社会认可的办学环境", 10, "使学生和老师有个更好的学习和工作环境", "社会认可的办学环境", 8] },
    { v: ["指标2："] },
    { l2: "服务对象满意度指标（10分）", v: ["学生和老师满意度", 10, "≥90%", "95%", 10] },
  ];
  const first = r;
  for (const x of rows) r = row(p, r, 2, x.v);
  groups(p, rows, first, 0, "l1");
  groups(p, rows, first, 1, "l2");
  if (!withTotalRow) return r;
  r = row(p, r, 0, ["总分", "", "", 100, "", "", 94]);
  L.merge(p, r - 1, 0, r - 1, 2);
  return r;
}

async function main() {
  const out = [];
  // 1. Shanghai, 普陀区体育事业管理中心 2022: 财政项目支出绩效自评表, money in 元 written with thousands separators,
  //    执行率 86.19% written where 215,457.6 ÷ 250,000 = 86.183% (one unit in the last place: rounding), score 8.62.
  {
    const p = L.newPlan("普陀体育中心");
    central(p, {
      title: "财政项目支出绩效自评表",
      year: 2022,
      name: "普陀体育中心与委托运营方结算费用",
      dept: "上海市普陀区体育局",
      unit: "上海市普陀区体育事业管理中心",
      fundsLabel: "项目资金（元）",
      funds: [
        ["年度资金总额", "250,000.00", "250,000.00", "215,457.6", 10, "86.19%", 8.62],
        ["其中：当年财政拨款", "250,000.00", "250,000.00", "215,457.6", "—", "", "—"],
        ["上年结转资金", 0, 0, 0, "—", "", "—"],
        ["其他资金", 0, 0, 0, "—", "", "—"],
      ],
      goals: ["按合同完成普陀体育中心与委托运营方的费用结算。", "已完成普陀体育中心与委托运营方费用结算。"],
      indicators: [
        { l1: "产出指标", l2: "数量指标", name: "与委托运营方结算完成率", target: "=100%", actual: "100%", weight: 10, score: 10 },
        { l2: "质量指标", name: "合同结算条款完成率", target: "=100%", actual: "100%", weight: 20, score: 20 },
        { l2: "时效指标", name: "费用结算及时性", target: "及时", actual: "及时", weight: 20, score: 20 },
        { l1: "效益指标", l2: "社会效益指标", name: "与委托运营方合同完成率", target: "=100%", actual: "100%", weight: 30, score: 30 },
        { l1: "满意度指标", l2: "服务对象满意度指标", name: "场馆开放满意度", target: ">=90%", actual: "100%", weight: 10, score: 10 },
      ],
      total: [100, 98.62],
    });
    out.push(await save("test/fixtures/provinces/shanghai-putuo-2022.xlsx", [p]));
  }
  // 2. Compound units inside the value (the issue's `<=5300元/户`, `>=570元/人*月`), in the central layout as Anhui
  //    池州市贵池区棠溪镇 2022 prints it (附件: above the title, 一级 labels with weights, `≥100百分比`).
  {
    const p = L.newPlan("补助资金");
    central(p, {
      above: ["附件："],
      title: "项目支出绩效自评表",
      year: 2022,
      name: "困难群众基本生活救助补助资金",
      dept: "219-池州市贵池区棠溪镇人民政府",
      unit: "219001-池州市贵池区棠溪镇人民政府",
      funds: L.fundsBlock("年度资金总额：", "其中：本年财政拨款", [120, 120, 120, 10, "100%", 10]),
      goals: ["按标准发放城乡低保、特困供养补助。", "全年按月足额发放。"],
      indicators: [
        { l1: "产出指标（50分）", l2: "数量指标", name: "救助人次", target: "≥1200人次/年", actual: "1260人次/年", weight: 10, score: 10 },
        { l2: "质量指标", name: "补助资金发放准确率", target: "≥100百分比", actual: "100", weight: 10, score: 10 },
        { l2: "成本指标", name: "户均救助支出", target: "<=5300元/户", actual: "5830", weight: 10, score: 10 },
        { name: "城市低保保障标准", target: ">=570元/人*月", actual: "758元/人*月", weight: 10, score: 10 },
        { name: "特困人员基本生活标准", target: "≥740元/人·月", actual: "740元/人·月", weight: 10, score: 10 },
        { l1: "效益指标（30分）", l2: "社会效益指标", name: "困难群众基本生活保障", target: "有效保障", actual: "有效保障", weight: 30, score: 30 },
        { l1: "满意度指标（10分）", l2: "满意度指标", name: "救助对象满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
      ],
      total: [100, 100],
    });
    out.push(await save("test/fixtures/provinces/compound-units.xlsx", [p]));
  }
  // 3. Chongqing 2021 (西部（重庆）科学城融媒体中心): the department-overall form titled 部门整体绩效自评表, without 支出.
  {
    const p = L.newPlan("部门整体");
    let r = 0;
    L.put(p, r, 0, "部门整体绩效自评表");
    L.merge(p, r, 0, r, 9);
    r++;
    r = row(p, r, 0, ["主管部门", "西部（重庆）科学城融媒体中心", "", "", "财政处室", "", "", "自评总分（分）", 97.6]);
    r = row(p, r, 0, ["部门联系人", "", "", "", "联系电话"]);
    r = row(p, r, 0, ["部门预算执行情况（万元）", "年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重", "执行率得分（分）"]);
    r = row(p, r, 0, ["", 1000, 1000, 760, "76%", 10, 7.6]);
    r = row(p, r, 0, ["当年绩效目标", "年初绩效目标", "", "全年（调整）绩效目标", "", "全年目标实际完成情况"]);
    r = row(p, r, 0, ["", "保障融媒体中心正常运转，有效承担新闻宣传管理等工作。", "", "无", "", "较好地完成了履职任务。"]);
    r = row(p, r, 0, ["绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数（%）", "指标权重（分）", "指标得分（分）", "是否核心指标"]);
    for (const v of [
      ["财政供养人员控制率", "%", "定量指标", "100%", "", "92%", "100%", 2, 2, "否"],
      ["预算完成率", "%", "定量指标", "70%", "", "76%", "100%", 2, 2, "是"],
      ["播发稿件数量", "篇", "定量指标", "2200篇", "", "2859篇", "100%", 10, 10, "是"],
    ]) r = row(p, r, 1, v);
    out.push(await save("test/fixtures/provinces/chongqing-department-2021.xlsx", [p]));
  }
  // 4. Hubei 2020 with the block label in column A of its header row, merged down (the published layout): the same
  //    forms as family-d-hubei-2020's 两个目标 (clean) and 三个目标 (planted).
  {
    const two = hubeiWaterForm();
    const a = L.newPlan("两个目标");
    hubeiLabelInHeader(a, two);
    // the label on a row of its own (family D as our fixture has it), tick boxes as a Wingdings export writes them
    // (`R` ☑, `£` ☐) and as `√` / `■ □`: header choices, not content
    const b = L.newPlan("符号字体勾选");
    hubei2020(b, two, 0, 0);
    const ticks = { "项目类别": "1、上级专项 £  2、本级专项 R", "项目属性": "1、持续性项目 √  2、新增性项目 □", "项目类型": "1、常年性项目 ■  2、延续性项目 □  3、一次性项目 □" };
    for (const cell of b.cells) {
      const label = b.cells.find((x) => x.r === cell.r && x.c === 0)?.v;
      if (cell.c === 2 && ticks[label]) cell.v = ticks[label];
    }
    // the total where 湖北工程学院's published form writes it: `总分：97.5分` in the header line, no 总分 row (phase 2)
    const c = L.newPlan("表头总分");
    hubeiLabelInHeader(c, { ...two, headerTotal: true });
    out.push(await save("test/fixtures/provinces/hubei-label-in-header.xlsx", [a, b, c]));
  }
  // 5. §6 variants on the central layout of 2 (Anhui 池州): no published example of these was found in the search corpus,
  //    so they are laid out as RULES.md §6 describes them, one sheet each.
  {
    const base = () => roadUpkeepForm([100, 99]);
    // 其中 rows that repeat 分值 / 执行率 / 得分 of the total row: breakdown rows, no second budget score
    const a = L.newPlan("其中行重复得分");
    const fa = base();
    fa.funds[1] = ["其中：本年财政拨款", 100, 100, 90, 10, "90%", 9];
    central(a, fa);
    // a funds block with only 年初预算数 (no 全年/调整后预算数): the budget section cannot be checked (say so)
    const b = L.newPlan("仅年初预算数");
    const fb = base();
    fb.fundsHeader = ["年初预算数（A）", "", "全年执行数", "分值", "执行率", "得分"];
    fb.funds = fb.funds.map(([label, initial, , executed, ...rest]) => [label, initial, "", executed, ...rest]);
    central(b, fb);
    // numbered sub-items under a 三级 row: the parent holds the score, its sub-items split it
    const c = L.newPlan("分项编号");
    const fc = base();
    fc.indicators.splice(1, 0,
      { name: "1.村道养护里程", target: "≥20公里", actual: "20公里", weight: "", score: "" },
      { name: "2.组道养护里程", target: "≥10公里", actual: "10公里", weight: "", score: "" },
    );
    central(c, fc);
    // a budget 分值 other than the family's: 100 written in the funds row (judged as written; weights then add to 190)
    const d = L.newPlan("预算分值100");
    const fd = base();
    fd.funds[0] = ["年度资金总额：", 100, 100, 90, 100, "90%", 90];
    fd.total = [190, 180];
    central(d, fd);
    // numbered sub-items the other way: the parent row a heading with no 分值/得分, its sub-items scored
    const e = L.newPlan("分项编号（父项无分）");
    const fe = base();
    Object.assign(fe.indicators[0], { target: "≥30公里", actual: "30公里", weight: "", score: "" });
    fe.indicators.splice(1, 0,
      { name: "1.村道养护里程", target: "≥20公里", actual: "20公里", weight: 12, score: 12 },
      { name: "2.组道养护里程", target: "≥10公里", actual: "10公里", weight: 8, score: 8 },
    );
    central(e, fe);
    // numbered sub-items that hold weights and scores of their own under a parent that holds them too: 20 = 12 + 8
    // (issue 30 phase 2: counted once — before, weights 120 and Σ 119)
    const g = L.newPlan("分项编号（均有分）");
    const fg = base();
    fg.indicators.splice(1, 0,
      { name: "1.村道养护里程", target: "≥20公里", actual: "20公里", weight: 12, score: 12 },
      { name: "2.组道养护里程", target: "≥10公里", actual: "10公里", weight: 8, score: 8 },
    );
    central(g, fg);
    // the 年度资金总额 row at 0 with nothing in its 其中 rows (池州 2022's total row, without the money below it):
    // nothing to divide by — the budget section is named as not checked, no grade, 未校验 (issue 30 phase 2)
    const h = L.newPlan("总额行为零");
    const fh = base();
    fh.funds = [
      ["年度资金总额：", 0, 0, 0, 10, 0, 0],
      ["其中：本年财政拨款", "", "", "", "", "", ""],
      ["上年结转资金", "", "", "", "", "", ""],
      ["其他资金", "", "", "", "", "", ""],
    ];
    fh.total = [100, 90];
    central(h, fh);
    out.push(await save("test/fixtures/provinces/central-variants.xlsx", [a, b, c, d, e, g, h]));
  }
  // 6. Ningxia, 银川市本级部门项目支出绩效自评表 (2021, 初中公用经费, 银川市第六中学): the evaluation frame 项目决策 / 项目管理 /
  //    项目产出 / 项目效益 (10/25/30/35 in the labels) used as the self-evaluation form, the funds block without 分值/得分,
  //    预算执行率 scored as an indicator row, weights inside the 二级 labels (`数量指标（10分）`), targets `—`, template
  //    rows `指标2：`, 自评得分 and a blank 财政审核评分 in the header. The source text stops inside the 满意度 group: its row
  //    (10 points, 10) and the 总分 row are completed here, and 自评得分 is set to the Σ of the scores laid out (94; 98 as
  //    published, whose last rows are not in the source).
  {
    const p = L.newPlan("初中公用经费");
    yinchuan(p, true);
    out.push(await save("test/fixtures/provinces/ningxia-yinchuan-2021.xlsx", [p]));
  }
  // 7. Anhui, 池州市贵池区棠溪镇人民政府 2022 委托业务项目, as published: the 年度资金总额 row left at 0 (0 / 0 / 0, 分值 10,
  //    执行率 0, 得分 0) while its 其中 row carries the money (90 / 89.974 / 89.974). The source text stops inside the
  //    满意度 group: its row (公众满意度, ≥90%, 95%, 10 of 10) and the 总分 row (100, 90 = Σ as written) are completed here.
  {
    const p = L.newPlan("委托业务项目");
    central(p, {
      above: ["附件："],
      title: "项目支出绩效自评表",
      ...tangxi2022(),
      total: [100, 90],
    });
    out.push(await save("test/fixtures/provinces/anhui-chizhou-2022.xlsx", [p]));
  }
  // 8. Hubei 2020, numbered sub-items that carry scores under a scored parent (issue 30 phase 2): 监测站点数 (20) split
  //    into 1.省级监测站点 (8) and 2.县级监测站点 (12), in both block-label layouts. Data: family-d-hubei-2020's clean
  //    两个目标 (20 + 40 + 40). No published Hubei form with scored sub-items was found in the search corpus; laid out
  //    as RULES.md §6 describes them. Before: the block's scores read 57.5 > 40 (error) and the unmet 公告 row's weight
  //    remainder 0 (7.5 > 0).
  {
    const form = hubeiWaterForm();
    // 监测站点数 (20) split into its two scored sub-items, right below it
    form.blocks[0].rows.splice(1, 0, { name: "1.省级监测站点", target: "≥4个", actual: "4个", score: 8 }, { name: "2.县级监测站点", target: "≥8个", actual: "8个", score: 12 });
    const a = L.newPlan("分项有分（标签在表头）");
    hubeiLabelInHeader(a, form);
    const b = L.newPlan("分项有分（标签单列）");
    hubei2020(b, form, 0, 0);
    out.push(await save("test/fixtures/provinces/hubei-sub-items.xlsx", [a, b]));
  }
  // 9. The total written in the header (RULES.md §6; issue 30 phase 2). (a) 银川市本级 2021 as the published text
  //    has it: 自评得分 94 beside the project's name and no 总分 row (fixture 6 without the row it completes). (b) the
  //    central layout of 5 with a title line `自评得分：99分` in one cell and no 总分 row. (c) the same with `自评总分 | 95`
  //    in two cells where the scores add up to 99 → error total-score on the 95.
  {
    const a = L.newPlan("银川（表头自评得分）");
    yinchuan(a, false);
    const base = () => roadUpkeepForm(null);
    const b = L.newPlan("标题行自评得分");
    central(b, { ...base(), header: [["自评得分：99分"]] });
    const c = L.newPlan("表头自评总分");
    central(c, { ...base(), header: [["", "", "", "", "", "", "自评总分", 95]] });
    // (d) the total in the header and in the 总分 row, disagreeing: 自评得分 98 above, 总分 99 (= Σ) below; laid out as
    //     RULES §6 describes (the header's 自评得分 of 银川's form, with a 总分 row)
    const d = L.newPlan("表头与总分行不一致");
    central(d, { ...base(), header: [["", "", "", "", "", "", "自评得分", 98]], total: [100, 99] });
    out.push(await save("test/fixtures/provinces/header-total.xlsx", [a, b, c, d]));
  }
  // 10. The transfer-payment form (转移支付绩效目标自评表): no 分值/得分 in the funds block or the indicator table, no 总分 —
  //     another kind of form, recognised by its title and reported as not checked (one info unsupported-form
  //     transfer-form, no figures, no grade), never "no form found" and never a project form missing its weights.
  //     (a) Guangxi 2021, 广西壮族自治区文化和旅游厅, 中央非物质文化遗产保护资金转移支付绩效目标自评表 (published in the
  //     厅's 2021 绩效自评 report; text at https://www.chacewang.com/newsdetail/news243090.html): as published down to the
  //     总体目标 row, where the source text stops. (b) 休宁县转移支付区域(项目)绩效目标自评表 (2023, 休宁县文物局, Anhui; text at
  //     https://m.bidcenter.com.cn/news-1-290573675.html): as published down to the 时效指标 rows (the 成本指标 row is cut
  //     off in the source).
  {
    const transfer = (plan, f) => {
      let r = 0;
      L.put(plan, r, 0, f.title);
      L.merge(plan, r, 0, r, 6);
      r++;
      L.put(plan, r, 0, `（${f.year}年度）`);
      L.merge(plan, r, 0, r, 6);
      r++;
      r = row(plan, r, 0, ["转移支付（项目）名称", f.name]);
      L.merge(plan, r - 1, 1, r - 1, 6);
      r = row(plan, r, 0, ["中央主管部门", f.central]);
      L.merge(plan, r - 1, 1, r - 1, 6);
      r = row(plan, r, 0, ["地方主管部门", f.local, "", "资金使用单位", f.user]);
      L.merge(plan, r - 1, 1, r - 1, 2);
      L.merge(plan, r - 1, 4, r - 1, 6);
      const fundsTop = r;
      r = row(plan, r, 0, ["资金情况（万元）", "", "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A）"]);
      for (const v of f.funds) r = row(plan, r, 1, v);
      L.merge(plan, fundsTop, 0, r - 1, 0);
      r = row(plan, r, 0, ["总体目标完成情况", "总体目标", "", "", "全年实际完成情况"]);
      L.merge(plan, r - 1, 1, r - 1, 3);
      L.merge(plan, r - 1, 4, r - 1, 6);
      if (!f.goals) return r;
      r = row(plan, r, 1, [f.goals[0], "", "", f.goals[1]]);
      L.merge(plan, r - 1, 1, r - 1, 3);
      L.merge(plan, r - 1, 4, r - 1, 6);
      const indTop = r;
      r = row(plan, r, 0, ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"]);
      const first = r;
      for (const i of f.indicators) r = row(plan, r, 3, [i.name, i.target, i.actual, i.cause]);
      groups(plan, f.indicators, first, 1, "l1");
      groups(plan, f.indicators, first, 2, "l2");
      L.merge(plan, indTop, 0, r - 1, 0);
      return r;
    };
    const a = L.newPlan("非遗保护资金（广西）");
    transfer(a, {
      title: "中央非物质文化遗产保护资金转移支付绩效目标自评表",
      year: 2021,
      name: "非物质文化遗产保护资金",
      central: "文化和旅游部",
      local: "",
      user: "",
      funds: [
        ["年度资金总额：", 2118, 2118, "100%"],
        ["其中：中央财政资金", 2118, 2118, "100%"],
        ["地方资金", "", "", ""],
        ["其他资金", "", "", ""],
      ],
    });
    const b = L.newPlan("陈列布展（休宁）");
    const late = "展陈方案需通过省委宣传部审核，待展陈方案通过省委宣传部审核后，将尽快实施。";
    transfer(b, {
      title: "休宁县转移支付区域（项目）绩效目标自评表",
      year: 2023,
      name: "休宁县中共皖浙赣省委驻地旧址陈列布展项目",
      central: "国家文物局",
      local: "休宁县文化旅游体育局",
      user: "休宁县文物局",
      funds: [
        ["年度资金总额：", 127, 27.9996, "22%"],
        ["其中：中央财政资金", 127, 27.9996, "22%"],
        ["地方资金", 0, 0, 0],
        ["其他资金", 0, 0, 0],
      ],
      goals: [
        "对中共皖浙赣省委驻地旧址进行陈列布展，完成布展面积300平方米，传承弘扬红色文化、发挥红色文化功能作用。",
        "因该项目为革命文物展陈，展陈方案需通过省委宣传部审核，导致该项目施工较慢。待展陈方案通过省委宣传部审核后，将尽快实施。",
      ],
      indicators: [
        { l1: "产出指标", l2: "数量指标", name: "布展面积", target: "300㎡", actual: "0", cause: late },
        { l2: "质量指标", name: "指标1：工程实施总体质量", target: "一次性通过省文物局验收", actual: "一次性", cause: "未完成展陈建设" },
        { name: "指标2：安全事故发生率", target: "<=0%", actual: "<=0%", cause: "——" },
        { l2: "时效指标", name: "指标1：招投标程序需要的时间（不含多次流标情况）", target: "1个月", actual: "1个月", cause: "——" },
        { name: "指标2：项目完成周期周期", target: "4个月", actual: "4个月", cause: late },
      ],
    });
    out.push(await save("test/fixtures/provinces/transfer-payment.xlsx", [a, b]));
  }
  // 11. Gansu 2023, 嘉峪关市文化和旅游局 省级部门预算项目支出绩效目标表 (text at http://bigxun.com/view/1667741699571552258):
  //     a target-setting table (目标表: 指标目标值 only, no actual, no score), not a self-evaluation — no form is found
  //     in it, and nothing is checked as one. As published (its first project, 博物馆纪念馆市级免费开放补助资金).
  {
    const p = L.newPlan("绩效目标表");
    let r = 0;
    L.put(p, r, 0, "省级部门预算项目支出绩效目标表");
    L.merge(p, r, 0, r, 5);
    r++;
    L.put(p, r, 0, "（2023年度）");
    L.merge(p, r, 0, r, 5);
    r++;
    for (const v of [
      ["一级项目名称", "文化事业发展专项资金", "", "二级项目名称", "博物馆纪念馆市级免费开放补助资金"],
      ["项目类型", "新增项目", "", "项目分类", "专项工作经费"],
      ["资金用途", "业务类项目", "", "主管部门", "嘉峪关市文化和旅游局"],
      ["项目开始日期", "2023-01-01", "", "项目完成日期", "2023-12-31"],
      ["项目总投资", "20万元", "", "中央补助安排", 0],
      ["省级财政安排", 0, "", "其他资金", "20万元"],
      ["预算申报数", "20万元", "", "资金性质", "一般公共预算"],
      ["基本情况", "保障博物馆正常运转"],
      ["项目立项必要性", "保障各项业务正常运行"],
      ["年度绩效目标", "进一步提高博物馆纪念馆运行效率和免费开放服务水平"],
    ]) r = row(p, r, 0, v);
    r = row(p, r, 0, ["一级指标", "二级指标", "三级指标", "指标目标值"]);
    const rows = [
      { l1: "产出指标", l2: "数量指标", v: ["免费开放天数", "=300天"] },
      { l2: "质量指标", v: ["博物馆绩效考核指标完成率", "=100百分比"] },
      { l2: "时效指标", v: ["各项工作完成及时率%", "=99百分比"] },
      { l2: "成本指标", v: ["资金使用效率", "=100百分比"] },
      { l1: "效益指标", l2: "社会效益指标", v: ["免费开放接待观众人数", "=30000人次"] },
      { l1: "满意度指标", l2: "服务对象满意度", v: ["服务对象满意度%", "=99百分比"] },
    ];
    const first = r;
    for (const x of rows) r = row(p, r, 2, x.v);
    groups(p, rows, first, 0, "l1");
    groups(p, rows, first, 1, "l2");
    out.push(await save("test/fixtures/provinces/gansu-jiayuguan-2023-targets.xlsx", [p]));
  }
  // 12. Sichuan 中江县水利局 2022 (衔接资金), 绩效目标自评表 as published (scripts/sources/zhongjiang-2022.js): family C's
  //     columns (资金情况（万元） without 年初预算数, 分值 before 年度指标值, 未完成原因及拟采取的改进措施) under the bare title
  //     `绩效目标自评表` with 项目负责人及电话, a 绩效指标 column merged down, actuals written with their operator (`≥266米`), the
  //     empty 经济效益指标 row and a `……` row. Planted as published: 一级 labels 70 / 20 / 10 — with the budget's 10 the
  //     weights add to 110, the scores to 110, and the 总分 row reads 100 / 100.
  {
    const f = zhongjiang2022();
    const p = L.newPlan("水标尺（原表）");
    let r = 0;
    L.put(p, r, 0, "绩效目标自评表");
    L.merge(p, r, 0, r, 8);
    r++;
    L.put(p, r, 0, `（${f.year}年度）`);
    L.merge(p, r, 0, r, 8);
    r++;
    r = row(p, r, 0, ["项目名称", f.name]);
    L.merge(p, r - 1, 1, r - 1, 8);
    r = row(p, r, 0, ["项目负责人及电话", "（略）"]);
    L.merge(p, r - 1, 1, r - 1, 8);
    r = row(p, r, 0, ["主管部门", f.dept, "", "", "", "实施单位", f.unit]);
    L.merge(p, r - 1, 1, r - 1, 4);
    L.merge(p, r - 1, 6, r - 1, 8);
    const fundsTop = r;
    r = row(p, r, 0, ["资金情况（万元）", "", "", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]);
    L.merge(p, r - 1, 1, r - 1, 2);
    for (const [label, ...v] of f.funds) {
      r = row(p, r, 1, [label, "", ...v]);
      L.merge(p, r - 1, 1, r - 1, 2);
    }
    L.merge(p, fundsTop, 0, r - 1, 0);
    r = row(p, r, 0, ["年度总体目标", "年初设定目标", "", "", "", "年度总体目标完成情况综述"]);
    L.merge(p, r - 1, 0, r, 0);
    L.merge(p, r - 1, 1, r - 1, 4);
    L.merge(p, r - 1, 5, r - 1, 8);
    r = row(p, r, 1, [f.goals[0], "", "", "", f.goals[1]]);
    L.merge(p, r - 1, 1, r - 1, 4);
    L.merge(p, r - 1, 5, r - 1, 8);
    const indTop = r;
    r = row(p, r, 0, ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"]);
    const first = r;
    for (const i of f.indicators) r = row(p, r, 3, [i.name ?? "", i.weight ?? "", i.target ?? "", i.actual ?? "", i.score ?? "", ""]);
    groups(p, f.indicators, first, 1, "l1");
    groups(p, f.indicators, first, 2, "l2");
    L.merge(p, indTop, 0, r - 1, 0);
    r = row(p, r, 0, ["总分", "", "", "", f.total[0], "", "", f.total[1]]);
    L.merge(p, r - 1, 0, r - 1, 3);
    L.put(p, r, 0, f.note);
    L.merge(p, r, 0, r, 8);
    out.push(await save("test/fixtures/provinces/sichuan-zhongjiang-2022.xlsx", [p]));
  }
  // 13. Anhui 天长市水利局 2022 水旱灾害防御经费, 项目支出绩效自评表 as published on 2023-12-05 under the title
  //     「天长市水利局水旱灾害防御股项目支出绩效自评」 (the search corpus's copy of the page carries no address): the
  //     一级 cells read only `（50分）` / `（30分）` (the category's name is not in the published text), `年度总体目标完成情况`
  //     and `年度绩效指标完成情况` as section labels, the 执行率 cell of the total row empty (880 / 880 / 880, 10, —, 10),
  //     `-` in the 其中 rows, template rows `指标2：` / `……` left in, targets written in the name (`年度资金支付完成率100%`)
  //     with empty target and actual cells, `指标1：/` with `/`.
  {
    const p = L.newPlan("水旱灾害防御经费");
    const g = (l2, rows) => rows.map((x, k) => ({ ...(k === 0 ? { l2 } : {}), ...x }));
    const tmpl = [{ name: "指标2：" }, { name: "……" }];
    const ind = [
      ...g("数量指标", [
        { name: "指标1：完成中型灌区节水改造项目数量", target: 1, actual: 1, weight: 10, score: 10 },
        { name: "指标2：完成农业综合水价改革项目", target: 1, actual: 1, weight: 10, score: 10 },
        { name: "……" },
      ]),
      ...g("质量指标", [{ name: "指标1：工程质量合格", weight: 10, score: 10 }, ...tmpl]),
      ...g("时效指标", [{ name: "指标1：年度资金支付完成率100%", weight: 10, score: 10 }, ...tmpl]),
      ...g("成本指标", [{ name: "指标1：资金执行在预算范围内", weight: 10, score: 10 }, ...tmpl]),
      ...g("经济效益指标", [{ name: "指标1：全市安全度汛", weight: 10, score: 10 }, ...tmpl]),
      ...g("社会效益指标", [{ name: "指标1：保护全市人口财产不受损失", weight: 10, score: 10 }, ...tmpl]),
      ...g("生态效益指标", [{ name: "指标1：/", target: "/", actual: "/" }, ...tmpl]),
      ...g("可持续影响指标", [{ name: "指标1：已建工程良性运行", weight: 10, score: 10 }, ...tmpl]),
      ...g("服务对象满意度指标", [{ name: "指标1：服务对象满意度", target: "90%", actual: "100%", weight: 10, score: 10 }, ...tmpl]),
    ];
    ind[0].l1 = "（50分）";
    ind[12].l1 = "（30分）";
    ind[24].l1 = "满意度指标（10分）";
    central(p, {
      title: "项目支出绩效自评表",
      year: 2022,
      name: "水旱灾害防御经费",
      dept: "",
      unit: "天长市水利局",
      funds: [
        ["年度资金总额：", 880, 880, 880, 10, "", 10],
        ["其中：本年财政拨款", 880, 880, 880, "-", "", "-"],
        ["上年结转资金", "", "", "", "-", "", "-"],
        ["其他资金", "", "", "", "-", "", "-"],
      ],
      goalsLabel: "年度总体目标完成情况",
      goals: ["完成年度防汛工作，完成中型灌区节水改造项目和农业综合水价改革项目。", "完成年度目标。"],
      indicatorsLabel: "年度绩效指标完成情况",
      indicators: ind.map((x) => ({ target: "", actual: "", weight: "", score: "", ...x })),
      total: [100, 100],
    });
    out.push(await save("test/fixtures/provinces/anhui-tianchang-2022.xlsx", [p]));
  }
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
