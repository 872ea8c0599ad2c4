import { commensurate, parseCell, parseText, unitInfo } from "../../src/core/parse";

describe("parseText", () => {
  test.each([
    ["≥95%", ">=", 0.95, "%"],
    ["≧90%", ">=", 0.9, "%"],
    [">=10", ">=", 10, ""],
    ["≦5万元", "<=", 5, "万元"],
    ["≤ 24万元", "<=", 24, "万元"],
    ["=1个", "=", 1, "个"],
    ["＝8万元", "=", 8, "万元"],
    ["４次", null, 4, "次"],
    ["１５", null, 15, ""],
    ["150人次", null, 150, "人次"],
    ["1,234.5", null, 1234.5, ""],
    ["-3", null, -3, ""],
    ["不低于90%", ">=", 0.9, "%"],
    ["不少于3次", ">=", 3, "次"],
    ["不高于5万元", "<=", 5, "万元"],
    ["不超过10万元", "<=", 10, "万元"],
    ["控制在5万元以内", "<=", 5, "万元"],
    ["95%以上", ">=", 0.95, "%"],
    ["满意率达95%以上", ">=", 0.95, "%"],
    ["10人以下", "<=", 10, "人"],
    ["达到100%", ">=", 1, "%"],
    ["75%", null, 0.75, "%"],
  ])("%s", (text, op, value, unit) => {
    const p = parseText(text);
    expect(p.kind).toBe("number");
    if (p.kind !== "number") return;
    expect(p.op).toBe(op);
    expect(p.value).toBeCloseTo(value, 10);
    expect(p.unit).toBe(unit);
  });

  test.each([
    ["2020年12月31日前", "<=", 2020, 12, 31],
    ["12月底前", "<=", null, 12, 31],
    ["2020年6月12号", null, 2020, 6, 12],
    ["2020年12月29日", null, 2020, 12, 29],
    ["2020-06-30", null, 2020, 6, 30],
    ["2020年底前", "<=", 2020, 12, 31],
  ])("date %s", (text, op, year, month, day) => {
    expect(parseText(text)).toEqual({ kind: "date", op, year, month, day });
  });

  test.each(["/", "／", "—", "-", "无", "……"])("placeholder %s", (t) => {
    expect(parseText(t).kind).toBe("placeholder");
  });

  test.each(["持续", "有效提高", "明显改善", "开展村民院落三分离、垃圾清运", "跟踪目标值0.232万元"])("qualitative %s", (t) => {
    expect(parseText(t)).toEqual({ kind: "text", text: t });
  });

  test("blank and error values", () => {
    expect(parseText("   ")).toEqual({ kind: "blank" });
    expect(parseText("#DIV/0!")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(parseCell("#N/A")).toEqual({ kind: "error", code: "#N/A" });
  });

  test("2月30日 is not a date", () => {
    expect(parseText("2020年2月30日").kind).not.toBe("date");
  });
});

describe("parseCell", () => {
  test("a number with a percent format is a percentage", () => {
    expect(parseCell(0.75, "0%")).toEqual({ kind: "number", op: null, value: 0.75, unit: "%" });
    expect(parseCell(0.75, "0.00%")).toEqual({ kind: "number", op: null, value: 0.75, unit: "%" });
    expect(parseCell(0.75, "General")).toEqual({ kind: "number", op: null, value: 0.75, unit: "" });
  });
  test("a serial number with a date format is a date", () => {
    expect(parseCell(44196, "yyyy-mm-dd")).toEqual({ kind: "date", op: null, year: 2020, month: 12, day: 31 });
    expect(parseCell(44196, "0.00")).toMatchObject({ kind: "number" });
  });
});

describe("units", () => {
  test("万元 and 元 convert; 人 and 人次 are the same", () => {
    expect(commensurate({ value: 5, unit: "万元" }, { value: 23000, unit: "元" })).toEqual({ a: 50000, b: 23000, unit: "元" });
    expect(commensurate({ value: 150, unit: "人" }, { value: 150, unit: "人次" })).toMatchObject({ a: 150, b: 150 });
    expect(unitInfo("万人次")).toEqual({ family: "person", factor: 1e4 });
  });
  test("a percent against a bare number or a ratio is one quantity", () => {
    expect(commensurate({ value: 1, unit: "%" }, { value: 100, unit: "" })).toMatchObject({ a: 1, b: 1 });
    expect(commensurate({ value: 1, unit: "" }, { value: 1, unit: "%" })).toMatchObject({ a: 1, b: 1 });
  });
  test("different units do not compare", () => {
    expect(commensurate({ value: 3, unit: "次" }, { value: 3, unit: "家" })).toBeNull();
    expect(commensurate({ value: 3, unit: "%" }, { value: 3, unit: "万元" })).toBeNull();
  });
});

describe("units spelled out by system exports", () => {
  test("百分比 is %", () => {
    expect(parseText("≥100百分比")).toEqual({ kind: "number", op: ">=", value: 1, unit: "%" });
  });
});

describe("compound units inside the value (RULES.md §6)", () => {
  test.each([
    ["<=5300元/户", "<=", 5300, "元/户"],
    [">=570元/人*月", ">=", 570, "元/人*月"],
    ["≥570元/人·月", ">=", 570, "元/人·月"],
    ["758元/人*月", null, 758, "元/人*月"],
    ["≥120人次/年", ">=", 120, "人次/年"],
    ["≤3万元/公里", "<=", 3, "万元/公里"],
    ["5300元/户以内", "<=", 5300, "元/户"],
    ["不超过1,234.5元/人", "<=", 1234.5, "元/人"],
  ])("%s", (text, op, value, unit) => {
    expect(parseText(text)).toEqual({ kind: "number", op, value, unit });
  });
  test("a bare fraction or a slash between words is no number with a unit", () => {
    expect(parseText("1/2").kind).not.toBe("number");
    expect(parseText("a/b").kind).toBe("text");
    expect(parseText("是/否").kind).toBe("text");
  });
  test("compound units compare when equal (any product sign) or when the first part converts", () => {
    expect(commensurate({ value: 570, unit: "元/人*月" }, { value: 758, unit: "元/人·月" })).toMatchObject({ a: 570, b: 758 });
    expect(commensurate({ value: 5300, unit: "元/户" }, { value: 5830, unit: "" })).toMatchObject({ a: 5300, b: 5830, unit: "元/户" });
    expect(commensurate({ value: 3, unit: "万元/公里" }, { value: 25000, unit: "元/公里" })).toMatchObject({ a: 30000, b: 25000 });
    expect(commensurate({ value: 3, unit: "元/户" }, { value: 3, unit: "元/人" })).toBeNull();
    expect(commensurate({ value: 3, unit: "元/户" }, { value: 3, unit: "元" })).toBeNull();
    expect(unitInfo("元/人*月")).toEqual(unitInfo("元/人·月"));
  });
});
