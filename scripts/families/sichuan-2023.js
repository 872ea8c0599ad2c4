/**
 * The fixture of family B, Sichuan 2023 (src/core/families/sichuan-2023): its layout as the published original and its workbooks
 * with what is planted (test/fixtures/README.md). scripts/make-fixtures.js runs every file of this folder.
 */
const L = require("../layouts");
const { put, merge, row, labelGroups, SC_PROMPT } = L;

/**
 * Family B, the Sichuan 2023 provincial export (报表编号:510000_0013zp), laid out as the published forms: the caption
 * 年度预算数（万元） over the row-label column, 调整后预算数, 预算执行数, the template's instruction in 原因, 指标性质 and
 * 度量单位 columns, 合计, then 评价结论 / 存在问题 / 改进措施 / 项目负责人. `opts.noFundsHeader` drops the budget header
 * row (a copy that lost it: the section cannot be read).
 */
function layout(plan, form, r0, c0, opts = {}) {
  const C = (i) => c0 + i;
  let r = r0;
  put(plan, r++, C(0), "报表编号:510000_0013zp");
  put(plan, r, C(0), `部门预算项目支出绩效自评表（${form.year}年度）`);
  merge(plan, r, C(0), r, C(10));
  r++;
  r = row(plan, r, C(0), ["项目名称", form.name]);
  merge(plan, r - 1, C(1), r - 1, C(10));
  r = row(plan, r, C(0), ["主管部门", form.dept, "", "", "", "实施单位（盖章）", "", form.unit]);
  merge(plan, r - 1, C(1), r - 1, C(4));
  merge(plan, r - 1, C(5), r - 1, C(6));
  merge(plan, r - 1, C(7), r - 1, C(10));
  const basic = r;
  r = row(plan, r, C(1), ["1.项目年度目标完成情况", "项目年度目标", "", "", "", "年度目标完成情况"]);
  merge(plan, r - 1, C(2), r - 1, C(5));
  merge(plan, r - 1, C(6), r - 1, C(10));
  r = row(plan, r, C(2), [form.goals[0], "", "", "", form.goals[1] ?? "对照年度目标，说明相关任务目标的完成情况（100字以内）"]);
  merge(plan, r - 2, C(1), r - 1, C(1));
  merge(plan, r - 1, C(2), r - 1, C(5));
  merge(plan, r - 1, C(6), r - 1, C(10));
  r = row(plan, r, C(1), ["2.项目实施内容及过程概述", form.process ?? ""]);
  merge(plan, r - 1, C(2), r - 1, C(10));
  put(plan, basic, C(0), "项目基本情况");
  merge(plan, basic, C(0), r - 1, C(0));
  const fundsTop = r;
  put(plan, r, C(0), "预算执行情况（10分）");
  if (!opts.noFundsHeader) {
    r = row(plan, r, C(1), ["年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]);
    merge(plan, r - 1, C(8), r - 1, C(10));
  }
  const reasonTop = r;
  form.funds.forEach((f, k) => {
    const [label, initial, annual, executed] = f;
    const rate = annual === "" || annual === undefined ? "" : { v: annual > 0 ? executed / annual : 0, numFmt: "0.00%" };
    put(plan, r, C(1), label);
    put(plan, r, C(2), initial, initial === "" ? undefined : { numFmt: "0.00" });
    put(plan, r, C(3), annual, annual === "" ? undefined : { numFmt: "0.00" });
    put(plan, r, C(4), executed, executed === "" ? undefined : { numFmt: "0.00" });
    if (rate) put(plan, r, C(5), rate.v, { numFmt: rate.numFmt });
    if (k === 0) {
      put(plan, r, C(6), 10);
      put(plan, r, C(7), form.budgetScore);
    } else {
      put(plan, r, C(6), "/");
      put(plan, r, C(7), "/");
    }
    r++;
  });
  put(plan, reasonTop, C(8), form.budgetReason ?? SC_PROMPT);
  merge(plan, reasonTop, C(8), r - 1, C(10));
  merge(plan, fundsTop, C(0), r - 1, C(0));
  const indTop = r;
  put(plan, r, C(0), "绩效指标（90分）");
  r = row(plan, r, C(1), ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]);
  const first = r;
  form.indicators.forEach((ind) => {
    r = row(plan, r, C(3), [ind.name, ind.nature, ind.target, ind.unit, ind.actual, ind.weight, ind.score, ind.cause ?? ""]);
  });
  for (const [key, col] of [["l1", 1], ["l2", 2]]) labelGroups(plan, form.indicators, first, C(col), key);
  merge(plan, indTop, C(0), r - 1, C(0));
  r = row(plan, r, C(0), ["合计", "", "", "", "", "", "", "", form.total[0], form.total[1]]);
  merge(plan, r - 1, C(0), r - 1, C(7));
  for (const [label, text] of [
    ["评价结论", form.conclusion ?? "结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。（200字以内）"],
    ["存在问题", form.problems ?? "结合自评情况，分析存在的问题及原因。（200字以内）"],
    ["改进措施", form.measures ?? "针对项目自评中发现的问题，提出下一步改进完善的意见及有关政策性建议。（200字以内）"],
  ]) {
    r = row(plan, r, C(0), [label, text]);
    merge(plan, r - 1, C(1), r - 1, C(10));
  }
  r = row(plan, r, C(0), ["项目负责人:", "", "", "", "", "", "财务负责人:"]);
  return r;
}

// B. Sichuan 2023 provincial export (报表编号:510000_0013zp), as published (e.g. 青神县发展和改革局 2023, 大英县司法局
// 2023): two forms stacked on one sheet, an unfilled export, and a copy that lost its budget header row.
async function fixtures(save) {
  const out = [];
  const planted = {
    year: 2023,
    name: "51000023R000000012345-安全生产培训项目",
    dept: "某县应急管理局本级",
    unit: "某县应急管理局",
    goals: ["开展安全生产培训200人次，培训考核合格率95%以上。", "完成培训180人次，考核合格率98%。"],
    process: "2023年3月至11月分四期开展培训，第四期因场地原因停办。",
    funds: [["总额", 50, 60, 48], ["其中：财政资金", 50, 60, 48], ["财政专户管理资金", 0, 0, 0], ["单位资金", 0, 0, 0], ["其他资金", "", "", ""]],
    budgetScore: 8, // rate 80%: the 原因 cell holds only the template's instruction (planted)
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "培训人次", nature: "≥", target: 200, unit: "人次", actual: 180, weight: 22.5, score: 20.25, cause: "计划培训200人次，实际180人次，完成90%；因场地原因停办一期，2024年补办。" },
      { l2: "质量指标", name: "培训考核合格率", nature: "≥", target: 95, unit: "%", actual: 98, weight: 22.5, score: 22.5 },
      { l1: "效益指标", l2: "社会效益指标", name: "从业人员安全意识", nature: "定性", target: "有效提升", unit: "", actual: "有效提升", weight: 22.5, score: 22.5 },
      { l2: "可持续影响指标", name: "培训成果持续应用率", nature: "≥", target: 90, unit: "%", actual: 85, weight: 22.5, score: 22.5 }, // planted: 21.25, no cause
    ],
    total: [100, 95.75],
    conclusion: "项目自评得分95.75分，完成培训180人次。",
    problems: "培训场地不足。",
    measures: "提前落实培训场地。",
  };
  const clean = {
    year: 2023,
    name: "51092324T000010263357-办公设备购置项目",
    dept: "某县司法局部门",
    unit: "某县司法局",
    goals: ["根据要求购买办公设备，并完成项目资金支付。", "完成"],
    process: "2023年购买13台电脑，并于12月前完成资金支付。",
    funds: [["总额", 0, 3.36, 3.36], ["其中：财政资金", 0, 3.36, 3.36], ["财政专户管理资金", 0, 0, 0], ["单位资金", 0, 0, 0], ["其他资金", "", "", ""]],
    budgetScore: 10,
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "购置电脑台数", nature: "=", target: 13, unit: "台", actual: 13, weight: 60, score: 60 },
      { l1: "效益指标", l2: "社会效益指标", name: "办公效率", nature: "定性", target: "有所提高", unit: "", actual: "有所提高", weight: 30, score: 30 },
    ],
    total: [100, 100],
    conclusion: "项目自评得分100分。",
    problems: "无",
    measures: "无",
  };
  const unfilled = {
    year: 2023,
    name: "51000021R000000019951-工资性支出",
    dept: "某县发展和改革局本级",
    unit: "某县发展和改革局",
    goals: ["严格执行相关政策，保障工资及时、足额发放或社保及时、足额缴纳，预算编制科学合理，减少结余资金。"],
    funds: [["总额", 238.93, 251.89, 251.89], ["其中：财政资金", 238.93, 251.89, 251.89], ["财政专户管理资金", 0, 0, 0], ["单位资金", 0, 0, 0], ["其他资金", "", "", ""]],
    budgetScore: "",
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "发放（缴纳）覆盖率", nature: "=", target: 100, unit: "%", actual: "", weight: 60, score: "" },
      { l1: "效益指标", l2: "社会效益指标", name: "足额保障率（参保率）", nature: "=", target: 100, unit: "%", actual: "", weight: 30, score: "" },
    ],
    total: [100, ""],
  };
  const a = L.newPlan("项目支出（导出）");
  const next = layout(a, planted, 0, 0);
  layout(a, clean, next + 2, 0);
  const b = L.newPlan("未填写（导出）");
  layout(b, unfilled, 0, 0);
  const c = L.newPlan("缺预算表头");
  layout(c, clean, 0, 0, { noFundsHeader: true });
  out.push(await save("test/fixtures/family-b-sichuan-2023.xlsx", [a, b, c]));
  // An unfilled export stacked between two filled ones on one sheet, as a county unit's batch export of the same
  // system (报表编号:510000_0013zp) holds them: the unfilled one is 未填写 on every surface, offered no write-back.
  const second = {
    ...clean,
    name: "51092324T000010263358-档案数字化加工项目",
    goals: ["完成档案数字化加工3000卷，按时支付项目资金。", "完成"],
    process: "2023年完成档案数字化加工3000卷，并于12月前完成资金支付。",
    funds: [["总额", 5, 5, 5], ["其中：财政资金", 5, 5, 5], ["财政专户管理资金", 0, 0, 0], ["单位资金", 0, 0, 0], ["其他资金", "", "", ""]],
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "数字化加工卷数", nature: "≥", target: 3000, unit: "卷", actual: 3000, weight: 60, score: 60 },
      { l1: "效益指标", l2: "社会效益指标", name: "档案查阅效率", nature: "定性", target: "有所提高", unit: "", actual: "有所提高", weight: 30, score: 30 },
    ],
  };
  const d = L.newPlan("项目支出（三张）");
  let at = layout(d, clean, 0, 0);
  at = layout(d, unfilled, at + 2, 0);
  layout(d, second, at + 2, 0);
  out.push(await save("test/fixtures/sichuan-2023-unfilled-between.xlsx", [d]));
  return out;
}

module.exports = { layout, fixtures };
