import { sectionUnreadable } from "../../../src/core/rules/section-unreadable";
import { FormAnalysis, UncheckedSection } from "../../../src/core/analyse/types";
import { Report } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";
import { check, findings, loadFixture, onlySheets } from "../../support/workbooks";

/**
 * section-unreadable's two decisions, each way (issue 38: its quieting and its hand-over to form-incomplete survived
 * mutation): which rules a section not read quiets, and which unread sections it leaves to form-incomplete (a part
 * missing altogether). On the analysis it is given: only the fields the rule reads.
 */
const section = (s: string): UncheckedSection => ({ section: s, zh: `「${s}」`, en: `the ${s}`, lookedForZh: `找${s}`, lookedForEn: `look for ${s}`, at: { sheet: "表", row: 3, col: 1 } as never });
const formWith = (unchecked: string[], o: { weightValue?: number | null; missing?: string[] } = {}) =>
  ({ unchecked: unchecked.map(section), budget: "weightValue" in o ? { weightValue: o.weightValue } : { weightValue: 10 }, layout: { missing: o.missing ?? [] } }) as unknown as FormAnalysis;
const quieted = (f: FormAnalysis): string[] | null => {
  const q = sectionUnreadable.meta.quiets!(f);
  if (q === null) return null;
  if (!("rules" in q)) throw new Error("section-unreadable quiets named rules, not all but some");
  return [...q.rules].sort();
};
const reported = (f: FormAnalysis): Report[] => {
  const out: Report[] = [];
  sectionUnreadable.check({ form: f, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined } as never);
  return out;
};

describe("section-unreadable quiets what reads the section it could not read", () => {
  test("nothing unread: nothing quieted", () => {
    expect(quieted(formWith([]))).toBeNull();
    expect(quieted(formWith(["total"]))).toBeNull();
  });
  test("funds unread: the total, the cap and the 一级 weights; the weights total only without the budget's weight", () => {
    expect(quieted(formWith(["funds"]))).toEqual(["execution-cap", "level1-weights", "total-score"]);
    expect(quieted(formWith(["funds"], { weightValue: null }))).toEqual(["execution-cap", "level1-weights", "total-score", "weights-total"]);
    expect(quieted(formWith(["funds"], { weightValue: 0 }))).toEqual(["execution-cap", "level1-weights", "total-score"]);
  });
  test("indicators unread: the total, the weights total, the 一级 weights and the cap", () => {
    expect(quieted(formWith(["indicators"]))).toEqual(["execution-cap", "level1-weights", "total-score", "weights-total"]);
    expect(quieted(formWith(["indicators", "funds"]))).toEqual(["execution-cap", "level1-weights", "total-score", "weights-total"]);
  });
});

describe("section-unreadable leaves a part missing altogether to form-incomplete", () => {
  test("each unread section is reported where it is, with its name and what was looked for, unless its part is missing", () => {
    const all = reported(formWith(["funds", "indicators", "total"]));
    expect(all.map((r) => [r.messageId, r.actual, r.at])).toEqual([
      ["unreadable", "funds", { sheet: "表", row: 3, col: 1 }],
      ["unreadable", "indicators", { sheet: "表", row: 3, col: 1 }],
      ["unreadable", "total", { sheet: "表", row: 3, col: 1 }],
    ]);
    expect(all[0].data).toEqual({ section: { zh: "「funds」", en: "the funds" }, lookedFor: { zh: "找funds", en: "look for funds" } });
    for (const [missing, gone] of [
      ["funds", "funds"],
      ["fundsTotal", "funds"],
      ["indicators", "indicators"],
      ["indicatorRows", "indicators"],
      ["total", "total"],
    ] as const)
      expect([missing, reported(formWith(["funds", "indicators", "total"], { missing: [missing] })).map((r) => r.actual)]).toEqual([missing, ["funds", "indicators", "total"].filter((s) => s !== gone)]);
    // a missing part of another section does not silence this one
    expect(reported(formWith(["funds"], { missing: ["indicators", "total"] })).map((r) => r.actual)).toEqual(["funds"]);
    expect(reported(formWith(["total"], { missing: ["funds", "indicatorRows"] })).map((r) => r.actual)).toEqual(["total"]);
  });

  test("on a real form: the message names the section and what was looked for, in both languages", async () => {
    const wb = onlySheets(await loadFixture("family-b-sichuan-2023"), "缺预算表头");
    const [zh] = findings(check(wb), "section-unreadable");
    const [en] = findings(check(wb, { lang: "en" }), "section-unreadable");
    expect(zh.message).toMatch(/^“.+”部分读不出（查找：.+），该部分未校验，本表不评等级。$/);
    expect(en.message).toMatch(/^The .+ section cannot be read \(looked for .+\); it was not checked and the form is not graded\.$/);
    expect(zh.message).not.toContain("“”");
  });
});
