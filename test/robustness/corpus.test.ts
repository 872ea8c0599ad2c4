import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ROOT, check, findings, hits } from "../support/workbooks";
import { readXlsxSnapshot } from "../../src/xlsx/fast-read";

const corpus = (f: string) => path.join(ROOT, "test/corpus", f);
const load = async (f: string) => readXlsxSnapshot(fs.readFileSync(corpus(f)));

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

describe("malformed workbooks: a clear finding, never a crash", () => {
  test("error values in every numeric column are errors on their cells", async () => {
    const r = check(await load("error-values.xlsx"));
    const cells = hits(r, "unparseable-value");
    for (const c of ["D6", "E6", "F6", "G6", "H6", "I6", "G14", "H14", "G27", "H27"]) expect(cells).toContain(`error 表!${c} errorValue`);
    for (const c of ["E14", "F14"]) expect(cells).toContain(`error 表!${c} errorIn`);
    expect(findings(r, "unparseable-value").find((f) => f.cell === "E6")?.actual).toBe("#REF!");
  });

  test("text in numeric cells is a warning on each cell", async () => {
    expect(hits(check(await load("text-in-numbers.xlsx")), "unparseable-value")).toEqual(["warning 表!E6 notNumber", "warning 表!G14 notNumber", "warning 表!H15 notNumber", "warning 表!H27 notNumber"]);
  });

  test("1,234.5, negative and huge numbers are read as numbers", async () => {
    const r = check(await load("odd-numbers.xlsx"));
    expect(r.forms[0].budget.executionRate).toBe(1);
    expect(hits(r, "funding-breakdown")).toEqual([]);
    expect(hits(r, "score-exceeds-weight")).toEqual(["error 表!H14 negative"]);
    expect(Number.isFinite(r.forms[0].totals.recalculatedScore)).toBe(true);
  });

  test("two 总分 rows: the first closes the form", async () => {
    const r = check(await load("duplicate-total.xlsx"));
    expect(r.forms.map((f) => f.range)).toEqual(["A1:I26"]);
    expect(hits(r, "total-score")).toEqual(["error 表!H26 mismatch"]);
  });

  test("a form without indicators is reported incomplete, its budget still checked", async () => {
    const r = check(await load("no-indicators.xlsx"));
    expect(findings(r, "form-incomplete")[0].message).toContain("绩效指标");
    expect(r.forms[0].budget.executionRate).toBe(1);
  });

  test("merged areas crossing sections, hidden rows and columns: the form is still read", async () => {
    expect(check(await load("merge-across-sections.xlsx")).forms).toHaveLength(1);
    const hidden = check(await load("hidden-rows-columns.xlsx"));
    expect(hidden.forms[0].totals).toEqual({ weights: 100, reportedScore: 90.5, sumOfScores: 91.5, recalculatedScore: 95 });
    expect(hits(hidden, "total-score")).toEqual(["error 表!H26 mismatch"]);
  });

  test("30,000-character cells: read whole, messages stay short", async () => {
    const r = check(await load("long-cells.xlsx"));
    expect(r.forms).toHaveLength(1);
    for (const f of findings(r)) expect(f.message.length).toBeLessThan(400);
  });

  test("emoji and rare CJK characters survive, in sheet names too", async () => {
    const r = check(await load("emoji-rare-cjk.xlsx"));
    expect(r.forms[0].projectName).toBe("𠀀𪚥工程😀项目");
    expect(hits(r, "total-score")).toEqual(["error 表😀!H26 mismatch"]);
  });

  test("a sheet whose used range reaches XFD1048576: the form is checked, the far cell reported", async () => {
    const r = check(await load("far-cell-xfd1048576.xlsx"));
    expect(r.forms).toHaveLength(1);
    expect(findings(r, "sheet-clipped")).toEqual([expect.objectContaining({ sheet: "表", cell: "XFD1048576", severity: "warning" })]);
  });
});

describe("files that are not what they claim", () => {
  const bad: Array<[string, RegExp]> = [
    ["not-a-zip.xlsx", /不是有效的 \.xlsx 文件/],
    ["truncated-zip.xlsx", /损坏或被截断/],
    ["zip-bomb.xlsx", /zip 炸弹/],
    ["zip-size-lie.xlsx", /zip 炸弹/],
    ["encrypted.xlsx", /密码/],
    ["old-binary.xls", /旧版 \.xls/],
    ["forms.csv", /CSV/],
  ];
  test("each gets one line naming the file and what to do, exit 2, no stack trace; the good file is still checked", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bad-"));
    const files = [...bad.map(([f]) => f), "error-values.xlsx"];
    const before = new Map(files.map((f) => [f, fs.readFileSync(corpus(f))]));
    const r = await run("check", ...files.map(corpus), "--json");
    expect(r.code).toBe(2);
    const lines = r.err.split("\n").filter((l) => l.startsWith("selfeval:"));
    expect(lines).toHaveLength(bad.length);
    for (const [f, re] of bad) {
      const line = lines.find((l) => l.includes(f));
      expect(line).toMatch(re);
    }
    expect(r.err).not.toMatch(/\n\s+at /);
    const json = JSON.parse(r.out);
    expect(json.files).toHaveLength(files.length);
    expect(json.files.find((x: { file: string }) => x.file.endsWith("error-values.xlsx")).forms).toHaveLength(1);
    // nothing was written to any input
    for (const f of files) expect(fs.readFileSync(corpus(f)).equals(before.get(f)!)).toBe(true);
    void dir;
  });

  test("the English messages say the same", async () => {
    const r = await run("check", corpus("zip-bomb.xlsx"), corpus("old-binary.xls"), "--lang", "en");
    expect(r.err).toMatch(/zip-bomb\.xlsx: the file would unpack to far more/);
    expect(r.err).toMatch(/old-binary\.xls: this is an old binary \.xls workbook/);
  });

  test("--out never writes for an unreadable file and never half a file", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-out-"));
    await run("check", corpus("zip-bomb.xlsx"), corpus("hidden-rows-columns.xlsx"), "--out", out);
    expect(fs.readdirSync(out)).toEqual(["hidden-rows-columns.checked.xlsx"]);
  });
});
