/**
 * The fixture of family C, the Sichuan county form (src/core/families/sichuan-county): its layout as the published original and its workbooks
 * with what is planted (test/fixtures/README.md). scripts/make-fixtures.js runs every file of this folder.
 */
const L = require("../layouts");
const { put, merge, row, labelGroups } = L;

/**
 * Family C, the Sichuan county variant (衔接资金, 2022): 资金情况（万元） with no 年初预算数 column, 分值 before 年度指标值,
 * 未完成原因及拟采取的改进措施, 一级 labels carrying their weights 产出指标（50分）.
 */
function layout(plan, form, r0, c0) {
  const C = (i) => c0 + i;
  let r = r0;
  put(plan, r, C(0), `${form.county}${form.year}年度衔接资金项目支出绩效自评表`);
  merge(plan, r, C(0), r, C(7));
  r++;
  r = row(plan, r, C(0), ["项目名称", form.name]);
  merge(plan, r - 1, C(1), r - 1, C(7));
  r = row(plan, r, C(0), ["主管部门", form.dept, "", "", "实施单位", form.unit]);
  merge(plan, r - 1, C(1), r - 1, C(3));
  merge(plan, r - 1, C(5), r - 1, C(7));
  const fundsTop = r;
  r = row(plan, r, C(0), ["资金情况（万元）", "", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"]);
  merge(plan, r - 1, C(0), r - 1, C(1));
  form.funds.forEach((f) => {
    r = row(plan, r, C(1), f);
  });
  merge(plan, fundsTop + 1, C(0), r - 1, C(0));
  r = row(plan, r, C(0), ["年度总体目标", form.goal]);
  merge(plan, r - 1, C(1), r - 1, C(7));
  r = row(plan, r, C(0), ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", "未完成原因及拟采取的改进措施"]);
  const first = r;
  form.indicators.forEach((ind) => {
    r = row(plan, r, C(2), [ind.name, ind.weight, ind.target, ind.actual, ind.score, ind.cause ?? "/"]);
  });
  for (const [key, col] of [["l1", 0], ["l2", 1]]) labelGroups(plan, form.indicators, first, C(col), key);
  r = row(plan, r, C(0), ["总分", "", "", form.total[0], "", "", form.total[1], ""]);
  merge(plan, r - 1, C(0), r - 1, C(2));
  return r;
}

// C. Sichuan county 衔接资金 (2022): 资金情况（万元） without 年初预算数, 分值 before 年度指标值, 一级 labels with weights,
// 未完成原因及拟采取的改进措施. Planted on the first sheet: an unmet indicator without a cause, a wrong total.
async function fixtures(save) {
  const out = [];
  const base = {
    county: "某县",
    year: 2022,
    name: "2022年某村产业路硬化项目",
    dept: "某县乡村振兴局",
    unit: "某镇人民政府",
    funds: [["年度资金总额", 200, 180, 10, "90%", 9], ["其中：衔接资金", 200, 180, "/", "/", "/"], ["其他资金", "/", "/", "/", "/", "/"]],
    goal: "硬化产业路3公里，带动沿线农户增收。",
    indicators: [
      { l1: "产出指标（50分）", l2: "数量指标", name: "硬化道路长度", weight: 20, target: "≥3公里", actual: "3.2公里", score: 20 },
      { l2: "质量指标", name: "工程验收合格率", weight: 15, target: "=100%", actual: "100%", score: 15 },
      { l2: "时效指标", name: "项目完工时间", weight: 5, target: "2022年11月30日前", actual: "2022年11月20日", score: 5 },
      { l2: "成本指标", name: "每公里建设成本", weight: 10, target: "≤60万元", actual: "56万元", score: 10 },
      { l1: "效益指标（30分）", l2: "经济效益指标", name: "带动农产品运输增收", weight: 10, target: "≥50万元", actual: "40万元", score: 8, cause: "/" },
      { l2: "社会效益指标", name: "受益脱贫人口", weight: 10, target: "≥300人", actual: "320人", score: 10 },
      { l2: "可持续影响指标", name: "道路使用年限", weight: 10, target: "≥10年", actual: "10年", score: 10 },
      { l1: "满意度指标（10分）", l2: "服务对象满意度指标", name: "受益群众满意度", weight: 10, target: "≥90%", actual: "95%", score: 10 },
    ],
    total: [100, 98],
  };
  const a = L.newPlan("衔接资金");
  layout(a, base, 0, 0);
  const fixed = JSON.parse(JSON.stringify(base));
  fixed.indicators[4].cause = "受市场价格下跌影响，计划增收50万元，实际40万元，完成80%；2023年引进冷链企业稳定销路。";
  fixed.total = [100, 97];
  const b = L.newPlan("衔接资金（无误）");
  layout(b, fixed, 0, 0);
  out.push(await save("test/fixtures/family-c-sichuan-county.xlsx", [a, b]));
  return out;
}

module.exports = { layout, fixtures };
