/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import { ROOT } from "../support/workbooks";
import { REQUIRED_CSP, cspOf, missingSources, tooBroad } from "./csp-sources";

/** Issue 17 in Jest: the ES5 fallback, the CSP of taskpane.html, one pane URL in the manifest. */
const fallbackPath = path.join(ROOT, "src/taskpane/fallback.js");
const fallback = fs.readFileSync(fallbackPath, "utf8");
const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("the ES5 fallback script", () => {
  test("parses as ECMAScript 5 (what IE11 and EdgeHTML can run); the check refuses ES2015", () => {
    expect(() => parse(fallback, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse("const x = () => 1;", { ecmaVersion: 5 })).toThrow();
  });

  test("is loaded before the bundle and Office.js, from our own origin", () => {
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("fallback.js");
  });

  function run(boot: boolean) {
    document.body.innerHTML = '<div id="container"><p>before</p></div>';
    delete (window as unknown as Record<string, unknown>).__selfevalBoot;
    window.onerror = null;
    new Function(fallback)();
    if (boot) (window as unknown as { __selfevalBoot: () => void }).__selfevalBoot();
    window.dispatchEvent(new Event("load"));
    return document.getElementById("selfeval-unsupported");
  }

  test("shows a bilingual message pointing to the command line when the bundle never started", () => {
    const msg = run(false);
    expect(msg).not.toBeNull();
    expect(msg!.textContent).toContain("无法运行");
    expect(msg!.textContent).toContain("cannot run");
    expect(msg!.textContent).toContain("npx selfeval check");
    expect(msg!.textContent).toContain("WebView2");
    expect(msg!.getAttribute("role")).toBe("alert");
  });

  test("points to the checker web page beside the pane, by its full address", () => {
    window.history.replaceState(null, "", "/addin/taskpane.html?autorun=1#x");
    const msg = run(false);
    expect(msg!.textContent).toContain(`${window.location.origin}/addin/web.html`);
    expect(msg!.textContent).not.toContain("taskpane.html");
  });

  test("stays out of the way when the bundle started", () => {
    expect(run(true)).toBeNull();
    expect(document.getElementById("container")!.textContent).toBe("before");
  });
});

describe("the Content-Security-Policy of taskpane.html", () => {
  const csp = cspOf(html);

  test.each(REQUIRED_CSP)("allows $directive $source ($why)", ({ directive, source }) => {
    expect(missingSources(csp)).not.toContain(`${directive} ${source}`);
  });

  test("removing any one needed source is caught", () => {
    for (const r of REQUIRED_CSP) {
      const cut = csp.replace(new RegExp(`(${r.directive}[^;]*?)\\s${r.source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[\\s;]|$)`), "$1");
      expect(cut).not.toBe(csp);
      expect(missingSources(cut)).toEqual([`${r.directive} ${r.source}`]);
    }
  });

  test("and nothing more: no wildcard, no eval, no inline script, frames only from Office.js's CDN", () => {
    expect(tooBroad(csp)).toEqual([]);
    expect(csp).toMatch(/frame-src https:\/\/appsforoffice\.microsoft\.com;/);
    expect(csp).toMatch(/object-src 'none'/);
  });
});

describe("one pane URL", () => {
  test("一键校验 and 校验窗格 open the same pane at the same URL, so a second click focuses it instead of reloading", () => {
    const actions = [...manifest.matchAll(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>([^<]+)<\/TaskpaneId>\s*<SourceLocation resid="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(actions).toHaveLength(2);
    expect(new Set(actions.map((a) => a.join("|"))).size).toBe(1);
    const url = new RegExp(`<bt:Url id="${actions[0][1]}" DefaultValue="([^"]+)"`).exec(manifest)![1];
    expect(manifest).toContain(`<SourceLocation DefaultValue="${url}"/>`);
  });
});
