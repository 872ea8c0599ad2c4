import { officeWorkbookHost } from "../../src/addin/host";
import { REPORT_SHEET_NAME } from "../../src/core/labels";
import { resolveOptions } from "../../src/core/options";
import { REPORT_COLUMNS, buildReport, columnPoints } from "../../src/core/report";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

afterEach(uninstallFakeOffice);

/** 生成校验报告 prints: widths, wrapped text, A4 landscape where the host has page layout, links, local time. */
describe("the report sheet prints", () => {
  test("ExcelApi 1.18: column widths, wrap on the text columns, A4 landscape, a link per finding", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const host = officeWorkbookHost();
    const { report, options } = await host.check({});
    await host.writeReport(report, options, "zh", "2026-11-25 16:43");
    const rs = model.sheet(REPORT_SHEET_NAME);
    expect(rs.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4" });
    REPORT_COLUMNS.forEach((c, i) => expect(rs.columnWidths?.get(i)).toBe(columnPoints(c.width)));
    const cells = [...rs.cells.values()];
    // the message column (C) wraps, the cell column (B) does not
    const sheetRows = buildReport(report, options, "zh", "2026-11-25 16:43");
    const findingRow = sheetRows.links[0].row;
    expect(model.cell(rs, findingRow, 2).wrap).toBe(true);
    expect(model.cell(rs, findingRow, 1).wrap).toBe(false);
    expect(model.cell(rs, findingRow, 1).hyperlink).toMatch(new RegExp(`${sheetRows.links[0].sheet}'?!${sheetRows.links[0].address}$`));
    // no four-decimal number
    expect(cells.some((c) => typeof c.value === "number" && /\.\d{3,}/.test(String(c.value)))).toBe(false);
  });

  test("ExcelApi 1.8: no page layout (skipped), the rest as above", async () => {
    const model = installFakeOffice(await loadFixture("official"), { excelApi: "1.8" });
    const host = officeWorkbookHost();
    const { report } = await host.check({});
    await host.writeReport(report, resolveOptions({}), "zh", "2026-11-25 16:43");
    const rs = model.sheet(REPORT_SHEET_NAME);
    expect(rs.pageLayout).toBeUndefined();
    expect(rs.columnWidths?.get(2)).toBe(columnPoints(REPORT_COLUMNS[2].width));
  });
});
