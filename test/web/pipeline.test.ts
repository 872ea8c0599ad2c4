import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { cliJsonText, processBytes, processFile } from "../../src/web/pipeline";
import { readXls } from "../../src/xlsx/xls/read";

/**
 * The page's pipeline (src/web: sniff, browser reader, engine) against the CLI, file by file, on every fixture and
 * every hostile file of the corpus: `selfeval check FILE --json` and the page's JSON report are the same text once
 * the path is the file's name — in Chinese and in English.
 */
const ROOT = path.resolve(__dirname, "../..");
/** the .xls reader as the page's chunk gives it (jest cannot run webpack's import()) */
const loadXls = async () => readXls;
const files = [
  ...fs.readdirSync(path.join(ROOT, "test/fixtures")).map((f) => path.join(ROOT, "test/fixtures", f)),
  ...fs.readdirSync(path.join(ROOT, "test/corpus")).map((f) => path.join(ROOT, "test/corpus", f)),
  ...["libreoffice", "hostile"].flatMap((d) => fs.readdirSync(path.join(ROOT, "test/xls", d)).map((f) => path.join(ROOT, "test/xls", d, f))),
].filter((f) => /\.(xlsx|xls|et|csv)$/i.test(f));

/**
 * The inflater's own words inside a "cannot be unpacked (…)" message: Node's zlib in the CLI, fflate in the page.
 * Everything else of the message is compared as it is.
 */
const inflaterWords = (json: string) => json.replace(/cannot be unpacked \([^()]*\)/g, "cannot be unpacked (…)");

async function cli(file: string, lang: "zh" | "en"): Promise<string> {
  let out = "";
  await main(["check", file, "--json", "--lang", lang, "--jobs", "1"], { out: (s) => (out += s), err: () => undefined, isTTY: false });
  return out;
}

describe("the page's JSON report equals the CLI's", () => {
  test("there are files to compare, hostile ones among them", () => {
    expect(files.length).toBeGreaterThan(15);
    expect(files.some((f) => f.endsWith("zip-bomb.xlsx"))).toBe(true);
  });
  for (const file of files) {
    for (const lang of ["zh", "en"] as const) {
      test(`${path.basename(file)} (${lang})`, async () => {
        const expected = JSON.parse(await cli(file, lang));
        expected.files[0].file = path.basename(file);
        const outcome = await processFile(path.basename(file), new Uint8Array(fs.readFileSync(file)), undefined, loadXls);
        expect(JSON.parse(inflaterWords(cliJsonText([outcome], lang)))).toEqual(JSON.parse(inflaterWords(JSON.stringify(expected))));
      });
    }
  }
  test("a damaged .xls, a zip bomb and a non-workbook each say what they are; a good .xls is read", async () => {
    const one = async (f: string) => (await processFile(path.basename(f), new Uint8Array(fs.readFileSync(path.join(ROOT, f))), undefined, loadXls)).problem?.kind;
    expect(await one("test/corpus/old-binary.xls")).toBe("xls");
    expect(await one("test/corpus/zip-bomb.xlsx")).toBe("zip-bomb");
    expect(await one("test/corpus/not-a-zip.xlsx")).toBe("not-zip");
    expect(await one("test/corpus/encrypted.xlsx")).toBe("encrypted");
    expect(await one("test/fixtures/official.xlsx")).toBeUndefined();
    expect(await one("test/xls/libreoffice/official.xls")).toBeUndefined();
  });
  test("a damaged WPS .et file is told to be re-saved or saved as .xlsx", async () => {
    const et = await processFile("单位.et", new Uint8Array(fs.readFileSync(path.join(ROOT, "test/corpus/old-binary.xls"))), undefined, loadXls);
    expect(et.problem?.kind).toBe("et");
    expect(et.problem?.zh).toContain("另存为");
  });
  test("processBytes alone (the .xls reader not loaded) refuses an .xls with the advice to save it as .xlsx", () => {
    const o = processBytes("official.xls", new Uint8Array(fs.readFileSync(path.join(ROOT, "test/xls/libreoffice/official.xls"))));
    expect(o.problem?.kind).toBe("xls");
    expect(o.problem?.en).toMatch(/save it as \.xlsx/);
  });
});
