/**
 * @jest-environment jsdom
 */
import * as React from "react";
import "@testing-library/jest-dom";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
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
// waits are for a state, never for a time; on a busy machine reaching that state may take longer than the 1 s default
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(60000);

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

/** Clicks 一键校验 and waits until the pane shows its result (not for a time). */
async function checkNow() {
  await waitFor(() => expect(screen.getByTestId("check")).not.toHaveAttribute("aria-disabled", "true"));
  fireEvent.click(screen.getByTestId("check"));
  await waitFor(() => expect(screen.getByTestId("check")).not.toHaveTextContent(/正在校验|Checking/));
  await waitFor(() => expect(screen.getByTestId("check")).not.toHaveAttribute("aria-disabled", "true"));
}

/*
 * Dialogs: jsdom has no layout, and there tabster's modal layer leaves a dialog opened from a menu marked aria-hidden
 * (in Chromium it does not: the browser tests check the real accessibility tree, with axe). So the role queries
 * inside a dialog here pass `hidden: true`; they still wait (findByRole) for the dialog's content, never for a time.
 */

/** The actions live in the 更多操作 menu: open it, wait for the item by its role and name, click it. */
async function menu(name: string) {
  fireEvent.click(screen.getByRole("button", { name: /更多操作|More actions/ }));
  const item = await screen.findByRole("menuitem", { name });
  await waitFor(() => expect(item).not.toHaveAttribute("aria-disabled", "true"));
  fireEvent.click(item);
}

/** Settings › 本窗格 › the switch, then 保存: waits for the dialog's content and for it to close. */
async function toggleInSettings(name: string) {
  await menu("设置");
  const dialog = await screen.findByRole("dialog", { name: /校验设置/, hidden: true });
  fireEvent.click(await within(dialog).findByRole("switch", { name, hidden: true }));
  fireEvent.click(within(dialog).getByRole("button", { name: "保存", hidden: true }));
  await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
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
    expect(screen.getAllByTestId("finding").find((e) => e.getAttribute("data-rule") === "overachievement-unexplained")).toHaveTextContent("超出指标值 50%");
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
    await menu("清除标记");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已清除 5 处标记"));
    expect(model.state()).toEqual(before);
    fireEvent.click(screen.getByRole("button", { name: "更多操作" }));
    expect(await screen.findByRole("menuitem", { name: "清除标记" })).toHaveAttribute("aria-disabled", "true");
  });

  test("with highlighting off, the check changes nothing in the workbook", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    const before = structuredClone(model.state());
    renderApp();
    await toggleInSettings("标记有问题的单元格");
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
    await toggleInSettings("标记有问题的单元格");
    await checkNow();
    expect(screen.getAllByTestId("finding").some((e) => e.getAttribute("data-cell") === "项目1!H26")).toBe(true);
    // 实时校验 is the toolbar's switch now (issue 32)
    fireEvent.click(screen.getByRole("switch", { name: "实时校验" }));
    // wait until the pane listens to the sheet (the state), then edit
    await waitFor(() => expect(model.changeHandlers.length).toBeGreaterThan(0));
    await act(async () => {
      await model.userEdit("项目1", "H26", 91.5);
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
    await toggleInSettings("标记有问题的单元格");
    await checkNow();
    await menu("写回计算结果");
    // wait for the dialog's content (the checkbox), not for its test id: the content renders after the surface
    const preview = await screen.findByRole("dialog", { name: "写回计算结果：预览", hidden: true });
    const withRules = await within(preview).findByRole("checkbox", { name: "同时按规则改写指标得分", hidden: true });
    expect(within(preview).getAllByTestId("proposal").map((r) => r.getAttribute("data-cell"))).toEqual(["项目1!H26"]);
    expect(within(preview).getByTestId("proposal")).toHaveTextContent("90.5");
    expect(within(preview).getByTestId("proposal")).toHaveTextContent("91.5");
    fireEvent.click(withRules);
    expect(within(preview).getAllByTestId("proposal").map((r) => r.getAttribute("data-cell"))).toEqual(["项目1!H20", "项目1!H22", "项目1!H26"]);
    expect(within(preview).getAllByTestId("proposal")[2]).toHaveTextContent("95");
    fireEvent.click(screen.getByTestId("confirm-write"));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已写回 3 个单元格"));
    // focus went back to the menu button that opened the preview, not to the page's body
    await waitFor(() => expect(screen.getByRole("button", { name: "更多操作" })).toHaveFocus());
    expect(model.cell(model.sheet("项目1"), 25, 7).value).toBe(95);
    // the list was checked again: the total and the two scores are right now
    await waitFor(() => expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).not.toContain("total-score"));
    expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).not.toContain("indicator-score");
    await menu("撤销写回");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已撤销 3 个单元格的写回"));
    expect(model.state()).toEqual(before);
    await waitFor(() => expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).toContain("total-score"));
  });

  test("a protected sheet: a message, nothing written", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    model.sheet("项目1").protected = true;
    renderApp();
    await toggleInSettings("标记有问题的单元格");
    await checkNow();
    await menu("写回计算结果");
    const preview = await screen.findByRole("dialog", { name: "写回计算结果：预览", hidden: true });
    fireEvent.click(await within(preview).findByRole("button", { name: "写入 1 个单元格", hidden: true }));
    await waitFor(() => expect(screen.getByTestId("error")).toHaveTextContent("受保护"));
    expect(model.writesApplied).toBe(0);
  });

  test("settings are saved in the workbook and used by the next check", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    renderApp();
    await menu("设置");
    const dialog = await screen.findByRole("dialog", { name: /校验设置/, hidden: true });
    fireEvent.change(await within(dialog).findByRole("spinbutton", { name: "超额完成须说明的阈值（%）", hidden: true }), { target: { value: "200" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "保存", hidden: true }));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("设置已保存"));
    expect((model.savedSettings.get("selfeval.settings.v1") as { options: { overachievementThreshold: number } }).options.overachievementThreshold).toBe(2);
    await checkNow();
    expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-rule"))).not.toContain("overachievement-unexplained");
  });

  test("生成校验报告 adds the 校验报告 sheet", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    renderApp();
    await checkNow();
    await menu("生成校验报告");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已生成"));
    expect(model.sheets.map((s) => s.name)).toContain("校验报告");
  });
});

/** The official workbook with errors planted in form 1: I20's cause blanked, H16 scored above its weight. */
async function planted() {
  const wb = await loadFixture("official");
  const sheet = wb.sheets.find((x) => x.name === "项目1")!;
  sheet.values[19][8] = "";
  sheet.values[15][7] = 6;
  return wb;
}

describe("the pane a clerk understands in three seconds", () => {
  test("a verdict per form; errors first, the total and the missing cause at the top; no grade beside errors", async () => {
    installFakeOffice(await planted());
    renderApp();
    await checkNow();
    const cards = screen.getAllByTestId("form-card");
    expect(within(cards[0]).getByTestId("verdict")).toHaveTextContent("需修改：4 个错误，3 个警告");
    expect(within(cards[0]).queryByTestId("grade")).toBeNull();
    expect(within(cards[1]).getByTestId("verdict")).toHaveTextContent(/^可以提交/);
    expect(within(cards[1]).getByTestId("grade")).toHaveTextContent("等级 优");
    expect(screen.getByTestId("summary")).toHaveTextContent("共 4 张表，1 张需修改");
    const rules = within(cards[0]).getAllByTestId("finding").map((e) => e.getAttribute("data-rule"));
    expect(rules.slice(0, 2)).toEqual(["total-score", "missing-deviation-cause"]);
    // grouped like Excel's Error Checking: one heading per form and per severity group
    expect(within(cards[0]).getByRole("heading", { level: 2 })).toHaveTextContent("昌吉州工业和信息化局安全生产项目资金");
    expect(within(cards[0]).getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual(["错误（4）", "警告（3）", "提示（1）"]);
  });

  test("plain Chinese: rule names, not ids; no empty or internal detail lines; two decimals at most", async () => {
    const wb = await planted();
    installFakeOffice(wb);
    renderApp();
    await checkNow();
    const text = screen.getByRole("main").textContent!;
    for (const id of ["total-score", "missing-deviation-cause", "indicator-score", "funding-breakdown"]) expect(text).not.toContain(id);
    expect(text).toContain("总分 · 项目1!H26");
    expect(text).toContain("应为 92.5（各项得分之和），填写的是 90.5");
    expect(text).not.toMatch(/应为\s*—|实为|indicatorRows/);
    expect(text).not.toMatch(/\d\.\d{3,}/);
    // the missing cause has no "应为 … 填写的是" line: it would say nothing
    const cause = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-rule") === "missing-deviation-cause")!;
    expect(cause).not.toHaveTextContent("应为");
    // a finding's accessible name is its visible text
    expect(cause).not.toHaveAttribute("aria-label");
  });

  test("设置: each checkbox has its own label; the two switches live here; focus returns to the menu button", async () => {
    installFakeOffice(await loadFixture("official"));
    renderApp();
    await menu("设置");
    const dialog = await screen.findByRole("dialog", { name: /校验设置/, hidden: true });
    const boxes = await within(dialog).findAllByRole("checkbox", { hidden: true });
    expect(new Set(boxes.map((b) => b.id)).size).toBe(boxes.length);
    const info = within(dialog).getByRole("checkbox", { name: "提示", hidden: true });
    const errors = within(dialog).getByRole("checkbox", { name: "错误", hidden: true });
    expect(info).not.toBeChecked();
    expect(errors).toBeChecked();
    fireEvent.click(within(dialog).getByText("提示"));
    expect(info).toBeChecked();
    expect(errors).toBeChecked();
    expect(within(dialog).getByRole("switch", { name: "标记有问题的单元格", hidden: true })).toBeChecked();
    // 实时校验 is on the toolbar, not in the dialog
    expect(within(dialog).queryByRole("switch", { name: "实时校验", hidden: true })).toBeNull();
    fireEvent.click(within(dialog).getByRole("button", { name: "取消", hidden: true }));
    await waitFor(() => expect(screen.getByRole("button", { name: "更多操作" })).toHaveFocus());
  });

  test("一键校验 keeps the focus on its button", async () => {
    installFakeOffice(await loadFixture("official"));
    renderApp();
    screen.getByTestId("check").focus();
    await checkNow();
    expect(screen.getByTestId("check")).toHaveFocus();
  });
});

describe("acting from the pane", () => {
  test("F8 / Shift+F8 and the buttons step through the findings in the order listed; Excel's selection follows", async () => {
    const model = installFakeOffice(await planted());
    renderApp();
    await checkNow();
    const listed = screen.getAllByTestId("finding").map((e) => e.getAttribute("data-cell")!);
    fireEvent.keyDown(document.body, { key: "F8" });
    await waitFor(() => expect(`${model.selection?.sheet}!${model.selection?.address}`).toBe(listed[0]));
    expect(screen.getAllByTestId("finding")[0]).toHaveAttribute("aria-current", "true");
    expect(screen.getByTestId("position")).toHaveTextContent(`第 1 / ${listed.length} 个问题`);
    fireEvent.click(screen.getByRole("button", { name: "下一个问题" }));
    await waitFor(() => expect(`${model.selection?.sheet}!${model.selection?.address}`).toBe(listed[1]));
    fireEvent.keyDown(document.body, { key: "F8" });
    await waitFor(() => expect(`${model.selection?.sheet}!${model.selection?.address}`).toBe(listed[2]));
    fireEvent.keyDown(document.body, { key: "F8", shiftKey: true });
    await waitFor(() => expect(`${model.selection?.sheet}!${model.selection?.address}`).toBe(listed[1]));
    expect(screen.getAllByTestId("finding")[1]).toHaveAttribute("aria-current", "true");
    expect(screen.getAllByTestId("finding")[0]).not.toHaveAttribute("aria-current");
    fireEvent.click(screen.getByRole("button", { name: "上一个问题" }));
    fireEvent.click(screen.getByRole("button", { name: "上一个问题" }));
    await waitFor(() => expect(`${model.selection?.sheet}!${model.selection?.address}`).toBe(listed[listed.length - 1]));
  });

  test("改为 92.5 on the total: the same preview, exactly that cell written, 撤销写回 restores it", async () => {
    const wb = await planted();
    const model = installFakeOffice(wb);
    renderApp();
    await toggleInSettings("标记有问题的单元格");
    const before = structuredClone(model.state());
    await checkNow();
    const total = screen.getAllByTestId("fix").find((b) => b.getAttribute("data-cell") === "项目1!H26")!;
    expect(total).toHaveTextContent("改为 92.5");
    fireEvent.click(total);
    const dialog = await screen.findByRole("dialog", { name: "改正一个单元格：预览", hidden: true });
    const rows = await within(dialog).findAllByTestId("proposal");
    expect(rows.map((r) => r.getAttribute("data-cell"))).toEqual(["项目1!H26"]);
    fireEvent.click(within(dialog).getByRole("button", { name: "写入 1 个单元格", hidden: true }));
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已写回 1 个单元格"));
    expect(model.cell(model.sheet("项目1"), 25, 7).value).toBe(92.5);
    // exactly that cell: everything else as it was
    const after = model.state() as { sheets: Array<{ name: string; cells: Array<[number, { value: unknown }]> }> };
    const was = before as typeof after;
    const diff = after.sheets.flatMap((s, i) => s.cells.filter(([k, c]) => JSON.stringify(c) !== JSON.stringify(was.sheets[i].cells.find(([k2]) => k2 === k)?.[1])).map(([k]) => `${s.name}:${k}`));
    expect(diff).toHaveLength(1);
    await waitFor(() => expect(screen.getAllByTestId("finding").map((e) => e.getAttribute("data-cell"))).not.toContain("项目1!H26"));
    await menu("撤销写回");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已撤销 1 个单元格的写回"));
    expect(model.state()).toEqual(before);
  });

  test("a missing cause: what a good one says, with the indicator's own figures, never written into the cell", async () => {
    const model = installFakeOffice(await planted());
    renderApp();
    await checkNow();
    const item = screen.getAllByTestId("finding-item").find((li) => within(li).getByTestId("finding").getAttribute("data-rule") === "missing-deviation-cause")!;
    fireEvent.click(within(item).getByRole("button", { name: "怎么写" }));
    const hint = await within(item).findByTestId("cause-hint");
    expect(hint).toHaveTextContent("偏差情况");
    expect(hint).toHaveTextContent("偏差原因");
    expect(hint).toHaveTextContent("改进措施");
    const start = within(hint).getByTestId("cause-hint-text");
    // the rule's score beside the written one, as the indicator-score finding says it
    expect(start).toHaveTextContent("「项目资金支付及时率」年度指标值 100%，实际完成 50%，完成 50%，得分 3（按规则应为 2.5，分值 5）");
    expect(within(item).getByRole("button", { name: "怎么写" })).toHaveAttribute("aria-expanded", "true");
    expect(model.cell(model.sheet("项目1"), 19, 8).value).toBe("");
  });

  test("生成校验报告: the pane links to the new sheet", async () => {
    const model = installFakeOffice(await loadFixture("official"));
    renderApp();
    await checkNow();
    await menu("生成校验报告");
    await waitFor(() => expect(screen.getByTestId("notice")).toHaveTextContent("已生成"));
    fireEvent.click(screen.getByRole("button", { name: "打开“校验报告”工作表" }));
    await waitFor(() => expect(model.selection).toEqual({ sheet: "校验报告", address: "A1" }));
  });
});
