import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import type { Page, Route } from "playwright-core";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CHROMIUM, OFFICE_JS, ROOT, Session, buildHostScript, openSession, openWeb, serveDist } from "./harness";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";
import { readXlsxSnapshotSync } from "../../src/xlsx/fast-read";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { checkWorkbook } from "../../src/core/engine";
import { acknowledge } from "../../src/core/acknowledge";
import { SETTINGS_KEY } from "../../src/core/settings";
import { withSavedSettings } from "../support/saved-settings";

/**
 * One verdict on every surface (issue 24): for every fixture workbook and every file of the writer corpus, each form's
 * verdict, grade, counts by severity and figures (执行率, 预算得分, 填写总分, 得分合计, 重算总分 at two decimals) as
 * `selfeval check --json` gives them are what every other surface shows of them:
 *
 *   - the CLI text (`selfeval check FILE…`),
 *   - the 校验报告 sheet of the `check --out` copies,
 *   - the web page (production bundle, Chromium): the summary row, the details card, the 汇总.xlsx it downloads,
 *   - the task pane (production bundle over the test host): the form card, the workbook line, and the 校验报告 sheet
 *     its 生成校验报告 writes into the (fake) workbook.
 *
 * Each surface shows a subset (the summary row has no 得分合计, 汇总 no 提示 count, the CLI text no count but its
 * findings table…): what a surface shows is read back into the same record and compared with the JSON's. Every
 * disagreement is collected, so a failure lists them all: surface, file, form, field, shown and expected.
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));

// bounds only a hang reaches: one web session for all files, one pane page per workbook in one browser
jest.setTimeout(15 * 60 * 1000);

const FILES = [
  ...fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(ROOT, "test/fixtures", f)),
  ...fs.readdirSync(path.join(ROOT, "test/writers")).filter((f) => f.endsWith(".xlsx")).sort().map((f) => path.join(ROOT, "test/writers", f)),
];
const base = (p: string) => path.basename(p);

/**
 * 已核对 (issue 34) on every surface too: the official workbook with warnings confirmed in its settings record (the
 * only warning of 项目4, which becomes 「可以提交（已核对 1 个）」, and one of 项目1's beside its error), made in beforeAll
 * from the fixture; the pane gets the same record in the test host's document settings.
 */
const SAVED = new Map<string, unknown>();
async function acknowledgedWorkbook(dir: string): Promise<string> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, "test/fixtures/official.xlsx")));
  const report = checkWorkbook(readXlsxSnapshotSync(bytes), { lang: "zh" });
  const warnings = ["项目4", "项目1"].map((sheet) => report.forms.find((f) => f.sheet === sheet)!.findings.find((f) => f.severity === "warning")!);
  const acknowledgements = warnings.reduce((list, w) => acknowledge(list, w, "已核对：原因已在偏差原因中说明", "2026-12-01"), [] as ReturnType<typeof acknowledge>);
  const record = { version: 2, preset: "auto", options: {}, highlight: ["error", "warning"], acknowledgements };
  const file = path.join(dir, "official-acknowledged.xlsx");
  fs.writeFileSync(file, await withSavedSettings(bytes, record));
  SAVED.set(file, record);
  return file;
}
/** The verdicts' short names (issue 24): what the summary column, the report's 结论 and 汇总 print. */
const LABEL: Record<string, string> = { fix: "需修改", unfilled: "未填写", "not-checked": "未校验", submit: "可以提交", "no-form": "未找到表格", unreadable: "无法读取" };
const KIND_OF_LABEL: Record<string, string> = Object.fromEntries(Object.entries(LABEL).map(([k, v]) => [v, k]));

/** Two decimals, half-up on the decimal value (the test's own rounding, not the product's). */
function r2(x: number): number {
  const s = Number(Math.abs(x).toPrecision(15));
  const r = Number(`${Math.round(Number(`${s}e2`))}e-2`);
  return x < 0 ? -r : r;
}

/** What a surface shows of a form (or a file): any field may be missing where the surface does not show it. */
interface Shown {
  kind?: string;
  text?: string;
  label?: string;
  grade?: string | null;
  error?: number;
  warning?: number;
  info?: number;
  rate?: number | null;
  budget?: number | null;
  written?: number | null;
  sum?: number | null;
  recalculated?: number | null;
  name?: string;
}
type Canon = Required<Omit<Shown, "name">> & { name: string | null };

interface JsonFigures {
  executionRate: number | null;
  budgetScore: number | null;
  writtenTotal: number | null;
  sumOfScores: number | null;
  recalculatedTotal: number | null;
}
interface JsonForm {
  sheet: string;
  range: string;
  kind: string;
  checked: boolean;
  projectName: string | null;
  verdict?: { kind: string; text: string; grade: string | null; counts: Record<string, number>; figures: JsonFigures };
}
interface JsonFile {
  file: string;
  verdict?: { kind: string; text: string; counts: Record<string, number> };
  forms: JsonForm[];
  findings: Array<{ severity: string }>;
}

interface FormRecord {
  file: string;
  sheet: string;
  range: string;
  /** file sheet!range: how every surface's form is matched */
  key: string;
  /** a project form the rules read (a whole-department form is not: no figures) */
  checked: boolean;
  canon: Canon;
}
interface FileRecord {
  file: string;
  canon: { kind: string; text: string; error: number; warning: number; info: number };
  forms: FormRecord[];
  /** the workbook's own findings (not a form's): the summary row and 汇总 count them on the file's first row */
  own: { error: number; warning: number };
}

const COUNTS = ["error", "warning", "info"] as const;
const FIGURES = ["rate", "budget", "written", "sum", "recalculated"] as const;
/** what a card (pane, web details) or the CLI text shows of a form: the figures only for a form the rules read */
const cardFields = (f: FormRecord): Array<keyof Shown> => ["kind", "text", "grade", ...COUNTS, ...(f.checked ? FIGURES : [])];
const cliFields = (f: FormRecord): Array<keyof Shown> => ["text", ...COUNTS, ...(f.checked ? [...FIGURES, "grade" as const] : [])];
const REPORT_FIELDS: Array<keyof Shown> = ["kind", "label", "grade", ...COUNTS, ...FIGURES];
const ROW_FIELDS: Array<keyof Shown> = ["name", "kind", "label", "text", "grade", "error", "warning", "rate", "written", "recalculated"];
const SUMMARY_XLSX_FIELDS: Array<keyof Shown> = ["name", "kind", "label", "grade", "error", "warning", "rate", "written", "recalculated"];

const num = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : r2(x));

function canonOf(file: string, f: JsonForm): Canon {
  const v = f.verdict;
  if (!v) throw new Error(`check --json: ${file} ${f.sheet}!${f.range} has no "verdict" (the record every surface is compared with)`);
  const g = v.figures;
  const kind = v.kind;
  return {
    kind,
    text: v.text,
    label: LABEL[kind] ?? `?${kind}`,
    grade: v.grade ?? null,
    error: v.counts.error,
    warning: v.counts.warning,
    info: v.counts.info,
    rate: g.executionRate === null ? null : r2(g.executionRate * 100),
    budget: num(g.budgetScore),
    written: num(g.writtenTotal),
    sum: num(g.sumOfScores),
    recalculated: num(g.recalculatedTotal),
    name: f.projectName,
  };
}

function recordsOf(json: { files: JsonFile[] }): Map<string, FileRecord> {
  const out = new Map<string, FileRecord>();
  for (const j of json.files) {
    const file = base(j.file);
    if (!j.verdict) throw new Error(`check --json: ${file} has no "verdict"`);
    const own = { error: j.findings.filter((x) => x.severity === "error").length, warning: j.findings.filter((x) => x.severity === "warning").length };
    out.set(file, {
      file,
      canon: { kind: j.verdict.kind, text: j.verdict.text, error: j.verdict.counts.error, warning: j.verdict.counts.warning, info: j.verdict.counts.info },
      own,
      forms: j.forms.map((f) => ({ file, sheet: f.sheet, range: f.range, key: `${file} ${f.sheet}!${f.range}`, checked: f.checked, canon: canonOf(file, f) })),
    });
  }
  return out;
}

/** Compares what a surface shows with the JSON's record; each difference becomes one line in `out`. */
function compare(out: string[], surface: string, where: string, shown: Shown, canon: Partial<Canon>, required: readonly (keyof Shown)[] = []): void {
  // what the surface must show: a field it shows but this test failed to read would otherwise pass unnoticed
  for (const k of required) if (shown[k] === undefined) out.push(`${surface} · ${where} · ${k}: not shown (or not read)`);
  for (const k of Object.keys(shown) as Array<keyof Shown>) {
    if (shown[k] === undefined) continue;
    if (k === "name" && canon.name === null) continue;
    if (shown[k] !== canon[k]) out.push(`${surface} · ${where} · ${k}: shows ${JSON.stringify(shown[k])}, --json says ${JSON.stringify(canon[k])}`);
  }
}

/** A figure as a surface prints it: "—", "未校验" or an empty cell for none, "75%" for a rate, "90.5" for a score. */
function figure(s: string | number | null | undefined, percent = false): number | null {
  if (s === null || s === undefined) return null;
  if (typeof s === "number") return r2(percent ? s * 100 : s);
  const t = s.trim();
  if (t === "" || t === "—" || t === "未校验") return null;
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return Number.NaN; // not a number: compared, it fails with what was shown
  return r2(Number(m[1]));
}

function runCli(args: string[]): string {
  const bin = path.join(ROOT, "bin/selfeval.js");
  if (!fs.existsSync(path.join(ROOT, "build/cli/main.js"))) throw new Error("build/ is missing: run `npm run build:cli` first (npm test does it).");
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`selfeval ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// ---- reading each surface back ----

/** The CLI text: per form its 结论 line, the figures line, and its findings table (rows counted by severity). */
function cliTextForms(text: string): { forms: Map<string, Shown>; files: Map<string, Shown> } {
  const forms = new Map<string, Shown>();
  const files = new Map<string, Shown>();
  const SEV: Record<string, "error" | "warning" | "info"> = { 错误: "error", 警告: "warning", 提示: "info" };
  let file = "";
  let cur: Shown | null = null;
  for (const line of text.split("\n")) {
    let m: RegExpExecArray | null;
    if ((m = /^== (.+)$/.exec(line))) {
      file = base(m[1]);
      cur = null;
    } else if ((m = /^■ (.*) {2}\[(.+)\]$/.exec(line))) {
      cur = { error: 0, warning: 0, info: 0 };
      forms.set(`${file} ${m[2]}`, cur);
    } else if (cur && (m = /^ {2}结论：(.*)$/.exec(line))) cur.text = m[1];
    else if (cur && (m = /^ {2}执行率 (\S+) · 预算得分 (\S+) · 填写总分 (\S+) · 得分合计 (\S+) · 重算总分 (\S+) · 等级 (\S+)$/.exec(line))) {
      Object.assign(cur, { rate: figure(m[1]), budget: figure(m[2]), written: figure(m[3]), sum: figure(m[4]), recalculated: figure(m[5]), grade: m[6] === "—" ? null : m[6] });
    } else if (cur && (m = /^ {2}(错误|警告|提示) {2}/.exec(line))) {
      const k = SEV[m[1]];
      cur[k] = (cur[k] ?? 0) + 1;
    }
    else if ((m = /^(.+?)：\d+ 张表，错误 (\d+)，警告 (\d+)，提示 (\d+)——(.*)$/.exec(line))) {
      files.set(base(m[1]), { error: Number(m[2]), warning: Number(m[3]), info: Number(m[4]), text: m[5] });
      cur = null;
    }
  }
  return { forms, files };
}

type Cell = string | number | boolean | null;

/** The forms table of a 校验报告 sheet (rows of plain values): by sheet!range, each column read by its header. */
function reportForms(rows: Cell[][]): Map<string, Shown> | string {
  const at = rows.findIndex((r) => r[0] === "工作表" && r[1] === "范围" && r[2] === "项目名称");
  if (at < 0) return "no forms table (a row 工作表 · 范围 · 项目名称)";
  const header = rows[at].map((h) => String(h ?? ""));
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, Shown>();
  for (let r = at + 1; r < rows.length && rows[r] && rows[r][0] !== null && rows[r][0] !== "" && rows[r][0] !== undefined; r++) {
    const row = rows[r];
    if (row[1] === null || row[1] === "" || row[1] === undefined) continue; // "没有找到项目支出绩效自评表"
    const get = (name: string): Cell => (col(name) < 0 ? null : (row[col(name)] ?? null));
    const has = (name: string) => col(name) >= 0;
    const label = String(get("结论") ?? "");
    const s: Shown = {};
    if (has("结论")) Object.assign(s, { label, kind: KIND_OF_LABEL[label] ?? `?${label}` });
    if (has("执行率")) s.rate = figure(get("执行率") as string | number | null, typeof get("执行率") === "number");
    if (has("预算得分")) s.budget = figure(get("预算得分") as string | number | null);
    if (has("填写总分")) s.written = figure(get("填写总分") as string | number | null);
    if (has("得分合计")) s.sum = figure(get("得分合计") as string | number | null);
    if (has("重算总分")) s.recalculated = figure(get("重算总分") as string | number | null);
    if (has("等级")) s.grade = get("等级") === null || get("等级") === "" ? null : String(get("等级"));
    for (const [h, k] of [["错误", "error"], ["警告", "warning"], ["提示", "info"]] as const) if (has(h)) s[k] = Number(get(h));
    out.set(`${row[0]}!${row[1]}`, s);
  }
  return out;
}

/** A cell of exceljs as a plain value: a formula's result, a link's text. */
function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    const o = v as { result?: unknown; text?: unknown; richText?: Array<{ text: string }> };
    if ("result" in o) return (o.result as Cell) ?? null;
    if (o.richText) return o.richText.map((t) => t.text).join("");
    if ("text" in o) return String(o.text);
    return JSON.stringify(v);
  }
  return v as Cell;
}

async function sheetRows(bytes: Buffer | Uint8Array, name: string | null): Promise<{ rows: Cell[][]; raw: ExcelJS.Worksheet } | null> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = name === null ? wb.worksheets[0] : wb.getWorksheet(name);
  if (!ws) return null;
  const rows: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(plain(ws.getCell(r, c).value));
    rows.push(row);
  }
  return { rows, raw: ws };
}

/** A sheet of a snapshot as rows from A1 (the reader trims to the used range: put it back in place). */
function snapshotRows(wb: WorkbookSnapshot, name: string): Cell[][] | null {
  const sheet = wb.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const rows: Cell[][] = [];
  sheet.values.forEach((row, r) => {
    rows[sheet.top + r] = [...new Array<Cell>(sheet.left).fill(null), ...row.map((v) => (v === "" ? null : (v as Cell)))];
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

/** A form card's figures (the pane's and the web page's <dl>): 执行率, 预算得分, 填写总分 / 得分合计, 重算总分. */
function cardFigures(pairs: Array<[string, string]>): Shown {
  const s: Shown = {};
  for (const [dt, dd] of pairs) {
    if (dt.includes("执行率")) s.rate = figure(dd);
    else if (dt.includes("预算得分")) s.budget = figure(dd);
    else if (dt.includes("填写总分") && dt.includes("得分合计")) {
      const [a, b] = dd.split("/").map((x) => x.trim());
      s.written = figure(a);
      s.sum = figure(b);
    } else if (dt.includes("重算总分")) s.recalculated = figure(dd);
  }
  return s;
}

interface CardData {
  where: string;
  title: string;
  kind: string | null;
  text: string;
  grade: string | null;
  figures: Array<[string, string]> | null;
  groups: Array<{ sev: string; heading: string; items: number }>;
}

const count = (heading: string): number => Number(/[（(](\d+)[）)]\s*$/.exec(heading)?.[1] ?? Number.NaN);

const openWebPage = (url: string): Promise<Session> => openWeb(url, undefined, "selfeval-consistency-web-");

async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).first().click()]);
  const p = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(p!) };
}

suite("one verdict on every surface: every fixture and writer-corpus workbook", () => {
  let server: { url: string; close: () => Promise<void> };
  let records: Map<string, FileRecord>;
  let outDir: string;
  let cliText: string;

  beforeAll(async () => {
    expect(new Set(FILES.map(base)).size).toBe(FILES.length); // one batch on the web page: names must not collide
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-consistency-"));
    FILES.push(await acknowledgedWorkbook(fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-consistency-ack-"))));
    records = recordsOf(JSON.parse(runCli(["check", ...FILES, "--json", "--out", outDir])));
    cliText = runCli(["check", ...FILES]);
    server = await serveDist();
  });
  afterAll(async () => {
    await server?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  const allForms = () => [...records.values()].flatMap((r) => r.forms);

  test("the canonical record: every file in --json with its verdict, the forms of the corpus all there", () => {
    expect([...records.keys()].sort()).toEqual(FILES.map(base).sort());
    // the workbook with warnings confirmed (已核对) is among them, its verdicts saying so
    expect(records.get("official-acknowledged.xlsx")!.forms.map((f) => f.canon.text)).toEqual(expect.arrayContaining(["可以提交（已核对 1 个）", "需修改：1 个错误，2 个警告（已核对 1 个）"]));
    // not a vacuous comparison: most files have forms, and every verdict the issue names occurs somewhere
    expect(allForms().length).toBeGreaterThanOrEqual(FILES.length);
    expect(new Set(allForms().map((f) => f.canon.kind))).toEqual(new Set(["fix", "unfilled", "not-checked", "submit"]));
    expect(allForms().some((f) => f.canon.grade !== null)).toBe(true);
  });

  test("the CLI text: each form's 结论, figures, grade and findings by severity; each file's summary line", () => {
    const { forms, files } = cliTextForms(cliText);
    const out: string[] = [];
    for (const rec of records.values()) {
      const f = files.get(rec.file);
      if (!f) out.push(`CLI text · ${rec.file}: no summary line`);
      else compare(out, "CLI text", rec.file, f, rec.canon);
      for (const form of rec.forms) {
        const s = forms.get(form.key);
        if (!s) out.push(`CLI text · ${form.key}: form not shown`);
        else compare(out, "CLI text", form.key, s, form.canon, cliFields(form));
      }
    }
    expect(forms.size).toBe(allForms().length);
    expect(out).toEqual([]);
  });

  test("the 校验报告 sheet of each `check --out` copy", async () => {
    const out: string[] = [];
    let compared = 0;
    for (const rec of records.values()) {
      const copy = path.join(outDir, rec.file.replace(/\.xlsx$/, ".checked.xlsx"));
      if (!fs.existsSync(copy)) {
        out.push(`check --out · ${rec.file}: no copy written`);
        continue;
      }
      const rows = snapshotRows(readXlsxSnapshotSync(fs.readFileSync(copy)), "校验报告");
      if (!rows) {
        out.push(`check --out · ${rec.file}: no 校验报告 sheet`);
        continue;
      }
      compared += compareReport(out, `check --out 校验报告`, rec, rows);
    }
    expect(compared).toBe(allForms().length);
    expect(out).toEqual([]);
  });

  /** The report's forms table against the file's forms: one row per form, nothing else. Returns the rows compared. */
  function compareReport(out: string[], surface: string, rec: FileRecord, rows: Cell[][]): number {
    const shown = reportForms(rows);
    if (typeof shown === "string") {
      out.push(`${surface} · ${rec.file}: ${shown}`);
      return 0;
    }
    let n = 0;
    for (const form of rec.forms) {
      const s = shown.get(`${form.sheet}!${form.range}`);
      if (!s) out.push(`${surface} · ${form.key}: no row for the form`);
      else {
        compare(out, surface, form.key, s, form.canon, REPORT_FIELDS);
        n++;
      }
    }
    if (shown.size !== rec.forms.length) out.push(`${surface} · ${rec.file}: ${shown.size} form rows, --json has ${rec.forms.length} forms`);
    return n;
  }

  test("the web page (Chromium): summary rows, each file's details, the 汇总.xlsx and the copies' 校验报告 it downloads", async () => {
    const session = await openWebPage(`${server.url}/web.html`);
    const out: string[] = [];
    try {
      const { page } = session;
      const rowCount = [...records.values()].reduce((n, r) => n + Math.max(1, r.forms.length), 0);
      await page.getByTestId("file-input").setInputFiles(FILES);
      await page.waitForFunction((n) => document.querySelectorAll("[data-testid=summary-row]").length === n && !document.querySelector("progress"), rowCount);
      await page.getByTestId("done").waitFor();

      // the summary table, in batch order (not sorted): a file's rows are its forms in order
      const rows = await page.$$eval("[data-testid=summary-row]", (els) =>
        els.map((e) => {
          const td = Array.from(e.querySelectorAll("td")).map((c) => (c.textContent ?? "").trim());
          const v = e.querySelector("[data-testid=summary-verdict]");
          return { file: e.getAttribute("data-file") ?? "", td, kind: v?.getAttribute("data-verdict") ?? null, title: v?.getAttribute("title") ?? null };
        }),
      );
      const header = await page.$$eval("[data-testid=summary-table] thead th", (els) => els.map((e) => (e.textContent ?? "").replace(/[▲▼]/g, "").trim()));
      const col = (name: string) => header.indexOf(name);
      for (const name of ["文件", "表（项目）", "结论", "执行率", "填写总分", "重算总分", "等级", "错误", "警告"]) expect(col(name)).toBeGreaterThanOrEqual(0);
      const byFile = new Map<string, typeof rows>();
      for (const r of rows) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
      for (const rec of records.values()) {
        const mine = byFile.get(rec.file) ?? [];
        if (mine.length !== Math.max(1, rec.forms.length)) {
          out.push(`web summary · ${rec.file}: ${mine.length} rows, --json has ${rec.forms.length} forms`);
          continue;
        }
        if (rec.forms.length === 0) {
          const r = mine[0];
          compare(out, "web summary", rec.file, { kind: r.kind ?? undefined, error: Number(r.td[col("错误")]), warning: Number(r.td[col("警告")]) }, { ...rec.canon });
          continue;
        }
        rec.forms.forEach((form, i) => {
          const r = mine[i];
          const td = (name: string) => r.td[col(name)];
          // the workbook's own findings are counted on the file's first row
          const ownE = i === 0 ? rec.own.error : 0;
          const ownW = i === 0 ? rec.own.warning : 0;
          compare(
            out,
            "web summary",
            form.key,
            {
              name: td("表（项目）"),
              kind: r.kind ?? "?",
              label: td("结论"),
              text: r.title ?? "?",
              rate: figure(td("执行率")),
              written: figure(td("填写总分")),
              recalculated: figure(td("重算总分")),
              grade: td("等级") === "" ? null : td("等级"),
              error: Number(td("错误")) - ownE,
              warning: Number(td("警告")) - ownW,
            },
            form.canon,
            ROW_FIELDS,
          );
        });
      }

      // 汇总.xlsx: one row per summary row; the 文件 cell's HYPERLINK names the form's sheet and first cell
      const summary = await downloadOf(page, "download-summary");
      expect(summary.name).toBe("汇总.xlsx");
      const sum = (await sheetRows(summary.bytes, null))!;
      const h = sum.rows[0].map((x) => String(x ?? ""));
      const hc = (name: string) => h.indexOf(name);
      for (const name of ["文件", "表（项目）", "结论", "执行率", "填写总分", "重算总分", "等级", "错误", "警告"]) expect(hc(name)).toBeGreaterThanOrEqual(0);
      const formByLink = new Map<string, { form: FormRecord; first: boolean }>();
      for (const rec of records.values()) rec.forms.forEach((form, i) => formByLink.set(`${rec.file}#${form.sheet}!${form.range.split(":")[0]}`, { form, first: i === 0 }));
      let linked = 0;
      for (let r = 1; r < sum.rows.length; r++) {
        const row = sum.rows[r];
        const fileCell = sum.raw.getCell(r + 1, hc("文件") + 1).value as { formula?: string } | string | null;
        const formula = typeof fileCell === "object" && fileCell ? (fileCell.formula ?? "") : "";
        const m = /^HYPERLINK\("([^#"]+)#'((?:[^']|'')+)'!([A-Z]+\d+)"/.exec(formula);
        const file = String(row[hc("文件")] ?? "");
        if (!m) {
          // a file without a form: its one row says so
          const rec = records.get(file);
          if (!rec || rec.forms.length) out.push(`汇总.xlsx · row ${r + 1} (${file}): no link to a form`);
          else compare(out, "汇总.xlsx", file, { label: String(row[hc("结论")] ?? ""), error: Number(row[hc("错误")] ?? 0), warning: Number(row[hc("警告")] ?? 0) }, { ...rec.canon, label: LABEL[rec.canon.kind] });
          continue;
        }
        const hit = formByLink.get(`${m[1]}#${m[2].replace(/''/g, "'")}!${m[3]}`);
        if (!hit) {
          out.push(`汇总.xlsx · row ${r + 1}: links to ${m[1]}#${m[2]}!${m[3]}, no such form in --json`);
          continue;
        }
        linked++;
        const rec = records.get(hit.form.file)!;
        const g = (name: string) => row[hc(name)];
        const grade = g("等级");
        compare(
          out,
          "汇总.xlsx",
          hit.form.key,
          {
            name: String(g("表（项目）") ?? ""),
            label: String(g("结论") ?? ""),
            kind: KIND_OF_LABEL[String(g("结论") ?? "")] ?? "?",
            rate: figure(g("执行率") as number | string | null, typeof g("执行率") === "number"),
            written: figure(g("填写总分") as number | string | null),
            recalculated: figure(g("重算总分") as number | string | null),
            grade: grade === null || grade === "" ? null : String(grade),
            error: Number(g("错误") ?? 0) - (hit.first ? rec.own.error : 0),
            warning: Number(g("警告") ?? 0) - (hit.first ? rec.own.warning : 0),
          },
          hit.form.canon,
          SUMMARY_XLSX_FIELDS,
        );
      }
      expect(linked).toBe(allForms().length);
      expect(sum.rows.length - 1).toBe(rowCount);

      // the .zip: each file's annotated copy, made in the page, with its 校验报告 sheet
      const zip = await JSZip.loadAsync((await downloadOf(page, "download-zip")).bytes);
      let copies = 0;
      for (const rec of records.values()) {
        const name = rec.file.replace(/\.xlsx$/, ".checked.xlsx");
        const entry = zip.file(name);
        const rows = entry ? snapshotRows(readXlsxSnapshotSync(await entry.async("uint8array")), "校验报告") : null;
        if (!rows) out.push(`web copy · ${rec.file}: ${entry ? "no 校验报告 sheet" : `no ${name} in the .zip`}`);
        else copies += compareReport(out, "web copy 校验报告", rec, rows);
      }
      expect(copies).toBe(allForms().length);

      // the details of each file: its verdict line, then one card per form
      let cards = 0;
      for (const rec of records.values()) {
        await page.getByRole("button", { name: `查看 ${rec.file}` }).first().click();
        await page.locator(`[data-testid=details] h2:text-is("${rec.file}")`).waitFor();
        const details = page.getByTestId("details");
        const v = details.getByTestId("verdict");
        compare(out, "web details", rec.file, { kind: (await v.getAttribute("data-verdict")) ?? "?", text: ((await v.textContent()) ?? "").trim() }, rec.canon);
        const shown: CardData[] = await details.getByTestId("form-card").evaluateAll((els) =>
          els.map((card) => {
            const verdict = card.querySelector("[data-testid=form-verdict]");
            const dl = card.querySelector("[data-testid=form-figures]");
            return {
              where: (card.querySelector(".card-head .meta")?.textContent ?? "").trim(),
              title: (card.querySelector("h3")?.textContent ?? "").trim(),
              kind: verdict?.getAttribute("data-verdict") ?? null,
              text: (verdict?.textContent ?? "").trim(),
              grade: null,
              figures: dl ? Array.from(dl.querySelectorAll("dt")).map((dt) => [(dt.textContent ?? "").trim(), (dt.nextElementSibling?.textContent ?? "").trim()] as [string, string]) : null,
              // the warnings confirmed (已核对) are a list of their own, counted in the verdict's text
              groups: Array.from(card.querySelectorAll("section:not([data-testid=acknowledged])")).map((sec) => ({
                sev: (sec.querySelector("li.finding")?.className.match(/sev-(\w+)/) ?? [])[1] ?? "?",
                heading: (sec.querySelector("h4")?.textContent ?? "").trim(),
                items: sec.querySelectorAll("[data-testid=finding]").length,
              })),
            };
          }),
        );
        for (const form of rec.forms) {
          const card = shown.find((c) => c.where === `${form.sheet}!${form.range}`);
          if (!card) {
            out.push(`web details · ${form.key}: no card`);
            continue;
          }
          cards++;
          // the verdict line: the verdict's text, then " · 等级 X" when there is a grade
          const gm = / · 等级 (\S+)$/.exec(card.text);
          compare(out, "web details", form.key, { ...cardShown(card, out, "web details", form.key), text: gm ? card.text.slice(0, gm.index) : card.text, grade: gm ? gm[1] : null }, form.canon, cardFields(form));
        }
        if (shown.length !== rec.forms.length) out.push(`web details · ${rec.file}: ${shown.length} cards, --json has ${rec.forms.length} forms`);
      }
      expect(cards).toBe(allForms().length);
      expect(session.blocked).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
    expect(out).toEqual([]);
  });

  /** A card's verdict kind, counts (from its groups' headings, each checked against its items) and figures. */
  function cardShown(card: CardData, out: string[], surface: string, where: string): Shown {
    const s: Shown = { kind: card.kind ?? "?", error: 0, warning: 0, info: 0 };
    for (const g of card.groups) {
      const n = count(g.heading);
      if (n !== g.items) out.push(`${surface} · ${where} · group ${g.sev}: heading "${g.heading}" over ${g.items} findings`);
      if (g.sev === "error" || g.sev === "warning" || g.sev === "info") s[g.sev] = n;
      else out.push(`${surface} · ${where}: a group of unknown severity (${g.heading})`);
    }
    if (card.figures) Object.assign(s, cardFigures(card.figures));
    return s;
  }

  test("the task pane (Chromium, test host): each workbook's line, form cards, and the 校验报告 its 生成校验报告 writes", async () => {
    const hostScript = await buildHostScript();
    // one browser for every workbook: a page per workbook, its Office.js answered with the host over that workbook
    const browser = await openSession("about:blank", {
      viewport: { width: 420, height: 900 },
      profilePrefix: "selfeval-consistency-pane-",
      async route(route, blocked) {
        const u = new URL(route.request().url());
        if (u.hostname === "127.0.0.1" || u.protocol === "about:") {
          await route.continue();
          return;
        }
        blocked.push(u.href);
        await route.abort();
      },
    });
    const out: string[] = [];
    const errors: string[] = [];
    let cards = 0;
    let reports = 0;
    try {
      for (const file of FILES) {
        const rec = records.get(base(file))!;
        const snapshot = readXlsxSnapshotSync(fs.readFileSync(file)); // the CLI's reader: the pane sees what the CLI checked
        const page = await browser.context.newPage();
        page.on("pageerror", (e) => errors.push(`${rec.file}: pageerror: ${e.message}`));
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(`${rec.file}: console: ${m.text()}`);
        });
        const prelude = `window.__SELFEVAL_WORKBOOK__ = ${JSON.stringify(snapshot)};\nwindow.__SELFEVAL_HOST_OPTIONS__ = {};\n`;
        await page.route(OFFICE_JS, (route: Route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: prelude + hostScript }));
        try {
          await page.goto(`${server.url}/taskpane.html`);
          const saved = SAVED.get(file);
          if (saved)
            await page.evaluate(
              ([key, record]) => {
                const m = window.__selfevalHost!.model;
                m.settings.set(key, record);
                m.savedSettings.set(key, record);
              },
              [SETTINGS_KEY, saved] as const,
            );
          await page.getByTestId("check").click();
          await page.waitForSelector("[data-testid=form-card], [data-testid=no-form], [data-testid=error]");
          await page.waitForSelector("[data-testid=check]:not([aria-disabled=true])");
          if (await page.getByTestId("error").count()) {
            out.push(`pane · ${rec.file}: error shown: ${await page.getByTestId("error").textContent()}`);
            continue;
          }
          // the workbook's line (or the no-form message)
          if (rec.forms.length === 0) {
            if ((await page.getByTestId("no-form").count()) !== 1) out.push(`pane · ${rec.file}: --json has no form, the pane shows no 没有找到 message`);
          } else {
            // rendered with the cards: read now, never waited for
            const line = await page.$$eval("[data-testid=summary]", (els) => els.map((e) => ({ kind: e.getAttribute("data-verdict") ?? "?", text: (e.textContent ?? "").trim() })));
            if (line.length !== 1) out.push(`pane workbook line · ${rec.file}: ${line.length} lines shown`);
            else compare(out, "pane workbook line", rec.file, line[0], rec.canon);
          }
          const shown: CardData[] = await page.getByTestId("form-card").evaluateAll((els) =>
            els.map((card) => {
              const verdict = card.querySelector("[data-testid=verdict]");
              const caption = verdict?.nextElementSibling?.textContent ?? "";
              const dl = card.querySelector("[data-testid=form-figures]");
              return {
                where: caption.split(" · ")[0].trim(),
                title: (card.querySelector("h2")?.textContent ?? "").trim(),
                kind: verdict?.getAttribute("data-verdict") ?? null,
                text: (verdict?.querySelector("span")?.textContent ?? "").trim(),
                grade: card.querySelector("[data-testid=grade]")?.textContent?.trim() ?? null,
                figures: dl ? Array.from(dl.querySelectorAll("dt")).map((dt) => [(dt.textContent ?? "").trim(), (dt.nextElementSibling?.textContent ?? "").trim()] as [string, string]) : null,
                groups: ["error", "warning", "info"].flatMap((sev) =>
                  Array.from(card.querySelectorAll(`[data-testid=group-${sev}]`)).map((g) => ({ sev, heading: (g.querySelector("h3")?.textContent ?? "").trim(), items: g.querySelectorAll("[data-testid=finding]").length })),
                ),
              };
            }),
          );
          for (const form of rec.forms) {
            const card = shown.find((c) => c.where === `${form.sheet}!${form.range}`);
            if (!card) {
              out.push(`pane card · ${form.key}: no card`);
              continue;
            }
            cards++;
            const grade = card.grade === null ? null : card.grade.replace(/^等级\s*/, "");
            compare(out, "pane card", form.key, { ...cardShown(card, out, "pane card", form.key), text: card.text, grade, name: card.title }, form.canon, cardFields(form));
          }
          if (shown.length !== rec.forms.length) out.push(`pane card · ${rec.file}: ${shown.length} cards, --json has ${rec.forms.length} forms`);

          // 更多操作 › 生成校验报告, then the sheet as the (fake) workbook holds it; with no form it is not offered (issue 32)
          await page.getByRole("button", { name: /更多操作/ }).click();
          if (rec.forms.length === 0) {
            if ((await page.getByRole("menuitem", { name: "生成校验报告" }).getAttribute("aria-disabled")) !== "true") out.push(`pane 校验报告 · ${rec.file}: 生成校验报告 offered with no form`);
            await page.keyboard.press("Escape");
            continue;
          }
          await page.getByRole("menuitem", { name: "生成校验报告" }).click();
          await page.getByTestId("notice").filter({ hasText: "已生成“校验报告”" }).waitFor();
          const rows = (await page.evaluate(() => {
            const m = (window as unknown as { __selfevalHost: { model: { hasSheet(n: string): boolean; sheet(n: string): unknown; usedBox(s: unknown, v: boolean): { bottom: number; right: number } | null; cell(s: unknown, r: number, c: number): { value: unknown } } } }).__selfevalHost.model;
            if (!m.hasSheet("校验报告")) return null;
            const s = m.sheet("校验报告");
            const box = m.usedBox(s, true);
            if (!box) return [];
            const rows: unknown[][] = [];
            for (let r = 0; r <= box.bottom; r++) {
              const row: unknown[] = [];
              for (let c = 0; c <= box.right; c++) row.push(m.cell(s, r, c).value);
              rows.push(row);
            }
            return rows;
          })) as Cell[][] | null;
          if (rows === null) out.push(`pane 校验报告 · ${rec.file}: no 校验报告 sheet after 生成校验报告`);
          else reports += compareReport(out, "pane 校验报告", rec, rows);
        } finally {
          await page.close();
        }
      }
      expect(browser.blocked).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(errors).toEqual([]);
    expect(cards).toBe(allForms().length);
    expect(reports).toBe(allForms().length);
    expect(out).toEqual([]);
  });
});
