import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { SETTINGS_KEY } from "../../src/core/settings";
import { WorkbookCopy } from "../../src/xlsx/patch/copy";
import { ADDIN } from "../../src/xlsx/patch/webextension";
import { readDocumentSetting } from "../../src/xlsx/settings";
import { ROOT, fixturePath } from "../support/workbooks";
import { elements, parseStrict, rels, text, unzip } from "./package-diff";

/**
 * The add-in's settings in a copy (issue 34b): Excel reads Office.context.document.settings only from a web-extension
 * part linked as Excel links it (_rels/.rels → taskpanes.xml → webextensionN.xml, content types for both) whose
 * reference names the add-in by the manifest's Id. Read back here with a reader of our own (saxes, strict), not the
 * patcher's scanner.
 */
const TASKPANES_REL = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const WEBEXT_REL = "http://schemas.microsoft.com/office/2011/relationships/webextension";
const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RECORD = { version: 2, preset: "central", acknowledgements: [{ fingerprint: "ack1-0123456789abcdef", rule: "overachievement-unexplained", reason: "原因已说明", date: "2026-12-01" }] };

const escapeAttr = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

interface Pane {
  visibility: string;
  rid: string;
  part: string;
  reference: Record<string, string>;
  properties: Record<string, string>;
  instance: string;
}

/** Resolves a relationship target against its source part. */
function resolve(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const p of target.replace(/^\//, "").split("/")) {
    if (p === "..") base.pop();
    else if (p !== ".") base.push(p);
  }
  return base.join("/");
}

/** What Excel would follow: the root's taskpanes relationship, each taskpane's web extension, its reference and properties. */
function linkage(bytes: Uint8Array): { taskpanes: string | null; panes: Pane[]; overrides: Map<string, string> } {
  const parts = unzip(bytes);
  const overrides = new Map<string, string>();
  parseStrict(text(parts.get("[Content_Types].xml")), (ev) => {
    if (ev.open?.local === "Override") overrides.set(ev.open.attrs.PartName, ev.open.attrs.ContentType);
  });
  const tp = [...rels(text(parts.get("_rels/.rels"))).values()].filter((r) => r.type === TASKPANES_REL);
  expect(tp.length).toBeLessThanOrEqual(1);
  if (!tp.length) return { taskpanes: null, panes: [], overrides };
  const taskpanes = resolve("", tp[0].target);
  const paneRels = rels(text(parts.get(taskpanes.replace(/([^/]*)$/, "_rels/$1.rels"))));
  const panes: Pane[] = [];
  let current: Partial<Pane> | null = null;
  parseStrict(text(parts.get(taskpanes)), (ev) => {
    if (ev.open?.local === "taskpane") current = { visibility: ev.open.attrs.visibility };
    else if (ev.open?.local === "webextensionref" && current) current.rid = ev.open.attrs.id;
    else if (ev.close === "taskpane" && current) {
      const rel = paneRels.get(current.rid!);
      expect(rel?.type).toBe(WEBEXT_REL);
      const part = resolve(taskpanes, rel!.target);
      const p: Pane = { ...(current as Pane), part, reference: {}, properties: {}, instance: "" };
      parseStrict(text(parts.get(part)), (e) => {
        if (e.open?.local === "webextension") p.instance = e.open.attrs.id;
        if (e.open?.local === "reference") p.reference = e.open.attrs;
        if (e.open?.local === "property") p.properties[e.open.attrs.name] = e.open.attrs.value;
      });
      panes.push(p);
      current = null;
    }
  });
  // the namespaces Excel expects
  expect(text(parts.get(taskpanes))).toContain(WETP_NS);
  for (const p of panes) expect(text(parts.get(p.part))).toContain(WE_NS);
  return { taskpanes, panes, overrides };
}

/** A copy with the settings record set, and nothing else changed. */
function copyWith(bytes: Uint8Array, value: unknown): Uint8Array {
  const copy = new WorkbookCopy(bytes);
  copy.setDocumentSetting(SETTINGS_KEY, value);
  return copy.toBytes();
}

/** The official fixture with web-extension parts as Excel writes them (made here, from the fixture, never by hand). */
function withExcelParts(exts: Array<{ reference: string; properties: Record<string, string>; instance: string }>): Uint8Array {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(fixturePath("official"))));
  const t = (k: string): string => Buffer.from(parts[k]).toString("utf8");
  parts["_rels/.rels"] = strToU8(t("_rels/.rels").replace("</Relationships>", `<Relationship Id="rId4" Type="${TASKPANES_REL}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`));
  const panes = exts.map((_, i) => `<wetp:taskpane dockstate="right" visibility="1" width="350" row="${i + 3}"><wetp:webextensionref xmlns:r="${R_NS}" r:id="rId${i + 1}"/></wetp:taskpane>`).join("");
  parts["xl/webextensions/taskpanes.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="${WETP_NS}">${panes}</wetp:taskpanes>`);
  parts["xl/webextensions/_rels/taskpanes.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${exts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${WEBEXT_REL}" Target="webextension${i + 1}.xml"/>`).join("")}</Relationships>`,
  );
  let overrides = `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>`;
  exts.forEach((e, i) => {
    const props = Object.entries(e.properties).map(([k, v]) => `<we:property name="${escapeAttr(k)}" value="${escapeAttr(v)}"/>`).join("");
    parts[`xl/webextensions/webextension${i + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="${WE_NS}" id="${e.instance}">${e.reference}<we:alternateReferences/>${props ? `<we:properties>${props}</we:properties>` : "<we:properties/>"}<we:bindings/><we:snapshot xmlns:r="${R_NS}"/></we:webextension>`,
    );
    overrides += `<Override PartName="/xl/webextensions/webextension${i + 1}.xml" ContentType="application/vnd.ms-office.webextension+xml"/>`;
  });
  parts["[Content_Types].xml"] = strToU8(t("[Content_Types].xml").replace("</Types>", `${overrides}</Types>`));
  return zipSync(parts);
}

const OURS_FILESYSTEM = `<we:reference id="${ADDIN.id.toUpperCase()}" version="${ADDIN.version}" store="\\\\server\\addins" storeType="FileSystem"/>`;
const OTHER = `<we:reference id="wa104380862" version="1.1.0.0" store="en-US" storeType="OMEX"/>`;

/** Every part of `before` but the named ones is in `after` byte for byte. */
function keptExcept(before: Uint8Array, after: Uint8Array, changed: string[]): void {
  const a = unzip(before);
  const b = unzip(after);
  for (const [name, data] of a) if (!changed.includes(name)) expect([name, Buffer.from(b.get(name) ?? []).equals(Buffer.from(data))]).toEqual([name, true]);
}

test("the add-in's id and version are the manifest's", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  expect(ADDIN.id).toBe(/<Id>\s*([^<\s]+)\s*<\/Id>/.exec(manifest)![1]);
  expect(ADDIN.version).toBe(/<Version>\s*([^<\s]+)\s*<\/Version>/.exec(manifest)![1]);
});

test("a workbook with no web extension: the copy's part is linked as Excel links it, named by the manifest's Id", async () => {
  const bytes = new Uint8Array(fs.readFileSync(fixturePath("official")));
  const copy = copyWith(bytes, RECORD);
  const { taskpanes, panes, overrides } = linkage(copy);
  expect(taskpanes).toBe("xl/webextensions/taskpanes.xml");
  expect(panes).toHaveLength(1);
  const [p] = panes;
  expect(p.visibility).toBe("0");
  expect(p.reference).toEqual({ id: ADDIN.id, version: ADDIN.version, store: "developer", storeType: "Registry" });
  expect(p.instance).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  expect(JSON.parse(p.properties[SETTINGS_KEY])).toEqual(RECORD);
  expect(overrides.get("/xl/webextensions/taskpanes.xml")).toBe("application/vnd.ms-office.webextensiontaskpanes+xml");
  expect(overrides.get(`/${p.part}`)).toBe("application/vnd.ms-office.webextension+xml");
  // the root relationships: the original ones kept as they were, one added
  const before = rels(text(unzip(bytes).get("_rels/.rels")));
  const after = rels(text(unzip(copy).get("_rels/.rels")));
  expect(after.size).toBe(before.size + 1);
  for (const [id, r] of before) expect(after.get(id)).toEqual(r);
  keptExcept(bytes, copy, ["_rels/.rels", "[Content_Types].xml"]);
  expect(await readDocumentSetting(copy, SETTINGS_KEY)).toEqual(RECORD);
  // written again with another value: replaced in place, still one taskpane
  const again = copyWith(copy, { ...RECORD, preset: "hubei" });
  expect(linkage(again).panes).toHaveLength(1);
  keptExcept(copy, again, [p.part]);
  expect(await readDocumentSetting(again, SETTINGS_KEY)).toEqual({ ...RECORD, preset: "hubei" });
});

test("a workbook whose part of ours Excel wrote (a shared-folder add-in) is updated in place: no second taskpane", async () => {
  const instance = "{1B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0}";
  const bytes = withExcelParts([{ reference: OURS_FILESYSTEM, properties: { [SETTINGS_KEY]: JSON.stringify({ version: 2, preset: "central" }), "Office.AutoShowTaskpaneWithDocument": "true" }, instance }]);
  const copy = copyWith(bytes, RECORD);
  const { panes } = linkage(copy);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ part: "xl/webextensions/webextension1.xml", instance, visibility: "1", reference: { storeType: "FileSystem", store: "\\\\server\\addins" } });
  expect(JSON.parse(panes[0].properties[SETTINGS_KEY])).toEqual(RECORD);
  expect(panes[0].properties["Office.AutoShowTaskpaneWithDocument"]).toBe("true");
  keptExcept(bytes, copy, ["xl/webextensions/webextension1.xml"]);
  expect(Object.keys(unzipSync(copy)).filter((k) => /webextension/.test(k) && k.endsWith(".xml"))).toEqual(["xl/webextensions/taskpanes.xml", "xl/webextensions/webextension1.xml"]);
});

test("a part of ours that has no settings record yet gets the property, not a second part", async () => {
  const bytes = withExcelParts([{ reference: OURS_FILESYSTEM, properties: { "Office.AutoShowTaskpaneWithDocument": "true" }, instance: "{1B2C3D4E-5F60-4172-8394-A5B6C7D8E9F0}" }]);
  const copy = copyWith(bytes, RECORD);
  const { panes } = linkage(copy);
  expect(panes).toHaveLength(1);
  expect(JSON.parse(panes[0].properties[SETTINGS_KEY])).toEqual(RECORD);
  expect(panes[0].properties["Office.AutoShowTaskpaneWithDocument"]).toBe("true");
  keptExcept(bytes, copy, ["xl/webextensions/webextension1.xml"]);
  expect(await readDocumentSetting(copy, SETTINGS_KEY)).toEqual(RECORD);
});

test("another add-in's web extension is kept untouched and ours is linked beside it", async () => {
  const bytes = withExcelParts([{ reference: OTHER, properties: { MyScript: "MyScript Math Sample" }, instance: "{635BF0CD-42CC-4174-B8D2-6D375C9A759E}" }]);
  const copy = copyWith(bytes, RECORD);
  const { taskpanes, panes } = linkage(copy);
  expect(taskpanes).toBe("xl/webextensions/taskpanes.xml");
  expect(panes.map((p) => [p.part, p.visibility, p.reference.id])).toEqual([
    ["xl/webextensions/webextension1.xml", "1", "wa104380862"],
    ["xl/webextensions/webextension2.xml", "0", ADDIN.id],
  ]);
  expect(JSON.parse(panes[1].properties[SETTINGS_KEY])).toEqual(RECORD);
  expect(panes[1].instance).not.toBe(panes[0].instance);
  // the other add-in's part and its taskpane as they were; the taskpanes part only gains ours
  keptExcept(bytes, copy, ["[Content_Types].xml", "xl/webextensions/taskpanes.xml", "xl/webextensions/_rels/taskpanes.xml.rels"]);
  const oldPanes = text(unzip(bytes).get("xl/webextensions/taskpanes.xml"));
  const newPanes = text(unzip(copy).get("xl/webextensions/taskpanes.xml"));
  expect(newPanes.startsWith(oldPanes.slice(0, oldPanes.lastIndexOf("</wetp:taskpanes>")))).toBe(true);
  expect(elements(newPanes, "taskpanes", "taskpane").map((t) => t.row)).toEqual(["3", "4"]);
  expect(await readDocumentSetting(copy, SETTINGS_KEY)).toEqual(RECORD);
});

test("a part the first version of the copy left unlinked (reference 'selfeval') is linked and names the add-in", async () => {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(fixturePath("official"))));
  parts["xl/webextensions/webextension1.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="${WE_NS}" id="{8E0D2C4A-5B3F-4A61-9C7E-2F1D3B5A7C90}"><we:reference id="selfeval" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="${SETTINGS_KEY}" value="${escapeAttr(JSON.stringify({ version: 2 }))}"/></we:properties><we:bindings/><we:snapshot xmlns:r="${R_NS}"/></we:webextension>`,
  );
  const ct = Buffer.from(parts["[Content_Types].xml"]).toString("utf8");
  parts["[Content_Types].xml"] = strToU8(ct.replace("</Types>", `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`));
  const bytes = zipSync(parts);
  expect(linkage(bytes).panes).toHaveLength(0);
  const copy = copyWith(bytes, RECORD);
  const { panes } = linkage(copy);
  expect(panes).toHaveLength(1);
  expect(panes[0]).toMatchObject({ part: "xl/webextensions/webextension1.xml", reference: { id: ADDIN.id, version: ADDIN.version, store: "developer", storeType: "Registry" } });
  expect(JSON.parse(panes[0].properties[SETTINGS_KEY])).toEqual(RECORD);
});

const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => fs.existsSync(p));

test("the copies load in exceljs", async () => {
  for (const bytes of [copyWith(new Uint8Array(fs.readFileSync(fixturePath("official"))), RECORD), copyWith(withExcelParts([{ reference: OTHER, properties: {}, instance: "{635BF0CD-42CC-4174-B8D2-6D375C9A759E}" }]), RECORD)]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(1);
  }
});

(soffice ? test : test.skip)(
  "LibreOffice opens the copies (soffice --convert-to csv)",
  () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-webext-"));
    try {
      const a = path.join(dir, "new.xlsx");
      const b = path.join(dir, "beside.xlsx");
      fs.writeFileSync(a, copyWith(new Uint8Array(fs.readFileSync(fixturePath("official"))), RECORD));
      fs.writeFileSync(b, copyWith(withExcelParts([{ reference: OTHER, properties: {}, instance: "{635BF0CD-42CC-4174-B8D2-6D375C9A759E}" }]), RECORD));
      execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, a, b], { stdio: "pipe", timeout: 170_000 });
      for (const f of ["new.csv", "beside.csv"]) expect(fs.readFileSync(path.join(dir, f), "utf8")).toContain("项目");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
  180_000,
);
