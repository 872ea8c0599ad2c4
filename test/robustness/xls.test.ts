import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { processFile } from "../../src/web/pipeline";
import { readXls } from "../../src/xlsx/xls/read";
import { ROOT } from "../support/workbooks";

const loadXls = async () => readXls;

/** Hostile .xls files (scripts/make-hostile-xls.js): one clear line each, naming the file; the other files still checked. */
const hostile = (f: string) => path.join(ROOT, "test/xls/hostile", f);

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

const cases: Array<[string, RegExp, RegExp, string]> = [
  ["truncated.xls", /旧版 \.xls 工作簿已损坏或被截断/, /damaged or truncated .*past the end of the file/, "xls"],
  ["fat-loop.xls", /已损坏或被截断/, /sector chain loops/, "xls"],
  ["sector-count-lie.xls", /已损坏或被截断/, /the size lies/, "xls"],
  ["huge-sst.xls", /已损坏或被截断/, /a string runs past the end/, "xls"],
  ["encrypted-rc4.xls", /密码保护（已加密，RC4）/, /password-protected \(encrypted, RC4\)/, "encrypted"],
  ["encrypted-xor.xls", /密码保护（已加密，XOR）/, /password-protected \(encrypted, XOR\)/, "encrypted"],
  ["overlapping-sheets.xls", /已损坏或被截断/, /records overlap/, "xls"],
  ["not-biff.et", /WPS 表格的 \.et 格式/, /WPS Spreadsheets \.et workbook/, "et"],
];

describe("hostile .xls files", () => {
  test("each gets one line (zh and en) naming the file, exit 2, no stack trace; the good .xls is still checked", async () => {
    const good = path.join(ROOT, "test/xls/libreoffice/official.xls");
    for (const lang of ["zh", "en"] as const) {
      const r = await run("check", ...cases.map(([f]) => hostile(f)), good, "--json", "--lang", lang);
      expect(r.code).toBe(2);
      const lines = r.err.split("\n").filter((l) => l.startsWith("selfeval:"));
      expect(lines).toHaveLength(cases.length);
      for (const [f, zh, en] of cases) expect(lines.find((l) => l.includes(`${f}:`))).toMatch(lang === "zh" ? zh : en);
      expect(r.err).not.toMatch(/\n\s+at |TypeError|RangeError/);
      const json = JSON.parse(r.out);
      expect(json.files.find((x: { file: string }) => x.file === good).forms.length).toBeGreaterThan(0);
    }
  });

  test("the web page's pipeline gives each the same problem kind", async () => {
    for (const [f, , , kind] of cases) {
      const o = await processFile(f, new Uint8Array(fs.readFileSync(hostile(f))), undefined, loadXls);
      expect(o.problem?.kind).toBe(kind);
    }
  });

  test("every hostile file is refused by a CLI run with a small heap (only a runaway reaches the bound)", () => {
    const r = spawnSync(process.execPath, ["--max-old-space-size=96", path.join(ROOT, "bin/selfeval.js"), "check", ...cases.map(([f]) => hostile(f))], { encoding: "utf8", timeout: 120000 });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n").filter((l) => l.startsWith("selfeval:"))).toHaveLength(cases.length);
  });
});

test("the committed hostile files are what scripts/make-hostile-xls.js makes", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-hostile-"));
  spawnSync(process.execPath, [path.join(ROOT, "scripts/make-hostile-xls.js")], { env: { ...process.env, SELFEVAL_FIXTURE_ROOT: root }, encoding: "utf8" });
  const made = fs.readdirSync(path.join(root, "test/xls/hostile")).sort();
  expect(made).toEqual(fs.readdirSync(path.join(ROOT, "test/xls/hostile")).sort());
  for (const f of made) expect([f, fs.readFileSync(path.join(root, "test/xls/hostile", f)).equals(fs.readFileSync(hostile(f)))]).toEqual([f, true]);
});

describe("a folder mixing .xls, .et and .xlsx", () => {
  test("is checked in one run: every workbook in it, each .xls as its .xlsx twin", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-mixed-"));
    fs.copyFileSync(path.join(ROOT, "test/xls/libreoffice/official.xls"), path.join(dir, "a.xls"));
    fs.copyFileSync(path.join(ROOT, "test/xls/libreoffice/official.resaved.xlsx"), path.join(dir, "a.xlsx"));
    fs.copyFileSync(path.join(ROOT, "test/xls/xlwt/department.xls"), path.join(dir, "b.et"));
    fs.copyFileSync(path.join(ROOT, "test/fixtures/department.xlsx"), path.join(dir, "c.XLSX"));
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a workbook");
    const r = await run("check", dir, "--json");
    expect(r.code).toBe(1);
    const files = JSON.parse(r.out).files as Array<{ file: string; forms: unknown[]; findings: unknown[] }>;
    expect(files.map((f) => path.basename(f.file))).toEqual(["a.xls", "a.xlsx", "b.et", "c.XLSX"]);
    expect(files[0].forms.length).toBeGreaterThan(0);
    expect(files[0].forms).toEqual(files[1].forms);
    expect(files[2].forms).toEqual(files[3].forms);
  });
});
