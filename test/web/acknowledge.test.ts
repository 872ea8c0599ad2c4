import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../../src/cli/main";
import { acknowledge, unacknowledge } from "../../src/core/acknowledge";
import { SETTINGS_KEY } from "../../src/core/settings";
import { acknowledgedOutcome, acknowledgementsOf } from "../../src/web/Acknowledge";
import { annotatedCopy } from "../../src/web/annotate";
import { cliJsonText, processBytes } from "../../src/web/pipeline";
import { readDocumentSetting } from "../../src/xlsx/settings";
import { withSavedSettings } from "../support/saved-settings";
import ExcelJS from "exceljs";
import { summaryRows } from "../../src/web/summary";
import { summaryWorkbook } from "../../src/xlsx/summary-workbook";
import { buildReport } from "../../src/core/report";
import { resolveOptions } from "../../src/core/options";
import { fixturePath } from "../support/workbooks";

/**
 * 已核对 on the web page, round trip (issue 34): the clerk confirms a warning of a file checked on the page; the
 * verdict is decided again (as the CLI decides it); the annotated copy carries the confirmation in its settings
 * record — the original bytes untouched — and the CLI checking the copy lists it apart with its reason.
 */
interface Json {
  files: Array<{ verdict: { text: string; acknowledged?: number }; forms: Array<{ sheet: string; verdict: { kind: string; text: string; acknowledged?: number; counts: Record<string, number> }; acknowledged?: Array<{ rule: string; cell: string; reason: string; date: string }> }> }>;
}

async function cli(bytes: Uint8Array, name = "official.checked.xlsx"): Promise<{ json: Json; text: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-web-ack-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  let json = "";
  let text = "";
  await main(["check", file, "--json", "--jobs", "1"], { out: (s) => (json += s + "\n"), err: () => undefined, isTTY: false });
  await main(["check", file, "--jobs", "1"], { out: (s) => (text += s + "\n"), err: () => undefined, isTTY: false });
  fs.rmSync(dir, { recursive: true, force: true });
  return { json: JSON.parse(json), text };
}

const REASON = "超额系企业报名踊跃，偏差原因已说明";

test("web page → annotated copy → the CLI shows it, and the verdict counts it; the original is untouched", async () => {
  const bytes = new Uint8Array(fs.readFileSync(fixturePath("official")));
  const before = Buffer.from(bytes).toString("base64");
  const o = processBytes("official.xlsx", bytes);
  const form4 = o.reports!.zh.forms.find((f) => f.sheet === "项目4")!;
  const warning = form4.findings.find((f) => f.severity === "warning")!;
  expect(form4.verdict.text).toBe("可以提交，请核对 1 个警告");
  const acked = acknowledgedOutcome(o, acknowledge(acknowledgementsOf(o), warning, REASON, "2026-12-01"));
  // the page's verdict, decided again, in both languages
  expect(acked.reports!.zh.forms.find((f) => f.sheet === "项目4")!.verdict.text).toBe("可以提交（已核对 1 个）");
  expect(acked.reports!.en.forms.find((f) => f.sheet === "项目4")!.verdict.text).toBe("Can be submitted (1 confirmed)");
  const copy = await annotatedCopy(bytes, acked.reports!.zh, "zh", acked.settings, undefined, acked.acknowledgements);
  expect(Buffer.from(bytes).toString("base64")).toBe(before);
  // the copy's settings record carries it; the 校验报告 lists it with its reason
  expect(await readDocumentSetting(copy, SETTINGS_KEY)).toMatchObject({ acknowledgements: [{ rule: "overachievement-unexplained", reason: REASON, date: "2026-12-01" }] });
  const parts = unzipSync(copy);
  // where Excel reads it (issue 34b): linked from the package root through taskpanes.xml, named by the manifest's Id
  const manifestId = /<Id>([^<]+)<\/Id>/.exec(fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8"))![1];
  expect(strFromU8(parts["_rels/.rels"])).toContain('Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"');
  expect(strFromU8(parts["xl/webextensions/_rels/taskpanes.xml.rels"])).toContain('Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"');
  expect(strFromU8(parts["xl/webextensions/webextension1.xml"])).toContain(`<we:reference id="${manifestId}" `);
  const reportXml = Object.entries(parts).filter(([k]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).map(([, v]) => strFromU8(v)).find((x) => x.includes("已核对的警告"));
  expect(reportXml).toContain(REASON);
  // the CLI reading the copy: --json and the text
  const { json, text } = await cli(copy);
  const f4 = json.files[0].forms.find((f) => f.sheet === "项目4")!;
  expect(f4.verdict).toMatchObject({ kind: "submit", text: "可以提交（已核对 1 个）", acknowledged: 1 });
  expect(f4.acknowledged).toEqual([expect.objectContaining({ rule: "overachievement-unexplained", cell: "I14", reason: REASON, date: "2026-12-01" })]);
  expect(text).toContain("已核对 1 个：");
  expect(text).toContain(`理由：${REASON}（2026-12-01）`);
  // the page's own --json of the file agrees with the CLI's of the copy, form by form
  const page = JSON.parse(cliJsonText([acked], "zh")) as Json;
  expect(page.files[0].forms.map((f) => [f.sheet, f.verdict.text, f.acknowledged?.length ?? 0])).toEqual(json.files[0].forms.map((f) => [f.sheet, f.verdict.text, f.acknowledged?.length ?? 0]));
});

test("a copy of a workbook with a settings record keeps its other keys; unconfirming on the page writes the record without it", async () => {
  const record = { version: 2, preset: "central", options: { acceptRounding: false }, highlight: ["error"], savedAt: "2026-11-30T10:00:00Z" };
  const bytes = await withSavedSettings(new Uint8Array(fs.readFileSync(fixturePath("official"))), record);
  const o = processBytes("official.xlsx", bytes);
  const warning = o.reports!.zh.forms.flatMap((f) => f.findings).find((f) => f.severity === "warning")!;
  const list = acknowledge([], warning, REASON, "2026-12-01");
  const acked = acknowledgedOutcome(o, list);
  const copy = await annotatedCopy(bytes, acked.reports!.zh, "zh", acked.settings, undefined, acked.acknowledgements);
  const saved = (await readDocumentSetting(copy, SETTINGS_KEY)) as Record<string, unknown>;
  expect(saved).toEqual({ ...record, acknowledgements: list });
  // one web-extension part still: the property's value replaced in place
  expect(Object.keys(unzipSync(copy)).filter((k) => /webextension.*\.xml$/.test(k))).toHaveLength(1);
  // the copy checked again on the page, the confirmation undone: the next copy's record is as the original's
  const again = processBytes("official.checked.xlsx", copy);
  expect(acknowledgementsOf(again)).toEqual(list);
  const undone = acknowledgedOutcome(again, unacknowledge(acknowledgementsOf(again), list[0].fingerprint));
  const copy2 = await annotatedCopy(copy, undone.reports!.zh, "zh", undone.settings, undefined, undone.acknowledgements);
  expect(await readDocumentSetting(copy2, SETTINGS_KEY)).toEqual(record);
});

test("with nothing confirmed on the page the copy's parts are what they were (no settings part added)", async () => {
  const bytes = new Uint8Array(fs.readFileSync(fixturePath("official")));
  const o = processBytes("official.xlsx", bytes);
  const plain = unzipSync(await annotatedCopy(bytes, o.reports!.zh, "zh", o.settings));
  const same = unzipSync(await annotatedCopy(bytes, o.reports!.zh, "zh", o.settings, undefined, acknowledgementsOf(o)));
  expect(Object.keys(same).sort()).toEqual(Object.keys(plain).sort());
  expect(Object.keys(same).some((k) => k.includes("webextension"))).toBe(false);
});

test("汇总.xlsx: a 已核对 column with each form's confirmations and reasons (exceljs reads it); the 校验报告 rows list them", async () => {
  const bytes = new Uint8Array(fs.readFileSync(fixturePath("official")));
  const o = processBytes("official.xlsx", bytes);
  const warning = o.reports!.zh.forms.find((f) => f.sheet === "项目4")!.findings.find((f) => f.severity === "warning")!;
  const acked = acknowledgedOutcome(o, acknowledge([], warning, REASON, "2026-12-01"));
  const plain = summaryRows([o], "zh");
  const rows = summaryRows([acked], "zh");
  expect(rows.map((r) => r.acknowledged)).toEqual([0, 0, 0, 1]);
  expect(rows[3]).toMatchObject({ verdictText: "可以提交（已核对 1 个）", warnings: 0, acknowledgedText: `I14 ${REASON}（2026-12-01）` });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(summaryWorkbook(rows, { lang: "zh", linkFile: () => null }) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("汇总")!;
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(-2)).toEqual(["说明", "已核对"]);
  expect(ws.getCell(5, header.length).value).toBe(`1 个：I14 ${REASON}（2026-12-01）`);
  // without any confirmation the columns are as they were
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(summaryWorkbook(plain, { lang: "zh", linkFile: () => null }) as unknown as ArrayBuffer);
  expect((wb2.getWorksheet("汇总")!.getRow(1).values as unknown[]).slice(-1)).toEqual(["说明"]);
  // the 校验报告's rows: a section of its own, with the reason, the date and a link to the cell
  const sheet = buildReport(acked.reports!.zh, resolveOptions({}), "zh", "2026-12-01 10:00");
  const at = sheet.rows.findIndex((r) => r[0] === "已核对的警告（1 个）");
  expect(at).toBeGreaterThan(0);
  expect(sheet.rows[at + 2]).toEqual(["项目4", "I14", warning.message, REASON, expect.any(String), "2026-12-01", "", "overachievement-unexplained"]);
  expect(sheet.links).toContainEqual({ row: at + 2, col: 1, sheet: "项目4", address: "I14", text: "I14" });
  expect(buildReport(o.reports!.zh, resolveOptions({}), "zh", "x").rows.some((r) => r[0] === "已核对的警告（1 个）")).toBe(false);
});
