import { quantityInName } from "../../../src/core/rules/name-target-mismatch";
import { check, findings, hits, loadFixture, onlySheets, withCells } from "../../support/workbooks";

const sheet = async (name: string) => onlySheets(await loadFixture("official"), name);

describe("name-target-mismatch", () => {
  test("seed form 1: 安全执法检查次数6次 with the target 4次", async () => {
    const r = check(await sheet("项目1"));
    expect(hits(r, "name-target-mismatch")).toEqual(["warning 项目1!E14 mismatch"]);
    expect(findings(r, "name-target-mismatch")[0]).toMatchObject({ expected: "6次", actual: "4次" });
  });
  test("quiet when the name agrees (150人 vs 150人次, (≧90%) vs ≥90%, ≤5万元 vs ≦5万元)", async () => {
    for (const s of ["项目2", "项目3", "项目4"]) expect(hits(check(await sheet(s)), "name-target-mismatch")).toEqual([]);
    expect(hits(check(withCells(await sheet("项目1"), "项目1", { E14: "6次" })), "name-target-mismatch")).toEqual([]);
  });
  test("reads numbers only at the end of the name or in brackets, with a unit", () => {
    expect(quantityInName("安全执法检查次数6次")).toMatchObject({ value: 6, unit: "次" });
    expect(quantityInName("服务对象满意度(≧90%)")).toMatchObject({ op: ">=", value: 0.9 });
    expect(quantityInName("2020年度培训")).toBeNull();
    expect(quantityInName("工作队数量（个）")).toBeNull();
    expect(quantityInName("第3批项目验收率")).toBeNull();
  });
});

describe("name-target-mismatch with a 度量单位 column", () => {
  test("the provincial form shows the target with its unit", async () => {
    const r = check(onlySheets(await loadFixture("provincial"), "安全生产"));
    expect(findings(r, "name-target-mismatch")).toEqual([expect.objectContaining({ cell: "F14", expected: "6次", actual: "4次" })]);
  });
});
