/**
 * @jest-environment jsdom
 */
import * as React from "react";
import "@testing-library/jest-dom";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeWorkbookHost } from "../../src/addin/host";
import { main } from "../../src/cli/main";
import { App } from "../../src/taskpane/components/App";
import { OutsideOffice } from "../../src/taskpane/components/OutsideOffice";
import { langOf } from "../../src/taskpane/i18n";
import { themeFor } from "../../src/taskpane/theme";
import { FakeWorkbook } from "../host/fake-office";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { fixturePath, loadFixture } from "../support/workbooks";

afterEach(uninstallFakeOffice);

function renderApp(props: Partial<React.ComponentProps<typeof App>> = {}) {
  const host = officeWorkbookHost();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang="zh" {...props} />
    </FluentProvider>,
  );
  return host;
}

async function cliJson(file: string) {
  let out = "";
  await main(["check", file, "--json"], { out: (s) => (out += s), err: () => undefined, isTTY: false });
  return JSON.parse(out).files[0];
}

async function checkNow() {
  fireEvent.click(screen.getByTestId("check"));
  await waitFor(() => expect(screen.getByTestId("check")).not.toBeDisabled());
}

describe("the task pane", () => {
  test("一键校验 on the seed workbook shows the same findings as the CLI's JSON", async () => {
    installFakeOffice(await loadFixture("official"));
    renderApp();
    await checkNow();
    const json = await cliJson(fixturePath("official"));
    const expected = json.forms.flatMap((f: { findings: Array<{ rule: string; sheet: string; cell: string }> }) => f.findings.map((x) => `${x.rule}@${x.sheet}!${x.cell}`));
    const shown = screen.getAllByTestId("finding").map((el) => `${el.getAttribute("data-rule")}@${el.getAttribute("data-cell")}`);
    expect(shown.sort()).toEqual(expected.sort());
    expect(shown).toHaveLength(6);
    // per form: name, figures, grade
    const cards = screen.getAllByTestId("form-card");
    expect(cards).toHaveLength(4);
    expect(within(cards[0]).getByText("昌吉州工业和信息化局安全生产项目资金")).toBeInTheDocument();
    expect(within(cards[0]).getByTestId("form-figures")).toHaveTextContent("75%");
    expect(within(cards[0]).getByTestId("form-figures")).toHaveTextContent("90.5 / 91.5");
    expect(within(cards[0]).getByTestId("form-figures")).toHaveTextContent("95");
    // a ratio is shown as a percentage
    expect(screen.getAllByTestId("finding").find((e) => e.getAttribute("data-rule") === "overachievement-unexplained")).toHaveTextContent("实为 50%");
    // counts by severity
    expect(screen.getByTestId("filter-error")).toHaveTextContent("1");
    expect(screen.getByTestId("filter-warning")).toHaveTextContent("4");
    expect(screen.getByTestId("filter-info")).toHaveTextContent("1");
  });

  test("the severity filter hides and shows groups", async () => {
    installFakeOffice(await loadFixture("official"));
    renderApp();
    await checkNow();
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).toEqual(["total-score", "indicator-score"]); // errors first, then info
    fireEvent.click(screen.getByTestId("filter-warning"));
    expect(screen.getAllByTestId("finding")).toHaveLength(6);
  });

  test("clicking a finding selects its cell in Excel; the finding is a keyboard-reachable button", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    renderApp();
    await checkNow();
    const item = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-cell") === "项目1!H26")!;
    expect(item.tagName).toBe("BUTTON");
    item.focus();
    expect(item).toHaveFocus();
    fireEvent.click(item);
    await waitFor(() => expect(model.selection).toEqual({ sheet: "项目1", address: "H26" }));
    expect(model.sheets[model.activeSheet].name).toBe("项目1");
  });

  test("highlights are added after a check; 清除标记 restores the original fills and notes", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    renderApp();
    await checkNow();
    expect(screen.getByTestId("notice")).toHaveTextContent("已标记 5 个单元格");
    expect(model.cell(model.sheet("项目1"), 25, 7).fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    fireEvent.click(screen.getByTestId("clear"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已清除 5 处标记"));
    expect(model.state()).toEqual(before);
    expect(screen.getByTestId("clear")).toBeDisabled();
  });

  test("with highlighting off, the check changes nothing in the workbook", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    renderApp();
    fireEvent.click(screen.getByRole("switch", { name: "标记有问题的单元格" }));
    await checkNow();
    expect(screen.getAllByTestId("finding")).toHaveLength(6);
    expect(model.state()).toEqual(before);
    expect(model.writesApplied).toBe(0);
  });

  test("a workbook with no form: a clear message, no error", async () => {
    installFakeOffice(await loadFixture("no-form"));
    renderApp();
    await checkNow();
    expect(screen.getByTestId("no-form")).toHaveTextContent("没有找到项目支出绩效自评表");
    expect(screen.queryByTestId("error")).toBeNull();
  });

  test("English when Office's display language is English", async () => {
    installFakeOffice(await loadFixture("official"), { displayLanguage: "en-US" });
    expect(langOf(Office.context.displayLanguage)).toBe("en");
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("fr-FR")).toBe("zh");
    renderApp({ lang: "en" });
    expect(screen.getByTestId("check")).toHaveTextContent("Check now");
    await checkNow();
    expect(screen.getByText("The total is written as 90.5, but the scores add up to 91.5.")).toBeInTheDocument();
  });

  test("autorun (the ribbon's 一键校验) checks as soon as the pane opens, with a progress indicator", async () => {
    installFakeOffice(await loadFixture("official"));
    renderApp({ autorun: true });
    expect(screen.getByTestId("progress")).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("form-card")).toHaveLength(4));
    await waitFor(() => expect(screen.queryByTestId("progress")).toBeNull());
  });

  test("a failed write shows an error and leaves the workbook as it was", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    model.failWrite = (op) => op === "note.add";
    renderApp();
    await checkNow();
    expect(screen.getByTestId("error")).toHaveTextContent("Injected failure");
    model.failWrite = null;
    expect(model.state()).toEqual(before);
  });

  test("live mode re-checks the edited sheet", async () => {
    const model: FakeWorkbook = installFakeOffice(await loadFixture("official"));
    renderApp({ debounceMs: 10 });
    fireEvent.click(screen.getByRole("switch", { name: "标记有问题的单元格" }));
    await checkNow();
    expect(screen.getAllByTestId("finding").some((e) => e.getAttribute("data-cell") === "项目1!H26")).toBe(true);
    fireEvent.click(screen.getByRole("switch", { name: "实时校验" }));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
      await model.userEdit("项目1", "H26", 91.5);
      await new Promise((r) => setTimeout(r, 50));
    });
    await waitFor(() => expect(screen.getAllByTestId("finding").some((e) => e.getAttribute("data-cell") === "项目1!H26")).toBe(false));
    expect(screen.getAllByTestId("form-card")).toHaveLength(4);
  });

  test("outside Office: a message in Chinese and English, not a blank page", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <OutsideOffice />
      </FluentProvider>,
    );
    expect(screen.getByTestId("outside-office")).toHaveTextContent("请在 Excel 中打开");
    expect(screen.getByTestId("outside-office")).toHaveTextContent("Open this in Excel");
  });

  test("the theme follows Office's: dark background → dark theme", () => {
    expect(themeFor({ bodyBackgroundColor: "#1F1F1F" }).colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1);
    expect(themeFor({ bodyBackgroundColor: "#FFFFFF" })).toBe(webLightTheme);
    expect(themeFor(null)).toBe(webLightTheme);
  });
});

describe("write back, settings and the report from the pane", () => {
  test("写回计算结果: a preview of old → new, confirm, then 撤销写回 restores the workbook", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    renderApp();
    fireEvent.click(screen.getByRole("switch", { name: "标记有问题的单元格" }));
    await checkNow();
    fireEvent.click(screen.getByTestId("write-back"));
    const preview = await screen.findByTestId("preview");
    expect(within(preview).getAllByTestId("proposal").map((r) => r.getAttribute("data-cell"))).toEqual(["项目1!H26"]);
    expect(within(preview).getByTestId("proposal")).toHaveTextContent("90.5");
    expect(within(preview).getByTestId("proposal")).toHaveTextContent("91.5");
    fireEvent.click(within(preview).getByRole("checkbox", { name: "同时按规则改写指标得分" }));
    expect(within(preview).getAllByTestId("proposal").map((r) => r.getAttribute("data-cell"))).toEqual(["项目1!H20", "项目1!H22", "项目1!H26"]);
    expect(within(preview).getAllByTestId("proposal")[2]).toHaveTextContent("95");
    fireEvent.click(screen.getByTestId("confirm-write"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已写回 3 个单元格"));
    expect(model.cell(model.sheet("项目1"), 25, 7).value).toBe(95);
    // the list was checked again: the total and the two scores are right now
    await waitFor(() => expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).not.toContain("total-score"));
    expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).not.toContain("indicator-score");
    fireEvent.click(screen.getByTestId("undo"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已撤销 3 个单元格的写回"));
    expect(model.state()).toEqual(before);
    await waitFor(() => expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).toContain("total-score"));
  });

  test("a protected sheet: a message, nothing written", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    model.sheet("项目1").protected = true;
    renderApp();
    fireEvent.click(screen.getByRole("switch", { name: "标记有问题的单元格" }));
    await checkNow();
    fireEvent.click(screen.getByTestId("write-back"));
    fireEvent.click(await screen.findByTestId("confirm-write"));
    await waitFor(() => expect(screen.getByTestId("error")).toHaveTextContent("受保护"));
    expect(model.writesApplied).toBe(0);
  });

  test("settings are saved in the workbook and used by the next check", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    renderApp();
    fireEvent.click(screen.getByTestId("open-settings"));
    const dialog = await screen.findByTestId("settings");
    fireEvent.change(within(dialog).getByTestId("threshold"), { target: { value: "200" } });
    fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("设置已保存"));
    expect((model.savedSettings.get("selfeval.settings.v1") as { options: { overachievementThreshold: number } }).options.overachievementThreshold).toBe(2);
    await checkNow();
    expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).not.toContain("overachievement-unexplained");
  });

  test("生成校验报告 adds the 校验报告 sheet", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    renderApp();
    await checkNow();
    fireEvent.click(screen.getByTestId("make-report"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已生成"));
    expect(model.sheets.map((s) => s.name)).toContain("校验报告");
  });
});
