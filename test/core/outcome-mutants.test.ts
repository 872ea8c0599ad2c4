import { finding, formFacts } from "../support/verdict-facts";
import { decideForm, reviseVerdict } from "../../src/core/outcome";
import { blockingRank } from "../../src/core/rank";

/**
 * reviseVerdict (a verdict decided again after warnings were confirmed): a 未校验 form keeps the words it was given —
 * a whole-department form (not checked at all: other rules) stays 未校验（规则不同）, a project form with a section
 * unreadable stays 未校验：有部分读不出 — in Chinese and English.
 */
const f = finding;
const facts = formFacts;

describe("reviseVerdict keeps a 未校验 form's reason", () => {
  test.each([
    ["zh", "未校验（规则不同）", "未校验：有部分读不出"],
    ["en", "Not checked (other rules)", "Not checked: a section cannot be read"],
  ] as const)("%s", (lang, department, notChecked) => {
    const dept = decideForm(facts({ checked: false, grade: null }), lang, blockingRank);
    expect(dept.kind).toBe("not-checked");
    expect(dept.text).toBe(department);
    const revisedDept = reviseVerdict(dept, [f("unit-mismatch", "warning")], 0, lang, blockingRank);
    expect(revisedDept.kind).toBe("not-checked");
    expect(revisedDept.text).toBe(department);
    expect(revisedDept.counts).toEqual({ error: 0, warning: 1, info: 0 });

    const partly = decideForm(facts({ unchecked: ["funds"], grade: null, findings: [f("section-unreadable", "warning")] }), lang, blockingRank);
    expect(partly.text).toBe(notChecked);
    const revisedPartly = reviseVerdict(partly, [], 0, lang, blockingRank);
    expect(revisedPartly.kind).toBe("not-checked");
    expect(revisedPartly.text).toBe(notChecked);
    expect(revisedPartly.top).toBeNull();
  });

  test("a form that can be submitted is revised from the warnings that stand, with the confirmed ones said", () => {
    const v = decideForm(facts({ findings: [f("unit-mismatch", "warning"), f("unit-mismatch", "warning", "B2")] }), "zh", blockingRank);
    expect(v.text).toBe("可以提交，请核对 2 个警告");
    const revised = reviseVerdict(v, [f("unit-mismatch", "warning", "B2")], 1, "zh", blockingRank);
    expect(revised.text).toBe("可以提交，请核对 1 个警告（已核对 1 个）");
    expect(revised.acknowledged).toBe(1);
    expect(revised.top).toMatchObject({ rule: "unit-mismatch", cell: "B2" });
  });
});
