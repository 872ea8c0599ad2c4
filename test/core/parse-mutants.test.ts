import { commensurate, isDateFormat, isMoneyUnit, isPercentFormat, normalizeValueText, parseText, unitInfo } from "../../src/core/parse";

/**
 * How a cell's text and number format are read, at the edges the rest of the suite did not reach (issue 38: these
 * survived mutation of src/core/parse.ts). Each expectation follows RULES.md §1 (numbers as text, full-width, percent
 * formats, dates) or what the form means: a period (1月-12月) is no single deadline, a number format's quoted text is
 * not part of its meaning, a unit is a unit wherever it starts.
 */
describe("normalizeValueText", () => {
  test("strips trailing punctuation only at the end, however much of it", () => {
    expect(normalizeValueText("100%。；")).toBe("100%");
    expect(normalizeValueText("≥95%，")).toBe(">=95%");
    // punctuation inside the text stays (the full-width comma becomes a half-width one)
    expect(normalizeValueText("完成，合格。")).toBe("完成,合格");
  });
  test("thousands separators go between digit groups of three, also at the very end", () => {
    expect(normalizeValueText("1,234")).toBe("1234");
    expect(normalizeValueText("1,234,567")).toBe("1234567");
    expect(normalizeValueText("1,234.5")).toBe("1234.5");
    expect(normalizeValueText("1,234万元")).toBe("1234万元");
    // not a thousands separator: a list of small numbers
    expect(normalizeValueText("12,34")).toBe("12,34");
  });
  test("every kind of blank goes: spaces, no-break spaces, zero-width spaces, the ideographic space", () => {
    expect(normalizeValueText("≥ 1 0\u00a00\u200b%\u3000")).toBe(">=100%");
  });
});

describe("parseText edges", () => {
  test("blanks of every kind are blank", () => {
    for (const s of ["", "   ", "\u3000", "\u00a0", "\u200b", " \t\n"]) expect([s, parseText(s)]).toEqual([s, { kind: "blank" }]);
  });
  test("an error value with blanks around it: its code without them", () => {
    expect(parseText("#n/a ")).toEqual({ kind: "error", code: "#N/A" });
    expect(parseText("#DIV/0!\t")).toEqual({ kind: "error", code: "#DIV/0!" });
  });
  test("text is kept trimmed; text ending in a dot is text, not a placeholder", () => {
    expect(parseText(" 较好 ")).toEqual({ kind: "text", text: "较好" });
    expect(parseText("已完成.")).toEqual({ kind: "text", text: "已完成." });
    expect(parseText(" ／ ")).toEqual({ kind: "placeholder", text: "／" });
  });
  test("a duration in months (1.5月) is a number, not the date 5月", () => {
    expect(parseText("1.5月")).toEqual({ kind: "number", op: null, value: 1.5, unit: "月" });
    expect(parseText("≤10.5月")).toEqual({ kind: "number", op: "<=", value: 10.5, unit: "月" });
  });
  test("a period is not one deadline: 1月-12月, 2022年1月-12月, 2022.1.1-2022.12.31, 2022年底-2023年底 stay text", () => {
    for (const s of ["1月-12月", "2022年1月-12月", "2022.1.1-2022.12.31", "2022年底-2023年底"]) expect(parseText(s)).toEqual({ kind: "text", text: s });
  });
  test("a day without 日: 12月31 is 31 December", () => {
    expect(parseText("12月31")).toEqual({ kind: "date", op: null, year: null, month: 12, day: 31 });
    expect(parseText("2022年6月5号前")).toEqual({ kind: "date", op: "<=", year: 2022, month: 6, day: 5 });
  });
  test("numeric dates: January and the first of a month are dates; month 0, day 0 are not", () => {
    expect(parseText("2022-01-15")).toEqual({ kind: "date", op: null, year: 2022, month: 1, day: 15 });
    expect(parseText("2022.03.01前")).toEqual({ kind: "date", op: "<=", year: 2022, month: 3, day: 1 });
    expect(parseText("2022-00-15").kind).toBe("text");
    expect(parseText("2022-03-00").kind).toBe("text");
  });
  test("year's-end deadlines: 2022年底, 2022年度内", () => {
    expect(parseText("2022年底")).toEqual({ kind: "date", op: "<=", year: 2022, month: 12, day: 31 });
    expect(parseText("2022年度内")).toEqual({ kind: "date", op: "<=", year: 2022, month: 12, day: 31 });
  });
  test("a unit that starts with 上/下/前/内 is a unit; 以上 after a unit is the operator", () => {
    expect(parseText("≥50上门人次")).toEqual({ kind: "number", op: ">=", value: 50, unit: "上门人次" });
    expect(parseText("10个以上")).toEqual({ kind: "number", op: ">=", value: 10, unit: "个" });
  });
});

describe("number formats", () => {
  test("percent: a % outside quotes and escapes", () => {
    expect(isPercentFormat("0%")).toBe(true);
    expect(isPercentFormat("0.00%")).toBe(true);
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isPercentFormat('0"%"')).toBe(false);
    expect(isPercentFormat("0\\%")).toBe(false);
    for (const f of ["General", "@", "", "0.00"]) expect([f, isPercentFormat(f)]).toEqual([f, false]);
  });
  test("date: y, m or d outside quoted text and [brackets], and no digit placeholder", () => {
    expect(isDateFormat('General" days"')).toBe(false);
    expect(isDateFormat("[DBNum1]General")).toBe(false);
    expect(isDateFormat("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"")).toBe(true);
    expect(isDateFormat("yyyy-mm-dd hh:mm:ss.000")).toBe(true);
    expect(isDateFormat("m/d/yyyy")).toBe(true);
    for (const f of ["General", "@", "", "0.00", "#,##0", '0" mm"']) expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
});

describe("units", () => {
  test("money: 元 with any prefix; no unit, % and other units are not money", () => {
    expect(["万元", "元", "亿元", "千元"].map(isMoneyUnit)).toEqual([true, true, true, true]);
    expect(["", "%", "人", "元/户", "个"].map(isMoneyUnit)).toEqual([false, false, false, false, false]);
  });
  test("a prefix scales the whole rest of the unit: 千瓦时 is 1000 瓦时, 万人次 is 10000 人次", () => {
    expect(commensurate({ value: 1, unit: "千瓦时" }, { value: 900, unit: "瓦时" })).toEqual({ a: 1000, b: 900, unit: "瓦时" });
    expect(commensurate({ value: 1, unit: "万人次" }, { value: 9000, unit: "人次" })).toEqual({ a: 10000, b: 9000, unit: "人次" });
    expect(unitInfo("万户")).toEqual({ family: "户", factor: 1e4 });
    // only at the start: 平方千米 is an area of its own, not 1000 米
    expect(commensurate({ value: 1, unit: "平方千米" }, { value: 1000, unit: "米" })).toBeNull();
    expect(unitInfo("平方千米")).toEqual({ family: "平方千米", factor: 1 });
  });
  test("a percent against a counted unit cannot be compared, either way round", () => {
    expect(commensurate({ value: 0.9, unit: "%" }, { value: 90, unit: "个" })).toBeNull();
    expect(commensurate({ value: 90, unit: "个" }, { value: 0.9, unit: "%" })).toBeNull();
    expect(commensurate({ value: 0.9, unit: "%" }, { value: 0.95, unit: "%" })).toEqual({ a: 0.9, b: 0.95, unit: "%" });
  });
});
