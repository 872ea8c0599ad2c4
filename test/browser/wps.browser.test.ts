import { flaggedCells } from "../../src/core/marks";
import { runCheck } from "../../src/core/engine";
import { loadFixture } from "../support/workbooks";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";
import { CHROMIUM, Session, bundleTestEntry, openSession } from "./harness";
import { endSession, serveForSuite } from "./suite";

/**
 * The WPS add-in in Chromium: the production bundle of dist/wps/ with the strict stand-in of WPS's object model
 * injected as `window.Application` / `wps` before the page's scripts, and the APIs Chromium 87 lacks removed first.
 * The ribbon's callback checks and marks, 清除标记 clears; the pane found at start checks and marks on its own;
 * no page error, no request anywhere but the add-in's own server.
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));
jest.setTimeout(90000);

/** what Chromium 87 does not have (structuredClone 98, Array/String .at 92, Object.hasOwn 93, findLast 97, …) */
const CHROMIUM_87 = `
  delete window.structuredClone;
  delete Array.prototype.at; delete String.prototype.at;
  delete Object.hasOwn;
  delete Array.prototype.findLast; delete Array.prototype.findLastIndex;
  delete Array.prototype.toSorted; delete Array.prototype.toReversed; delete Array.prototype.toSpliced; delete Array.prototype.with;
  if (window.AbortSignal) delete AbortSignal.timeout;
  if (window.Promise) delete Promise.withResolvers;
`;

type Model = { state(): unknown; sheets: Array<{ name: string; cells: Map<string, { fill: { pattern: string } }>; comments: Map<string, string> }>; taskPanes: Array<{ url: string; visible: boolean }>; calls: number };

suite("the WPS add-in in Chromium, over the stand-in", () => {
  const served = serveForSuite({ requires: "dist/wps/index.html", requiresHint: "dist/wps/ has no build: run `npm run build`." });
  let standIn: string;
  let session: Session | null = null;

  beforeAll(async () => {
    standIn = await bundleTestEntry("test/wps/browser-entry.ts", "wps", "wps-stand-in.js");
  });
  afterEach(async () => {
    session = await endSession(session);
  });

  async function open(page: string, options: Record<string, unknown> = {}) {
    const workbook = await loadFixture("official");
    const s = await openSession("about:blank", {
      viewport: { width: 420, height: 900 },
      async route(route, blocked) {
        const u = new URL(route.request().url());
        if (u.hostname === "127.0.0.1") return route.continue();
        blocked.push(u.href);
        return route.abort();
      },
    });
    await s.context.addInitScript({ content: `${CHROMIUM_87}\nwindow.__SELFEVAL_WORKBOOK__ = ${JSON.stringify(workbook)};\nwindow.__SELFEVAL_ET_OPTIONS__ = ${JSON.stringify(options)};\n${standIn}` });
    await s.page.goto(`${served.url}/wps/${page}`);
    return { s, workbook };
  }

  const marked = () =>
    session!.page.evaluate(() => {
      const m = (window as unknown as { __etModel: Model }).__etModel;
      return m.sheets.flatMap((sh) => [...sh.cells].filter(([, c]) => c.fill.pattern === "Solid").map(([a]) => `${sh.name}!${a}`)).sort();
    });

  test("ribbon: 一键校验 where WPS gives no task pane checks and marks from the ribbon's page; 清除标记 leaves the workbook as it was", async () => {
    const { s, workbook } = await open("index.html", { noTaskPane: true });
    session = s;
    const page = s.page;
    expect(await page.evaluate(() => typeof (window as unknown as { ribbon: { OnAddinLoad: unknown } }).ribbon.OnAddinLoad)).toBe("function");
    const original = await page.evaluate(() => JSON.stringify((window as unknown as { __etModel: Model }).__etModel.state()));
    expect(await page.evaluate(() => (window as unknown as { ribbon: { OnAddinLoad(x: unknown): boolean } }).ribbon.OnAddinLoad({}))).toBe(true);
    page.on("dialog", (d) => void d.dismiss());
    const result = await page.evaluate(async () => {
      const w = window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean }; selfevalRibbon: { last: Promise<{ ok: boolean; message: string }> } };
      w.ribbon.OnAction({ Id: "selfevalCheck" });
      return w.selfevalRibbon.last;
    });
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/CreateTaskPane 返回空/);
    // the cells the engine flags (error and warning, the default highlight), marked
    const { report } = runCheck(workbook, {});
    const want = flaggedCells(report.forms.flatMap((f) => f.findings), ["error", "warning"]).map((c) => `${c.sheet}!${c.address}`).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(await marked()).toEqual(want);
    const cleared = await page.evaluate(async () => {
      const w = window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean }; selfevalRibbon: { last: Promise<{ ok: boolean; message: string }> } };
      w.ribbon.OnAction({ Id: "selfevalClear" });
      return w.selfevalRibbon.last;
    });
    expect(cleared.message).toBe(`已清除 ${want.length} 处标记。`);
    const after = await page.evaluate(() => JSON.stringify((window as unknown as { __etModel: Model }).__etModel.state()));
    expect(after).toBe(original);
  });

  test("ribbon: 校验窗格 opens the pane from the add-in's own folder", async () => {
    const { s } = await open("index.html");
    session = s;
    await s.page.evaluate(async () => {
      const w = window as unknown as { ribbon: { OnAction(c: { Id: string }): boolean }; selfevalRibbon: { last: Promise<unknown> } };
      w.ribbon.OnAction({ Id: "selfevalPane" });
      await w.selfevalRibbon.last;
    });
    const panes = await s.page.evaluate(() => (window as unknown as { __etModel: Model }).__etModel.taskPanes);
    expect(panes).toEqual([{ url: `${served.url}/wps/taskpane.html`, title: "绩效自评校验", visible: true }]);
  });

  test("the pane in WPS: found at start, checks and marks at once (autorun), 清除标记 clears", async () => {
    const { s, workbook } = await open("taskpane.html?autorun=1");
    session = s;
    const page = s.page;
    await page.waitForSelector("[data-testid=form-card]");
    const { report } = runCheck(workbook, {});
    const want = flaggedCells(report.forms.flatMap((f) => f.findings), ["error", "warning"]).map((c) => `${c.sheet}!${c.address}`).sort();
    await page.waitForFunction((n) => {
      const m = (window as unknown as { __etModel: Model }).__etModel;
      return m.sheets.reduce((k, sh) => k + [...sh.cells.values()].filter((c) => c.fill.pattern === "Solid").length, 0) === n;
    }, want.length);
    expect(await marked()).toEqual(want);
    // 清除标记: the pane's own control (in the 更多操作 menu where the layout keeps it)
    if (!(await page.getByTestId("clear").isVisible())) await page.getByRole("button", { name: /更多操作|More actions/ }).click();
    await page.getByTestId("clear").click();
    await page.waitForFunction(() => {
      const m = (window as unknown as { __etModel: Model }).__etModel;
      return m.sheets.every((sh) => [...sh.cells.values()].every((c) => c.fill.pattern !== "Solid"));
    });
    expect(await marked()).toEqual([]);
  });
});
