import { WorkbookHost, workbookHost } from "../addin/workbook-host";
import { EtApplication } from "./et";
import { wpsPort } from "./port";

/**
 * The composition root of the WPS host: the host-neutral modules of src/addin over the port of WPS 表格's object model.
 * The pane (src/taskpane/index.tsx) and the ribbon (src/wps/ribbon.ts) build their host here.
 */
export function wpsWorkbookHost(app: EtApplication): WorkbookHost {
  return workbookHost(wpsPort(app));
}

/**
 * WPS's Application where the page runs inside WPS 表格 — `window.Application`, or `wps.EtApplication` (a method in
 * older builds, a property in Kingsoft's declarations) — else null.
 */
export function findEtApplication(w: unknown): EtApplication | null {
  const g = w as { Application?: unknown; wps?: { EtApplication?: unknown } } | null | undefined;
  if (!g) return null;
  try {
    const viaWps = g.wps ? g.wps.EtApplication : undefined;
    const app = g.Application ?? (typeof viaWps === "function" ? (viaWps as () => unknown).call(g.wps) : viaWps);
    return app && typeof app === "object" ? (app as EtApplication) : null;
  } catch {
    return null;
  }
}
