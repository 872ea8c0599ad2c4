#!/usr/bin/env node
"use strict";
const { tangxi2022 } = require("./sources/chizhou-tangxi-2022");
/**
 * Builds the test workbooks and the bundled sample from the seed text (samples/seed-forms.txt).
 * Run: npm run fixtures. Output is deterministic; the files are committed with this script.
 */
const path = require("path");
const fs = require("fs");
const { loadSeed } = require("./seed");
const L = require("./layouts");

const root = path.resolve(__dirname, "..");
const forms = loadSeed(path.join(root, "samples/seed-forms.txt"));

/** A fixture workbook of these plans under the repository (or SELFEVAL_FIXTURE_ROOT), byte for byte the same each run. */
const save = (file, plans) => L.saveFixture(root, file, plans);

function cover() {
  const p = L.newPlan("说明");
  L.put(p, 0, 0, "2020年度项目支出绩效自评材料");
  L.put(p, 2, 0, "单位");
  L.put(p, 2, 1, "昌吉州工业和信息化局");
  L.put(p, 3, 0, "填报说明");
  L.put(p, 3, 1, "每个项目一张自评表，见后各工作表。");
  // an unrelated table that also says 项目名称: must not be taken for a form
  L.put(p, 5, 0, "序号");
  L.put(p, 5, 1, "项目名称");
  L.put(p, 5, 2, "金额（万元）");
  forms.forEach((f, i) => {
    L.put(p, 6 + i, 0, i + 1);
    L.put(p, 6 + i, 1, f.name);
    L.put(p, 6 + i, 2, Number(f.funds[0].values[1]));
  });
  return p;
}

function officialSheets() {
  return forms.map((f, i) => {
    const p = L.newPlan(`项目${i + 1}`);
    L.official(p, f, 0, 0);
    return p;
  });
}

async function main() {
  const written = [];
  // 1. The official template, one form per sheet, after a cover sheet. Also the bundled demo sample.
  written.push(await save("test/fixtures/official.xlsx", [cover(), ...officialSheets()]));
  written.push(await save("samples/seed-forms.xlsx", [cover(), ...officialSheets()]));

  // 2. Four forms stacked on one sheet.
  {
    const p = L.newPlan("自评表");
    let r = 0;
    for (const f of forms) r = L.official(p, f, r, 0) + 3;
    written.push(await save("test/fixtures/stacked.xlsx", [p]));
  }

  // 3. Shifted start cell, formulas and percent-formatted numbers (forms 1 and 3).
  {
    const a = L.newPlan("安全生产");
    L.put(a, 0, 0, "附件2");
    L.official(a, forms[0], 4, 2, { formulas: true, percent: true });
    const b = L.newPlan("研究项目");
    L.official(b, forms[2], 4, 2, { formulas: true, percent: true });
    written.push(await save("test/fixtures/shifted.xlsx", [a, b]));
  }

  // 4. The provincial variant (forms 1 and 4).
  {
    const a = L.newPlan("安全生产");
    L.provincial(a, forms[0], 0, 0);
    const b = L.newPlan("节能减排");
    L.provincial(b, forms[3], 0, 0);
    written.push(await save("test/fixtures/provincial.xlsx", [a, b]));
  }

  // 5. A workbook with no form.
  {
    const p = L.newPlan("汇总");
    L.put(p, 0, 0, "2020年度项目资金汇总表");
    ["序号", "项目名称", "全年预算数", "全年执行数"].forEach((h, i) => L.put(p, 1, i, h));
    forms.forEach((f, i) => {
      L.put(p, 2 + i, 0, i + 1);
      L.put(p, 2 + i, 1, f.name);
      L.put(p, 2 + i, 2, Number(f.funds[0].values[1]));
      L.put(p, 2 + i, 3, Number(f.funds[0].values[2]));
    });
    written.push(await save("test/fixtures/no-form.xlsx", [p]));
  }

  // 6. A truncated form: form 1 cut after its sixth indicator, no 总分 row.
  {
    const p = L.newPlan("项目1");
    L.official(p, { ...forms[0], indicators: forms[0].indicators.slice(0, 6) }, 0, 0, { truncateAt: 6 });
    written.push(await save("test/fixtures/truncated.xlsx", [p]));
  }

  // 7. A whole-department form (other rules: reported as not checked) beside a project form.
  {
    const d = L.newPlan("部门整体");
    L.put(d, 0, 0, "部门整体支出绩效自评表");
    L.merge(d, 0, 0, 0, 7);
    L.put(d, 1, 0, "（2020年度）");
    L.put(d, 2, 0, "部门名称");
    L.put(d, 2, 1, "昌吉州工业和信息化局");
    ["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"].forEach((h, i) => L.put(d, 3, 1 + i, h));
    L.put(d, 3, 0, "年度预算执行情况（万元）");
    L.put(d, 4, 1, "年度资金总额");
    [100, 100, 95, 10, "95%", 9.5].forEach((v, i) => L.put(d, 4, 2 + i, v));
    const p = L.newPlan("项目");
    L.official(p, forms[1], 0, 0);
    written.push(await save("test/fixtures/department.xlsx", [d, p]));
  }
  // 8–11. The template families of RULES.md §5, laid out as their published originals, with errors planted.
  written.push(...(await familyFixtures()));
  // 12. The review hints (审核提示, issue 36), on forms as published.
  written.push(await hintFixtures());
  for (const w of written) console.log(path.relative(root, w));
}

/**
 * Review-hint fixtures (test/fixtures/README.md, review-hints.xlsx): real published forms that show what a reviewer
 * sends back beyond arithmetic, and one copy with the remaining hints planted (said so in its sheet name).
 */
async function hintFixtures() {
  const central = require("./families/central");
  const sichuan2023 = require("./families/sichuan-2023");
  // 池州市贵池区棠溪镇人民政府, 委托业务项目 (2022), a published document (a copy found online, upload_cz id 502364): the
  // central 附件 layout. Its 质量, 时效 and
  // 成本 rows 经费支出合规性 / 提交报告及时性 / 单项业务成本 have phrases for targets (严格执行相关制度规定, 在项目计划完成
  // 时间内完成, 符合相关规定). As published, its 年度资金总额 row reads 0 / 0 / 0 under a 其中 row of 90 / 89.974 / 89.974:
  // here the total row carries its 其中 row's figures so that the hints stand alone; the 满意度 row, cut off in the
  // published text, is completed as 公众满意度 ≥90% / 95%.
  const source = tangxi2022();
  const tangxi = {
    county: "",
    ...source,
    manager: "/",
    funds: [["年度资金总额：", 90, 89.974, 89.974, 10, "100%", 10], ...source.funds.slice(1)],
    // the empty 经济效益指标 row as printed is left out here
    indicators: source.indicators.filter((i) => i.name),
    total: [100, 100],
  };
  const a = L.newPlan("棠溪镇委托业务（原表）");
  central.layout(a, tangxi, 0, 0);

  // The same form with the other hints planted: 执行率 50% (45 of 89.974) under a 总分 of 95 (优), a cost written ≥, a
  // rate target of 110%, a deadline in the next year, a satisfaction rate under 效益 and 等级：良 printed in the 总分 row.
  const planted = JSON.parse(JSON.stringify(tangxi));
  planted.funds[0] = ["年度资金总额：", 90, 89.974, 45, 10, "50.01%", 5];
  planted.funds[1] = ["其中：本年财政拨款", 90, 89.974, 45, "", "", ""];
  planted.indicators[1].target = "≥110%";
  planted.indicators[1].actual = "110%";
  planted.indicators[3].target = "2023年3月31日前";
  planted.indicators[3].actual = "2023年3月20日";
  planted.indicators[4].target = "≥90万元";
  planted.indicators[7].name = "参建单位满意度";
  planted.indicators[7].target = "≥90%";
  planted.indicators[7].actual = "95%";
  planted.total = [100, 95];
  const b = L.newPlan("棠溪镇（植入审核提示）");
  const end = central.layout(b, planted, 0, 0);
  L.put(b, end - 1, 8, "等级：良");

  // 廊坊市食品工程学校, 办公宿舍楼、食堂及餐厅暖通改造经费 (2019, 主管部门 廊坊市发改委), published on the school's site
  // (lfsp.cn, newsinfo 1158053): the central 附件1 with its 指标2 /
  // …… template rows left in. Its 数量指标 工程资金金额 has the bare target 43.2 (no unit; it is an amount of money).
  const langfang = {
    county: "",
    year: 2019,
    name: "办公宿舍楼、食堂及餐厅暖通改造经费",
    dept: "廊坊市发改委",
    unit: "廊坊市食品工程学校",
    manager: "/",
    funds: L.fundsBlock("年度资金总额", "其中：当年财政拨款", [43.2, 43.2, 37.24, 10, "86%", 9]),
    goals: ["43.2", "37.24"],
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "指标1工程资金金额", target: 43.2, actual: 37.24, weight: 10, score: 9, cause: "已完工，剩余3%尾款未付，且最高限价低于预算金额。提高预算准确度。" },
      { l2: "质量指标", name: "指标1工程完工率", target: 100, actual: 100, weight: 10, score: 10 },
      { name: "指标2工程验收合格率", target: 100, actual: 100, weight: 10, score: 10 },
      { l2: "时效指标", name: "指标1项目完成及时率", target: 100, actual: 100, weight: 10, score: 10 },
      { l2: "成本指标", name: "指标1成本控制率", target: 100, actual: 100, weight: 10, score: 10 },
      { l1: "效益指标", l2: "经济效益指标", name: "指标1安全率", target: 100, actual: 100, weight: 10, score: 10 },
      { l2: "社会效益指标", name: "指标1学校发展能力", target: 100, actual: 100, weight: 10, score: 10 },
      { l2: "可持续影响指标", name: "指标1长期使用性", target: 100, actual: 100, weight: 10, score: 10 },
      { l1: "满意度指标", l2: "服务对象满意度指标", name: "指标1学生满意度", target: 100, actual: 100, weight: 10, score: 10 },
    ],
    total: [100, 98],
  };
  const c = L.newPlan("廊坊暖通改造（原表）");
  central.layout(c, langfang, 0, 0);

  // A Sichuan 2023 export (报表编号:510000_0013zp) of a 工资性支出 project, its indicator rows as published on a county
  // media site (dyrmt.com, article 132779): 结余率（计算方法为：结余数/预算数） ≤5% filed under 效益指标 / 经济效益指标.
  // The budget figures, the unit's name and the 完成值 are not in the published text: 120 万元 fully spent, all met.
  const wages = {
    year: 2023,
    name: "51092324R000000012001-工资性支出",
    dept: "某县部门",
    unit: "某县单位",
    goals: ["保障工资及时、足额发放，社保及时、足额缴纳。", "及时、足额缴纳。"],
    process: "按月发放工资、缴纳社保。",
    funds: [["总额", 120, 120, 120], ["其中：财政资金", 120, 120, 120], ["财政专户管理资金", 0, 0, 0], ["单位资金", 0, 0, 0], ["其他资金", "", "", ""]],
    budgetScore: 10,
    indicators: [
      { l1: "产出指标", l2: "数量指标", name: "足额保障率", nature: "=", target: 100, unit: "%", actual: 100, weight: 22.5, score: 22.5 },
      { name: "科目调整次数", nature: "≤", target: 10, unit: "次", actual: 6, weight: 22.5, score: 22.5 },
      { l2: "时效指标", name: "按时发放率", nature: "=", target: 100, unit: "%", actual: 100, weight: 22.5, score: 22.5 },
      { l1: "效益指标", l2: "经济效益指标", name: "结余率（计算方法为：结余数/预算数）", nature: "≤", target: 5, unit: "%", actual: 0, weight: 22.5, score: 22.5 },
    ],
    total: [100, 100],
    conclusion: "及时、足额缴纳。",
    problems: "暂无",
    measures: "暂无",
  };
  const d = L.newPlan("工资性支出（四川2023）");
  sichuan2023.layout(d, wages, 0, 0);
  return save("test/fixtures/review-hints.xlsx", [a, b, c, d]);
}

/**
 * Family fixtures. Each sheet says in its name and in test/fixtures/README.md which source it follows and what is
 * planted; the tests (test/cli/families.test.ts) hold the expected figures.
 */
async function familyFixtures() {
  const out = [];
  // The families' fixtures, each in a file of its own (scripts/families/<id>.js), in the order of their names.
  const own = path.join(__dirname, "families");
  for (const f of fs.readdirSync(own).filter((f) => f.endsWith(".js")).sort()) out.push(...(await require(path.join(own, f)).fixtures(save, { forms })));
  // Both the 总分 and the budget score wrong, on the seed's form 2 (访惠聚专项资金, central template): 7.2 of 8 executed
  // (90%: the budget score is 9, written 10); 困难诉求处理情况 5 of ≥10 with 4.8 written (rule 5) and its cause; the 总分
  // written 100 where the written scores add up to 94.8. 改为 on the 总分 writes 94.8 (what its finding states); only
  // write-back with the budget score writes 93.8.
  {
    const f = JSON.parse(JSON.stringify(forms[1]));
    f.funds[0].values = ["8", "8", "7.2", "10", "90%", "10"];
    f.funds[1].values = ["8", "8", "7.2", "", "", ""];
    const k = f.indicators.findIndex((i) => i.name === "困难诉求处理情况");
    Object.assign(f.indicators[k], { actual: "5", score: "4.8", cause: "受疫情影响入户收集诉求减少，全年处理5件；下年度按月入户收集并建立台账。" });
    f.total.score = "100";
    const a = L.newPlan("总分和预算得分");
    L.official(a, f, 0, 0);
    out.push(await save("test/fixtures/total-and-budget.xlsx", [a]));
  }
  return out;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
