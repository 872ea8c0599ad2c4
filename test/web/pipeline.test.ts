import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { cliJsonText, processBytes } from "../../src/web/pipeline";

/**
 * The page's pipeline (src/web: sniff, browser reader, engine) against the CLI, file by file, on every fixture and
 * every hostile file of the corpus: `selfeval check FILE --json` and the page's JSON report are the same text once
 * the path is the file's name — in Chinese and in English.
 */
const ROOT = path.resolve(__dirname, "../..");
const files = [
  ...fs.readdirSync(path.join(ROOT, "test/fixtures")).map((f) => path.join(ROOT, "test/fixtures", f)),
  ...fs.readdirSync(path.join(ROOT, "test/corpus")).map((f) => path.join(ROOT, "test/corpus", f)),
].filter((f) => /\.(xlsx|xls|csv)$/i.test(f));

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
        const outcome = processBytes(path.basename(file), new Uint8Array(fs.readFileSync(file)));
        expect(JSON.parse(inflaterWords(cliJsonText([outcome], lang)))).toEqual(JSON.parse(inflaterWords(JSON.stringify(expected))));
      });
    }
  }
  test("an .xls, a zip bomb and a non-workbook each say what they are", () => {
    const one = (f: string) => processBytes(path.basename(f), new Uint8Array(fs.readFileSync(path.join(ROOT, f)))).problem?.kind;
    expect(one("test/corpus/old-binary.xls")).toBe("xls");
    expect(one("test/corpus/zip-bomb.xlsx")).toBe("zip-bomb");
    expect(one("test/corpus/not-a-zip.xlsx")).toBe("not-zip");
    expect(one("test/corpus/encrypted.xlsx")).toBe("encrypted");
    expect(one("test/fixtures/official.xlsx")).toBeUndefined();
  });
  test("a WPS .et file is told to be saved as .xlsx", () => {
    const et = processBytes("单位.et", new Uint8Array(fs.readFileSync(path.join(ROOT, "test/corpus/old-binary.xls"))));
    expect(et.problem?.kind).toBe("et");
    expect(et.problem?.zh).toContain("另存为");
  });
});
