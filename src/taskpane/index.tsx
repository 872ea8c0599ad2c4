import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeWorkbookHost } from "../addin/host";
import { runningInExcel } from "../excel/office-helpers";
import { App } from "./components/App";
import { OutsideOffice } from "./components/OutsideOffice";
import { langOf } from "./i18n";
import { themeFor } from "./theme";
import { findEtApplication, wpsWorkbookHost } from "../wps/host";

/**
 * Start-up: the host is found first — WPS 表格 (its object model as window.Application / wps, issue 37), then Office
 * (wait for Office.js); with neither, or in another Office host, the "open this in Excel" message.
 */
const ONREADY_TIMEOUT_MS = 10000;

function render(node: React.ReactNode, theme = webLightTheme) {
  const container = document.getElementById("container")!;
  createRoot(container).render(<FluentProvider theme={theme}>{node}</FluentProvider>);
}

async function start() {
  const autorun = new URLSearchParams(window.location.search).get("autorun") === "1";
  const et = findEtApplication(window);
  if (et) {
    render(<App host={wpsWorkbookHost(et)} lang="zh" autorun={autorun} />);
    return;
  }
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    render(<OutsideOffice />);
    return;
  }
  const ready = await Promise.race([Office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), ONREADY_TIMEOUT_MS))]);
  if (!ready || !ready.host) {
    render(<OutsideOffice />);
    return;
  }
  if (ready.host !== Office.HostType.Excel || !runningInExcel()) {
    render(<OutsideOffice notExcel />);
    return;
  }
  const lang = langOf(Office.context.displayLanguage);
  render(<App host={officeWorkbookHost()} lang={lang} autorun={autorun} />, themeFor(Office.context.officeTheme));
}

void start();
