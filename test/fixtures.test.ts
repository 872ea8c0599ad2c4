import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./support/workbooks";

describe("the committed workbooks", () => {
  test("are exactly what the generators make from the seed text", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-fixtures-"));
    const env = { ...process.env, SELFEVAL_FIXTURE_ROOT: dir };
    execFileSync(process.execPath, [path.join(ROOT, "scripts/make-fixtures.js")], { env, stdio: "ignore" });
    execFileSync(process.execPath, [path.join(ROOT, "scripts/make-corpus.js")], { env, stdio: "ignore" });
    const files = ["samples/seed-forms.xlsx", ...fs.readdirSync(path.join(dir, "test/fixtures")).map((f) => `test/fixtures/${f}`), ...fs.readdirSync(path.join(dir, "test/corpus")).map((f) => `test/corpus/${f}`)];
    expect(files.length).toBeGreaterThan(20);
    // every committed fixture is made by a generator (a family's file in scripts/families/ left out would not be)
    const xlsx = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith(".xlsx")).sort();
    expect(xlsx(path.join(dir, "test/fixtures"))).toEqual(xlsx(path.join(ROOT, "test/fixtures")));
    for (const f of files) expect(`${f}: ${fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(ROOT, f)))}`).toBe(`${f}: true`);
  }, 60000);
});
