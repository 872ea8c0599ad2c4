import { FormAnalysis } from "../../../src/core/analyse/types";
import { Report } from "../../../src/core/findings";
import { DEFAULT_OPTIONS } from "../../../src/core/options";
import { formIncomplete } from "../../../src/core/rules/form-incomplete";
import { formUnfilled } from "../../../src/core/rules/form-unfilled";
import { check, findings, loadFixture } from "../../support/workbooks";

/**
 * form-incomplete lists every part it could not find, and form-unfilled's one finding quiets all others but the two that
 * say a part is missing or unread (issue 38: the list's separators, the `actual` and the quieted exceptions survived
 * mutation). On the analysis each rule is given: only the fields it reads.
 */
const reported = (rule: typeof formIncomplete, form: unknown): Report[] => {
  const out: Report[] = [];
  rule.check({ form: form as FormAnalysis, options: DEFAULT_OPTIONS, say: (zh: string) => zh, report: (r: Report) => out.push(r), propose: () => undefined } as never);
  return out;
};

describe("form-incomplete names every missing part", () => {
  test("two parts missing: both, joined 、 in Chinese and , in English; actual lists their keys", () => {
    expect(reported(formIncomplete, { layout: { missing: ["fundsTotal", "total"], top: 2, left: 1 } })).toEqual([
      {
        at: { row: 2, col: 1 },
        messageId: "missing",
        data: { parts: { zh: "年度资金总额行、总分行", en: "the annual total row of the funds section, the total (总分) row" } },
        expected: null,
        actual: "fundsTotal,total",
      },
    ]);
  });
  test("all five parts: every name, in order", () => {
    const [r] = reported(formIncomplete, { layout: { missing: ["funds", "fundsTotal", "indicators", "indicatorRows", "total"], top: 0, left: 0 } });
    expect(r.data).toEqual({
      parts: {
        zh: "项目资金（预算执行）部分、年度资金总额行、绩效指标表头（一级指标/二级指标/三级指标）、绩效指标（表头下没有任何指标行）、总分行",
        en: "the funds section, the annual total row of the funds section, the indicator header (一级/二级/三级指标), indicators (no indicator row under the header), the total (总分) row",
      },
    });
    expect(r.actual).toBe("funds,fundsTotal,indicators,indicatorRows,total");
  });
  test("nothing missing: no finding", () => {
    expect(reported(formIncomplete, { layout: { missing: [], top: 0, left: 0 } })).toEqual([]);
  });
  test("the truncated fixture's message in both languages", async () => {
    const wb = await loadFixture("truncated");
    expect(findings(check(wb), "form-incomplete").map((f) => f.message)).toEqual(["自评表不完整，找不到：总分行。"]);
    expect(findings(check(wb, { lang: "en" }), "form-incomplete").map((f) => f.message)).toEqual(["The form is incomplete; not found: the total (总分) row."]);
  });
});

describe("form-unfilled quiets all but form-incomplete and section-unreadable", () => {
  test("an unfilled form: every rule but those two", () => {
    expect(formUnfilled.meta.quiets!({ unfilled: true } as unknown as FormAnalysis)).toEqual({ allBut: ["form-incomplete", "section-unreadable"] });
  });
  test("a filled form: nothing quieted", () => {
    expect(formUnfilled.meta.quiets!({ unfilled: false } as unknown as FormAnalysis)).toBeNull();
  });
});
