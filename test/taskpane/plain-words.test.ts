import * as fs from "fs";
import * as path from "path";
import { Finding } from "../../src/core/findings";
import { detailLine, ruleTitle, showDateTime, showValue, triage } from "../../src/core/present";
import { RULES, WORKBOOK_RULES } from "../../src/core/rules";
import { ROOT } from "../support/workbooks";

describe("plain words for people", () => {
  test("every rule has a Chinese and an English name; the Chinese one has no Latin letters; the README's table shows it", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const id of [...RULES.map((r) => r.id), ...Object.keys(WORKBOOK_RULES)]) {
      const zh = ruleTitle(id, "zh");
      expect(zh).not.toBe(id);
      expect(zh).not.toMatch(/[A-Za-z]/);
      expect(ruleTitle(id, "en")).toMatch(/^[A-Z]/);
      expect(readme).toContain(`| \`${id}\` | ${zh} |`);
    }
  });

  test("numbers: two decimals at most, percentages for fractions, nothing for a missing value", () => {
    expect(showValue(90.1404)).toBe("90.14");
    expect(showValue(90.135)).toBe("90.14");
    expect(showValue(0.75, true)).toBe("75%");
    expect(showValue(0.123456, true)).toBe("12.35%");
    expect(showValue(null)).toBe("");
    expect(showValue("")).toBe("");
  });

  test("a detail line only when it says something, and never an internal word in Chinese", () => {
    const f = (x: Partial<Finding>): Finding => ({ rule: "total-score", severity: "error", sheet: "s", cell: "A1", message: "m", ...x });
    expect(detailLine(f({ expected: 91.5, actual: 90.5 }), "zh")).toBe("应为 91.5，填写的是 90.5");
    expect(detailLine(f({ expected: null, actual: null }), "zh")).toBeNull();
    expect(detailLine(f({ expected: null, actual: "/" }), "zh")).toBeNull();
    expect(detailLine(f({ expected: 1, actual: "indicatorRows,total" }), "zh")).toBeNull();
    expect(detailLine(f({ expected: 0.9, actual: 0.8, valueFormat: "percent" }), "en")).toBe("expected 90%, written 80%");
  });

  test("what blocks submission first: errors, the total, then missing causes, then the rest in cell order", () => {
    const f = (rule: string, severity: Finding["severity"], cell: string): Finding => ({ rule, severity, sheet: "s", cell, message: "" });
    const order = triage([f("indicator-score", "warning", "H20"), f("indicator-score", "error", "H16"), f("missing-deviation-cause", "error", "I20"), f("total-score", "error", "H26"), f("score-exceeds-weight", "error", "H15")]);
    expect(order.map((x) => `${x.rule}@${x.cell}`)).toEqual(["total-score@H26", "missing-deviation-cause@I20", "indicator-score@H16", "score-exceeds-weight@H15", "indicator-score@H20"]);
  });

  test("local date and time, not UTC ISO", () => {
    const d = new Date(2026, 10, 25, 16, 43, 4);
    expect(showDateTime(d)).toBe("2026-11-25 16:43");
  });
});
