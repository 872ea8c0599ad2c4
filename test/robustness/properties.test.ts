import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { isDateFormat, isPercentFormat, parseCell, parseText, serialToDate } from "../../src/core/parse";
import { CellValue, MergeArea, WorkbookSnapshot } from "../../src/core/snapshot";

const RUNS = 300;

describe("the value parser (property-based)", () => {
  test("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        const p = parseText(s);
        expect(["blank", "placeholder", "error", "number", "date", "text"]).toContain(p.kind);
      }),
      { numRuns: 2000 },
    );
  });

  test("never throws on any cell value and number format, and says what the cell holds", () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.string({ unit: "grapheme", maxLength: 30 }));
    const format = fc.oneof(fc.constantFrom("General", "0%", "0.00%", "yyyy-mm-dd", "@", '0.0"万元"', "[Red]0.00", "m/d/yy"), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(value, format, (v: CellValue, f) => {
        const p = parseCell(v, f);
        expect(["blank", "placeholder", "error", "number", "date", "text"]).toContain(p.kind);
        if (p.kind === "number") expect(Number.isFinite(p.value)).toBe(true);
        if (p.kind === "date") {
          expect(p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= 31).toBe(true);
        }
        if (typeof v === "boolean") expect(p).toEqual({ kind: "text", text: v ? "TRUE" : "FALSE" });
        else if (typeof v === "string") expect(p).toEqual(parseText(v)); // the format does not change what text says
        else if (!Number.isFinite(v)) expect(p).toEqual({ kind: "error", code: String(v) });
        else if (isPercentFormat(f)) expect(p).toEqual({ kind: "number", op: null, value: v, unit: "%" });
        else if (isDateFormat(f) && v > 0 && v < 2958466) expect(p).toEqual({ kind: "date", op: null, ...serialToDate(v) });
        else expect(p).toEqual({ kind: "number", op: null, value: v, unit: "" });
      }),
      { numRuns: 2000 },
    );
  });

  const OPS: Array<[string, ">=" | "<=" | "=" | ">" | "<" | null]> = [
    ["", null], ["≥", ">="], ["≧", ">="], [">=", ">="], ["不低于", ">="], ["≤", "<="], ["≦", "<="], ["<=", "<="], ["不超过", "<="],
    ["=", "="], ["＝", "="], [">", ">"], ["<", "<"],
  ];
  const UNITS = ["", "%", "万元", "元", "人次", "人", "次", "家", "个", "份", "米"];

  test("round-trips the quantities it accepts: operator, number (text, full-width, thousands), unit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPS),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom("plain", "fullwidth", "thousands"),
        ([opText, op], whole, frac, unit, style) => {
          let digits = frac ? `${whole}.${String(frac).padStart(2, "0")}` : String(whole);
          if (style === "thousands") digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, (m, offset: number) => (digits.indexOf(".") === -1 || offset < digits.indexOf(".") ? "," : m));
          if (style === "fullwidth") digits = [...digits].map((ch) => (/\d/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join("");
          const p = parseText(`${opText}${digits}${unit}`);
          expect(p.kind).toBe("number");
          if (p.kind !== "number") return;
          const n = whole + frac / 100;
          expect(p.op).toBe(op);
          expect(p.unit).toBe(unit);
          expect(p.value).toBeCloseTo(unit === "%" ? n / 100 : n, 9);
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  test("round-trips deadlines", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom("日前", "号前", "日"), (y, m, d, tail) => {
        const p = parseText(`${y}年${m}月${d}${tail}`);
        expect(p).toEqual({ kind: "date", op: tail.endsWith("前") ? "<=" : null, year: y, month: m, day: d });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("form location and the rules (property-based)", () => {
  const VOCAB = [
    "项目支出绩效自评表", "部门整体支出绩效自评表", "（2020年度）", "项目名称", "项目资金（万元）", "年度资金总额", "其中：当年财政拨款", "年初预算数", "全年预算数",
    "全年执行数", "分值", "执行率", "得分", "一级指标", "二级指标", "三级指标", "年度", "实际", "指标值", "完成值", "偏差原因分析及改进措施", "产出指标",
    "数量指标", "效益指标", "满意度指标", "总分", "合计", "/", "—", "", "", "", "≥90%", "≤5万元", "100%", "持续", "2020年12月31日前", "#DIV/0!", "75%", "指标2",
  ];
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...VOCAB) as fc.Arbitrary<CellValue> },
    { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })) as fc.Arbitrary<CellValue> },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) as fc.Arbitrary<CellValue> },
  );
  const sheet = fc
    .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }))
    .chain(([rows, cols, top, left]) =>
      fc.record({
        values: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        merges: fc.array(
          fc.tuple(fc.integer({ min: 0, max: rows - 1 }), fc.integer({ min: 0, max: cols - 1 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 })).map(
            ([r, c, h, w]): MergeArea => ({ top: top + r, left: left + c, bottom: top + Math.min(rows - 1, r + h), right: left + Math.min(cols - 1, c + w) }),
          ),
          { maxLength: 6 },
        ),
        top: fc.constant(top),
        left: fc.constant(left),
        formats: fc.constant(Array.from({ length: rows }, () => new Array<string>(cols).fill("General"))),
      }),
    );
  const workbook: fc.Arbitrary<WorkbookSnapshot> = fc.array(sheet, { minLength: 1, maxLength: 3 }).map((sheets) => ({ sheets: sheets.map((s, i) => ({ name: `S${i}`, ...s })) }));

  test("never throws on random grids (random labels, merges, blanks), and always gives the same findings", () => {
    fc.assert(
      fc.property(workbook, (wb) => {
        const a = checkWorkbook(wb);
        const b = checkWorkbook(structuredClone(wb));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        for (const f of a.forms.flatMap((x) => x.findings)) {
          expect(f.message.length).toBeGreaterThan(0);
          expect(f.message).not.toMatch(/内部错误|failed internally/); // a rule that threw is caught, but must not happen
          expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
        }
        for (const f of a.forms) expect(Number.isFinite(f.totals.recalculatedScore)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
