import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("total-score", () => {
  test("seed form 1: 90.5 written, 91.5 summed", async () => {
    const r = check(await sheet("项目1"));
    expect(hits(r, "total-score")).toEqual(["error 项目1!H26 mismatch"]);
    expect(findings(r, "total-score")[0]).toMatchObject({ expected: 91.5, actual: 90.5 });
  });
  test("quiet when it matches; a rounded total is info", async () => {
    expect(hits(check(await sheet("项目2")), "total-score")).toEqual([]);
    expect(hits(check(withCells(await sheet("项目1"), "项目1", { H26: 91.5 })), "total-score")).toEqual([]);
    expect(hits(check(withCells(await sheet("项目1"), "项目1", { H26: 92 })), "total-score")).toEqual(["info 项目1!H26 rounded"]);
  });
});
