import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { SETTINGS_KEY } from "../../src/xlsx/settings";
import { JsonForm, expectForm, figures, formsOf, list } from "../support/cli-json";
import { fixturePath } from "../support/workbooks";

/**
 * The template families of RULES.md §5 through the CLI's JSON: each fixture is laid out as its published original
 * (scripts/make-fixtures.js, test/fixtures/README.md) with errors planted; every figure and every finding is asserted.
 */

describe("family A: a county copy of the central template, and the seed's form 4 as printed", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    forms = await formsOf("family-a-county");
  });
  test("附件1 above the title, 项目负责人及电话, 年初预算数 0 over two lines, — in the 其中 rows: budget read from 全年预算数", () => {
    const f = forms[0];
    expectForm(f, { sheet: "稷山县（附件1）", range: "A2:I46", projectName: "2022年农村人居环境整治项目", year: 2022 }, { template: "central", budget: { executionRate: 0.8, score: 8 }, totals: { weights: 100, reportedScore: 97.5, sumOfScores: 97.5, recalculatedScore: 97.1 }, grade: "优", unchecked: [] });
    expect(f.template.name).toContain("中央");
    expect(f.preset).toMatchObject({ id: "central", source: "family" });
  });
  test("the header repeated after a page break is no indicator; 28 numbered indicators in a 22-row 数量指标 group are", () => {
    const f = forms[0];
    expect(f.findings.filter((x) => /分值|得分|指标值/.test(String(x.actual ?? "")) || x.rule === "unparseable-value" || x.rule === "missing-value")).toEqual([]);
    // the one planted unmet indicator without a cause, in the 数量指标 group after the page break; its 2 is 1.6 rounded
    // a 2022 central-layout form without 成本指标: the review hint dimension-missing (财预〔2021〕101号), a warning
    expect(list(f)).toEqual(["warning B14 dimension-missing", "info H27 indicator-score", "error I27 missing-deviation-cause"]);
    expect(f.findings.find((x) => x.rule === "indicator-score")).toMatchObject({ expected: 1.6, actual: 2 });
    expect(f.findings[1].message).toContain("指标12:高庄村改厕户数");
  });
  test("产出指标 merged down over 社会效益/生态效益 rows: the 二级 decides, one info on the 一级 cell, no level-1 warning", () => {
    const f = forms[1];
    expectForm(f, null, { template: "central", budget: { executionRate: 1, score: 10 }, totals: { weights: 100, reportedScore: 100, sumOfScores: 100, recalculatedScore: 100 }, grade: "优", unchecked: [] }, ["info B14 level1-label-mismatch", "warning I14 overachievement-unexplained"]);
    expect(f.findings[0].message).toContain("社会效益指标、生态效益指标");
  });
});

describe("family B: Sichuan 2023 部门预算项目支出绩效自评表 (报表编号:510000_0013zp)", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    forms = await formsOf("family-b-sichuan-2023");
  });
  test("the caption 年度预算数（万元） over the label column is no value column: 调整后预算数 ÷ 预算执行数 read right", () => {
    const f = forms[0];
    expectForm(f, { sheet: "项目支出（导出）", range: "A2:K19", year: 2023, projectName: "51000023R000000012345-安全生产培训项目" }, { template: "sichuan-2023", budget: { executionRate: 0.8, score: 8 }, totals: { weights: 100, reportedScore: 95.75, sumOfScores: 95.75, recalculatedScore: 94.5 }, grade: "优", unchecked: [] });
    expect(f.template.name).toBe("四川省 2023 部门预算项目支出绩效自评表");
    expect(f.preset).toMatchObject({ id: "sichuan", source: "family" });
  });
  test("the template's instruction in 原因 is no reason (80% < 90%); 4×22.5 split freely: no level-1 warning; 合计 is the total", () => {
    const f = forms[0];
    expect(list(f)).toEqual(["error I9 low-execution-unexplained", "error J18 indicator-score", "error K18 missing-deviation-cause"]);
    expect(f.findings[1]).toMatchObject({ expected: 21.25, actual: 22.5 });
  });
  test("the second form of the export, stacked below: clean, 年初预算 0.00, 60/30 split", () => {
    expectForm(forms[1], { range: "A27:K42", findings: [] }, { template: "sichuan-2023", budget: { executionRate: 1, score: 10 }, totals: { weights: 100, reportedScore: 100, sumOfScores: 100, recalculatedScore: 100 }, grade: "优", unchecked: [] });
  });
  test("an unfilled export: one finding, no grade, not one finding per empty cell", () => {
    const f = forms[2];
    expect(list(f)).toEqual(["warning H15 form-unfilled"]);
    expect(f.grade).toBeNull();
    expect(f.budget).toEqual({ executionRate: 1, score: 10 });
  });
  test("a copy that lost its budget header: the section is named as not checked, figures null, no grade", () => {
    const f = forms[3];
    expect(list(f)).toEqual(["warning A8 section-unreadable"]);
    expect(f.findings[0].message).toContain("预算执行情况");
    expect(f.findings[0].message).toContain("调整后预算数");
    expect(figures(f)).toMatchObject({ budget: { executionRate: null, score: null }, grade: null, unchecked: ["funds"] });
  });
});

describe("family C: Sichuan county 衔接资金", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    forms = await formsOf("family-c-sichuan-county");
  });
  test("资金情况 without 年初预算数, 分值 before 年度指标值, weights in the 一级 labels: planted errors found", () => {
    expectForm(forms[0], null, { template: "sichuan-county", budget: { executionRate: 0.9, score: 9 }, totals: { weights: 100, reportedScore: 98, sumOfScores: 97, recalculatedScore: 97 }, grade: "优", unchecked: [] }, ["error H14 missing-deviation-cause", "error G18 total-score"]);
    expect(forms[0].findings[0].message).toContain("带动农产品运输增收");
  });
  test("the clean copy raises nothing; the 50/30/10/10 scheme holds and the label weights match", () => {
    expect(forms[1].findings).toEqual([]);
    expect(forms[1].preset).toMatchObject({ id: "central", source: "family" });
  });
});

describe("family D: Hubei 2020 项目绩效自评表", () => {
  let forms: JsonForm[];
  beforeAll(async () => {
    forms = await formsOf("family-d-hubei-2020");
  });
  test("two blocks: 20-point budget, block weights in labels, each block's own header row; the unmet one explained", () => {
    const f = forms[0];
    expectForm(f, null, { template: "hubei-2020", budget: { executionRate: 1, score: 20 }, totals: { weights: 100, reportedScore: 97.5, sumOfScores: 97.5, recalculatedScore: 97.5 }, grade: "优", unchecked: [] });
    expect(f.findings).toEqual([]);
    expect(f.preset).toMatchObject({ id: "hubei", source: "family" });
  });
  test("three blocks: the overflowing block, two unmet rows of unknown weight (one info), the empty form-level cause", () => {
    const f = forms[1];
    expectForm(f, null, { template: "hubei-2020", budget: { executionRate: 0.8, score: 16 }, totals: { weights: 100, reportedScore: 98, sumOfScores: 98, recalculatedScore: 98 }, grade: "优", unchecked: [] }, ["error A11 block-score-exceeds-weight", "info F18 indicator-weight-unknown", "error C26 missing-deviation-cause", "error C26 missing-deviation-cause"]);
    expect(f.findings[0]).toMatchObject({ expected: 30, actual: 32 });
    expect(f.findings.slice(2).map((x) => x.message)).toEqual([
      expect.stringContaining("发放宣传资料份数"),
      expect.stringContaining("宣传资料印刷费用"),
    ]);
  });
  test("no false weights-total, unparseable-value or missing-value on any Hubei form", () => {
    for (const f of forms) expect(f.findings.filter((x) => ["weights-total", "unparseable-value", "missing-value"].includes(x.rule))).toEqual([]);
  });
});

describe("every clean fixture and the seed's forms 2–4 raise no error-level finding", () => {
  test.each([
    ["official", [1, 2, 3]],
    ["family-a-county", [1]],
    ["family-b-sichuan-2023", [1]],
    ["family-c-sichuan-county", [1]],
    ["family-d-hubei-2020", [0]],
  ] as const)("%s", async (name, which) => {
    const forms = await formsOf(name);
    for (const i of which) expect(forms[i].findings.filter((x) => x.severity === "error")).toEqual([]);
  });
  test("no fixture is graded while a section went unchecked or it is unfilled", async () => {
    for (const name of ["official", "family-a-county", "family-b-sichuan-2023", "family-c-sichuan-county", "family-d-hubei-2020", "truncated", "provincial"]) {
      for (const f of await formsOf(name)) if (f.unchecked.length > 0 || f.findings.some((x) => x.rule === "form-unfilled")) expect(f.grade).toBeNull();
    }
  });
});

describe("the CLI's text output names the template and the preset", () => {
  test("模板：… and 预设：… per form; 未校验 for figures of a section not read", async () => {
    let out = "";
    await main(["check", fixturePath("family-b-sichuan-2023")], { out: (s) => (out += s + "\n"), err: () => undefined, isTTY: false });
    expect(out).toContain("模板：四川省 2023 部门预算项目支出绩效自评表 · 预设：四川");
    expect(out).toContain("执行率 未校验 · 预算得分 未校验");
    let unknown = "";
    await main(["check", fixturePath("provincial")], { out: (s) => (unknown += s + "\n"), err: () => undefined, isTTY: false });
    expect(unknown).toContain("模板：未识别");
  });
});

describe("presets through the CLI: --config, then the workbook's settings, then the family's preset", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-presets-"));
  async function savedWith(value: unknown): Promise<string> {
    const zip = await JSZip.loadAsync(fs.readFileSync(fixturePath("family-d-hubei-2020")));
    const escaped = JSON.stringify(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F1C2B7E-3D4A-4E59-9B8C-5A7D2E1F0C93}"><we:reference id="wa000000000" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="${SETTINGS_KEY}" value="${escaped}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
    );
    const file = path.join(dir, `saved-${Object.keys(value as object).join("-")}.xlsx`);
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }
  test("no settings: the family's preset", async () => {
    expect((await formsOf("family-d-hubei-2020")).map((f) => [f.preset.id, f.preset.source])).toEqual([["hubei", "family"], ["hubei", "family"]]);
  });
  test("a preset saved in the workbook wins over the family's", async () => {
    const forms = await formsOf(await savedWith({ preset: "central", options: {} }));
    expect(forms.map((f) => [f.preset.id, f.preset.source])).toEqual([["central", "workbook"], ["central", "workbook"]]);
  });
  test("--config wins over the workbook; a family in --config forces the template", async () => {
    const cfg = path.join(dir, "c.json");
    fs.writeFileSync(cfg, JSON.stringify({ preset: "sichuan", family: "hubei-2020" }));
    const forms = await formsOf(await savedWith({ preset: "central", options: {} }), "--config", cfg);
    expect(forms.map((f) => [f.template.id, f.preset.id, f.preset.source])).toEqual([["hubei-2020", "sichuan", "config"], ["hubei-2020", "sichuan", "config"]]);
    const forced = path.join(dir, "f.json");
    fs.writeFileSync(forced, JSON.stringify({ family: "central" }));
    expect((await formsOf("family-d-hubei-2020", "--config", forced)).map((f) => f.template.id)).toEqual(["central", "central"]);
  });
});

describe("review hints through the CLI: --config {\"rules\": …}", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-hints-"));
  test("off turns a hint off, info shows it as 提示; the exit code follows errors only", async () => {
    const hint = (forms: JsonForm[]) => forms[0].findings.filter((x) => x.rule === "dimension-missing").map((x) => `${x.severity} ${x.cell}`);
    expect(hint(await formsOf("family-a-county"))).toEqual(["warning B14"]);
    const off = path.join(dir, "off.json");
    fs.writeFileSync(off, JSON.stringify({ rules: { "dimension-missing": "off" } }));
    expect(hint(await formsOf("family-a-county", "--config", off))).toEqual([]);
    const info = path.join(dir, "info.json");
    fs.writeFileSync(info, JSON.stringify({ preset: "central", rules: { "dimension-missing": "info" } }));
    expect(hint(await formsOf("family-a-county", "--config", info))).toEqual(["info B14"]);
    const none = () => undefined;
    const code = await main(["check", fixturePath("review-hints"), "--json"], { out: none, err: none, isTTY: false });
    const sheetErrors = async () => {
      let out = "";
      await main(["check", fixturePath("review-hints"), "--json"], { out: (s) => (out += s), err: none, isTTY: false });
      return (JSON.parse(out).files[0].forms as JsonForm[]).flatMap((f) => f.findings).filter((x) => x.severity === "error").map((x) => x.rule);
    };
    // review-hints.xlsx: errors only from the arithmetic rules, never a hint; the exit code says whether there are errors
    const errors = await sheetErrors();
    expect(errors.every((r) => !["target-not-measurable", "dimension-missing", "target-contradicts-kind", "score-high-for-spending", "grade-mismatch", "indicator-misfiled"].includes(r))).toBe(true);
    expect(code).toBe(errors.length > 0 ? 1 : 0);
  });
});
