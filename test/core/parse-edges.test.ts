import {
  commensurate,
  dayNumber,
  isDateFormat,
  isMoneyUnit,
  isPercentFormat,
  normalizeValueText,
  numericValue,
  parseCell,
  parseText,
  serialToDate,
  unitInfo,
} from "../../src/core/parse";

/**
 * The value parser at its edges (issue 38): each way of writing an operator, a unit, a date or a placeholder, and the
 * values just either side of each bound (month 12/13, the last day of a month, Excel's last serial day, |x| ≤ 1).
 */
const num = (op: string | null, value: number, unit = "") => ({ kind: "number", op, value, unit });

describe("normalizeValueText", () => {
  test("white space of every kind, full-width characters, operator spellings, trailing punctuation", () => {
    expect(normalizeValueText(" ≥ 9 0 % ")).toBe(">=90%");
    expect(normalizeValueText("\u00a0≤\u200b5")).toBe("<=5");
    expect(normalizeValueText("＞１０")).toBe(">10");
    expect(normalizeValueText("=>3")).toBe(">=3");
    expect(normalizeValueText("=<3")).toBe("<=3");
    expect(normalizeValueText("≦3，≧1")).toBe("<=3,>=1");
    expect(normalizeValueText("95%。；")).toBe("95%");
    expect(normalizeValueText("95%,")).toBe("95%");
    expect(normalizeValueText("已完成")).toBe("已完成");
  });
  test("thousands separators only between groups of three digits", () => {
    expect(normalizeValueText("1,234.5")).toBe("1234.5");
    expect(normalizeValueText("12,345,678元")).toBe("12345678元");
    expect(normalizeValueText("1,23")).toBe("1,23");
    expect(normalizeValueText("1,2345")).toBe("1,2345");
    expect(normalizeValueText("a,b")).toBe("a,b");
  });
});

describe("number formats", () => {
  test("percent: a % that is not quoted or escaped", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat("General")).toBe(false);
    expect(isPercentFormat("0.00")).toBe(false);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    expect(isPercentFormat('"%"0%')).toBe(true);
  });
  test("date: y, m or d outside quotes, escapes and brackets, with no digit placeholder", () => {
    for (const f of ["yyyy-mm-dd", "m/d/yy", "[$-804]yyyy年m月d日", "d", "mm:ss.0", "YYYY/MM/DD"]) expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "general", "@", "0.00", "#,##0", "[Red]0.00", '0.0"万元"', '"day"0', "\\d0", "[h]", "0.0", "? ?/?", "m0"]) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
  test("serial days of the 1900 system", () => {
    expect(serialToDate(44196)).toEqual({ year: 2020, month: 12, day: 31 });
    expect(serialToDate(43831)).toEqual({ year: 2020, month: 1, day: 1 });
    expect(serialToDate(44196.75)).toEqual({ year: 2020, month: 12, day: 31 });
    expect(serialToDate(25569)).toEqual({ year: 1970, month: 1, day: 1 });
  });
});

describe("parseCell", () => {
  test("numbers by their format; Excel's date range is 1 to 2958465", () => {
    expect(parseCell(NaN)).toEqual({ kind: "error", code: "NaN" });
    expect(parseCell(Infinity, "0%")).toEqual({ kind: "error", code: "Infinity" });
    expect(parseCell(-Infinity)).toEqual({ kind: "error", code: "-Infinity" });
    expect(parseCell(1.5, "0%")).toEqual(num(null, 1.5, "%"));
    expect(parseCell(1, "yyyy-mm-dd")).toMatchObject({ kind: "date" });
    expect(parseCell(0, "yyyy-mm-dd")).toEqual(num(null, 0));
    expect(parseCell(-3, "yyyy-mm-dd")).toEqual(num(null, -3));
    expect(parseCell(2958465, "yyyy-mm-dd")).toEqual({ kind: "date", op: null, year: 9999, month: 12, day: 31 });
    expect(parseCell(2958466, "yyyy-mm-dd")).toEqual(num(null, 2958466));
    expect(parseCell(12.5)).toEqual(num(null, 12.5));
  });
  test("booleans are their words; text is parsed", () => {
    expect(parseCell(true)).toEqual({ kind: "text", text: "TRUE" });
    expect(parseCell(false)).toEqual({ kind: "text", text: "FALSE" });
    expect(parseCell("≥90%", "0.00")).toEqual(num(">=", 0.9, "%"));
  });
});

describe("parseText: blanks, placeholders, errors, plain numbers", () => {
  test("blank", () => {
    expect(parseText("")).toEqual({ kind: "blank" });
    expect(parseText(" \t ")).toEqual({ kind: "blank" });
    expect(parseText("\u200b")).toEqual({ kind: "blank" });
    expect(parseText(undefined as unknown as string)).toEqual({ kind: "blank" });
  });
  test("placeholders, kept as written", () => {
    for (const t of ["/", "\\", "-", "--", "—", "——", "─", "无", "…", "...", "N/A", "na", "不适用", "空", "#", "//", "-—", "．．"]) expect([t, parseText(t).kind]).toEqual([t, "placeholder"]);
    expect(parseText(" 无 ")).toEqual({ kind: "placeholder", text: "无" });
    expect(parseText("无。")).toEqual({ kind: "placeholder", text: "无。" });
    expect(parseText("无变化").kind).toBe("text");
  });
  test("errors", () => {
    expect(parseText("#DIV/0!")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(parseText("#VALUE!")).toEqual({ kind: "error", code: "#VALUE!" });
  });
  test("plain numbers; one too long for a double is text", () => {
    expect(parseText("42")).toEqual(num(null, 42));
    expect(parseText("-0.5")).toEqual(num(null, -0.5));
    const huge = "9".repeat(400);
    expect(parseText(huge)).toEqual({ kind: "text", text: huge });
    expect(parseText(`${huge}%`)).toEqual({ kind: "text", text: `${huge}%` });
  });
});

describe("parseText: quantities", () => {
  test("signs, decimals, per-mille and spelled-out percent", () => {
    expect(parseText("+5")).toEqual(num(null, 5));
    expect(parseText("-5%")).toEqual(num(null, -0.05, "%"));
    expect(parseText(".5")).toEqual(num(null, 0.5));
    expect(parseText("5‰")).toEqual(num(null, 0.005, "%"));
    expect(parseText("1.5‰")).toEqual(num(null, 0.0015, "%"));
    expect(parseText("5百分点")).toEqual(num(null, 0.05, "%"));
    expect(parseText("≥100百分比")).toEqual(num(">=", 1, "%"));
    expect(parseText("＜３人")).toEqual(num("<", 3, "人"));
  });
  test("an operator word before, an operator sign, a word after: the sign first, then the word before", () => {
    expect(parseText("至少>5")).toEqual(num(">", 5));
    expect(parseText("达到≥90%")).toEqual(num(">=", 0.9, "%"));
    expect(parseText(">=5以下")).toEqual(num(">=", 5));
    expect(parseText("不超过5人以上")).toEqual(num("<=", 5, "人"));
    expect(parseText("5以下")).toEqual(num("<=", 5));
    expect(parseText("10个以上")).toEqual(num(">=", 10, "个"));
    expect(parseText("3次及以上")).toEqual(num(">=", 3, "次"));
    expect(parseText("3次之内")).toEqual(num("<=", 3, "次"));
    expect(parseText("大于3")).toEqual(num(">", 3));
    expect(parseText("小于或等于3")).toEqual(num("<=", 3));
    expect(parseText("约5人")).toEqual(num("=", 5, "人"));
    expect(parseText("为100%")).toEqual(num("=", 1, "%"));
    expect(parseText("低于2%")).toEqual(num("<", 0.02, "%"));
    expect(parseText("最多3次")).toEqual(num("<=", 3, "次"));
  });
  test("other words before a number make a sentence; an operator word taken for a unit is refused", () => {
    expect(parseText("预计5人")).toEqual({ kind: "text", text: "预计5人" });
    expect(parseText("第3批")).toEqual({ kind: "text", text: "第3批" });
    expect(parseText("10以前").kind).toBe("text");
    expect(parseText("5个以内")).toEqual(num("<=", 5, "个"));
    expect(parseText("5个以下")).toEqual(num("<=", 5, "个"));
    expect(parseText("5 万元 以内")).toEqual(num("<=", 5, "万元"));
  });
});

describe("parseText: dates", () => {
  const date = (op: string | null, year: number | null, month: number, day: number) => ({ kind: "date", op, year, month, day });
  test("月, 日, 底, 旬 and the words after", () => {
    expect(parseText("6月")).toEqual(date(null, null, 6, 30));
    expect(parseText("2020年2月底")).toEqual(date(null, 2020, 2, 29));
    expect(parseText("2021年2月底")).toEqual(date(null, 2021, 2, 28));
    expect(parseText("2月末")).toEqual(date(null, null, 2, 28));
    expect(parseText("6月上旬")).toEqual(date(null, null, 6, 10));
    expect(parseText("6月中旬")).toEqual(date(null, null, 6, 20));
    expect(parseText("6月下旬")).toEqual(date(null, null, 6, 30));
    expect(parseText("12月份")).toEqual(date(null, null, 12, 31));
    expect(parseText("1月1日")).toEqual(date(null, null, 1, 1));
    expect(parseText("6月30日前完成")).toEqual(date("<=", null, 6, 30));
    expect(parseText("6月30日之前")).toEqual(date("<=", null, 6, 30));
    expect(parseText("6月30日以前")).toEqual(date("<=", null, 6, 30));
    expect(parseText("6月30日内")).toEqual(date("<=", null, 6, 30));
    expect(parseText("6月30日以内")).toEqual(date("<=", null, 6, 30));
    expect(parseText("6月30日止")).toEqual(date("<=", null, 6, 30));
    expect(parseText("6月30日完成")).toEqual(date(null, null, 6, 30));
  });
  test("months and days out of range are no dates", () => {
    expect(parseText("12月31日")).toEqual(date(null, null, 12, 31));
    for (const t of ["13月", "0月", "6月31日", "6月0日", "2月29日", "2021年2月29日"]) expect([t, parseText(t).kind]).not.toEqual([t, "date"]);
    expect(parseText("2020年2月29日")).toEqual(date(null, 2020, 2, 29));
  });
  test("yyyy-mm-dd in any of - . /, with 前", () => {
    expect(parseText("2020/6/30")).toEqual(date(null, 2020, 6, 30));
    expect(parseText("2020.6.30前")).toEqual(date("<=", 2020, 6, 30));
    expect(parseText("2020-06-30之前")).toEqual(date("<=", 2020, 6, 30));
    expect(parseText("2020-12-31日")).toEqual(date(null, 2020, 12, 31));
    expect(parseText("2020-02-29")).toEqual(date(null, 2020, 2, 29));
    for (const t of ["2020-13-01", "2020-00-10", "2020-02-30", "2021-02-29", "2020-6-0", "2020-6-31"]) expect([t, parseText(t).kind]).not.toEqual([t, "date"]);
  });
  test("a year's end", () => {
    for (const t of ["2020年底", "2020年末", "2020年年底", "2020年度内", "2020年内", "2020年度", "2020年底之前", "2020年末以前"]) expect([t, parseText(t)]).toEqual([t, date("<=", 2020, 12, 31)]);
  });
});

describe("units", () => {
  test("prefixes scale, families group", () => {
    expect(unitInfo("元")).toEqual({ family: "money", factor: 1 });
    expect(unitInfo("万元")).toEqual({ family: "money", factor: 1e4 });
    expect(unitInfo("亿元")).toEqual({ family: "money", factor: 1e8 });
    expect(unitInfo("千元")).toEqual({ family: "money", factor: 1e3 });
    expect(unitInfo("百元")).toEqual({ family: "money", factor: 100 });
    for (const u of ["人", "人次", "名", "位"]) expect([u, unitInfo(u)]).toEqual([u, { family: "person", factor: 1 }]);
    for (const u of ["次", "场", "场次", "期", "批", "轮"]) expect([u, unitInfo(u)]).toEqual([u, { family: "times", factor: 1 }]);
    for (const u of ["个", "家", "户", "所"]) expect([u, unitInfo(u)]).toEqual([u, { family: u, factor: 1 }]);
    expect(unitInfo("公里")).toEqual({ family: "米", factor: 1000 });
    expect(unitInfo("万公里")).toEqual({ family: "米", factor: 1e7 });
    expect(unitInfo("米")).toEqual({ family: "米", factor: 1 });
    expect(unitInfo("千米")).toEqual({ family: "米", factor: 1000 });
    expect(unitInfo("亩")).toEqual({ family: "亩", factor: 1 });
    expect(unitInfo("万")).toEqual({ family: "万", factor: 1 });
    expect(unitInfo("万元/户")).toEqual({ family: "money/户", factor: 1e4 });
    expect(unitInfo("元×人")).toEqual({ family: "money·人", factor: 1 });
    expect(unitInfo("/户")).toEqual({ family: "/户", factor: 1 });
  });
  test("money units", () => {
    expect(isMoneyUnit("万元")).toBe(true);
    expect(isMoneyUnit("元/户")).toBe(false);
    expect(isMoneyUnit("")).toBe(false);
    expect(isMoneyUnit("%")).toBe(false);
    expect(isMoneyUnit("人")).toBe(false);
  });
  test("commensurate: percent against a bare number at |x| ≤ 1 and above", () => {
    expect(commensurate({ value: 0.9, unit: "%" }, { value: 1, unit: "" })).toEqual({ a: 0.9, b: 1, unit: "%" });
    expect(commensurate({ value: 0.9, unit: "%" }, { value: 95, unit: "" })).toEqual({ a: 0.9, b: 0.95, unit: "%" });
    expect(commensurate({ value: 0.9, unit: "%" }, { value: -1, unit: "" })).toEqual({ a: 0.9, b: -1, unit: "%" });
    expect(commensurate({ value: 0.9, unit: "%" }, { value: -50, unit: "" })).toEqual({ a: 0.9, b: -0.5, unit: "%" });
    expect(commensurate({ value: 1, unit: "" }, { value: 0.95, unit: "%" })).toEqual({ a: 1, b: 0.95, unit: "%" });
    expect(commensurate({ value: 90, unit: "" }, { value: 0.95, unit: "%" })).toEqual({ a: 0.9, b: 0.95, unit: "%" });
    expect(commensurate({ value: -1, unit: "" }, { value: 0.95, unit: "%" })).toEqual({ a: -1, b: 0.95, unit: "%" });
  });
  test("commensurate: a missing unit takes the other's; scales meet at the smaller unit", () => {
    expect(commensurate({ value: 3, unit: "次" }, { value: 4, unit: "次" })).toEqual({ a: 3, b: 4, unit: "次" });
    expect(commensurate({ value: 3, unit: "" }, { value: 4, unit: "万元" })).toEqual({ a: 3, b: 4, unit: "万元" });
    expect(commensurate({ value: 3, unit: "万元" }, { value: 4, unit: "" })).toEqual({ a: 3, b: 4, unit: "万元" });
    expect(commensurate({ value: 3, unit: "%" }, { value: 4, unit: "人" })).toBeNull();
    expect(commensurate({ value: 3, unit: "人" }, { value: 4, unit: "%" })).toBeNull();
    expect(commensurate({ value: 2, unit: "元" }, { value: 1, unit: "万元" })).toEqual({ a: 2, b: 10000, unit: "元" });
    expect(commensurate({ value: 1, unit: "亿元" }, { value: 2, unit: "万元" })).toEqual({ a: 1e8, b: 2e4, unit: "万元" });
    expect(commensurate({ value: 150, unit: "人" }, { value: 150, unit: "人次" })).toEqual({ a: 150, b: 150, unit: "人" });
    expect(commensurate({ value: 2, unit: "公里" }, { value: 1500, unit: "米" })).toEqual({ a: 2000, b: 1500, unit: "米" });
  });
  test("numericValue and dayNumber", () => {
    expect(numericValue(num(null, 7, "万元") as never)).toBe(7);
    expect(numericValue({ kind: "text", text: "7" })).toBeNull();
    expect(numericValue({ kind: "blank" })).toBeNull();
    expect(dayNumber({ year: 1970, month: 1, day: 2 }, 2000)).toBe(1);
    expect(dayNumber({ year: null, month: 1, day: 1 }, 1970)).toBe(0);
    expect(dayNumber({ year: 2020, month: 3, day: 1 }, 1970) - dayNumber({ year: 2020, month: 2, day: 28 }, 1970)).toBe(2);
  });
});
