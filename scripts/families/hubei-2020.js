/**
 * The fixture of family D, Hubei 2020 (src/core/families/hubei-2020): its layout as the published original and its
 * workbook with what is planted (test/fixtures/README.md). scripts/make-fixtures.js runs every file of this folder.
 */
const L = require("../layouts");
const { put, merge, row, labelGroups } = L;

/**
 * Family D, Hubei 2020 项目绩效自评表: 单位名称/填报日期, tick-box rows, 预算执行情况（万元）（20分） with
 * 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率) and one row 年度财政资金总额, then blocks 年度绩效目标N（M分）
 * each with its own header row (no weight column), 总分, 偏差大或目标未完成原因分析, 改进措施及结果应用方案, 备注.
 */
function layout(plan, form, r0, c0) {
  const C = (i) => c0 + i;
  let r = r0;
  put(plan, r, C(0), `${form.year}年度${form.name}项目绩效自评表`);
  merge(plan, r, C(0), r, C(5));
  r++;
  r = row(plan, r, C(0), [`单位名称：${form.unit}`, "", "", `填报日期：${form.date}`]);
  merge(plan, r - 1, C(0), r - 1, C(2));
  merge(plan, r - 1, C(3), r - 1, C(5));
  for (const [label, value] of [
    ["项目名称", form.name],
    ["主管部门", form.dept],
    ["项目实施单位", form.unit],
    ["项目类别", "1、上级专项 □  2、本级专项 ☑"],
    ["项目属性", "1、持续性项目 ☑  2、新增性项目 □"],
    ["项目类型", "1、常年性项目 ☑  2、延续性项目 □  3、一次性项目 □"],
  ]) {
    r = row(plan, r, C(0), [label, "", value]);
    merge(plan, r - 1, C(0), r - 1, C(1));
    merge(plan, r - 1, C(2), r - 1, C(5));
  }
  r = row(plan, r, C(0), ["预算执行情况（万元）（20分）", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"]);
  merge(plan, r - 1, C(0), r - 1, C(1));
  const [A, B, score] = form.budget;
  put(plan, r, C(0), "年度财政资金总额");
  merge(plan, r, C(0), r, C(1));
  put(plan, r, C(2), A);
  put(plan, r, C(3), B);
  put(plan, r, C(4), A > 0 ? B / A : "", { numFmt: "0%" });
  put(plan, r, C(5), score);
  r++;
  for (const block of form.blocks) {
    put(plan, r, C(0), block.label);
    merge(plan, r, C(0), r, C(5));
    r++;
    r = row(plan, r, C(0), ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]);
    const first = r;
    block.rows.forEach((ind) => {
      r = row(plan, r, C(2), [ind.name, ind.target, ind.actual, ind.score]);
    });
    for (const [key, col] of [["l1", 0], ["l2", 1]]) labelGroups(plan, block.rows, first, C(col), key);
  }
  r = row(plan, r, C(0), ["总分", "", "", "", "", form.total]);
  merge(plan, r - 1, C(0), r - 1, C(4));
  for (const [label, text] of [
    ["偏差大或目标未完成原因分析", form.cause ?? ""],
    ["改进措施及结果应用方案", form.remedy ?? ""],
  ]) {
    r = row(plan, r, C(0), [label, "", text]);
    merge(plan, r - 1, C(0), r - 1, C(1));
    merge(plan, r - 1, C(2), r - 1, C(5));
  }
  put(plan, r, C(0), "备注：1.预算执行情况口径：预算数为调整后财政资金预算数，执行数为财政资金实际支出数；2.产出、效益指标：正向指标得分=B/A×该指标分值，反向指标得分=A/B×该指标分值；定性指标分达成、部分达成、未达成三档，分别按该指标分值的100%-80%、80%-50%、50%-0%计分。");
  merge(plan, r, C(0), r, C(5));
  return r + 1;
}

/**
 * 两个目标: 水土保持监测, two blocks (40 + 40) and the budget (20), the unmet 公告 row explained in the form-level cause.
 * Also the base of the province fixtures' Hubei forms (scripts/make-province-fixtures.js). A fresh copy each call.
 */
function waterMonitoring() {
  return {
    year: 2020,
    name: "水土保持监测",
    unit: "某市水土保持与农田水利科研所",
    dept: "某市水利和湖泊局",
    date: "2021年3月10日",
    budget: [10, 10, 20],
    blocks: [
      {
        label: "年度绩效目标1（40分）",
        rows: [
          { l1: "产出指标", l2: "质量指标", name: "监测数据合格率", target: "100%", actual: "100%", score: 10 },
          { l2: "进度指标", name: "监测资料按时整编率", target: "100%", actual: "100%", score: 10 },
          { l2: "数量指标", name: "监测点位数", target: "≥12个", actual: "12个", score: 10 },
          { l1: "效益指标", l2: "社会效益指标", name: "水土流失公告发布次数", target: "≥4次", actual: "3次", score: 7.5 },
        ],
      },
      {
        label: "年度绩效目标2（40分）",
        rows: [
          { l1: "产出指标", l2: "质量指标", name: "资料整编合格率", target: "100%", actual: "100%", score: 20 },
          { l1: "满意度指标", l2: "服务对象满意度指标", name: "服务对象满意度", target: "≥90%", actual: "95%", score: 20 },
        ],
      },
    ],
    total: 97.5,
    cause: "受疫情影响，计划发布水土流失公告4次，实际3次，完成75%。",
    remedy: "2021年起按季度发布公告，专人跟踪。",
  };
}

// D. Hubei 2020 项目绩效自评表 (as published by Hubei county units, e.g. 黄冈市 2020): two blocks with an unmet
// indicator explained in the form-level cause; three blocks with an overflowing block, two unmet indicators in one
// block (weights unknown) and no cause.
async function fixtures(save) {
  const two = waterMonitoring();
  const three = {
    year: 2020,
    name: "安全生产宣传培训",
    unit: "某县应急管理局",
    dept: "某县应急管理局",
    date: "2021年3月15日",
    budget: [50, 40, 16],
    blocks: [
      {
        label: "年度绩效目标1（30分）",
        rows: [
          { l1: "产出指标", l2: "数量指标", name: "培训人次", target: "≥500人次", actual: "520人次", score: 10 },
          { l2: "质量指标", name: "培训合格率", target: "≥95%", actual: "96%", score: 10 },
          { l2: "时效指标", name: "培训完成时间", target: "2020年10月31日前", actual: "2020年10月20日", score: 12 },
        ],
      },
      {
        label: "年度绩效目标2（30分）",
        rows: [
          { l1: "产出指标", l2: "数量指标", name: "发放宣传资料份数", target: "≥10000份", actual: "8000份", score: 12 },
          { l2: "成本指标", name: "宣传资料印刷费用", target: "≤5万元", actual: "5.5万元", score: 8 },
          { l1: "效益指标", l2: "社会效益指标", name: "群众安全知识知晓率", target: "≥80%", actual: "85%", score: 10 },
        ],
      },
      {
        label: "年度绩效目标3（20分）",
        rows: [
          { l1: "效益指标", l2: "可持续影响指标", name: "安全生产长效机制", target: "建立", actual: "建立", score: 10 },
          { l1: "满意度指标", l2: "服务对象满意度指标", name: "参训人员满意度", target: "≥90%", actual: "92%", score: 10 },
        ],
      },
    ],
    total: 98,
    cause: "",
    remedy: "",
  };
  const a = L.newPlan("两个目标");
  layout(a, two, 0, 0);
  const b = L.newPlan("三个目标");
  layout(b, three, 0, 0);
  return [await save("test/fixtures/family-d-hubei-2020.xlsx", [a, b])];
}

module.exports = { layout, fixtures, waterMonitoring };
