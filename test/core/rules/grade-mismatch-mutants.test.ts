import { gradeMismatch } from "../../../src/core/rules/grade-mismatch";
import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report, fillMessage, resolveData } from "../../../src/core/findings";
import { Grid } from "../../../src/core/grid";
import { DEFAULT_OPTIONS } from "../../../src/core/options";
import { CellValue } from "../../../src/core/snapshot";

/**
 * grade-mismatch on hand-built forms (issue 38: its bands, the grade words, where it looks and when it keeps quiet
 * survived mutation). A sheet of rows 0…5, columns 0…5; the form spans columns 1…4 with its 总分 row at row 3 (the
 * form's last row): the rule reads that row and the one below it, and nothing else.
 */
const sheet = (cells: Record<string, CellValue>): Grid => {
  const values: CellValue[][] = Array.from({ length: 6 }, () => new Array<CellValue>(6).fill(""));
  for (const [rc, v] of Object.entries(cells)) {
    const [r, c] = rc.split(",").map(Number);
    values[r][c] = v;
  }
  return new Grid({ name: "表", top: 0, left: 0, values, formats: values.map((r) => r.map(() => "General")), merges: [] });
};
const formOf = (total: number | null, o: { totalRow?: number | null; unchecked?: string[] } = {}) =>
  ({
    layout: { totalRow: "totalRow" in o ? o.totalRow : 3, left: 1, right: 4, bottom: 3 },
    totalScore: total === null ? null : { value: total, cell: { row: 3, col: 3 }, raw: total },
    unchecked: (o.unchecked ?? []).map((section) => ({ section })),
  }) as unknown as FormAnalysis;
const run = (form: FormAnalysis, grid: Grid | undefined): Report[] => {
  const out: Report[] = [];
  gradeMismatch.check({ form, grid, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined });
  return out;
};
/** what the rule says of a total with this text in the 总分 row's fourth column (E4): [cell, written, grade] or null */
const said = (total: number, text: CellValue, at = "3,4"): [string, unknown, unknown] | null => {
  const rs = run(formOf(total), sheet({ "3,1": "总分", "3,2": 100, "3,3": total, [at]: text }));
  expect(rs.length).toBeLessThanOrEqual(1);
  return rs.length ? [`${rs[0].at.row},${rs[0].at.col}`, rs[0].actual, rs[0].expected] : null;
};

describe("grade-mismatch: the bands of 财预〔2020〕10号, each side of each limit", () => {
  test.each([
    [100, "优"],
    [90, "优"],
    [89.995, "优"], // the total at two decimals: 90.00
    [89.994, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("a total of %p is %s: quiet with its grade, a warning with any other", (total, grade) => {
    expect(said(total, grade)).toBeNull();
    for (const other of ["优", "良", "中", "差"].filter((g) => g !== grade)) expect(said(total, other)).toEqual(["3,4", other, grade]);
  });

  test("each way of printing a grade reads as its band", () => {
    for (const [word, grade] of [
      ["优秀", "优"],
      ["良好", "良"],
      ["中等", "中"],
      ["合格", "中"],
      ["不合格", "差"],
      ["差", "差"],
    ]) {
      const total = { 优: 95, 良: 85, 中: 70, 差: 50 }[grade]!;
      expect([word, said(total, word)]).toEqual([word, null]);
      expect([word, said(total === 95 ? 50 : 95, word)]).toEqual([word, ["3,4", word, total === 95 ? "差" : "优"]]);
    }
  });

  test("a grade with its label and brackets, or spaced out (also by a full-width space), is still read", () => {
    for (const text of ["等级：良", "自评等级:良", "评价结果：良", "（良）", "等级： 良", "等　级：良　", "良 好"]) expect([text, said(95, text)]).toEqual([text, ["3,4", text.includes("好") ? "良好" : "良", "优"]]);
    // text that only contains a grade word is no grade
    for (const text of ["良好率", "优质服务", "中期评估", "差额"]) expect([text, said(95, text)]).toEqual([text, null]);
  });
});

describe("grade-mismatch: where it reads the grade", () => {
  test("the message names what is written, the total and its band, in both languages", () => {
    const [r] = run(formOf(85.5), sheet({ "3,1": "总分", "3,3": 85.5, "3,4": "优秀" }));
    expect(r).toMatchObject({ at: { row: 3, col: 4 }, messageId: "mismatch", expected: "良", actual: "优秀" });
    const m = gradeMismatch.meta.messages[r.messageId];
    expect(fillMessage(m.zh, r.data, "zh")).toBe("表中等级写“优秀”，但总分 85.5 对应“良”（90–100 优，80–90 良，60–80 中，60 以下差）。等级应按总分所在的档填写。");
    expect(fillMessage(m.en, r.data, "en")).toBe(
      'The form\'s grade says "优秀", but the total 85.5 is "良" (90–100 优, 80–90 良, 60–80 中, below 60 差). Write the grade of the total\'s band.',
    );
    expect(resolveData(r.data, "en")).toEqual({ written: "优秀", total: "85.5", grade: "良" });
  });

  test("a label 自评等级 with the grade further right, past blank cells: the finding is at the grade", () => {
    expect(said(95, "差", "3,4")).toEqual(["3,4", "差", "优"]);
    const rs = run(formOf(95), sheet({ "3,1": "总分", "3,2": 95, "4,1": "自评等级", "4,2": "", "4,3": " ", "4,4": "差" }));
    expect(rs.map((r) => [r.at, r.actual])).toEqual([[{ row: 4, col: 4 }, "差"]]);
  });

  test("the first grade found is the form's: the 总分 row before the row below, left before right", () => {
    const both = run(formOf(95), sheet({ "3,2": "良", "3,4": "差", "4,1": "中" }));
    expect(both.map((r) => [r.at, r.actual])).toEqual([[{ row: 3, col: 2 }, "良"]]);
    // the right grade first: quiet, whatever follows
    expect(run(formOf(95), sheet({ "3,2": "优", "3,4": "差", "4,1": "中" }))).toEqual([]);
    expect(run(formOf(95), sheet({ "3,4": "优", "4,1": "差" }))).toEqual([]);
    // a grade followed by other text in the next cell is read where it is
    expect(run(formOf(95), sheet({ "3,2": "良", "3,3": "（盖章）" })).map((r) => r.at)).toEqual([{ row: 3, col: 2 }]);
  });

  test("only the form's columns of the 总分 row and the row below: not two rows down, not above, not beside the form", () => {
    for (const at of ["5,1", "2,1", "3,0", "3,5", "4,0", "4,5"]) expect([at, run(formOf(95), sheet({ [at]: "差" }))]).toEqual([at, []]);
    for (const at of ["3,1", "3,4", "4,1", "4,4"]) expect([at, run(formOf(95), sheet({ [at]: "差" })).length]).toEqual([at, 1]);
  });
});

describe("grade-mismatch: when it keeps quiet", () => {
  const grid = sheet({ "3,4": "差" });
  test("a total section not checked: no grade to compare; another section not checked does not quiet it", () => {
    expect(run(formOf(95), grid)).toHaveLength(1);
    expect(run(formOf(95, { unchecked: ["total"] }), grid)).toEqual([]);
    expect(run(formOf(95, { unchecked: ["funds", "indicators"] }), grid)).toHaveLength(1);
    expect(run(formOf(95, { unchecked: ["funds", "total"] }), grid)).toEqual([]);
  });
  test("no sheet, no 总分 row or no total: nothing to judge", () => {
    expect(run(formOf(95), undefined)).toEqual([]);
    expect(run(formOf(95, { totalRow: null }), grid)).toEqual([]);
    expect(run(formOf(null), grid)).toEqual([]);
  });
});
