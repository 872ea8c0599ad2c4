import { WorkbookReport } from "../core/engine";
import { REPORT_SHEET_NAME } from "../core/labels";
import { CheckOptions, Lang } from "../core/options";
import { buildReport, columnPoints } from "../core/report";
import { SheetPlan, WorkbookPort } from "./port";

/**
 * The 校验报告 sheet: core/report.ts's rows laid out as a sheet the host writes whole — every row as wide as the
 * widest, every text kept as text, the widths and wrapping for print, A4 landscape.
 */
export function reportPlan(report: WorkbookReport, options: CheckOptions, lang: Lang, checkedAt: string): SheetPlan {
  const sheet = buildReport(report, options, lang, checkedAt);
  const width = Math.max(...sheet.rows.map((r) => r.length));
  return {
    rows: sheet.rows.map((r) => [...r.map((v) => v ?? ""), ...new Array<string>(width - r.length).fill("")]),
    bold: sheet.bold,
    links: sheet.links,
    columns: sheet.columns.slice(0, width).map((c) => ({ points: columnPoints(c.width), wrap: c.wrap })),
    page: { orientation: "landscape", paper: "A4" },
  };
}

export async function writeReport(port: WorkbookPort, report: WorkbookReport, options: CheckOptions, lang: Lang, checkedAt: string): Promise<void> {
  await port.writeSheet(REPORT_SHEET_NAME, reportPlan(report, options, lang, checkedAt));
}
