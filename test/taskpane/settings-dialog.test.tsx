/**
 * @jest-environment jsdom
 */
import "@testing-library/jest-dom";
import { configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeWorkbookHost } from "../../src/addin/host";
import { resolveOptions } from "../../src/core/options";
import { App } from "../../src/taskpane/components/App";
import { FakeWorkbook } from "../host/fake-office";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { loadFixture, onlySheets, withCells } from "../support/workbooks";

/**
 * 设置 saves what the person chose, and only that (issue 25); 保存 checks again at once; each card names the rules.
 * The Hubei row: 三个目标!F23, 70% achieved, 5.5 written of 10 — fine at Hubei's 80/50, a warning at 80/60.
 */
afterEach(uninstallFakeOffice);
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(60000);

const KEY = "selfeval.settings.v1";

/** the record as saved, less the time of the save (each save writes one: the newer of a workbook's Office and WPS settings wins) */
function withoutTime(record: unknown): unknown {
  if (!record || typeof record !== "object") return record;
  const { savedAt, ...rest } = record as { savedAt?: unknown };
  expect(savedAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
  return rest;
}

async function hubeiWorkbook(): Promise<FakeWorkbook> {
  return installFakeOffice(withCells(onlySheets(await loadFixture("family-d-hubei-2020"), "三个目标"), "三个目标", { E23: "70%", F23: 5.5 }));
}

function renderApp() {
  const host = officeWorkbookHost();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang="zh" autorun />
    </FluentProvider>,
  );
  return host;
}

/** the pane is idle with a result on screen (a state, never a time) */
async function settled() {
  await waitFor(() => expect(screen.queryAllByTestId("form-card").length).toBeGreaterThan(0));
  await waitFor(() => expect(screen.getByTestId("check")).not.toHaveAttribute("aria-disabled", "true"));
}

async function openSettings() {
  fireEvent.click(screen.getByRole("button", { name: /更多操作/ }));
  const item = await screen.findByRole("menuitem", { name: "设置" });
  fireEvent.click(item);
  return screen.findByRole("dialog", { name: /校验设置/, hidden: true });
}

async function save(dialog: HTMLElement) {
  fireEvent.click(within(dialog).getByRole("button", { name: "保存", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
}

const tierWarning = () => screen.queryAllByTestId("finding").filter((e) => e.getAttribute("data-rule") === "indicator-score" && e.getAttribute("data-cell") === "三个目标!F23").length;

describe("设置 saves what was chosen, and 保存 checks again", () => {
  test("80/60 chosen under 按表格模板自动选择 on a Hubei form: saved as the one choice, and the form is checked with 80/60 at once", async () => {
    const model = await hubeiWorkbook();
    renderApp();
    await settled();
    expect(tierWarning()).toBe(0); // the family's 80/50
    expect(screen.getByTestId("rules-in-force")).toHaveTextContent("规则：湖北（按模板）");
    const dialog = await openSettings();
    fireEvent.click(within(dialog).getByRole("radio", { name: "80% / 60%", hidden: true }));
    await save(dialog);
    // no second 一键校验: 保存 checked again with what was saved
    await waitFor(() => expect(tierWarning()).toBe(1));
    await settled();
    expect(screen.getByTestId("notice")).toHaveTextContent("设置已保存");
    expect(withoutTime(model.savedSettings.get(KEY))).toEqual({ version: 2, preset: "auto", options: { qualitativeTiers: { achieved: 0.8, partly: 0.6 } }, highlight: ["error", "warning"] });
  });

  test("a preset chosen: every card names it and the workbook as its source", async () => {
    await hubeiWorkbook();
    renderApp();
    await settled();
    const dialog = await openSettings();
    fireEvent.click(within(dialog).getByRole("radio", { name: /^中央默认/, hidden: true }));
    await save(dialog);
    await waitFor(() => expect(screen.getByTestId("rules-in-force")).toHaveTextContent("规则：中央默认（本工作簿设置）"));
    expect(tierWarning()).toBe(1);
  });

  test("a value changed is the only one saved; the tiers stay with the template", async () => {
    const model = await hubeiWorkbook();
    renderApp();
    await settled();
    const dialog = await openSettings();
    fireEvent.change(within(dialog).getByRole("spinbutton", { name: "超额完成须说明的阈值（%）", hidden: true }), { target: { value: "50" } });
    await save(dialog);
    await waitFor(() => expect(withoutTime(model.savedSettings.get(KEY))).toEqual({ version: 2, preset: "auto", options: { overachievementThreshold: 0.5 }, highlight: ["error", "warning"] }));
    await settled();
    expect(tierWarning()).toBe(0);
  });

  test("an old workbook's record of resolved values: checked as before, and re-saved with only what the person changed", async () => {
    const model = await hubeiWorkbook();
    const { lang: _l, defaultYear: _y, ...resolved } = resolveOptions({});
    const old = { preset: "auto", options: resolved, highlight: ["error", "warning"] };
    model.settings.set(KEY, old);
    model.savedSettings.set(KEY, old);
    renderApp();
    await settled();
    expect(tierWarning()).toBe(0); // as before: the resolved 80/60 was no choice then, the family's 80/50 applied
    let dialog = await openSettings();
    await save(dialog); // nothing changed: nothing written
    expect(model.savedSettings.get(KEY)).toEqual(old);
    dialog = await openSettings();
    fireEvent.click(within(dialog).getByRole("switch", { name: /四舍五入/, hidden: true }));
    await save(dialog);
    await waitFor(() => expect(withoutTime(model.savedSettings.get(KEY))).toEqual({ version: 2, preset: "auto", options: { acceptRounding: false }, highlight: ["error", "warning"] }));
    await settled();
    expect(tierWarning()).toBe(0);
  });
});

describe("设置 › 审核提示", () => {
  const hintCards = () => screen.queryAllByTestId("finding").filter((e) => e.getAttribute("data-rule") === "dimension-missing").length;
  test("lists the six hints with their switches; 关闭 saves {rules} only for the hint switched, and the check follows at once", async () => {
    const model = installFakeOffice(onlySheets(await loadFixture("family-a-county"), "稷山县（附件1）"));
    renderApp();
    await settled();
    expect(hintCards()).toBe(1); // the 2022 county copy without 成本指标
    const dialog = await openSettings();
    const section = within(dialog).getByTestId("review-hints");
    expect(within(section).getAllByRole("combobox", { hidden: true })).toHaveLength(6);
    expect(section).toHaveTextContent("指标值不可衡量");
    expect(section).toHaveTextContent("财预〔2021〕101号");
    fireEvent.change(within(section).getByTestId("hint-dimension-missing"), { target: { value: "off" } });
    await save(dialog);
    await waitFor(() => expect(withoutTime(model.savedSettings.get(KEY))).toEqual({ version: 2, preset: "auto", options: {}, highlight: ["error", "warning"], rules: { "dimension-missing": "off" } }));
    await settled();
    expect(hintCards()).toBe(0);
    // back to 默认: nothing about hints is stored
    const again = await openSettings();
    fireEvent.change(within(within(again).getByTestId("review-hints")).getByTestId("hint-dimension-missing"), { target: { value: "" } });
    await save(again);
    await waitFor(() => expect(withoutTime(model.savedSettings.get(KEY))).toEqual({ version: 2, preset: "auto", options: {}, highlight: ["error", "warning"] }));
    await settled();
    expect(hintCards()).toBe(1);
  });
});
