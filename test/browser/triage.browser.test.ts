import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import type { Page } from "playwright-core";
import JSZip from "jszip";
import { CHROMIUM, ROOT, Session, openSession } from "./harness";
import { endSession, serveForSuite } from "./suite";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";
import { FileVerdictKind } from "../../src/core/outcome";
import { countLine } from "../../src/core/summary-rows";

/**
 * The reviewer's triage (issue 33) on the production bundle (dist/web.html) in Debian's Chromium: 40 files of every
 * kind — forms with errors, clean ones, unfilled ones, files without a form, a whole-department form, hostile and
 * damaged files — give the count line, the verdict per row and the filters the CLI's `--json` implies; the unreadable
 * files stand in a group of their own with their reason; the header stays visible over the rows; a file's details
 * lead back to its row; every download shows that it is being made; the 汇总.xlsx the page downloads is, part by part,
 * the one `selfeval check FOLDER --summary` writes for the same files. Checking can be cancelled.
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));
jest.setTimeout(180000);

const SOURCES = [
  "test/fixtures/official.xlsx", // errors, and forms that can be submitted
  "test/fixtures/provincial.xlsx",
  "test/fixtures/shifted.xlsx",
  "test/fixtures/stacked.xlsx",
  "test/fixtures/sichuan-2023-unfilled-between.xlsx", // an unfilled form between filled ones
  "test/fixtures/family-a-county.xlsx",
  "test/fixtures/total-and-budget.xlsx",
  "test/fixtures/department.xlsx", // a whole-department form: not checked
  "test/fixtures/no-form.xlsx", // not a form
  "test/fixtures/truncated.xlsx",
  "test/corpus/zip-bomb.xlsx", // hostile
  "test/corpus/not-a-zip.xlsx",
  "test/corpus/encrypted.xlsx",
  "test/corpus/truncated-zip.xlsx",
];
const N = 40;

interface Entry {
  file: string;
  error?: string;
  verdict: { kind: FileVerdictKind };
  forms: Array<{ verdict: { kind: FileVerdictKind } }>;
}

function cliCheck(args: string[]): string {
  const bin = path.join(ROOT, "bin/selfeval.js");
  if (!fs.existsSync(path.join(ROOT, "build/cli/main.js"))) throw new Error("build/ is missing: run `npm run build:cli` first (npm test does it).");
  try {
    return execFileSync(process.execPath, [bin, "check", ...args], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    return (e as { stdout: string }).stdout; // exit code 1 or 2 still prints
  }
}

async function downloadOf(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).first().click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync((await d.path())!) };
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const z = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(z.files).sort()) if (!z.files[name].dir) out[name] = await z.file(name)!.async("string");
  return out;
}

suite("the reviewer's triage in the web page (Chromium)", () => {
  const served = serveForSuite({ requires: "dist/web.html", requiresHint: "dist/web.html is missing: run `npm run build`." });
  let session: Session | null = null;
  let dir: string;
  let files: string[];
  let entries: Entry[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-triage-"));
    fs.mkdirSync(path.join(dir, "收到的表"));
    files = Array.from({ length: N }, (_, i) => {
      const src = SOURCES[i % SOURCES.length];
      const f = path.join(dir, "收到的表", `单位${String(i + 1).padStart(2, "0")}-${path.basename(src)}`);
      fs.copyFileSync(path.join(ROOT, src), f);
      return f;
    });
    // what the CLI says of the same folder, and the 汇总.xlsx it writes there
    entries = JSON.parse(cliCheck([path.join(dir, "收到的表"), "--json", "--summary", path.join(dir, "收到的表", "汇总.xlsx")])).files;
    expect(entries.map((e) => path.basename(e.file))).toEqual(files.map((f) => path.basename(f)));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    session = await endSession(session);
  });

  const open = () =>
    openSession(`${served.url}/web.html`, {
      viewport: { width: 1200, height: 800 },
      acceptDownloads: true,
      profilePrefix: "selfeval-triage-",
      async route(route, blocked) {
        const u = new URL(route.request().url());
        if (u.protocol === "blob:" || u.protocol === "data:" || u.hostname === "127.0.0.1") return route.continue();
        blocked.push(u.href);
        return route.abort();
      },
    });

  /** The verdict of each row the CLI's --json implies, file by file, in batch order. */
  const expectedRows = () => entries.flatMap((e) => (e.forms.length ? e.forms.map((f) => ({ file: path.basename(e.file), verdict: f.verdict.kind })) : [{ file: path.basename(e.file), verdict: e.verdict.kind }]));

  test("40 files of every kind: the counts, the verdicts, the filters, the unreadable group, the sticky header, details ↔ row, the downloads", async () => {
    session = await open();
    const { page } = session;
    const want = expectedRows();
    await page.getByTestId("file-input").setInputFiles(files);
    await page.waitForFunction((n) => document.querySelectorAll("[data-testid=summary-row]").length === n && !document.querySelector("[data-testid=progress]"), want.length);
    expect(Number(await page.getByTestId("done").getAttribute("data-workers"))).toBe(2); // both cores

    // the count line, from the CLI's verdicts
    const counts = Object.fromEntries(["unreadable", "fix", "unfilled", "not-checked", "no-form", "submit"].map((k) => [k, want.filter((r) => r.verdict === k).length])) as Record<FileVerdictKind, number>;
    for (const k of ["fix", "unfilled", "not-checked", "no-form", "submit", "unreadable"] as const) expect({ k, n: counts[k] > 0 }).toEqual({ k, n: true }); // every kind is in the batch
    expect((await page.getByTestId("counts").textContent())!.trim()).toBe(countLine(counts, "zh"));

    // the verdict of each row: readable files first in batch order, then the unreadable ones in their group
    const shown = await page.$$eval("[data-testid=summary-row]", (els) => els.map((e) => ({ file: e.getAttribute("data-file")!, verdict: e.getAttribute("data-verdict")!, group: !!e.closest("[data-testid=unreadable-group]") })));
    expect(shown.map(({ file, verdict }) => ({ file, verdict }))).toEqual([...want.filter((r) => r.verdict !== "unreadable"), ...want.filter((r) => r.verdict === "unreadable")]);
    expect(shown.filter((r) => r.group).map((r) => r.file)).toEqual(entries.filter((e) => e.verdict.kind === "unreadable").map((e) => path.basename(e.file)));
    // each unreadable file with its reason (the CLI's one line)
    const reasons = await page.$$eval("[data-testid=unreadable-group] [data-testid=summary-row]", (els) => els.map((e) => e.querySelector("[data-testid=summary-top]")!.textContent));
    expect(reasons).toEqual(entries.filter((e) => e.verdict.kind === "unreadable").map((e) => e.error));
    // a form to fix shows its top problem
    const tops = await page.$$eval('[data-testid=summary-row][data-verdict="fix"] [data-testid=summary-top]', (els) => els.map((e) => e.textContent ?? ""));
    expect(tops.length).toBe(counts.fix);
    expect(tops.every((t) => t.length > 0)).toBe(true);

    // the filters: each shows its verdict's rows only, as many as the count line says
    for (const k of ["fix", "unfilled", "not-checked", "submit", "unreadable", "no-form"] as const) {
      await page.getByTestId(`filter-${k}`).click();
      const v = await page.$$eval("[data-testid=summary-row]", (els) => els.map((e) => e.getAttribute("data-verdict")));
      expect({ k, v }).toEqual({ k, v: Array(counts[k]).fill(k) });
      expect(await page.getByTestId(`filter-${k}`).getAttribute("aria-pressed")).toBe("true");
    }
    await page.getByTestId("filter-all").click();
    expect(await page.locator("[data-testid=summary-row]").count()).toBe(want.length);

    // the header stays visible when the rows scroll under it
    const wrap = page.getByTestId("table-wrap");
    await wrap.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const stuck = await page.evaluate(() => {
      const wrapEl = document.querySelector("[data-testid=table-wrap]")!;
      const th = document.querySelector("[data-testid=summary-table] thead th")!;
      const a = wrapEl.getBoundingClientRect();
      const b = th.getBoundingClientRect();
      const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
      return { scrolled: wrapEl.scrollTop, gap: Math.abs(b.top - a.top), onTop: !!hit && !!hit.closest("thead") };
    });
    expect(stuck.scrolled).toBeGreaterThan(0);
    expect(stuck.gap).toBeLessThan(3);
    expect(stuck.onTop).toBe(true);

    // details ↔ row: a file's row opens its details; the details lead back to the row, focused
    const target = path.basename(files[17]);
    await page.getByRole("button", { name: `查看 ${target}` }).first().click();
    await page.locator(`[data-testid=details] h2:text-is("${target}")`).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("details-heading");
    await page.getByTestId("back-to-row").click();
    await page.waitForFunction((f) => document.activeElement?.closest("tr")?.getAttribute("data-file") === f, target);
    expect(await page.evaluate(() => document.activeElement!.closest("tr")!.id)).toBe("row-17");
    // …also when a filter hid the row: the filter is cleared
    await page.getByRole("button", { name: `查看 ${target}` }).first().click();
    const own = new Set(entries[17].forms.map((f) => f.verdict.kind));
    const hiding = (["unreadable", "no-form", "unfilled", "fix", "submit"] as const).find((k) => !own.has(k))!;
    await page.getByTestId(`filter-${hiding}`).click();
    await page.getByTestId("back-to-row").click();
    await page.waitForFunction((f) => document.activeElement?.closest("tr")?.getAttribute("data-file") === f, target);
    expect(await page.getByTestId("filter-all").getAttribute("aria-pressed")).toBe("true");

    // every download shows its working state (recorded as the page renders it), then saves
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __busy: string[] }).__busy = seen;
      new MutationObserver(() => {
        for (const b of Array.from(document.querySelectorAll("[data-busy=true]"))) seen.push(`${b.getAttribute("data-testid")}:${(b as HTMLButtonElement).disabled}`);
        const p = document.querySelector("[data-testid=download-progress] progress");
        if (p) seen.push(`progress:${p.getAttribute("max")}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const summary = await downloadOf(page, "download-summary");
    const zip = await downloadOf(page, "download-zip");
    const json = await downloadOf(page, "download-all-json");
    const busy = await page.evaluate(() => (window as unknown as { __busy: string[] }).__busy);
    expect(busy).toContain("download-summary:true");
    expect(busy).toContain("download-zip:true");
    expect(busy).toContain("download-all-json:true");
    expect(busy).toContain(`progress:${N}`);
    expect(await page.locator("[data-busy=true]").count()).toBe(0); // and done
    expect(await page.getByTestId("download-progress").count()).toBe(0);

    // what they hold: 汇总.xlsx is the CLI's --summary of the same folder, part by part; the JSON is the CLI's
    expect(summary.name).toBe("汇总.xlsx");
    const cliSummary = await parts(fs.readFileSync(path.join(dir, "收到的表", "汇总.xlsx")));
    expect(await parts(summary.bytes)).toEqual(cliSummary);
    const all = JSON.parse(json.bytes.toString("utf8"));
    expect(all.files.map((f: Entry) => f.verdict.kind)).toEqual(entries.map((e) => e.verdict.kind));
    expect(all.files).toEqual(entries.map((e) => ({ ...e, file: path.basename(e.file) })));
    const z = await JSZip.loadAsync(zip.bytes);
    expect(JSON.parse(await z.file("selfeval.json")!.async("string"))).toEqual(all);
    const copies = Object.keys(z.files).filter((n) => n.includes(".checked."));
    expect(copies.length).toBe(entries.filter((e) => e.verdict.kind !== "unreadable").length);
    expect(Object.keys(z.files).filter((n) => n.startsWith("json/") && n.endsWith(".json")).length).toBe(N);
    // the 汇总 in the .zip links to the copies beside it
    expect((await parts(new Uint8Array(await z.file("汇总.xlsx")!.async("uint8array"))))["xl/worksheets/sheet1.xml"]).toContain(".checked.xlsx#");
  });

  test("checking can be cancelled: the files checked so far stay, in batch order", async () => {
    session = await open();
    const { page } = session;
    // cancel as soon as the progress shows (the files already given to a worker finish; no other is started)
    await page.evaluate(() => {
      const o = new MutationObserver(() => {
        const c = document.querySelector<HTMLButtonElement>("[data-testid=cancel]");
        if (c) {
          c.click();
          o.disconnect();
        }
      });
      o.observe(document.body, { subtree: true, childList: true });
    });
    await page.getByTestId("file-input").setInputFiles(files);
    await page.getByTestId("done").waitFor();
    const text = (await page.getByTestId("done").textContent()) ?? "";
    const m = /已取消：显示已校验的 (\d+)\/(\d+) 个文件/.exec(text);
    expect(m).not.toBeNull();
    expect(Number(m![2])).toBe(N);
    const kept = Number(m![1]);
    expect(kept).toBeLessThan(N);
    const shownFiles = new Set(await page.$$eval("[data-testid=summary-row]", (els) => els.map((e) => e.getAttribute("data-file"))));
    expect(shownFiles.size).toBe(kept > 1 ? kept : 0);
  });
});
