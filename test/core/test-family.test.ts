import * as fs from "fs";
import * as path from "path";
import { runCheck } from "../../src/core/engine";
import { FAMILIES, FAMILY_IDS, Family, FormTail, PRESETS, has, registerFamily, suggestionsSentence } from "../../src/core/families";
import { Grid } from "../../src/core/grid";
import { locateForms } from "../../src/core/locate";
import { sanitizeSettings } from "../../src/core/options";
import { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";

/**
 * A family is added by a folder (src/core/families/<id>/), its fixture and its test, plus one line in
 * families/index.ts. Shown here with a made-up family registered through registerFamily (the test suite cannot add
 * the line): its own title, its own funds total word, its own tail reader and its own preset — and no other file.
 * It is removed after each test; jest gives every test file its own modules, so no other suite sees it.
 */

/** The tail of the island form: 问题及整改措施 after the total, the cause in the next cell. */
function islandTail(grid: Grid, totalRow: number, segEnd: number): FormTail | null {
  for (let r = totalRow + 1; r <= Math.min(segEnd, totalRow + 2); r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      if (grid.label(r, c) === "问题及整改措施") return { causeLabel: { row: r, col: c }, cause: { row: r, col: c + 1 }, end: r, labelPrefix: /^问题及整改措施[:：]?/ };
    }
  }
  return null;
}

/** What would be src/core/families/island-2024/index.ts. */
const ISLAND: Family = {
  id: "island-2024",
  name: { zh: "海岛省 2024 项目考评表", en: "Island 2024 项目考评表" },
  detect: (s) => (has(s, /^海岛省项目考评表/m) ? 10 : 0) + (has(s, /^核定资金总数$/m) ? 3 : 0),
  level1Scheme: true,
  blocks: false,
  preset: "island",
  presets: [{ id: "island", name: { zh: "海岛（一级指标权重不校验）", en: "Island (level-1 weights not checked)" }, settings: { checkLevel1Weights: false } }],
  budgetWeight: null,
  words: { titles: [/^海岛省项目考评表/], fundsTotal: ["核定资金总数"] },
  readers: { tail: islandTail },
  suggests: { zh: "海岛表用海岛方案", en: "Island forms: Island" },
};

/** The island form as its template prints it, built here (A1: the title with the year; no cause column). */
function islandWorkbook(): WorkbookSnapshot {
  const rows: CellValue[][] = [
    ["海岛省项目考评表（2024年度）", "", "", "", "", "", ""],
    ["项目名称", "海岛码头维修", "", "", "", "", ""],
    ["项目资金（万元）", "", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "核定资金总数", 100, 90, 10, 0.9, 9],
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分"],
    ["产出指标", "数量指标", "维修码头数", 60, "≥10个", "8个", 48],
    ["效益指标", "社会效益指标", "通航天数", 20, "≥300天", "300天", 20],
    ["满意度指标", "服务对象满意度指标", "渔民满意度", 10, "≥90%", "95%", 10],
    ["总分", "", "", 100, "", "", 87],
    ["问题及整改措施", "两座码头基础老化，工期顺延至下年度", "", "", "", "", ""],
  ];
  return { sheets: [{ name: "考评表", top: 0, left: 0, values: rows, formats: rows.map((r) => r.map(() => "General")), merges: [] }] };
}

const form = () => runCheck(islandWorkbook(), { lang: "zh" }).report.forms[0];
const list = (f: ReturnType<typeof form>) => f.findings.map((x) => `${x.severity} ${x.cell} ${x.rule}`);

describe("a template family added by a folder and one registration", () => {
  let unregister: (() => void) | null = null;
  const before = { families: [...FAMILIES], ids: [...FAMILY_IDS], presets: [...PRESETS] };
  afterEach(() => {
    unregister?.();
    unregister = null;
  });

  test("unregistered, the island form is read from its 项目名称 to its total, of no family, with the central rules", () => {
    const f = form();
    expect(f).toMatchObject({ range: "A2:G9", template: { id: "unknown" }, preset: { id: "central", source: "default" } });
    // the year stands in the title row, above the form as read: the default year is assumed
    expect(f.year).not.toBe(2024);
    // no cause column and no tail read: the unmet indicator lacks its cause; the 60/20/10 scheme is judged
    expect(list(f)).toEqual(["error G6 missing-deviation-cause", "warning D9 level1-weights"]);
  });

  test("registered, its title starts the form, its words read the total row, its tail the cause, its preset applies", () => {
    unregister = registerFamily(ISLAND);
    const f = form();
    expect(f).toMatchObject({ range: "A1:G10", year: 2024, projectName: "海岛码头维修", template: { id: "island-2024", name: "海岛省 2024 项目考评表" } });
    expect(f.preset).toEqual({ id: "island", name: "海岛（一级指标权重不校验）", source: "family" });
    expect(f.budget).toEqual({ executionRate: 0.9, score: 9 });
    expect(f.totals).toEqual({ weights: 100, reportedScore: 87, sumOfScores: 87, recalculatedScore: 87 });
    // the cause written in the tail counts for the unmet row; its preset does not judge the level-1 weights
    expect(f.findings.filter((x) => x.rule === "missing-deviation-cause" || x.rule === "level1-weights")).toEqual([]);
    const [layout] = locateForms(new Grid(islandWorkbook().sheets[0]));
    expect(layout.family.id).toBe("island-2024");
    expect(layout.funds?.totalRow).toBe(3);
    expect([layout.formCauseLabel, layout.formCause, layout.bottom]).toEqual([{ row: 9, col: 0 }, { row: 9, col: 1 }, 9]);
  });

  test("registered, a setting may force it or choose its preset, and the settings sentence names it", () => {
    unregister = registerFamily(ISLAND);
    expect(FAMILY_IDS).toContain("island-2024");
    expect(sanitizeSettings({ family: "island-2024", preset: "island" })).toMatchObject({ family: "island-2024", preset: "island", checkLevel1Weights: false });
    expect(suggestionsSentence("zh")).toBe("湖北表用湖北方案，四川表用四川方案，海岛表用海岛方案，其余用中央方案");
    // forced by a setting, the family is the form's whatever its labels say: a central form read as an island one
    const central = islandWorkbook();
    central.sheets[0].values[0][0] = "项目支出绩效自评表（2024年度）";
    const forced = runCheck(central, { lang: "zh", family: "island-2024" }).report.forms[0];
    expect(forced).toMatchObject({ template: { id: "island-2024" }, preset: { id: "island", source: "family" } });
    expect(runCheck(central, { lang: "zh" }).report.forms[0].template.id).not.toBe("island-2024");
    expect(() => registerFamily(ISLAND)).toThrow(/already registered/);
  });

  test("removed, nothing of it is left: the families, their ids, the presets, the words, the settings", () => {
    registerFamily(ISLAND)();
    expect({ families: [...FAMILIES], ids: [...FAMILY_IDS], presets: [...PRESETS] }).toEqual(before);
    expect(before.ids).toEqual(["hubei-2020", "sichuan-2023", "sichuan-county", "central"]);
    expect(PRESETS.map((p) => p.id)).toEqual(["central", "hubei", "sichuan", "provincial-platform"]);
    expect(suggestionsSentence("zh")).toBe("湖北表用湖北方案，四川表用四川方案，其余用中央方案");
    expect(suggestionsSentence("en")).toBe("Hubei forms: Hubei, Sichuan forms: Sichuan, others: central");
    expect(sanitizeSettings({ family: "island-2024", preset: "island" })).toEqual({});
    expect(form()).toMatchObject({ range: "A2:G9", template: { id: "unknown" } });
  });
});

describe("the generic readers know no family", () => {
  const core = path.resolve(__dirname, "../../src/core");
  const readers = ["locate", "analyse"].flatMap((d) => fs.readdirSync(path.join(core, d)).map((f) => `${d}/${f}`)).concat(["locate.ts", "analyse.ts", "lexicon.ts", "vocabulary.ts"]);
  /** A module's code without its comments: what it imports and the names it compares. */
  const code = (f: string) => fs.readFileSync(path.join(core, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  /** What in the code names a family: an import of a family's folder, or a family's id. */
  const naming = (text: string, ids: readonly string[]) => [
    ...[...text.matchAll(/from\s+"([^"]*families\/[^"]+)"/g)].map((m) => m[1]).filter((p) => !/families\/family$/.test(p)),
    ...ids.filter((id) => text.includes(`"${id}"`)),
  ];

  test("no reader imports a family's folder or compares a family's id", () => {
    expect(readers.length).toBeGreaterThan(14);
    expect(readers.flatMap((f) => naming(code(f), FAMILY_IDS).map((x) => `${f}: ${x}`))).toEqual([]);
  });
  test("the check sees a reader that does", () => {
    expect(naming('import { isBlockLabel } from "../families/hubei-2020/words";\nif (layout.family.id === "hubei-2020") x();', FAMILY_IDS)).toEqual(["../families/hubei-2020/words", "hubei-2020"]);
  });
});
