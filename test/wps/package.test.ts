import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { parse } from "acorn";
import { unzipSync, strFromU8 } from "fflate";
import { ROOT } from "../support/workbooks";

/**
 * dist/wps/ as `npm run build` writes it (npm test builds first): ribbon.xml well-formed and every callback it names a
 * function of the bundle; every script parses at ES2020 (WPS's Chromium 87) and names none of the later globals; the
 * pages load nothing from elsewhere; jsplugins.xml, the JsPlugin manifest and the offline package in their shapes.
 */
const WPS = path.join(ROOT, "dist/wps");
const built = fs.existsSync(path.join(WPS, "ribbon.xml"));
const suite = built ? describe : describe.skip;
if (!built) console.warn("dist/wps/ has no build: run `npm run build` (npm test does it first).");

const read = (f: string) => fs.readFileSync(path.join(WPS, f), "utf8");
const scripts = () => fs.readdirSync(WPS).filter((f) => f.endsWith(".js"));
const xmllint = (file: string) => execFileSync("xmllint", ["--noout", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

suite("the WPS add-in as built", () => {
  test("ribbon.xml, jsplugins.xml and manifest.xml are well-formed (xmllint), and the check refuses a broken file", () => {
    for (const f of ["ribbon.xml", "jsplugins.xml", "manifest.xml"]) expect(() => xmllint(path.join(WPS, f))).not.toThrow();
    const bad = path.join(ROOT, "test-output", "wps-broken.xml");
    fs.mkdirSync(path.dirname(bad), { recursive: true });
    fs.writeFileSync(bad, "<customUI><ribbon></customUI>");
    expect(() => xmllint(bad)).toThrow();
  });

  test("the ribbon: group 绩效自评校验 with 一键校验, 校验窗格, 清除标记; every callback it names is a function of the bundle", () => {
    const xml = read("ribbon.xml");
    expect(xml).toMatch(/<group [^>]*label="绩效自评校验"/);
    const labels = [...xml.matchAll(/<button [^>]*label="([^"]+)"/g)].map((m) => m[1]);
    expect(labels).toEqual(["一键校验", "校验窗格", "清除标记"]);
    const names = [...new Set([...xml.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getVisible|getLabel)="([^"]+)"/g)].map((m) => m[1]))];
    expect(names).toEqual(expect.arrayContaining(["ribbon.OnAddinLoad", "ribbon.OnAction", "ribbon.GetImage"]));
    // the page WPS opens loads the ribbon's script; run it in a bare window and look the names up
    const html = read("index.html");
    const src = /<script[^>]*src="?([^"\s>]+)/.exec(html)![1];
    expect(scripts()).toContain(src);
    const window: Record<string, unknown> = { location: { href: "http://127.0.0.1/wps/index.html" } };
    window.window = window;
    vm.runInNewContext(read(src), window);
    for (const n of names) {
      const fn = n.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], window);
      expect([n, typeof fn]).toEqual([n, "function"]);
    }
    // and bare, for builds that look them up on window
    for (const n of ["OnAddinLoad", "OnAction", "GetImage"]) expect(typeof window[n]).toBe("function");
    const ribbon = window.ribbon as { OnAddinLoad(x: unknown): boolean; GetImage(c: { Id: string }): string };
    expect(ribbon.OnAddinLoad({})).toBe(true);
    for (const id of ["selfevalCheck", "selfevalPane", "selfevalClear"]) expect(fs.existsSync(path.join(WPS, ribbon.GetImage({ Id: id })))).toBe(true);
  });

  test("every script parses at ES2020 and names none of the globals Chromium 87 lacks; the check refuses ES2021", () => {
    expect(scripts().length).toBeGreaterThanOrEqual(2);
    for (const f of scripts()) {
      const code = read(f);
      expect(() => parse(code, { ecmaVersion: 2020, sourceType: "script" })).not.toThrow();
      expect([f, code.match(/\bstructuredClone\b|\bObject\.hasOwn\b|\bPromise\.withResolvers\b|\bAbortSignal\.timeout\b|\.toSorted\(|\.toReversed\(|\.toSpliced\(/g)]).toEqual([f, null]);
    }
    expect(() => parse("let a; a ??= 1;", { ecmaVersion: 2020 })).toThrow();
    expect(() => parse("class A { #x = 1 }", { ecmaVersion: 2020 })).toThrow();
  });

  test("the pages load only the add-in's own scripts: no Office.js, nothing from another origin", () => {
    for (const page of ["index.html", "taskpane.html"]) {
      const html = read(page);
      const srcs = [...html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
      expect(srcs.length).toBe(1);
      for (const s of srcs) expect(s).toMatch(/^[\w.-]+\.js$/);
      expect(html).not.toMatch(/appsforoffice|https?:\/\//);
      expect(html).toMatch(/Content-Security-Policy/);
    }
  });

  test("jsplugins.xml installs it online from the web page's server; publish.html talks only to WPS's local relay", () => {
    const xml = read("jsplugins.xml");
    expect(xml).toMatch(/<jspluginonline [^>]*name="selfeval"[^>]*type="et"[^>]*url="https?:\/\/[^"]+\/wps\/"/);
    const html = read("publish.html");
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1];
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow(); // any browser a clerk opens it with
    const urls = [...script.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls).toEqual(["http://127.0.0.1:58890"]);
    expect(html).toContain("信任并安装");
  });

  test("the offline package: the add-in in selfeval_<version>/, publish.xml naming that folder, install scripts", () => {
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version as string;
    const zip = unzipSync(new Uint8Array(fs.readFileSync(path.join(WPS, "offline", `selfeval-wps-${version}.zip`))));
    const names = Object.keys(zip).sort();
    const folder = `selfeval_${version}/`;
    for (const f of ["ribbon.xml", "index.html", "taskpane.html", "manifest.xml", ...scripts()]) expect(names).toContain(folder + f);
    expect(names).not.toContain(`${folder}publish.html`);
    expect(names).toEqual(expect.arrayContaining(["publish.xml", "install.bat", "install.sh", "说明.txt"]));
    const publish = strFromU8(zip["publish.xml"]);
    expect(publish).toMatch(new RegExp(`<jsplugin name="selfeval" type="et" url="selfeval_${version.replace(/\./g, "\\.")}" version="${version.replace(/\./g, "\\.")}"`));
    const tmp = path.join(ROOT, "test-output", "wps-publish.xml");
    fs.writeFileSync(tmp, publish);
    expect(() => xmllint(tmp)).not.toThrow();
    expect(strFromU8(zip["install.sh"])).toContain(".local/share/Kingsoft/wps/jsaddons");
    expect(strFromU8(zip["install.bat"])).toContain("%APPDATA%\\kingsoft\\wps\\jsaddons");
    expect(strFromU8(zip["说明.txt"])).toContain("尚未在真实的 WPS 上测试");
  });
});
