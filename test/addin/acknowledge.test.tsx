/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import "@testing-library/jest-dom";
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeWorkbookHost } from "../../src/addin/host";
import { main } from "../../src/cli/main";
import { SETTINGS_KEY } from "../../src/core/settings";
import { App } from "../../src/taskpane/components/App";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { withSavedSettings } from "../support/saved-settings";
import { fixturePath, loadFixture } from "../support/workbooks";
import { MemoryWorkbook, memoryPort } from "./memory-port";
import { workbookHost } from "../../src/addin/workbook-host";
import { acknowledge } from "../../src/core/acknowledge";
import { RefusedError } from "../../src/addin/port";

/**
 * 已核对 in the pane, round trip (issue 34): the clerk confirms a warning with a reason in the pane (over the fake
 * Office host); the confirmation is saved in the workbook's settings record; the CLI reading that workbook lists it
 * apart with its reason, and the verdict counts it — in the pane and in `check --json` alike. Undo is one click.
 */
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(120000);
afterEach(() => {
  cleanup();
  uninstallFakeOffice();
});

async function cliJson(bytes: Uint8Array): Promise<{ files: Array<{ verdict: { text: string; acknowledged?: number }; forms: Array<{ sheet: string; verdict: { kind: string; text: string; counts: Record<string, number>; acknowledged?: number }; findings: Array<{ rule: string; severity: string }>; acknowledged?: Array<{ rule: string; cell: string; reason: string; date: string; fingerprint: string }> }> }> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-ack-"));
  const file = path.join(dir, "official.xlsx");
  fs.writeFileSync(file, bytes);
  let out = "";
  await main(["check", file, "--json"], { out: (s) => (out += s + "\n"), err: () => undefined, isTTY: false });
  fs.rmSync(dir, { recursive: true, force: true });
  return JSON.parse(out);
}

test("pane → saved in the workbook → the CLI shows it, and the verdict counts it; undo in one click", async () => {
  const model = installFakeOffice(await loadFixture("official"));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={officeWorkbookHost()} lang="zh" autorun />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.getAllByTestId("form-card").length).toBe(4));
  // 项目4's one warning: 可以提交，请核对 1 个警告
  const c = screen.getAllByTestId("form-card")[3];
  expect(within(c).getByTestId("verdict")).toHaveTextContent("可以提交，请核对 1 个警告");
  // an error has no 已核对: 项目1 has errors and warnings, only the warnings offer it
  const first = screen.getAllByTestId("form-card")[0];
  for (const item of within(first).getAllByTestId("finding-item")) {
    const sev = within(item).getByTestId("finding").getAttribute("data-severity");
    expect(within(item).queryByTestId("ack-open") !== null).toBe(sev === "warning");
  }
  // confirm: a reason is required
  fireEvent.click(within(c).getByTestId("ack-open"));
  fireEvent.click(within(c).getByTestId("ack-confirm"));
  expect(within(c).getByText("请填写核对理由")).toBeInTheDocument();
  expect(model.savedSettings.get(SETTINGS_KEY)).toBeUndefined();
  fireEvent.change(within(c).getByTestId("ack-reason"), { target: { value: "超额系企业报名踊跃，偏差原因已说明" } });
  fireEvent.click(within(c).getByTestId("ack-confirm"));
  await waitFor(() => expect(within(screen.getAllByTestId("form-card")[3]).getByTestId("verdict")).toHaveTextContent("可以提交（已核对 1 个）"));
  const after = screen.getAllByTestId("form-card")[3];
  expect(within(after).getByTestId("acknowledged")).toHaveTextContent("已核对 1 个");
  expect(within(after).getByTestId("acknowledged-reason")).toHaveTextContent(/理由：超额系企业报名踊跃，偏差原因已说明（\d{4}-\d{2}-\d{2}）/);
  expect(within(after).queryAllByTestId("finding-item")).toHaveLength(0);

  // saved in the document, as Office saves it: the CLI reads that workbook
  const saved = model.savedSettings.get(SETTINGS_KEY) as { acknowledgements?: Array<{ reason: string }> };
  expect(saved.acknowledgements).toEqual([expect.objectContaining({ rule: "overachievement-unexplained", reason: "超额系企业报名踊跃，偏差原因已说明" })]);
  const json = await cliJson(await withSavedSettings(new Uint8Array(fs.readFileSync(fixturePath("official"))), saved));
  const f4 = json.files[0].forms.find((f) => f.sheet === "项目4")!;
  expect(f4.verdict).toMatchObject({ kind: "submit", text: "可以提交（已核对 1 个）", acknowledged: 1 });
  expect(f4.verdict.counts.warning).toBe(0);
  expect(f4.findings.filter((f) => f.severity === "warning")).toHaveLength(0);
  expect(f4.acknowledged).toEqual([expect.objectContaining({ rule: "overachievement-unexplained", cell: "I14", reason: "超额系企业报名踊跃，偏差原因已说明" })]);
  expect(json.files[0].verdict.acknowledged).toBe(1);
  // the other forms are as they were
  expect(json.files[0].forms.find((f) => f.sheet === "项目1")!.acknowledged).toBeUndefined();

  // undo: one click
  fireEvent.click(within(after).getByTestId("ack-remove"));
  await waitFor(() => expect(within(screen.getAllByTestId("form-card")[3]).getByTestId("verdict")).toHaveTextContent("可以提交，请核对 1 个警告"));
  expect(within(screen.getAllByTestId("form-card")[3]).queryByTestId("acknowledged")).toBeNull();
  expect(model.savedSettings.get(SETTINGS_KEY)).not.toHaveProperty("acknowledgements");
});

test("the settings dialog's save keeps the confirmations", async () => {
  const model = installFakeOffice(await loadFixture("official"));
  const host = officeWorkbookHost();
  const list = [{ fingerprint: "ack1-0123456789abcdef", rule: "unit-mismatch", reason: "已核对", date: "2026-12-01" }];
  await host.saveAcknowledgements(list);
  await host.saveSettings({ preset: "central", options: {}, highlight: ["error"] });
  expect(model.savedSettings.get(SETTINGS_KEY)).toMatchObject({ preset: "central", acknowledgements: list });
  expect(await host.acknowledgements()).toEqual(list);
});

test("host-neutral: over the in-memory port, the confirmation is saved with the file and checked by the next runtime; read-only refuses", async () => {
  const wb = MemoryWorkbook.fromSnapshot(await loadFixture("official"));
  const pane = workbookHost(memoryPort(wb));
  const first = await pane.check({ lang: "zh" });
  const warning = first.report.forms[3].findings.find((f) => f.severity === "warning")!;
  await pane.saveAcknowledgements(acknowledge(await pane.acknowledgements(), warning, "已核对", "2026-12-01"));
  // another runtime (the ribbon's) over the same saved document
  const ribbon = workbookHost(memoryPort(wb));
  const again = await ribbon.check({ lang: "zh" });
  expect(again.report.forms[3].verdict.text).toBe("可以提交（已核对 1 个）");
  expect(again.report.forms[3].acknowledged?.map((a) => a.reason)).toEqual(["已核对"]);
  const locked = workbookHost(memoryPort(wb, { readOnly: true }));
  await expect(locked.saveAcknowledgements([])).rejects.toBeInstanceOf(RefusedError);
});
