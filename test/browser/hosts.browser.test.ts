import * as fs from "fs";
import * as path from "path";
import { cspOf, missingSources } from "../addin/csp-sources";
import { loadFixture } from "../support/workbooks";
import { CHROMIUM, ROOT, Session, openPane } from "./harness";
import { endSession, serveForSuite } from "./suite";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";

/**
 * Issue 17 in Chromium, on the production build: the ES5 fallback when the bundle cannot run, the CSP as the browser
 * enforces it, and one pane URL for both ribbon buttons.
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));

jest.setTimeout(60000);

suite("hosts, fallback and CSP in Chromium", () => {
  const served = serveForSuite({ host: true });
  let session: Session | null = null;

  afterEach(async () => {
    session = await endSession(session, {});
  });

  test("a bundle that fails to parse (as the ES2020 bundle does in IE11/EdgeHTML) shows the bilingual fallback message", async () => {
    session = await openPane(served.url, served.hostScript, await loadFixture("official"), {}, "", (url) => (/\/taskpane\.[^/]*\.js$/.test(url) ? "const broken = ;" : null));
    const msg = session.page.locator("#selfeval-unsupported");
    await msg.waitFor();
    const text = await msg.textContent();
    expect(text).toContain("此版本的 Excel 无法运行绩效自评校验");
    expect(text).toContain("This version of Excel cannot run");
    expect(text).toContain("npx selfeval check");
    expect(session.errors.some((e) => /SyntaxError|Unexpected token/.test(e))).toBe(true);
    expect(session.blocked).toEqual([]);
  });

  test("with a bundle that runs, the fallback never shows", async () => {
    session = await openPane(served.url, served.hostScript, await loadFixture("official"));
    await session.page.getByTestId("check").waitFor();
    await session.page.waitForFunction(() => document.readyState === "complete");
    expect(await session.page.locator("#selfeval-unsupported").count()).toBe(0);
    expect(session.blocked).toEqual([]);
  });

  test("the served page's CSP has every needed source, and the browser enforces it: Office.js's frame loads, another is refused", async () => {
    session = await openPane(served.url, served.hostScript, await loadFixture("official"));
    await session.page.getByTestId("check").waitFor();
    const csp = await session.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute("content")!);
    expect(csp).toBe(cspOf(fs.readFileSync(path.join(ROOT, "dist/taskpane.html"), "utf8").replace(/http-equiv=Content-Security-Policy content="/, 'http-equiv="Content-Security-Policy" content="')));
    expect(missingSources(csp)).toEqual([]);
    // allowed: the request leaves the page (the harness then aborts it, as it does every outside request)
    const officeFrame = "https://appsforoffice.microsoft.com/lib/1/hosted/frame-probe.html";
    const request = session.page.waitForRequest(officeFrame);
    await session.page.evaluate((src) => {
      const f = document.createElement("iframe");
      f.src = src;
      document.body.appendChild(f);
    }, officeFrame);
    await request;
    // refused: a violation event, and no request
    const violated = await session.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`));
          const f = document.createElement("iframe");
          f.src = "https://example.org/frame";
          document.body.appendChild(f);
        }),
    );
    expect(violated).toMatch(/^frame-src https:\/\/example\.org/);
    expect(session.blocked).toEqual([officeFrame]);
  });

  test("一键校验 twice and 校验窗格 after it keep the pane and its results (Office reloads a pane only for a different URL)", async () => {
    const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const urlOf = (button: string) => {
      const control = new RegExp(`<Control xsi:type="Button" id="${button}">[\\s\\S]*?<SourceLocation resid="([^"]+)"/>`).exec(manifest)![1];
      return new URL(new RegExp(`<bt:Url id="${control}" DefaultValue="([^"]+)"`).exec(manifest)![1]);
    };
    const check = urlOf("SelfEval.CheckButton");
    const pane = urlOf("SelfEval.PaneButton");
    session = await openPane(served.url, served.hostScript, await loadFixture("official"), {}, check.search);
    const page = session.page;
    await page.getByTestId("form-card").first().waitFor();
    await page.waitForSelector("[data-testid=check]:not([disabled])");
    const cards = await page.getByTestId("form-card").count();
    await page.evaluate(() => ((window as unknown as { __paneId: number }).__paneId = 17));
    // what a ShowTaskpane click does to an open pane of the same TaskpaneId: navigate only when the URL differs
    const click = async (u: URL) => {
      if (`${u.pathname}${u.search}` !== new URL(page.url()).pathname + new URL(page.url()).search) await page.goto(`${served.url}${u.pathname}${u.search}`);
    };
    await click(check);
    await click(check);
    await click(pane);
    expect(await page.evaluate(() => (window as unknown as { __paneId?: number }).__paneId)).toBe(17);
    expect(await page.getByTestId("form-card").count()).toBe(cards);
    expect(session.blocked).toEqual([]);
  });
});
