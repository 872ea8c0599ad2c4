import { check, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

describe("low-execution-unexplained", () => {
  test("fires where the form has a reason cell, the rate is below 90% and no reason is given", async () => {
    const wb = onlySheets(await loadFixture("provincial"), "安全生产");
    expect(hits(check(wb), "low-execution-unexplained")).toEqual(["error 安全生产!I6 noReason"]);
  });
  test("quiet once a reason is written, or with a rate of 90% or more", async () => {
    const wb = onlySheets(await loadFixture("provincial"), "安全生产");
    expect(hits(check(withCells(wb, "安全生产", { I6: "受疫情影响，培训延期" })), "low-execution-unexplained")).toEqual([]);
    expect(hits(check(withCells(wb, "安全生产", { I6: "/" })), "low-execution-unexplained")).toEqual(["error 安全生产!I6 noReason"]);
    expect(hits(check(withCells(wb, "安全生产", { E6: 18, E7: 18, G6: [0.9, "0%"], H6: 9 })), "low-execution-unexplained")).toEqual([]);
  });
  test("quiet on the central template, which has no reason cell", async () => {
    expect(hits(check(onlySheets(await loadFixture("official"), "项目1")), "low-execution-unexplained")).toEqual([]);
  });
});

describe("low-execution-unexplained on the Sichuan 2023 form", () => {
  const sc = async () => onlySheets(await loadFixture("family-b-sichuan-2023"), "项目支出（导出）");
  test("the template's own instruction in 原因 is no reason: 80% fires at the 原因 cell", async () => {
    expect(hits(check(await sc()), "low-execution-unexplained")).toEqual(["error 项目支出（导出）!I9 noReason"]);
  });
  test("a reason written after the instruction counts; the instruction alone does not", async () => {
    const { SC_PROMPT } = require("../../../scripts/layouts");
    const after = withCells(await sc(), "项目支出（导出）", { I9: `${SC_PROMPT}\n原因：第四期培训因场地原因停办，12万元未支付。` });
    expect(hits(check(after), "low-execution-unexplained")).toEqual([]);
    expect(hits(check(withCells(await sc(), "项目支出（导出）", { I9: SC_PROMPT.replace(/，/g, ",") })), "low-execution-unexplained")).toEqual(["error 项目支出（导出）!I9 noReason"]);
  });
  test("quiet with a real reason, or at 90% and above", async () => {
    expect(hits(check(withCells(await sc(), "项目支出（导出）", { I9: "第四期培训因场地原因停办，资金12万元未支付，2024年补办。" })), "low-execution-unexplained")).toEqual([]);
    expect(hits(check(withCells(await sc(), "项目支出（导出）", { E9: 54, F9: [0.9, "0.00%"], H9: 9 })), "low-execution-unexplained")).toEqual([]);
  });
});
