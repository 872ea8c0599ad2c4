import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { summaryWorkbookFor } from "../../src/web/bundle";
import { processFile } from "../../src/web/pipeline";
import { readXls } from "../../src/xlsx/xls/index";
import { ROOT } from "../support/workbooks";

/**
 * `selfeval check FOLDER --summary 汇总.xlsx`: the web page's 汇总 workbook, written by the same builder
 * (src/xlsx/summary-workbook.ts) from the same rows (src/core/summary-rows.ts) — held equal here, part by part, to the
 * page's for the same files; its counts, its reason for a file that cannot be read, its links to the copies.
 */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

// every kind: errors, clean-ish, unfilled, not a form, department, hostile, damaged, an old .xls
const FILES = [
  "test/fixtures/official.xlsx",
  "test/fixtures/provincial.xlsx",
  "test/fixtures/sichuan-2023-unfilled-between.xlsx",
  "test/fixtures/no-form.xlsx",
  "test/fixtures/department.xlsx",
  "test/corpus/zip-bomb.xlsx",
  "test/corpus/not-a-zip.xlsx",
  "test/corpus/encrypted.xlsx",
  "test/corpus/truncated-zip.xlsx",
];

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const z = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(z.files).sort()) if (!z.files[name].dir) out[name] = await z.file(name)!.async("string");
  return out;
}

describe("selfeval check FOLDER --summary", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-summary-"));
    fs.mkdirSync(path.join(dir, "in"));
    for (const f of FILES) fs.copyFileSync(path.join(ROOT, f), path.join(dir, "in", path.basename(f)));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("writes 汇总.xlsx equal, part by part, to the web page's for the same files", async () => {
    const target = path.join(dir, "in", "汇总.xlsx");
    const r = await run("check", path.join(dir, "in"), "--summary", target);
    expect(r.code).toBe(2); // unreadable files among them
    const names = fs.readdirSync(path.join(dir, "in")).filter((n) => n !== "汇总.xlsx").sort();
    expect(names).toHaveLength(FILES.length);
    const outcomes = await Promise.all(names.map((n) => processFile(n, new Uint8Array(fs.readFileSync(path.join(dir, "in", n))), undefined, async () => readXls)));
    const page = await parts(summaryWorkbookFor(outcomes, "zh", false));
    const cli = await parts(fs.readFileSync(target));
    expect(Object.keys(cli)).toEqual(Object.keys(page));
    expect(cli).toEqual(page);
    expect(cli["xl/worksheets/sheet1.xml"]).toContain("无法读取"); // it has content to compare

    // a second run: the summary in the folder is not checked as one of the files; without --force it is kept
    const again = await run("check", path.join(dir, "in"), "--summary", target);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists .*--force/);
    const forced = await run("check", path.join(dir, "in"), "--summary", target, "--force", "--json");
    expect(JSON.parse(forced.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(names);
    expect(await parts(fs.readFileSync(target))).toEqual(page);
  });

  test("the verdict column, the counts, the autofilter, the frozen header, the reason of an unreadable file, links to the copies", async () => {
    const target = path.join(dir, "汇总-out.xlsx");
    const out = path.join(dir, "已标注");
    const r = await run("check", path.join(dir, "in"), "--out", out, "--summary", target, "--force");
    expect(r.code).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(target) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("汇总")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["文件", "表（项目）", "结论", "主要问题", "模板", "执行率", "填写总分", "重算总分", "等级", "错误", "警告", "说明"]);
    const col = (h: string) => header.indexOf(h) + 1;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:L${ws.rowCount}`);
    const verdicts: string[] = [];
    const links: string[] = [];
    for (let i = 2; i <= ws.rowCount; i++) {
      const verdict = String(ws.getCell(i, col("结论")).value);
      verdicts.push(verdict);
      const a = ws.getCell(i, 1).value as { formula?: string } | string;
      if (verdict === "无法读取") {
        expect(typeof a).toBe("string"); // no link: there is no copy
        expect(String(ws.getCell(i, col("说明")).value)).toMatch(/zip|加密|损坏/);
      } else {
        const m = /^HYPERLINK\("([^#"]+)/.exec((a as { formula: string }).formula);
        links.push(m![1]);
        expect(fs.existsSync(path.join(dir, m![1]))).toBe(true); // the copy is where the link says
      }
      if (verdict === "需修改") expect(String(ws.getCell(i, col("主要问题")).value ?? "")).not.toBe("");
    }
    expect(links.every((l) => l.startsWith("已标注/") && l.includes(".checked."))).toBe(true);
    expect(new Set(verdicts)).toEqual(new Set(["需修改", "未填写", "未校验", "未找到表格", "无法读取", ...(verdicts.includes("可以提交") ? ["可以提交"] : [])]));
    const count = (v: string) => verdicts.filter((x) => x === v).length;
    const stats = wb.getWorksheet("统计")!;
    expect(stats.getCell("A1").value).toBe(`${count("可以提交")} 可以提交 · ${count("需修改")} 需修改 · ${count("未填写")} 未填写 · ${count("未校验")} 未校验 · ${count("无法读取")} 无法读取 · ${count("未找到表格")} 未找到表格`);
    expect(count("无法读取")).toBe(4);
  });

  test("usage: --summary names an .xlsx, and is for check only", async () => {
    expect((await run("check", path.join(dir, "in"), "--summary", path.join(dir, "x.csv"))).code).toBe(2);
    expect((await run("fix", path.join(dir, "in"), "--out", path.join(dir, "f"), "--summary", path.join(dir, "y.xlsx"))).err).toContain("--summary is for check");
  });
});
