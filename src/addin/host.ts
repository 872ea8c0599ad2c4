import { DEFAULT_SETTINGS, FOLLOW_TEMPLATE, WorkbookSettings } from "../core/settings";
import { officePort } from "../excel/port";
import { WorkbookHost, workbookHost } from "./workbook-host";

/**
 * The composition root of the Office host: the pane's and the ribbon command's host, the host-neutral modules of
 * src/addin over the Office.js port (src/excel/port.ts). The only module of src/addin that imports src/excel, and only
 * to construct the port; the pane reaches everything else it needs through the names re-exported here.
 */
export function officeWorkbookHost(): WorkbookHost {
  return workbookHost(officePort());
}

export type { WorkbookHost };
export { workbookHost };
export type { CheckOutcome, CheckProgress } from "./check";
export type { WriteOutcome } from "./undo";
export type { WorkbookPort, HostCapabilities } from "./port";
/** refusals before anything is written, and writes that failed (and whether they were rolled back) */
export { RefusedError, WriteError } from "./port";
export { MARKS_SETTING } from "./marks";
export { UNDO_SETTING } from "./undo";
export { SETTINGS_SETTING, settingsOptions } from "./settings-store";
// The settings a workbook carries, what is stored and how they become check options: core/settings.ts, for every surface.
export { DEFAULT_SETTINGS, FOLLOW_TEMPLATE };
export type { WorkbookSettings };
