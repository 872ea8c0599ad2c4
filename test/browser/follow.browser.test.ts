import * as fs from "fs";
import * as path from "path";
import { runCheck } from "../../src/core/engine";
import { FormAnalysis } from "../../src/core/analyse";
import { address } from "../../src/core/a1";
import { showNumber, showValue } from "../../src/core/present";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { RULES } from "../../src/core/rules";
import { FakeOptions } from "../host/fake-office";
import { loadFixture } from "../support/workbooks";
import { CHROMIUM, OUTPUT, ROOT, Session, openPane, axeSerious as axeOf } from "./harness";
import { serveForSuite, endSession } from "./suite";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";

/**
 * Issue 32, "the pane follows the clerk", on the production bundle over the test host at 320 × 700, in Chinese and
 * English: stepping keeps the list in view, the filters say what they hide, the arithmetic is shown in the engine's
 * figures, 实时校验 is a remembered switch, Excel's own undo takes a write-back back in one step (ExcelApi 1.20), and
 * the smaller points (no form, English words, the preview's addresses, notices, notes).
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));

jest.setTimeout(90000);

const DOCS = process.env.SELFEVAL_DOCS ? path.join(ROOT, "docs") : OUTPUT;
const W = 320;
const H = 700;

/** The official workbook with errors planted in form 1 (as pane.browser.test.ts): I20's cause blanked, H16 above its weight. */
async function planted(): Promise<WorkbookSnapshot> {
  const wb = structuredClone(await loadFixture("official"));
  const sheet = wb.sheets.find((x) => x.name === "项目1")!;
  sheet.values[19][8] = "";
  sheet.values[15][7] = 6;
  return wb;
}

/** planted(), with one more score above its weight (H17: two findings more): eleven findings with a cell to step through. */
async function eleven(): Promise<WorkbookSnapshot> {
  const wb = await planted();
  const sheet = wb.sheets.find((x) => x.name === "项目1")!;
  sheet.values[16][7] = 7;
  return wb;
}

suite("the pane follows the clerk (issue 32)", () => {
  // dist/ served and the test host bundled for the suite (test/browser/harness.ts)
  const served = serveForSuite({ host: true });
  let session: Session | null = null;

  beforeAll(() => {
    fs.mkdirSync(OUTPUT, { recursive: true });
  });
  afterEach(async () => {
    // the pane loads nothing but its bundle and Office.js
    session = await endSession(session, { blocked: true });
  });

  async function open(wb: WorkbookSnapshot, options: FakeOptions = {}) {
    session = await openPane(served.url, served.hostScript, wb, options);
    await session.page.setViewportSize({ width: W, height: H });
    await session.page.getByTestId("check").waitFor();
    return session.page;
  }
  async function checkNow() {
    await session!.page.getByTestId("check").click();
    await session!.page.waitForSelector("[data-testid=check]:not([aria-disabled=true])");
    await session!.page.waitForSelector("[data-testid=form-card], [data-testid=no-form], [data-testid=error]");
  }
  async function menu(name: RegExp | string) {
    await session!.page.getByTestId("more").click();
    await session!.page.getByRole("menuitem", { name }).click();
  }
  const settled = () => session!.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  /** axe on the settled pane: serious and critical issues (test/browser/harness.ts) */
  const axeSerious = (): Promise<string[]> => axeOf(session!.page);
  const modelState = () => session!.page.evaluate(() => window.__selfevalHost!.model.state());
  /** 写回计算结果 with 同时按规则改写指标得分 ticked, written, and its notice shown */
  async function writeBackWithScores() {
    const page = session!.page;
    await menu("写回计算结果");
    const preview = page.getByRole("dialog", { name: "写回计算结果：预览" });
    await preview.getByRole("checkbox", { name: "同时按规则改写指标得分" }).click();
    await preview.getByRole("button", { name: /写入 \d+ 个单元格/ }).click();
    await page.getByTestId("notice").filter({ hasText: "已写回" }).waitFor();
  }
  /** 设置 › 本窗格 › 标记有问题的单元格 off (marks are writes of their own: the undo tests judge the write-back alone) */
  async function marksOff(name = "标记有问题的单元格", dialogName: RegExp = /校验设置/, save = "保存") {
    await menu(/设置|Settings/);
    const dialog = session!.page.getByRole("dialog", { name: dialogName });
    await dialog.getByRole("switch", { name }).click();
    await dialog.getByRole("button", { name: save }).click();
    await dialog.waitFor({ state: "detached" });
  }

  for (const lang of ["zh", "en"] as const) {
    const en = lang === "en";
    const opts: FakeOptions = en ? { displayLanguage: "en-US" } : {};

    test(`${lang}: F8 with focus on the toolbar steps to the 6th finding, scrolled into view and announced; ⇧F8 back`, async () => {
      const page = await open(await eleven(), opts);
      await checkNow();
      const listed = await page.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
      expect(listed.length).toBe(11);
      // focus on the toolbar (更多操作), not inside the list
      await page.getByTestId("more").focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press("F8");
      const position = en ? `Problem 6 of ${listed.length}` : `第 6 / ${listed.length} 个问题`;
      await page.getByTestId("position").filter({ hasText: position }).waitFor();
      await page.waitForFunction((want) => {
        const s = window.__selfevalHost!.model.selection;
        return !!s && `${s.sheet}!${s.address}` === want;
      }, listed[5]);
      const item = page.locator("[data-testid=finding-item][data-current=true]");
      expect(await item.locator("[data-testid=finding]").getAttribute("data-cell")).toBe(listed[5]);
      // inside the viewport, whole
      const box = await item.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(H);
      // announced: the live region names the position and the cell
      const said = (await page.getByTestId("announce").textContent()) ?? "";
      expect(said).toContain(position);
      expect(said).toContain(listed[5]!);
      expect(await page.getByTestId("announce").getAttribute("aria-live")).toBe("polite");
      // with focus nowhere in particular (the page), F8 and ⇧F8 still step
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press("Shift+F8");
      await page.getByTestId("position").filter({ hasText: en ? `Problem 5 of` : `第 5 /` }).waitFor();
      expect(await axeSerious()).toEqual([]);
      if (!en) {
        await settled();
        await page.screenshot({ path: path.join(DOCS, "pane-stepping.png") });
      }
      expect(session!.errors).toEqual([]);
    });

    test(`${lang}: a filter chip looks pressed or not (mark and border); hidden findings are counted with a link that shows all; stepping stays`, async () => {
      const page = await open(await planted(), opts);
      await checkNow();
      const chip = page.getByTestId("filter-warning");
      const warnings = Number(((await chip.textContent()) ?? "").match(/\d+/)![0]);
      expect(warnings).toBeGreaterThan(0);
      const look = () =>
        chip.evaluate((el) => ({ pressed: el.getAttribute("aria-pressed"), border: getComputedStyle(el).borderTopStyle, strike: getComputedStyle(el).textDecorationLine, mark: el.querySelector("[data-testid=chip-mark]")?.textContent }));
      expect(await look()).toEqual({ pressed: "true", border: "solid", strike: "none", mark: "✓" });
      expect(await page.getByTestId("hidden-count").count()).toBe(0);
      await chip.click();
      expect(await look()).toEqual({ pressed: "false", border: "dashed", strike: "line-through", mark: "–" });
      const line = page.getByTestId("hidden-count");
      expect((await line.textContent())!.replace(/\s+/g, " ").trim()).toBe(en ? `${warnings} problem(s) hidden · Show all` : `已隐藏 ${warnings} 个问题 · 全部显示`);
      expect(await page.locator("[data-testid=finding][data-severity=warning]").count()).toBe(0);
      // 上一个 / 下一个 stay, and step over what is shown
      await page.getByTestId("next").click();
      await page.locator("[data-testid=finding-item][data-current=true]").waitFor();
      expect(await page.locator("[data-testid=finding-item][data-current=true] [data-testid=finding]").getAttribute("data-severity")).not.toBe("warning");
      expect(await axeSerious()).toEqual([]);
      if (!en) {
        await settled();
        await page.screenshot({ path: path.join(DOCS, "pane-filter.png") });
      }
      await page.getByTestId("show-all").click();
      await page.getByTestId("hidden-count").waitFor({ state: "detached" });
      expect(await page.locator("[data-testid=finding][data-severity=warning]").count()).toBe(warnings);
    });

    test(`${lang}: 计算过程 under the total and an indicator score, equal to the rule's figures`, async () => {
      const wb = await planted();
      const page = await open(wb, opts);
      await checkNow();
      // the figures as the engine's analysis holds them (not the finding's steps: those are what is judged)
      const { report, analyses } = runCheck(wb, { lang });
      const k = report.forms.findIndex((f) => f.sheet === "项目1");
      const a = analyses[k] as FormAnalysis;
      const cellOf = (c: { row: number; col: number }) => address(c.row, c.col);
      const term = (v: number, cell: string | null, percent = false) => `${showValue(v, percent)}${cell ? (en ? ` (${cell})` : `（${cell}）`) : ""}`;
      const tight = (line: string) => (en ? line : line.replace(/）\s/g, "）"));
      const scores = [a.budget!.score!, ...a.indicators.map((i) => i.score).filter((s) => s && s.value !== null)] as Array<{ value: number; cell: { row: number; col: number } }>;
      const totalLine = tight(`${showNumber(a.sumOfScores)} = ${scores.map((s) => term(s.value, cellOf(s.cell))).join(" + ")}`);
      const total = page.getByTestId("finding-item").filter({ has: page.locator('[data-rule=total-score][data-cell="项目1!H26"]') });
      await total.getByTestId("steps-toggle").click();
      expect(await total.getByTestId("steps-toggle").getAttribute("aria-expanded")).toBe("true");
      expect(await total.getByTestId("step-line").allTextContents()).toEqual([totalLine]);
      // an indicator scored by a ratio: 项目资金支付及时率 (H20), 50% of 100%
      const i = a.indicators.find((x) => x.score && cellOf(x.score.cell) === "H20")!;
      const ratio = i.actual!.value! / i.target!.value!;
      const lines = [
        `${showNumber(i.scoring.expected!)} = ${term(i.weight!.value!, cellOf(i.weight!.cell))} × ${showValue(ratio, true)}`,
        `${showValue(ratio, true)} = ${term(i.actual!.value!, cellOf(i.actual!.cell), true)} ÷ ${term(i.target!.value!, cellOf(i.target!.cell), true)}`,
      ].map(tight);
      const ind = page.getByTestId("finding-item").filter({ has: page.locator('[data-rule=indicator-score][data-cell="项目1!H20"]') });
      await ind.getByTestId("steps-toggle").click();
      expect(await ind.getByTestId("step-line").allTextContents()).toEqual(lines);
      expect(lines[0]).toBe(en ? "2.5 = 5 (G20) × 50%" : "2.5 = 5（G20）× 50%");
      // nothing wider than the pane
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(W);
      expect(await axeSerious()).toEqual([]);
      if (!en) {
        await ind.scrollIntoViewIfNeeded();
        await settled();
        await page.screenshot({ path: path.join(DOCS, "pane-steps.png") });
      }
    });

    test(`${lang}: 实时校验 is a switch on the toolbar with a status line, remembered in the workbook after a reload`, async () => {
      const wb = await planted();
      let page = await open(wb, opts);
      const sw = page.getByRole("switch", { name: en ? "Live check" : "实时校验" });
      expect(await sw.isChecked()).toBe(false);
      await sw.click();
      // on: the list comes at once, and the status line says it is on
      await page.getByTestId("form-card").first().waitFor();
      await page.getByTestId("live-status").filter({ hasText: en ? "Live check is on" : "实时校验已开启" }).waitFor();
      const saved = await page.evaluate(() => Object.fromEntries(window.__selfevalHost!.model.savedSettings));
      expect((saved["selfeval.settings.v1"] as { live?: boolean }).live).toBe(true);
      expect(await axeSerious()).toEqual([]);
      await session!.close();
      // the workbook reopened with what it saved: the switch is on, and an edit is checked again without a click
      page = await open(wb, { ...opts, settings: saved });
      await page.getByTestId("live-status").waitFor();
      expect(await page.getByRole("switch", { name: en ? "Live check" : "实时校验" }).isChecked()).toBe(true);
      await page.getByTestId("form-card").first().waitFor();
      await page.waitForSelector("[data-testid=check]:not([aria-disabled=true])");
      expect(await page.locator('[data-testid=finding][data-cell="项目1!H16"]').count()).toBeGreaterThan(0);
      await page.evaluate(() => window.__selfevalHost!.model.userEdit("项目1", "H16", 5));
      await page.waitForFunction(() => !document.querySelector('[data-testid=finding][data-cell="项目1!H16"][data-rule=score-exceeds-weight]'));
      if (!en) {
        await settled();
        await page.screenshot({ path: path.join(DOCS, "pane-live.png") });
      }
      expect(session!.errors).toEqual([]);
    });
  }

  test("ExcelApi 1.20: Excel's own undo takes a write-back back in one step, and a one-cell fix; the add-in's record goes", async () => {
    const page = await open(await loadFixture("shifted"), { excelApi: "1.20" });
    await marksOff();
    const before = await modelState();
    await checkNow();
    await writeBackWithScores();
    expect(await modelState()).not.toEqual(before);
    // the clerk's Ctrl+Z, once
    expect(await page.evaluate(() => window.__selfevalHost!.model.undo())).toBe(true);
    expect(await modelState()).toEqual(before);
    // the next check sees the cells back as they were: 撤销写回 has nothing left
    await checkNow();
    await page.getByTestId("more").click();
    expect(await page.getByRole("menuitem", { name: "撤销写回" }).getAttribute("aria-disabled")).toBe("true");
    await page.keyboard.press("Escape");
    // a one-cell fix is one step too
    await page.locator('[data-testid=fix]').first().click();
    const fix = page.getByRole("dialog", { name: "改正一个单元格：预览" });
    await fix.getByRole("button", { name: "写入 1 个单元格" }).click();
    await page.getByTestId("notice").filter({ hasText: "已写回 1 个单元格" }).waitFor();
    expect(await modelState()).not.toEqual(before);
    expect(await page.evaluate(() => window.__selfevalHost!.model.undo())).toBe(true);
    expect(await modelState()).toEqual(before);
    expect(session!.errors).toEqual([]);
  });

  test("ExcelApi 1.20: a write that cannot join the undo group (UndoNotSupported) is written without it", async () => {
    const page = await open(await loadFixture("shifted"), { excelApi: "1.20", undoUnsupported: ["values"] });
    await marksOff();
    await checkNow();
    await menu("写回计算结果");
    await page.getByRole("dialog", { name: "写回计算结果：预览" }).getByRole("button", { name: /写入 \d+ 个单元格/ }).click();
    await page.getByTestId("notice").filter({ hasText: "已写回" }).waitFor();
    expect(await page.getByTestId("error").count()).toBe(0);
    expect(await page.evaluate(() => window.__selfevalHost!.model.failedSyncs.some((s) => s.startsWith("UndoNotSupported")))).toBe(true);
  });

  test("ExcelApi 1.19: mergeUndoGroup is not there; 撤销写回 restores the workbook", async () => {
    const page = await open(await loadFixture("shifted"), { excelApi: "1.19" });
    await marksOff();
    const before = await modelState();
    await checkNow();
    await writeBackWithScores();
    expect(await modelState()).not.toEqual(before);
    await menu("撤销写回");
    await page.getByTestId("notice").filter({ hasText: "已撤销" }).waitFor();
    expect(await modelState()).toEqual(before);
    expect(await axeSerious()).toEqual([]);
  });

  test("no form: no 「已标记 0 个单元格」, 写回计算结果 and 生成校验报告 disabled; a form without errors has no red 0 chip", async () => {
    let page = await open(await loadFixture("no-form"));
    await checkNow();
    await page.getByTestId("no-form").waitFor();
    expect(await page.getByTestId("notice").count()).toBe(0);
    await page.getByTestId("more").click();
    for (const name of ["写回计算结果", "生成校验报告"]) expect(await page.getByRole("menuitem", { name }).getAttribute("aria-disabled")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await axeSerious()).toEqual([]);
    await session!.close();
    // a form whose only problems are warnings or info: the error chip's 0 is grey, not the danger red
    const official = await loadFixture("official");
    const { report } = runCheck(official, { lang: "zh" });
    const clean = report.forms.find((f) => f.findings.every((x) => x.severity !== "error"))!;
    expect(clean).toBeDefined();
    page = await open({ sheets: official.sheets.filter((s) => s.name === clean.sheet) });
    await checkNow();
    const badge = page.getByTestId("filter-error").locator(".fui-CounterBadge");
    expect((await badge.textContent())!.trim()).toBe("0");
    const [r, g, b] = (await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g)!.map(Number);
    expect(r > 150 && g < 100 && b < 100).toBe(false); // not red
    expect(await axeSerious()).toEqual([]);
  });

  test("English: grades and template names in English, English brackets, no Chinese words of ours on the card", async () => {
    const wb = await loadFixture("official");
    const page = await open(wb, { displayLanguage: "en-US" });
    await checkNow();
    const grades = await page.getByTestId("grade").allTextContents();
    expect(grades.length).toBeGreaterThan(0);
    for (const g of grades) expect(g).toMatch(/^Grade: (Excellent|Good|Fair|Poor)$/);
    const cards = await page.getByTestId("form-card").evaluateAll((els) => els.map((e) => e.querySelector("h2 + div + span, [data-testid=rules-in-force]")?.textContent ?? ""));
    for (const c of cards) expect(c).not.toMatch(/（|）/);
    const templates = await page.locator("[data-testid=form-card] >> text=/template: /").allTextContents();
    expect(templates.length).toBeGreaterThan(0);
    for (const line of templates) expect(line.replace(/^.*template: /, "")).not.toMatch(/[\u4e00-\u9fff]/);
    for (const r of await page.getByTestId("rules-in-force").allTextContents()) expect(r).toMatch(/^Rules: .+ \([a-z' -]+\)$/);
    expect(await axeSerious()).toEqual([]);
  });

  test("320 px: the preview keeps each address whole; notices are readable and in view after the dialog; the zh report sheet has no rule-id column", async () => {
    const wb = structuredClone(await loadFixture("shifted"));
    wb.sheets.find((s) => s.name === "安全生产")!.name = "运行监测";
    const page = await open(wb);
    await checkNow();
    // scrolled down the list: the notice would be above the fold
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await menu("写回计算结果");
    const preview = page.getByRole("dialog", { name: "写回计算结果：预览" });
    await preview.getByRole("checkbox", { name: "同时按规则改写指标得分" }).click();
    const addresses = preview.getByTestId("address");
    expect(await addresses.count()).toBeGreaterThan(0);
    for (const a of await addresses.evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, h: e.getBoundingClientRect().height, line: parseFloat(getComputedStyle(e).lineHeight) || 20, clipped: e.scrollWidth > e.clientWidth + 1 })),
    )) {
      expect(a.text).toMatch(/^运行监测!/);
      expect(a.h).toBeLessThan(a.line * 1.5); // one line: never 「运行监/测!H14」
      expect(a.clipped).toBe(false);
    }
    await settled();
    await page.screenshot({ path: path.join(DOCS, "preview.png") });
    await preview.getByRole("button", { name: /写入 \d+ 个单元格/ }).click();
    const notice = page.getByTestId("notice").filter({ hasText: "已写回" });
    await notice.waitFor();
    await page.waitForSelector("[data-testid=check]:not([aria-disabled=true])");
    await page.waitForFunction(() => {
      const r = document.querySelector("[data-testid=notice]")?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(parseFloat(await notice.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(13);
    // the report sheet, in Chinese: the problem's name, no column of English rule ids
    await menu("生成校验报告");
    await page.getByTestId("open-report").waitFor();
    const rows = await page.evaluate(() => {
      const m = window.__selfevalHost!.model;
      const s = m.sheet("校验报告");
      const out: string[][] = [];
      for (let r = 0; r < 200; r++) {
        const row: string[] = [];
        for (let c = 0; c < 16; c++) row.push(String(m.cell(s, r, c).value));
        out.push(row);
      }
      return out;
    });
    const header = rows.find((r) => r[0] === "工作表" && r[1] === "单元格")!;
    expect(header).toBeDefined();
    expect(header).not.toContain("规则编号");
    const ids = new Set(RULES.map((r) => r.id));
    expect(rows.flat().filter((v) => ids.has(v))).toEqual([]);
    expect(session!.errors).toEqual([]);
  });

  test("a person's note on the 总分 cell: at ExcelApi 1.18 ours follows theirs and 清除标记 gives theirs back; at 1.17 the pane says the explanation is in the list", async () => {
    const note = "张三：总分已与财务科核对";
    const addNote = () => session!.page.evaluate((n) => window.__selfevalHost!.model.sheet("项目1").notes.set("H26", n), note);
    const noteNow = () => session!.page.evaluate(() => window.__selfevalHost!.model.sheet("项目1").notes.get("H26"));
    let page = await open(await loadFixture("official"), { excelApi: "1.18" });
    await addNote();
    await checkNow();
    await page.getByTestId("notice").filter({ hasText: "已标记" }).waitFor();
    const both = await noteNow();
    expect(both!.startsWith(`${note}\n— 绩效自评校验 —\n【绩效自评校验】`)).toBe(true);
    expect(both).toContain("总分填写为 90.5");
    expect(await page.getByTestId("unannotated").count()).toBe(0);
    await menu("清除标记");
    await page.getByTestId("notice").filter({ hasText: "已清除" }).waitFor();
    expect(await noteNow()).toBe(note);
    await session!.close();
    page = await open(await loadFixture("official"), { excelApi: "1.17" });
    await addNote();
    await checkNow();
    const said = page.getByTestId("unannotated");
    await said.waitFor();
    expect(await said.textContent()).toContain("项目1!H26");
    expect(await said.textContent()).toContain("见下方列表");
    expect(await noteNow()).toBe(note);
    expect(await axeSerious()).toEqual([]);
  });
});
