import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import type { Page } from "playwright-core";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CHROMIUM, OUTPUT, ROOT, Session, openWeb, serveDist } from "./harness";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";
import { SORT_KEYS } from "../../src/web/summary";

/**
 * The checker without Office (dist/web.html), end to end: the production bundle in Debian's Chromium, files given to
 * its file input, every request to anything but the local server failing the test. Compared with the CLI's JSON
 * (bin/selfeval.js, built by `npm run build:cli`).
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));

jest.setTimeout(90000);

const fixture = (name: string) => path.join(ROOT, "test/fixtures", name);
const corpus = (name: string) => path.join(ROOT, "test/corpus", name);


function cliJson(file: string): { files: Array<Record<string, unknown>> } {
  const bin = path.join(ROOT, "bin/selfeval.js");
  if (!fs.existsSync(path.join(ROOT, "build/cli/main.js"))) throw new Error("build/ is missing: run `npm run build:cli` first (npm test does it).");
  let out: string;
  try {
    out = execFileSync(process.execPath, [bin, "check", file, "--json"], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit code 1 (error-level findings) or 2 (unreadable) still prints the JSON
  }
  const j = JSON.parse(out);
  for (const f of j.files) f.file = path.basename(String(f.file));
  return j;
}

async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).first().click()]);
  const p = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(p!) };
}

/** The JavaScript web.html loads: its scripts, and the chunks they name (the worker's), by content hash. */
/** web.html's scripts and the worker's chunks: scripts/web-scripts.js, the same list the benchmark weighs. */
function pageScripts(): string[] {
  const { pageScripts: scriptsOf } = require("../../scripts/web-scripts") as { pageScripts(dist: string): string[] };
  return scriptsOf(path.join(ROOT, "dist"));
}

test("the page's JavaScript parses as ES2020 (Chromium 86 kernels) and weighs ≤ 350 KB gzip", () => {
  const acorn = require("acorn") as typeof import("acorn");
  const zlib = require("zlib") as typeof import("zlib");
  const files = pageScripts();
  expect(files.some((f) => f.startsWith("web."))).toBe(true);
  expect(files.length).toBeGreaterThan(1); // the worker's chunk is found too
  let gz = 0;
  for (const f of files) {
    const code = fs.readFileSync(path.join(ROOT, "dist", f), "utf8");
    expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
    gz += zlib.gzipSync(code, { level: 9 }).length;
  }
  expect(gz).toBeLessThanOrEqual(350 * 1024);
});

suite("the web page in Chromium", () => {
  let server: { url: string; close: () => Promise<void> };
  let session: Session | null = null;

  beforeAll(async () => {
    server = await serveDist();
    if (!fs.existsSync(path.join(ROOT, "dist/web.html"))) throw new Error("dist/web.html is missing: run `npm run build`.");
    fs.mkdirSync(OUTPUT, { recursive: true });
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    if (session) {
      expect(session.blocked).toEqual([]); // nothing leaves the machine
      expect(session.errors).toEqual([]);
      await session.close();
      session = null;
    }
  });

  test("one file: shown with its forms, and its JSON report equals `selfeval check FILE --json`", async () => {
    session = await openWeb(`${server.url}/web.html`);
    const { page } = session;
    await page.getByTestId("file-input").setInputFiles(fixture("official.xlsx"));
    await page.getByTestId("details").waitFor();
    expect(await page.getByTestId("form-card").count()).toBe(4);
    expect(await page.getByTestId("done").textContent()).toContain("后台线程"); // checked in the worker
    const shown = await page.$$eval("[data-testid=finding]", (els) => els.map((e) => `${e.getAttribute("data-rule")}@${e.getAttribute("data-cell")}`));
    const expected = cliJson(fixture("official.xlsx"));
    const forms = expected.files[0].forms as Array<{ findings: Array<{ rule: string; sheet: string; cell: string }> }>;
    expect(shown.sort()).toEqual(forms.flatMap((f) => f.findings.map((x) => `${x.rule}@${x.sheet}!${x.cell}`)).sort());
    const json = await downloadOf(page, "download-json");
    expect(json.name).toBe("official.json");
    expect(JSON.parse(json.bytes.toString("utf8"))).toEqual(expected);
    // the annotated copy: offered once the browser copy writer is in (src/web/annotate.ts), labelled until then
    const copy = page.getByTestId("download-copy");
    if (await copy.isDisabled()) expect(await copy.textContent()).toContain("标注副本");
    else {
      const c = await downloadOf(page, "download-copy");
      expect(c.name).toBe("official.checked.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(c.bytes as unknown as ArrayBuffer);
      expect(wb.getWorksheet("校验报告")).toBeTruthy();
    }
    await page.screenshot({ path: path.join(OUTPUT, "web.png"), fullPage: false });
    // English switch: the same report in English (the CLI's --lang en)
    await page.getByTestId("lang").click();
    await page.getByText("Download the JSON report").first().waitFor();
    const en = await downloadOf(page, "download-json");
    expect(JSON.parse(en.bytes.toString("utf8")).files[0].forms[0].findings.map((f: { rule: string }) => f.rule)).toEqual((forms[0].findings as Array<{ rule: string }>).map((f) => f.rule));
    expect(en.bytes.toString("utf8")).not.toEqual(json.bytes.toString("utf8"));
    // issue 32: each item's badge is one finding's severity (Error, not Errors); grades in English words
    const badges = await page.locator("[data-testid=finding] .badge").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect([...new Set(badges)].sort()).toEqual(expect.arrayContaining(["Error"]));
    for (const b of badges) expect(["Error", "Warning", "Info"]).toContain(b);
    expect(await page.locator("body").innerText()).not.toMatch(/Grade [优良中差]/);
  });

  test("three files: a summary table that sorts, a 汇总 workbook with links, and the .zip", async () => {
    session = await openWeb(`${server.url}/web.html`);
    const { page } = session;
    const files = ["official.xlsx", "provincial.xlsx", "department.xlsx"].map(fixture);
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByTestId("summary-table").waitFor();
    const rowsOf = () => page.$$eval("[data-testid=summary-row]", (els) => els.map((e) => Array.from(e.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim())));
    const rows = await rowsOf();
    const expected = files.map(cliJson);
    const formCount = expected.reduce((n, j) => n + Math.max(1, (j.files[0].forms as unknown[]).length), 0);
    expect(rows.length).toBe(formCount);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["official.xlsx", "provincial.xlsx", "department.xlsx"]));
    // the errors column sums to the CLI's error-level findings
    const cliErrors = expected.reduce(
      (n, j) => n + [...(j.files[0].findings as Array<{ severity: string }>), ...(j.files[0].forms as Array<{ findings: Array<{ severity: string }> }>).flatMap((f) => f.findings)].filter((f) => f.severity === "error").length,
      0,
    );
    // the errors column found by its key in the table's column order, not a fixed place (a column added before it moves it)
    const ERR = SORT_KEYS.indexOf("errors");
    expect(rows.reduce((n, r) => n + Number(r[ERR]), 0)).toBe(cliErrors);
    // sort by errors, most first; again, fewest first
    await page.getByTestId("sort-errors").click();
    const desc = (await rowsOf()).map((r) => Number(r[ERR]));
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.getByTestId("sort-errors").click();
    const asc = (await rowsOf()).map((r) => Number(r[ERR]));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    expect(asc).not.toEqual(desc);
    await page.getByTestId("sort-file").click();
    expect((await rowsOf()).map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort((a, b) => a.localeCompare(b, "zh-CN")));
    await page.screenshot({ path: path.join(OUTPUT, "web-batch.png"), fullPage: true });

    // the 汇总 workbook: one row per summary row, each file cell a HYPERLINK to its form
    const summary = await downloadOf(page, "download-summary");
    expect(summary.name).toBe("汇总.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(summary.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe("汇总");
    expect(ws.getCell("A1").value).toBe("文件");
    expect(ws.rowCount).toBe(formCount + 1);
    const links: string[] = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const v = ws.getCell(r, 1).value as { formula?: string; result?: unknown };
      if (v && typeof v === "object" && v.formula) links.push(v.formula);
    }
    expect(links.length).toBe(formCount);
    expect(links).toContain(`HYPERLINK("official.xlsx#'项目1'!${(expected[0].files[0].forms as Array<{ range: string }>)[0].range.split(":")[0]}","official.xlsx")`);

    // the .zip: the 汇总 workbook, the batch's JSON (equal to the CLI's for these files) and each annotated copy once available
    const zip = await downloadOf(page, "download-zip");
    const z = await JSZip.loadAsync(zip.bytes);
    expect(z.file("汇总.xlsx")).toBeTruthy();
    const all = JSON.parse(await z.file("selfeval.json")!.async("string"));
    expect(all.files).toEqual(expected.map((j) => j.files[0]));
    const copies = Object.keys(z.files).filter((n) => n.endsWith(".checked.xlsx"));
    if (copies.length) {
      expect(copies.sort()).toEqual(["department.checked.xlsx", "official.checked.xlsx", "provincial.checked.xlsx"]);
      const c = new ExcelJS.Workbook();
      await c.xlsx.load((await z.file("official.checked.xlsx")!.async("nodebuffer")) as unknown as ArrayBuffer);
      expect(c.getWorksheet("校验报告")).toBeTruthy();
    }
    const inner = new ExcelJS.Workbook();
    await inner.xlsx.load((await z.file("汇总.xlsx")!.async("nodebuffer")) as unknown as ArrayBuffer);
    expect(inner.worksheets[0].rowCount).toBe(formCount + 1);
  });

  test("a non-workbook, a zip bomb and a damaged .xls each get their line and their message, with the good files (an .xls among them) checked", async () => {
    session = await openWeb(`${server.url}/web.html`);
    const { page } = session;
    const goodXls = path.join(ROOT, "test/xls/libreoffice/official.xls");
    await page.getByTestId("file-input").setInputFiles([corpus("not-a-zip.xlsx"), corpus("zip-bomb.xlsx"), corpus("old-binary.xls"), fixture("shifted.xlsx"), goodXls]);
    await page.getByTestId("summary-table").waitFor();
    const rows = await page.$$eval("[data-testid=summary-row]", (els) => els.map((e) => ({ file: e.getAttribute("data-file"), status: e.getAttribute("data-status"), form: e.querySelector("[data-testid=summary-form]")?.textContent ?? "" })));
    const of = (f: string) => rows.find((r) => r.file === f)!;
    expect(of("old-binary.xls")).toEqual({ file: "old-binary.xls", status: "unreadable", form: ".xls/.et：请在 Excel 或 WPS 中另存为 .xlsx" });
    expect(of("zip-bomb.xlsx").status).toBe("unreadable");
    expect(of("zip-bomb.xlsx").form).toContain("zip 炸弹");
    expect(of("not-a-zip.xlsx").status).toBe("unreadable");
    expect(of("not-a-zip.xlsx").form).toContain("不是 Excel 工作簿");
    expect(of("shifted.xlsx").status).toBe("checked");
    // the .xls is read by the reader's own chunk, loaded now, and reported as the CLI reports it
    expect(of("official.xls").status).toBe("checked");
    await page.getByRole("button", { name: "查看 official.xls" }).first().click();
    await page.locator(`[data-testid=details] h2:text-is("official.xls")`).waitFor();
    expect(JSON.parse((await downloadOf(page, "download-json")).bytes.toString("utf8"))).toEqual(cliJson(goodXls));
    const copy = await downloadOf(page, "download-copy");
    expect(copy.name).toBe("official.checked.xlsx");
    expect(copy.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const messages: Record<string, string> = {};
    for (const f of ["not-a-zip.xlsx", "zip-bomb.xlsx", "old-binary.xls"]) {
      await page.getByRole("button", { name: `查看 ${f}` }).click();
      await page.locator(`[data-testid=details] h2:text-is("${f}")`).waitFor();
      messages[f] = (await page.getByTestId("file-problem").textContent()) ?? "";
      // and its JSON report is the CLI's for the same file
      const j = await downloadOf(page, "download-json");
      expect(JSON.parse(j.bytes.toString("utf8"))).toEqual(cliJson(corpus(f)));
    }
    expect(messages["old-binary.xls"]).toContain("另存为");
    expect(messages["zip-bomb.xlsx"]).toContain("zip 炸弹");
    expect(messages["not-a-zip.xlsx"]).toContain("不是有效的 .xlsx 文件");
    await page.screenshot({ path: path.join(OUTPUT, "web-problems.png"), fullPage: true });
  });

  test("many files: a progress bar counts them one at a time; files dropped on the page are checked too; axe finds nothing serious", async () => {
    session = await openWeb(`${server.url}/web.html`);
    const { page } = session;
    // record every state of the progress bar as the page renders it
    await page.evaluate(() => {
      const seen: Array<{ value: number; max: number }> = [];
      (window as unknown as { __progress: typeof seen }).__progress = seen;
      new MutationObserver(() => {
        const p = document.querySelector("progress");
        if (p) seen.push({ value: Number(p.getAttribute("value")), max: Number(p.getAttribute("max")) });
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const bytes = fs.readFileSync(fixture("shifted.xlsx"));
    const N = 12;
    await page.getByTestId("file-input").setInputFiles(Array.from({ length: N }, (_, i) => ({ name: `单位${i + 1}.xlsx`, mimeType: "application/octet-stream", buffer: bytes })));
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=summary-row]").length === n, N * 2);
    const seen = await page.evaluate(() => (window as unknown as { __progress: Array<{ value: number; max: number }> }).__progress);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.max === N)).toBe(true);
    expect(new Set(seen.map((p) => p.value)).size).toBeGreaterThan(1); // it moved
    expect(await page.locator("progress").count()).toBe(0); // and is gone when done

    const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(n: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);

    // drag and drop: a file dropped on the drop zone replaces the batch
    await page.evaluate((b64) => {
      const raw = atob(b64);
      const arr = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) arr[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([arr], "拖入的表.xlsx"));
      document.querySelector("[data-testid=drop]")!.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, fs.readFileSync(fixture("provincial.xlsx")).toString("base64"));
    await page.locator('[data-testid=details] h2:text-is("拖入的表.xlsx")').waitFor();
    expect(await page.getByTestId("form-card").count()).toBe((cliJson(fixture("provincial.xlsx")).files[0].forms as unknown[]).length);
  });

  test("opened from disk (file://): it works, checking in the page, and says how to serve it", async () => {
    session = await openWeb(`file://${path.join(ROOT, "dist/web.html")}`);
    const { page } = session;
    await page.getByTestId("file-url").waitFor();
    expect(await page.getByTestId("file-url").textContent()).toContain("http.server");
    await page.getByTestId("file-input").setInputFiles(fixture("provincial.xlsx"));
    await page.getByTestId("details").waitFor();
    expect(await page.getByTestId("done").textContent()).toContain("在页面中校验");
    const json = await downloadOf(page, "download-json");
    expect(JSON.parse(json.bytes.toString("utf8"))).toEqual(cliJson(fixture("provincial.xlsx")));
  });
});
