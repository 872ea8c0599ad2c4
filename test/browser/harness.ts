import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page, Route } from "playwright-core";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { FakeOptions } from "../host/fake-office";

/**
 * Browser-test harness: the production build (dist/) served on 127.0.0.1, Debian's Chromium driven by
 * playwright-core, the Office.js CDN request answered with our test host, every other outside request aborted
 * and counted.
 */
function findRoot(from: string): string {
  let d = from;
  while (!fs.existsSync(path.join(d, "package.json")) || !fs.existsSync(path.join(d, "manifest.xml"))) {
    const up = path.dirname(d);
    if (up === d) throw new Error("cannot find the project root");
    d = up;
  }
  return d;
}
export const ROOT = findRoot(__dirname);
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OUTPUT = path.join(ROOT, "test-output");

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain" };

export function serveDist(): Promise<{ url: string; close: () => Promise<void> }> {
  const dist = path.join(ROOT, "dist");
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) throw new Error("dist/ has no production build: run `npm run build` (npm test does it first).");
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(dist, path.normalize(p).replace(/^(\.\.[/\\])+/, ""));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

/** Bundles a test entry (TypeScript, through ts-loader) into test-output/<dir>/<filename> and returns the script. */
export async function bundleTestEntry(entry: string, dir: string, filename: string, target?: string[]): Promise<string> {
  const out = path.join(OUTPUT, dir);
  const webpack = require("webpack");
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        mode: "production",
        ...(target ? { target } : {}),
        entry: path.join(ROOT, entry),
        output: { path: out, filename },
        resolve: { extensions: [".ts", ".js"] },
        module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true, compilerOptions: { noEmit: false } } } }] },
        devtool: false,
        performance: { hints: false },
      },
      (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
        if (err) reject(err);
        else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      },
    );
  });
  return fs.readFileSync(path.join(out, filename), "utf8");
}

/** Bundles test/browser/host-entry.ts (the fake Office.js) once per run. */
export function buildHostScript(): Promise<string> {
  return bundleTestEntry("test/browser/host-entry.ts", "host", "office-test-host.js");
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** requests to anywhere but 127.0.0.1 and the Office.js URL */
  blocked: string[];
  /** what the page printed to the console as errors, and uncaught exceptions */
  errors: string[];
  close(): Promise<void>;
}

/**
 * Debian's Chromium with a fresh profile, every request routed through `route` (which aborts and records in `blocked`
 * what it refuses), page errors and console errors collected, then `url` opened.
 */
export async function openSession(
  url: string,
  opts: {
    viewport: { width: number; height: number };
    acceptDownloads?: boolean;
    profilePrefix?: string;
    route: (route: Route, blocked: string[]) => Promise<void>;
  },
): Promise<Session> {
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), opts.profilePrefix ?? "selfeval-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport,
    locale: "zh-CN",
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => opts.route(route, blocked));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return {
    context,
    page,
    blocked,
    errors,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The web page in Chromium: only 127.0.0.1 and the page's own file/blob/data URLs are let through; downloads allowed. */
export function openWeb(url: string, viewport = { width: 1100, height: 900 }, profilePrefix = "selfeval-web-"): Promise<Session> {
  return openSession(url, {
    viewport,
    acceptDownloads: true,
    profilePrefix,
    async route(route, blocked) {
      const u = new URL(route.request().url());
      if (u.protocol === "file:" || u.protocol === "blob:" || u.protocol === "data:" || u.hostname === "127.0.0.1") {
        await route.continue();
        return;
      }
      blocked.push(u.href);
      await route.abort();
    },
  });
}

export function openPane(
  baseUrl: string,
  hostScript: string | null,
  workbook: WorkbookSnapshot | null,
  options: FakeOptions = {},
  query = "",
  /** serve another body for a local URL (e.g. a bundle that fails to parse); null leaves it alone */
  rewrite: ((url: string) => string | null) | null = null,
): Promise<Session> {
  return openSession(`${baseUrl}/taskpane.html${query}`, {
    viewport: { width: 420, height: 900 },
    async route(route, blocked) {
      const url = route.request().url();
      if (url === OFFICE_JS) {
        if (hostScript === null) {
          await route.abort("internetdisconnected");
          return;
        }
        const prelude = `window.__SELFEVAL_WORKBOOK__ = ${JSON.stringify(workbook)};\nwindow.__SELFEVAL_HOST_OPTIONS__ = ${JSON.stringify(options)};\n`;
        await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: prelude + hostScript });
        return;
      }
      const host = new URL(url).hostname;
      if (host === "127.0.0.1" || host === "localhost") {
        const body = rewrite?.(url) ?? null;
        if (body !== null) {
          await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
          return;
        }
        await route.continue();
        return;
      }
      blocked.push(url);
      await route.abort();
    },
  });
}

/**
 * axe-core on the settled page (no animation running: a menu or dialog fading in has low contrast for a moment): the
 * serious and critical violations. The source is evaluated through the driver (the pane's CSP forbids inline scripts);
 * tabster's focus sentinels (Fluent UI's focus management, never read) are left out.
 */
export async function axeSerious(page: Page): Promise<string[]> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const r = await axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
