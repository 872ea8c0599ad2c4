import * as fs from "fs";
import { readXlsxSnapshot } from "../../src/xlsx/fast-read";
import { fixturePath, loadFixture } from "../support/workbooks";

describe("the lean xlsx reader", () => {
  test.each(["official", "stacked", "shifted", "provincial", "no-form", "truncated", "department"])("gives the same snapshot as exceljs for %s", async (name) => {
    const lean = await readXlsxSnapshot(fs.readFileSync(fixturePath(name)));
    expect(lean).toEqual(await loadFixture(name));
  });
});
