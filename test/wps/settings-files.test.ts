import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { storeXml } from "../../src/core/document-store";
import { SETTINGS_KEY } from "../../src/core/settings";
import { readDocumentSetting } from "../../src/xlsx/settings";
import { withSavedSettings } from "../support/saved-settings";
import { fixturePath } from "../support/workbooks";

/**
 * The settings the WPS add-in keeps in its custom XML part are read by the CLI (and the web page: the same
 * readSettingFromPackage) from the .xlsx; when a workbook carries Office's settings too, the newer wins.
 */
async function withOurPart(bytes: Uint8Array, savedAt: string, value: unknown): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file("customXml/item1.xml", storeXml({ savedAt, values: { [SETTINGS_KEY]: value, "selfeval.marks.v1": [] } }));
  zip.file("customXml/item2.xml", `<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>`);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

const wpsSettings = { version: 2, preset: "auto", options: { overachievementThreshold: 0.5 }, highlight: ["error"], savedAt: "2026-12-01T10:00:00.000Z" };
const officeOlder = { version: 2, preset: "auto", options: { overachievementThreshold: 2 }, highlight: ["error"], savedAt: "2026-11-01T10:00:00.000Z" };
const officeNewer = { ...officeOlder, savedAt: "2026-12-02T10:00:00.000Z" };
const officeUntimed = { version: 2, preset: "auto", options: { overachievementThreshold: 2 }, highlight: ["error"] };

test("a workbook saved by the WPS add-in: its settings are read from our part", async () => {
  const bytes = await withOurPart(new Uint8Array(fs.readFileSync(fixturePath("official"))), "2026-12-01T10:00:00.000Z", wpsSettings);
  expect(await readDocumentSetting(bytes, SETTINGS_KEY)).toEqual(wpsSettings);
  expect(await readDocumentSetting(new Uint8Array(fs.readFileSync(fixturePath("official"))), SETTINGS_KEY)).toBeNull();
});

test.each([
  ["Office's older: ours wins", officeOlder, wpsSettings],
  ["Office's newer: Office's wins", officeNewer, officeNewer],
  ["Office's without a time (saved before times were written): ours wins", officeUntimed, wpsSettings],
])("both hosts' settings, %s", async (_name, office, want) => {
  const both = await withOurPart(await withSavedSettings(new Uint8Array(fs.readFileSync(fixturePath("official"))), office), "2026-12-01T10:00:00.000Z", wpsSettings);
  expect(await readDocumentSetting(both, SETTINGS_KEY)).toEqual(want);
});

test("the CLI checks with the settings of our part", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-wps-"));
  try {
    const file = path.join(dir, "saved-in-wps.xlsx");
    fs.writeFileSync(file, await withOurPart(new Uint8Array(fs.readFileSync(fixturePath("official"))), "2026-12-01T10:00:00.000Z", wpsSettings));
    let out = "";
    const code = await main(["check", file, "--json"], { out: (s) => (out += s + "\n"), err: () => undefined, isTTY: false });
    expect([0, 1]).toContain(code);
    const text = JSON.stringify(JSON.parse(out));
    // the threshold saved in our part (50%), not the central default (30%)
    expect(text).toContain("超过 50%");
    expect(text).not.toContain("超过 30%");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
