import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { XMLLINT, describeWithTool } from "../support/tools";
import { ROOT } from "../support/workbooks";

const manifest = path.join(ROOT, "manifest.xml");
const xml = fs.readFileSync(manifest, "utf8");
/** Microsoft's manifest XSDs, vendored with their provenance note (test/addin/manifest-schemas/README.md). */
const schemaDir = path.join(__dirname, "manifest-schemas");

describeWithTool(XMLLINT)("manifest.xml against Microsoft's schema (xmllint)", () => {
  const validate = (file: string): { ok: boolean; out: string } => {
    try {
      return { ok: true, out: execFileSync("xmllint", ["--noout", "--schema", path.join(schemaDir, "OfficeAppManifestV1_1.xsd"), file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
    } catch (e) {
      return { ok: false, out: String((e as { stderr?: string }).stderr ?? e) };
    }
  };

  test("the manifest validates", () => {
    expect(validate(manifest)).toEqual({ ok: true, out: "" });
  });

  test("the validation can fail: a manifest with an unknown element is refused", () => {
    const bad = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "selfeval-manifest-")), "bad.xml");
    fs.writeFileSync(bad, xml.replace("<DefaultLocale>", "<NotAnElement/><DefaultLocale>"));
    const r = validate(bad);
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/NotAnElement/);
  });
});

describe("manifest.xml", () => {

  test("every resid resolves to a resource, and every resource is used", () => {
    const used = new Set([...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(10);
    for (const r of used) expect(defined).toContain(r);
    for (const d of defined) expect(used).toContain(d);
  });

  test("every icon file named exists at the size it claims", () => {
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+\.png)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    for (const u of new Set(urls)) {
      const file = path.join(ROOT, u);
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      const size = Number(/icon-(\d+)\.png$/.exec(u)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
    for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="Icon\.(\d+)x\d+"/g)) expect(m[1]).toBe(m[2]);
  });

  test("Chinese by default, English overrides; host Workbook; ReadWriteDocument; ExcelApi 1.7 at the least", () => {
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(xml).toContain('<DisplayName DefaultValue="绩效自评校验">');
    expect((xml.match(/Locale="en-US"/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect(xml).toContain('<Host Name="Workbook"/>');
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.7"/>');
    expect(xml).toContain("OfficeTab id=\"TabHome\"");
    expect(xml).toContain("一键校验");
  });

  test("the task pane page loads Office.js from Microsoft's CDN, under a Content-Security-Policy", () => {
    const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(html).toMatch(/Content-Security-Policy[^>]*default-src 'self'/);
  });
});
