import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("missing-deviation-cause", () => {
  test("quiet on seed form 1: the two deductions are explained", async () => {
    expect(hits(check(await sheet("项目1")), "missing-deviation-cause")).toEqual([]);
  });
  test("fires on the cause cell when a target is missed and the cause is /, 无, 0 or blank", async () => {
    for (const placeholder of ["/", "无", "0", "", "—", "偏差原因分析及改进措施"]) {
      const r = check(withCells(await sheet("项目2"), "项目2", { F26: "80%", H26: 8.89, I26: placeholder }));
      expect(hits(r, "missing-deviation-cause")).toEqual(["error 项目2!I26 missing"]);
    }
  });
  test("fires when the written score is below the weight even though the target was met", async () => {
    const r = check(withCells(await sheet("项目2"), "项目2", { H14: 4 }));
    expect(hits(r, "missing-deviation-cause")).toEqual(["error 项目2!I14 missing"]);
    expect(findings(r, "missing-deviation-cause")[0].message).toContain("工作队数量");
  });
  test("quiet once a cause is written", async () => {
    expect(hits(check(withCells(await sheet("项目2"), "项目2", { F26: "80%", H26: 8.89, I26: "服务对象调查样本偏少，下年扩大调查" })), "missing-deviation-cause")).toEqual([]);
  });
  test("English messages with --lang en", async () => {
    const r = check(withCells(await sheet("项目2"), "项目2", { H14: 4 }), { lang: "en" });
    expect(findings(r, "missing-deviation-cause")[0].message).toMatch(/deviation cause/);
  });
});

describe("missing-deviation-cause on Hubei 2020: the one form-level cause cell", () => {
  const hubei = async (name: string) => onlySheets(await loadFixture("family-d-hubei-2020"), name);
  test("an unmet indicator with the form-level cause empty: one finding per indicator, at that cell, naming it", async () => {
    const r = check(await hubei("三个目标"));
    expect(hits(r, "missing-deviation-cause")).toEqual(["error 三个目标!C26 formCause", "error 三个目标!C26 formCause"]);
    expect(findings(r, "missing-deviation-cause").map((f) => f.message)).toEqual([
      expect.stringContaining("「发放宣传资料份数」"),
      expect.stringContaining("「宣传资料印刷费用」"),
    ]);
  });
  test("quiet when the form-level cause is written, also in the label's own cell", async () => {
    expect(hits(check(await hubei("两个目标")), "missing-deviation-cause")).toEqual([]);
    const own = withCells(await hubei("三个目标"), "三个目标", { A26: "偏差大或目标未完成原因分析：宣传资料印刷单价上涨，计划10000份实际8000份。" , C26: "" });
    expect(hits(check(own), "missing-deviation-cause")).toEqual([]);
  });
  test("the template's prompt or a placeholder in the cause cell is no cause", async () => {
    const slash = withCells(await hubei("两个目标"), "两个目标", { C22: "/" });
    expect(hits(check(slash), "missing-deviation-cause")).toEqual(["error 两个目标!C22 formCause"]);
  });
});
