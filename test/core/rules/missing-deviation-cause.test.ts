import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("missing-deviation-cause", () => {
  test("quiet on seed form 1: the two deductions are explained", async () => {
    expect(hits(check(await sheet("项目1")), "missing-deviation-cause")).toEqual([]);
  });
  test("fires on the cause cell when a target is missed and the cause is /, 无, 0 or blank", async () => {
    for (const placeholder of ["/", "无", "0", "", "—", "偏差原因分析及改进措施"]) {
      const r = check(withCells(await sheet("项目2"), "项目2", { F26: "80%", H26: 8.89, I26: placeholder }));
      expect(hits(r, "missing-deviation-cause")).toEqual(["error 项目2!I26"]);
    }
  });
  test("fires when the written score is below the weight even though the target was met", async () => {
    const r = check(withCells(await sheet("项目2"), "项目2", { H14: 4 }));
    expect(hits(r, "missing-deviation-cause")).toEqual(["error 项目2!I14"]);
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
