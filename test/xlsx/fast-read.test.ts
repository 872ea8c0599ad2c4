import * as fs from "fs";
import * as path from "path";
import { readXlsxSnapshot } from "../../src/xlsx/fast-read";
import { ROOT, fixturePath, loadFixture } from "../support/workbooks";

const fixtures = fs
  .readdirSync(path.join(ROOT, "test/fixtures"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""));

describe("the lean xlsx reader", () => {
  test("reads every fixture", () => expect(fixtures.length).toBeGreaterThanOrEqual(7));

  test.each(fixtures)("gives the same snapshot as exceljs for %s", async (name) => {
    const lean = await readXlsxSnapshot(fs.readFileSync(fixturePath(name)));
    expect(lean).toEqual(await loadFixture(name));
  });
});
