import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readXlsx } from "../../src/xlsx/read";
import { SETTINGS_KEY, readDocumentSetting } from "../../src/xlsx/settings";
import { fixturePath } from "../support/workbooks";

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-fix-"));

/** Every cell that differs between two workbooks, as "sheet!A1". */
async function diffCells(a: string, b: string): Promise<string[]> {
  const [x, y] = [(await readXlsx(fs.readFileSync(a))).snapshot, (await readXlsx(fs.readFileSync(b))).snapshot];
  const out: string[] = [];
  expect(y.sheets.map((s) => s.name)).toEqual(x.sheets.map((s) => s.name));
  x.sheets.forEach((s, i) => {
    const t = y.sheets[i];
    expect(t.merges).toEqual(s.merges);
    const rows = Math.max(s.values.length + s.top, t.values.length + t.top);
    const cols = Math.max((s.values[0]?.length ?? 0) + s.left, (t.values[0]?.length ?? 0) + t.left);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const va = s.values[r - s.top]?.[c - s.left] ?? "", vb = t.values[r - t.top]?.[c - t.left] ?? "";
        const fa = s.formats[r - s.top]?.[c - s.left] ?? "General", fb = t.formats[r - t.top]?.[c - t.left] ?? "General";
        if (va !== vb || (va !== "" && fa !== fb)) out.push(`${s.name}!${String.fromCharCode(65 + c)}${r + 1}`);
      }
  });
  return out;
}

describe("selfeval fix", () => {
  test("the output differs from its input only in the proposed cells; the input is untouched", async () => {
    const dir = tmp();
    const input = path.join(dir, "forms.xlsx");
    fs.copyFileSync(fixturePath("official"), input);
    const before = fs.readFileSync(input);
    const r = await run("fix", input, "--out", path.join(dir, "out"), "--indicator-scores", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const changed = json.files[0].changes.map((c: { sheet: string; cell: string }) => `${c.sheet}!${c.cell}`);
    expect(changed).toEqual(["项目1!H20", "项目1!H22", "项目1!H26"]);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(await diffCells(input, path.join(dir, "out", "forms.fixed.xlsx"))).toEqual(changed);
    // and the fixed workbook checks clean of those findings
    const again = await run("check", path.join(dir, "out", "forms.fixed.xlsx"), "--json");
    const rules = JSON.parse(again.out).files[0].forms[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).not.toContain("total-score");
    expect(rules).not.toContain("indicator-score");
  });

  test("without --indicator-scores only the total is written, and the output is printed", async () => {
    const dir = tmp();
    const r = await run("fix", fixturePath("official"), "--out", dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/项目1!H26\s+total-score\s+90\.5\s+91\.5/);
  });

  test("formula cells are left alone", async () => {
    const dir = tmp();
    const r = await run("fix", fixturePath("shifted"), "--out", dir, "--json");
    const f = JSON.parse(r.out).files[0];
    expect(f.changes.map((c: { cell: string }) => c.cell)).toEqual(["J30"]);
    expect(f.skipped).toEqual([]);
    // the 执行率 and budget score formulas survive
    const wb = await readXlsx(fs.readFileSync(path.join(dir, "shifted.fixed.xlsx")));
    expect(wb.workbook.getWorksheet("安全生产")!.getCell("J10").formula).toBe("H10/G10");
  });

  test("fix needs --out", async () => {
    const r = await run("fix", fixturePath("official"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out");
  });
});

describe("settings for the CLI", () => {
  async function withSettings(value: unknown): Promise<string> {
    const zip = await JSZip.loadAsync(fs.readFileSync(fixturePath("official")));
    const escaped = JSON.stringify(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F1C2B7E-3D4A-4E59-9B8C-5A7D2E1F0C93}"><we:reference id="wa000000000" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="${SETTINGS_KEY}" value="${escaped}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
    );
    const file = path.join(tmp(), "with-settings.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    return file;
  }

  test("the settings the add-in saved in a workbook are read back", async () => {
    const file = await withSettings({ preset: "central", options: { overachievementThreshold: 2 }, highlight: ["error"] });
    expect(await readDocumentSetting(fs.readFileSync(file), SETTINGS_KEY)).toEqual({ preset: "central", options: { overachievementThreshold: 2 }, highlight: ["error"] });
    const r = await run("check", file, "--json");
    const rules = JSON.parse(r.out).files[0].forms.flatMap((f: { findings: Array<{ rule: string }> }) => f.findings.map((x) => x.rule));
    expect(rules).not.toContain("overachievement-unexplained"); // 200% threshold from the workbook
  });

  test("--config wins over the workbook's settings; a preset name works", async () => {
    const file = await withSettings({ options: { overachievementThreshold: 2 } });
    const cfg = path.join(tmp(), "c.json");
    fs.writeFileSync(cfg, JSON.stringify({ preset: "provincial-platform", overachievementThreshold: 0.3 }));
    const r = await run("check", file, "--json", "--config", cfg);
    const forms = JSON.parse(r.out).files[0].forms;
    expect(forms[0].findings.map((f: { rule: string }) => f.rule)).toContain("overachievement-unexplained");
    expect(forms[0].findings.map((f: { rule: string }) => f.rule)).toContain("execution-cap");
  });

  test("a config file that is not JSON is a usage error", async () => {
    const cfg = path.join(tmp(), "bad.json");
    fs.writeFileSync(cfg, "{ nope");
    const r = await run("check", fixturePath("official"), "--config", cfg);
    expect(r.code).toBe(2);
    expect(r.err).toContain("not a JSON object");
  });
});
