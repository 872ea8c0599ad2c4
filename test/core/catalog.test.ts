import * as fs from "fs";
import * as path from "path";
import { RULES, WORKBOOK_RULES } from "../../src/core/rules";
import { ROOT } from "../support/workbooks";

describe("the rule catalogue", () => {
  const ids = [...RULES.map((r) => r.id), ...Object.keys(WORKBOOK_RULES)];
  test("rule ids are unique and kebab-case", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  test("every rule has a doc line in both languages, a module and a test suite", () => {
    for (const r of RULES) {
      expect(r.description.zh.length).toBeGreaterThan(5);
      expect(r.description.en.length).toBeGreaterThan(5);
      expect(fs.existsSync(path.join(ROOT, "src/core/rules", `${r.id}.ts`))).toBe(true);
      expect(fs.existsSync(path.join(ROOT, "test/core/rules", `${r.id}.test.ts`))).toBe(true);
    }
  });
  test("every rule id is documented in the README", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const id of ids) expect(readme).toContain(`| \`${id}\` |`);
  });
});
