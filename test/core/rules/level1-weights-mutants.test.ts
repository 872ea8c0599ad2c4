import { level1Weights } from "../../../src/core/rules/level1-weights";
import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report, fillMessage, resolveData } from "../../../src/core/findings";
import { CheckOptions, DEFAULT_OPTIONS } from "../../../src/core/options";

/**
 * level1-weights on hand-built analyses (issue 38: its messages in each language, the budget's part, the form with no
 * indicators, and which inferred weights keep a label from being judged survived mutation). Only the fields the rule
 * reads; the defaults are 产出 50 / 效益 30 / 满意度 10 / 预算执行 10 (RULES.md §5).
 */
type Row = { level1?: string; level1Row?: number; category?: string; weight?: number; source?: string };
const indicator = (r: Row = {}) => ({
  layout: { level1: r.level1 ?? "产出指标", level1Row: r.level1Row ?? 10, category: r.category ?? "output" },
  weightSource: r.source ?? "cell",
  weight: { value: r.weight ?? 10 },
});
const formOf = (
  o: {
    level1?: [number, number, number];
    budget?: number | null;
    declared?: Record<string, { weight: number; cell: { row: number; col: number } }>;
    indicators?: ReturnType<typeof indicator>[];
    scheme?: boolean;
    totalWeightCell?: { row: number; col: number } | null;
    totalLabelCell?: { row: number; col: number } | null;
  } = {},
) => {
  const [output, outcome, satisfaction] = o.level1 ?? [50, 30, 10];
  return {
    totalWeight: o.totalWeightCell === null ? null : { cell: o.totalWeightCell ?? { row: 30, col: 6 }, value: 100 },
    layout: { totalLabelCell: o.totalLabelCell ?? null, family: { level1Scheme: o.scheme ?? true } },
    indicators: o.indicators ?? [indicator()],
    level1: { output, outcome, satisfaction },
    level1Declared: o.declared ?? {},
    budget: o.budget === undefined ? { weightValue: 10 } : o.budget === null ? { weightValue: null } : { weightValue: o.budget },
  } as unknown as FormAnalysis;
};
const run = (form: FormAnalysis, options: Partial<CheckOptions> = {}): Report[] => {
  const out: Report[] = [];
  level1Weights.check({ form, options: { ...DEFAULT_OPTIONS, ...options }, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined });
  return out;
};
const text = (r: Report, lang: "zh" | "en") => fillMessage(level1Weights.meta.messages[r.messageId][lang], r.data, lang);

describe("level1-weights: a split other than the defaults", () => {
  test("两类不同: both named with their defaults, in each language, at the total's weight cell", () => {
    const [r, ...more] = run(formOf({ level1: [55, 25, 10] }));
    expect(more).toEqual([]);
    expect(r).toMatchObject({ at: { row: 30, col: 6 }, messageId: "differ", expected: "50/30/10/10", actual: "55/25/10/10" });
    expect(text(r, "zh")).toBe("一级指标权重与默认不同：产出指标 55（默认 50），效益指标 25（默认 30）；如属特殊情况调整，请确认。");
    expect(text(r, "en")).toBe("Level-1 weights differ from the defaults: output 55 (default 50), outcome 25 (default 30); confirm the adjustment is intended.");
  });

  test("the budget's weight is one of the four: named alone when it alone differs", () => {
    const [r] = run(formOf({ level1: [50, 30, 5], budget: 15 }));
    expect(resolveData(r.data, "zh")).toEqual({ diffs: "满意度指标 5（默认 10），预算执行 15（默认 10）" });
    expect(resolveData(r.data, "en")).toEqual({ diffs: "satisfaction 5 (default 10), budget 15 (default 10)" });
    expect(r.actual).toBe("50/30/5/15");
    const [b] = run(formOf({ budget: 12.5 }));
    expect([text(b, "zh"), text(b, "en")]).toEqual(["一级指标权重与默认不同：预算执行 12.5（默认 10）；如属特殊情况调整，请确认。", "Level-1 weights differ from the defaults: budget 12.5 (default 10); confirm the adjustment is intended."]);
  });

  test("no budget weight: not compared, shown as ?", () => {
    expect(run(formOf({ budget: null }))).toEqual([]);
    const [r] = run(formOf({ level1: [60, 20, 10], budget: null }));
    expect(r.actual).toBe("60/20/10/?");
    expect(resolveData(r.data, "en")).toEqual({ diffs: "output 60 (default 50), outcome 20 (default 30)" });
  });

  test("the defaults come from the settings; equal at two decimals", () => {
    const own = { level1Weights: { budget: 20, output: 40, outcome: 30, satisfaction: 10 } };
    expect(run(formOf({ level1: [40, 30, 10], budget: 20 }), own)).toEqual([]);
    const [r] = run(formOf(), own);
    expect(r).toMatchObject({ expected: "40/30/10/20", actual: "50/30/10/10" });
    expect(resolveData(r.data, "zh")).toEqual({ diffs: "产出指标 50（默认 40），预算执行 10（默认 20）" });
    expect(run(formOf({ level1: [50.004, 29.996, 10], budget: 10.004 }))).toEqual([]);
    expect(run(formOf({ level1: [50.01, 30, 10] }))).toHaveLength(1);
    expect(run(formOf({ budget: 9.99 }))).toHaveLength(1);
  });

  test("not judged: with no indicators, nowhere to point, the check switched off, a family without the scheme, or weights in the labels", () => {
    const off = { level1: [60, 20, 10] as [number, number, number], budget: 20 };
    expect(run(formOf(off))).toHaveLength(1);
    expect(run(formOf({ ...off, indicators: [] }))).toEqual([]);
    expect(run(formOf({ ...off, totalWeightCell: null }))).toEqual([]);
    expect(run(formOf({ ...off, totalWeightCell: null, totalLabelCell: { row: 30, col: 1 } })).map((r) => r.at)).toEqual([{ row: 30, col: 1 }]);
    expect(run(formOf(off), { checkLevel1Weights: false })).toEqual([]);
    expect(run(formOf({ ...off, scheme: false }))).toEqual([]);
    // weights in the labels that match their sums replace the scheme
    expect(run(formOf({ ...off, declared: { output: { weight: 60, cell: { row: 10, col: 0 } } } }))).toEqual([]);
  });
});

describe("level1-weights: a weight written in a 一级 label", () => {
  const declared = { output: { weight: 60, cell: { row: 10, col: 0 } } };
  test("产出指标（60分） over indicators adding up to 50: a warning at the label, in each language", () => {
    const [r, ...more] = run(formOf({ declared }));
    expect(more).toEqual([]);
    expect(r).toMatchObject({ at: { row: 10, col: 0 }, messageId: "label", expected: 60, actual: 50 });
    expect(text(r, "zh")).toBe("产出指标标注 60 分，但其下指标分值之和为 50。");
    expect(text(r, "en")).toBe("The output label says 60 points, but its indicators' weights add up to 50.");
    expect(run(formOf({ declared: { outcome: { weight: 30, cell: { row: 16, col: 0 } } } }))).toEqual([]);
    expect(run(formOf({ declared: { satisfaction: { weight: 12, cell: { row: 20, col: 0 } } } })).map((x) => text(x, "zh"))).toEqual(["满意度指标标注 12 分，但其下指标分值之和为 10。"]);
  });

  test("an inferred weight in the label's own category keeps it from being judged; one in another category does not", () => {
    const cell = indicator({ category: "output" });
    const inferred = indicator({ category: "output", source: "inferred" });
    expect(run(formOf({ declared, indicators: [cell, inferred] }))).toEqual([]);
    expect(run(formOf({ declared, indicators: [inferred] }))).toEqual([]);
    expect(run(formOf({ declared, indicators: [cell, indicator({ category: "outcome", source: "inferred" })] })).map((r) => r.at)).toEqual([{ row: 10, col: 0 }]);
    expect(run(formOf({ declared, indicators: [cell, indicator({ category: "outcome" })] }))).toHaveLength(1);
  });
});

describe("level1-weights on the evaluation frame: a label against the rows it spans", () => {
  const frameRows = (o: { level1?: string; sources?: string[] } = {}) => [
    indicator({ level1: "项目决策（20分）", level1Row: 3, weight: 20 }),
    ...(o.sources ?? ["cell", "cell"]).map((source) => indicator({ level1: o.level1 ?? "项目产出（35分）", level1Row: 8, weight: 15, source })),
  ];
  const declared = { output: { weight: 35, cell: { row: 8, col: 0 } } };

  test("the label names its group without its weight; the scheme does not apply", () => {
    const [r, ...more] = run(formOf({ level1: [30, 20, 10], budget: 20, declared, indicators: frameRows() }));
    expect(more).toEqual([]);
    expect(r).toMatchObject({ at: { row: 8, col: 0 }, messageId: "label", expected: 35, actual: 30 });
    expect(text(r, "zh")).toBe("项目产出标注 35 分，但其下指标分值之和为 30。");
    expect(resolveData(r.data, "en")).toEqual({ category: "level-1 group “项目产出”", declared: 35, sum: 30 });
    expect(text(r, "en")).toBe("The level-1 group “项目产出” label says 35 points, but its indicators' weights add up to 30.");
    expect(run(formOf({ declared: { output: { weight: 30, cell: { row: 8, col: 0 } } }, indicators: frameRows() }))).toEqual([]);
  });

  test("only the weight at the end of the label is cut off", () => {
    const zh = (level1: string) => run(formOf({ declared, indicators: frameRows({ level1 }) })).map((r) => resolveData(r.data, "zh")!.category);
    expect(zh("项目产出（35分） ")).toEqual(["项目产出"]);
    expect(zh("项目产出(35分)")).toEqual(["项目产出"]);
    expect(zh("项目（一）产出（35分）")).toEqual(["项目（一）产出"]);
    expect(zh("项目产出")).toEqual(["项目产出"]);
  });

  test("rows whose weight is inferred, any of them: the label is not judged", () => {
    expect(run(formOf({ declared, indicators: frameRows({ sources: ["cell", "inferred"] }) }))).toEqual([]);
    expect(run(formOf({ declared, indicators: frameRows({ sources: ["inferred", "inferred"] }) }))).toEqual([]);
    // an inferred weight in another group does not
    const others = [indicator({ level1: "项目决策（20分）", level1Row: 3, source: "inferred" }), ...frameRows().slice(1)];
    expect(run(formOf({ declared, indicators: others }))).toHaveLength(1);
  });

  test("two categories under one label (满意度 under 项目效益) are judged once", () => {
    const rows = [indicator({ level1: "项目管理（10分）", level1Row: 3 }), indicator({ level1: "项目效益（40分）", level1Row: 12, weight: 30 })];
    const at = { row: 12, col: 0 };
    expect(run(formOf({ declared: { outcome: { weight: 40, cell: at }, satisfaction: { weight: 40, cell: at } }, indicators: rows })).map((r) => [r.expected, r.actual])).toEqual([[40, 30]]);
  });
});
