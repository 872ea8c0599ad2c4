import { officeWorkbookHost, MARKS_SETTING } from "../../src/addin/host";
import { NOTE_PREFIX, NOTE_SEPARATOR } from "../../src/core/marks";
import { parseAddress } from "../../src/core/a1";
import { FakeWorkbook } from "../host/fake-office";
import { installFakeOffice, installModel, reopen, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

afterEach(uninstallFakeOffice);

const fillAt = (model: FakeWorkbook, sheet: string, a1: string) => {
  const at = parseAddress(a1)!;
  return model.cell(model.sheet(sheet), at.row, at.col).fill;
};

describe("the workbook host over Office.js", () => {
  test("a check reads the workbook and gives the engine's report", async () => {
    installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    const phases: string[] = [];
    const { report } = await host.check({}, (p) => phases.push(p.phase));
    expect(report.forms).toHaveLength(4);
    expect(report.forms[0].totals.reportedScore).toBe(90.5);
    expect(phases).toContain("read");
    expect(phases).toContain("check");
  });

  test("highlight fills flagged cells by severity and adds notes; clear restores exactly the original", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    // a person's own fill and note, which must survive
    const sheet = model.sheet("项目1");
    model.setCell(sheet, 13, 8, { fill: { color: "#00B050", pattern: "Solid" } }); // I14, flagged
    sheet.notes.set("E14", "本人备注：目标值待核实"); // E14, flagged, has a person's note
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();
    const { report } = await host.check({});
    const findings = report.forms.flatMap((f) => f.findings);
    const marked = await host.highlight(findings, ["error", "warning", "info"]);
    expect(marked).toBe(6);
    expect(fillAt(model, "项目1", "H26")).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    expect(fillAt(model, "项目1", "H22")).toEqual({ color: "#FFEB9C", pattern: "Solid" });
    expect(fillAt(model, "项目1", "H20")).toEqual({ color: "#DDEBF7", pattern: "Solid" });
    expect(sheet.notes.get("H26")).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    expect(sheet.notes.get("H26")).toContain("91.5");
    // the person's note stays first, ours follows it under the separator (issue 32, as copies write it)
    expect(sheet.notes.get("E14")!.startsWith(`本人备注：目标值待核实\n${NOTE_SEPARATOR}\n${NOTE_PREFIX}`)).toBe(true);
    expect(model.settings.get(MARKS_SETTING)).toHaveLength(6);

    expect(await host.clearMarks()).toBe(6);
    expect(model.state()).toEqual(original);
    expect(model.settings.has(MARKS_SETTING)).toBe(false);
  });

  test("clear works after the workbook was saved and reopened (the record is in the workbook)", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const original = structuredClone(model.state());
    await officeWorkbookHost().highlight((await officeWorkbookHost().check({})).report.forms.flatMap((f) => f.findings), ["error", "warning"]);
    const reopened = reopen(model);
    expect(reopened.state()).not.toEqual(original);
    installModel(reopened);
    const host = officeWorkbookHost();
    expect(host.markCount()).toBe(5);
    await host.clearMarks();
    expect(reopened.state()).toEqual(original);
  });

  test("checking again replaces the previous marks, keeping each cell's first original", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();
    const findings = (await host.check({})).report.forms.flatMap((f) => f.findings);
    await host.highlight(findings, ["error", "warning", "info"]);
    await host.highlight(findings.filter((f) => f.severity === "error"), ["error", "warning", "info"]);
    expect(fillAt(model, "项目1", "H22").pattern).toBe("None");
    expect(host.markCount()).toBe(1);
    await host.clearMarks();
    expect(model.state()).toEqual(original);
  });

  test("a cell whose fill the person changed after marking keeps the person's fill", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    await host.highlight((await host.check({})).report.forms.flatMap((f) => f.findings), ["error"]);
    model.setCell(model.sheet("项目1"), 25, 7, { fill: { color: "#FFFF00", pattern: "Solid" } });
    await host.clearMarks();
    expect(fillAt(model, "项目1", "H26")).toEqual({ color: "#FFFF00", pattern: "Solid" });
    expect(model.sheet("项目1").notes.has("H26")).toBe(false);
  });

  test("where notes are unsupported (ExcelApi 1.10–1.17) the message goes into a comment, removed on clear", async () => {
    const model = installFakeOffice(await loadFixture("official"), { excelApi: "1.12" });
    const host = officeWorkbookHost();
    await host.highlight((await host.check({})).report.forms.flatMap((f) => f.findings), ["error"]);
    expect([...model.comments.values()]).toEqual([expect.objectContaining({ sheet: "项目1", address: "H26" })]);
    await host.clearMarks();
    expect(model.comments.size).toBe(0);
  });

  test("a write that fails midway is rolled back", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const original = structuredClone(model.state());
    const host = officeWorkbookHost();
    const findings = (await host.check({})).report.forms.flatMap((f) => f.findings);
    let n = 0;
    model.failWrite = (op) => op === "note.add" && ++n === 3;
    await expect(host.highlight(findings, ["error", "warning", "info"])).rejects.toThrow(/Injected failure/);
    model.failWrite = null;
    expect(model.state()).toEqual(original);
    expect(host.markCount()).toBe(0);
  });

  test("select activates the sheet and selects the cell", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    await officeWorkbookHost().select({ sheet: "项目4", address: "I14" });
    expect(model.selection).toEqual({ sheet: "项目4", address: "I14" });
    expect(model.sheets[model.activeSheet].name).toBe("项目4");
  });

  test("live mode hears a person's edit on a sheet, not the add-in's own writes", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    const heard: string[] = [];
    const stop = await host.watch((s) => heard.push(s));
    await model.userEdit("项目2", "H14", 4);
    expect(heard).toEqual(["项目2"]);
    await stop();
    await model.userEdit("项目2", "H14", 5);
    expect(heard).toEqual(["项目2"]);
  });
});
