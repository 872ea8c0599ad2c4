/**
 * The fixture of family A, the central template (src/core/families/central): a county copy laid out as counties publish
 * it, and the seed's form 4 as printed (test/fixtures/README.md). scripts/make-fixtures.js runs every file of this
 * folder; `seed.forms` are the seed forms of samples/seed-forms.txt.
 */
const L = require("../layouts");
const { put, merge, row, labelGroups } = L;

/**
 * Family A, a county copy of the central template: lines above the title (附件1, a county title), 项目负责人及电话,
 * 年初预算数 over two lines and 0, 其中 rows with —, indicator header over two rows, names numbered 指标1:…, scores to
 * one decimal. `form` is { county, year, name, dept, unit, manager, funds: [[label, initial, annual, executed, weight,
 * rate, score]...], goals, indicators: [{l1, l2, name, target, actual, weight, score, cause}], total: [weight, score],
 * repeatHeaderAfter: index of the row after which the header is repeated (a page break), mergeL1Over: true to merge
 * each 一级 label down to the next 一级 label whatever the 二级 (the seed's form 4 as printed) }.
 */
function layout(plan, form, r0, c0) {
  const C = (i) => c0 + i;
  let r = r0;
  put(plan, r++, C(0), "附件1");
  put(plan, r, C(0), `${form.county}项目支出绩效自评表`);
  merge(plan, r, C(0), r, C(8));
  r++;
  put(plan, r, C(0), `（${form.year}年度）`);
  merge(plan, r, C(0), r, C(8));
  r++;
  r = row(plan, r, C(0), ["项目名称", form.name]);
  merge(plan, r - 1, C(1), r - 1, C(8));
  r = row(plan, r, C(0), ["主管部门", form.dept, "", "", "", "实施单位", form.unit]);
  merge(plan, r - 1, C(1), r - 1, C(4));
  merge(plan, r - 1, C(6), r - 1, C(8));
  r = row(plan, r, C(0), ["项目负责人及电话", form.manager]);
  merge(plan, r - 1, C(1), r - 1, C(8));
  const fundsTop = r;
  r = row(plan, r, C(0), ["项目资金\n（万元）", "", "", "年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分"]);
  merge(plan, r - 1, C(1), r - 1, C(2));
  for (const f of form.funds) {
    r = row(plan, r, C(1), [f[0], "", ...f.slice(1)]);
    merge(plan, r - 1, C(1), r - 1, C(2));
  }
  merge(plan, fundsTop, C(0), r - 1, C(0));
  put(plan, r, C(0), "年度总体目标");
  merge(plan, r, C(0), r + 1, C(0));
  r = row(plan, r, C(1), ["预期目标", "", "", "", "实际完成情况"]);
  merge(plan, r - 1, C(1), r - 1, C(4));
  merge(plan, r - 1, C(5), r - 1, C(8));
  r = row(plan, r, C(1), [form.goals[0], "", "", "", form.goals[1]]);
  merge(plan, r - 1, C(1), r - 1, C(4));
  merge(plan, r - 1, C(5), r - 1, C(8));
  const indTop = r;
  const head = (at) => {
    row(plan, at, C(1), ["一级指标", "二级指标", "三级指标", "年度", "实际", "分值", "得分", "偏差原因分析及改进措施"]);
    row(plan, at + 1, C(4), ["指标值", "完成值"]);
    for (const i of [1, 2, 3, 6, 7, 8]) merge(plan, at, C(i), at + 1, C(i));
  };
  put(plan, r, C(0), "绩效指标");
  head(r);
  r += 2;
  const rowOf = [];
  form.indicators.forEach((ind, i) => {
    rowOf.push(r);
    row(plan, r, C(3), [ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.cause ?? "/"]);
    r++;
    if (form.repeatHeaderAfter === i) {
      head(r); // a page break in the source: the header printed again
      r += 2;
    }
  });
  // 一级/二级 merged down their groups (never across the repeated header)
  const groups = (key, over) => {
    const out = [];
    form.indicators.forEach((ind, i) => {
      if (ind[key]) out.push({ start: i, end: i, label: ind[key] });
      else if (out.length && (over || !ind.l1)) out[out.length - 1].end = i;
    });
    return out;
  };
  const split = (g) => {
    const parts = [];
    let s = g.start;
    for (let i = g.start; i <= g.end; i++) {
      if (i === g.end || form.repeatHeaderAfter === i) {
        parts.push([s, i]);
        s = i + 1;
      }
    }
    return parts;
  };
  for (const [key, col] of [["l1", 1], ["l2", 2]]) {
    for (const g of groups(key, key === "l1" ? !!form.mergeL1Over : false)) {
      split(g).forEach(([a, b], k) => {
        put(plan, rowOf[a], C(col), k === 0 ? g.label : g.label);
        merge(plan, rowOf[a], C(col), rowOf[b], C(col));
      });
    }
  }
  merge(plan, indTop, C(0), r - 1, C(0));
  r = row(plan, r, C(0), ["总分", "", "", "", "", "", form.total[0], form.total[1], "/"]);
  merge(plan, r - 1, C(0), r - 1, C(5));
  return r;
}

// A. A county copy of the central template (附件1, county title, 项目负责人及电话, 年初预算数 over two lines and 0,
// — in the 其中 rows, numbered 指标1:…, a 数量指标 group of 22 rows, the header repeated after a page break),
// and the seed's form 4 as printed (产出指标 merged down over its 社会效益/生态效益 rows).
async function fixtures(save, seed) {
  const { forms } = seed;
  const out = [];
  const villages = ["东", "西", "南", "北", "上", "下", "前", "后", "中", "新", "老", "高", "低", "大", "小", "长", "平", "安", "和", "兴", "旺", "丰"];
  const quantity = villages.map((v, k) => {
    const n = 40 + k;
    let actual = `${n + 2}户`, score = 2, cause = "/";
    if (k === 4) [actual, score, cause] = ["33户", 1.5, "部分农户外出务工，计划44户实际完成33户，完成75%；已于2023年3月补建，今后按月跟踪进度。"];
    if (k === 11) [actual, score] = ["40.5户", 2]; // planted: 40.5 ÷ 51 × 2 = 1.59, written 2, no cause
    return { l1: k === 0 ? "产出指标" : "", l2: k === 0 ? "数量指标" : "", name: `指标${k + 1}:${v}庄村改厕户数`, target: `≥${n}户`, actual, weight: 2, score, cause };
  });
  quantity[11].actual = "40户";
  quantity[11].target = "≥50户"; // 40 ÷ 50 × 2 = 1.6
  const county = {
    county: "稷山县",
    year: 2022,
    name: "2022年农村人居环境整治项目",
    dept: "稷山县农业农村局",
    unit: "稷山县农业农村局",
    manager: "王某某 0359-0000000",
    funds: L.fundsBlock("年度资金总额", "其中：当年财政拨款", [0, 120, 96, 10, "80%", 8], "—"),
    goals: ["完成22个村农户改厕，改善农村人居环境。", "完成22个村改厕，群众满意度92%。"],
    indicators: [
      ...quantity,
      { l2: "质量指标", name: "指标23:改厕验收合格率", target: "≥95%", actual: "96%", weight: 3, score: 3 },
      { name: "指标24:粪污无害化处理率", target: "=100%", actual: "100%", weight: 3, score: 3 },
      { l1: "效益指标", l2: "社会效益指标", name: "指标25:农村生活环境", target: "明显改善", actual: "明显改善", weight: 10, score: 10 },
      { name: "指标26:受益农户数", target: "≥1000户", actual: "1050户", weight: 10, score: 10 },
      { l2: "可持续影响指标", name: "指标27:长效管护机制", target: "建立", actual: "建立", weight: 10, score: 10 },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "指标28:受益群众满意度", target: "≥90%", actual: "92%", weight: 10, score: 10 },
    ],
    total: [100, 97.5],
    repeatHeaderAfter: 14,
  };
  const a = L.newPlan("稷山县（附件1）");
  layout(a, county, 0, 0);
  const b = L.newPlan("节能减排（原表）");
  L.official(b, forms[3], 0, 0, { mergeL1Over: true });
  out.push(await save("test/fixtures/family-a-county.xlsx", [a, b]));
  return out;
}

module.exports = { layout, fixtures };
