import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { readXlsxSnapshot } from "../../src/xlsx/fast-read";
import { SETTINGS_KEY, readDocumentSetting } from "../../src/xlsx/settings";
import { CHROMIUM, OUTPUT, ROOT } from "./harness";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";

/**
 * The reader's browser build (workbook-reader.ts + fflate's inflate, bundled by webpack for the web: no Node
 * built-ins to fall back on) in Debian's Chromium with DecompressionStream removed, as on Chromium 86 kernels: the
 * same snapshot as Node's build gives, for fixtures and writer-corpus files (zip64, UTF-16, SDK shape included).
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));

jest.setTimeout(120000);

async function bundle(): Promise<string> {
  const out = path.join(OUTPUT, "reader");
  const webpack = require("webpack");
  await new Promise<void>((resolve, reject) => {
    webpack(
      {
        mode: "production",
        target: ["web", "es2017"],
        entry: path.join(ROOT, "test/browser/reader-entry.ts"),
        output: { path: out, filename: "reader.js" },
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
  return fs.readFileSync(path.join(out, "reader.js"), "utf8");
}

const FILES = [
  "test/fixtures/official.xlsx",
  "test/fixtures/stacked.xlsx",
  "test/corpus/far-cell-xfd1048576.xlsx",
  "test/writers/sdk-shape.xlsx",
  "test/writers/odd-xml.xlsx",
  "test/writers/zip64.xlsx",
  "test/writers/utf16.xlsx",
  "test/writers/relocated-parts.xlsx",
  "test/writers/libreoffice.xlsx",
];

suite("the reader in Chromium", () => {
  let context: BrowserContext;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    const script = await bundle();
    expect(script).not.toMatch(/require\("(zlib|fs|buffer)"\)/);
    const { chromium } = require("playwright-core") as typeof import("playwright-core");
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-chromium-"));
    context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    await context.route("**/*", (route) => route.abort());
    page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      // as on Chromium 86: no DecompressionStream at all
      delete (window as unknown as Record<string, unknown>).DecompressionStream;
    });
    await page.setContent("<!doctype html><title>reader</title>");
    await page.evaluate(() => delete (window as unknown as Record<string, unknown>).DecompressionStream);
    await page.addScriptTag({ content: script });
  });
  afterAll(async () => {
    await context?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test.each(FILES)("%s: the same snapshot as in Node", async (file) => {
    const bytes = fs.readFileSync(path.join(ROOT, file));
    const inBrowser = await page.evaluate(
      ({ b64 }) => {
        const bin = atob(b64);
        const u8 = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
        return { hasDS: typeof (window as unknown as Record<string, unknown>).DecompressionStream, hasBuffer: typeof (window as unknown as Record<string, unknown>).Buffer, snapshot: window.__selfevalReader.read(u8) };
      },
      { b64: bytes.toString("base64") },
    );
    expect(inBrowser.hasDS).toBe("undefined");
    expect(inBrowser.hasBuffer).toBe("undefined");
    const inNode = await readXlsxSnapshot(bytes);
    expect(inNode.sheets.length).toBeGreaterThan(0);
    expect(inBrowser.snapshot).toEqual(JSON.parse(JSON.stringify(inNode)));
  });

  test("a zip bomb is refused in the browser too, before it is unpacked", async () => {
    const bytes = fs.readFileSync(path.join(ROOT, "test/corpus/zip-size-lie.xlsx"));
    const message = await page.evaluate(
      ({ b64 }) => {
        const bin = atob(b64);
        const u8 = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
        try {
          window.__selfevalReader.read(u8);
          return "read";
        } catch (e) {
          return (e as Error).message;
        }
      },
      { b64: bytes.toString("base64") },
    );
    expect(message).toMatch(/cannot be unpacked|would unpack/);
  });

  test("the saved settings are read in the browser as in Node", async () => {
    const JSZip = require("jszip");
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(ROOT, "test/fixtures/official.xlsx")));
    const value = JSON.stringify(JSON.stringify({ preset: "central", options: { overachievementThreshold: 2 } })).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    zip.file("xl/webextensions/webextension1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F1C2B7E-3D4A-4E59-9B8C-5A7D2E1F0C93}"><we:properties><we:property name='${SETTINGS_KEY}' value="${value}"/></we:properties></we:webextension>`);
    const bytes: Buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const got = await page.evaluate(
      ({ b64, key }) => {
        const bin = atob(b64);
        const u8 = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
        return window.__selfevalReader.setting(u8, key);
      },
      { b64: bytes.toString("base64"), key: SETTINGS_KEY },
    );
    expect(got).toEqual({ preset: "central", options: { overachievementThreshold: 2 } });
    expect(got).toEqual(await readDocumentSetting(bytes, SETTINGS_KEY));
  });
});
