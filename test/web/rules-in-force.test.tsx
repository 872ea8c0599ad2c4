/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import { render, screen } from "@testing-library/react";
import { FormView } from "../../src/web/FormView";
import { processBytes } from "../../src/web/pipeline";
import { withSavedSettings } from "../support/saved-settings";
import { fixturePath } from "../support/workbooks";

/** The web page's details of each form name the rules in force, as the pane's card and the report sheet (issue 25). */
async function formsOf(saved: unknown) {
  const original = new Uint8Array(fs.readFileSync(fixturePath("family-d-hubei-2020")));
  const bytes = saved === null ? original : await withSavedSettings(original, saved);
  return processBytes("湖北.xlsx", bytes).reports!;
}

describe("the web page names the rules each form was checked with", () => {
  test("nothing saved: 规则：湖北（按模板）; in English, Rules: Hubei (from the template)", async () => {
    const reports = await formsOf(null);
    const { unmount } = render(<>{reports.zh.forms.map((f, i) => <FormView key={i} form={f} lang="zh" />)}</>);
    expect(screen.getAllByTestId("rules-in-force").map((e) => e.textContent)).toEqual(["规则：湖北（按模板）", "规则：湖北（按模板）"]);
    unmount();
    render(<>{reports.en.forms.map((f, i) => <FormView key={i} form={f} lang="en" />)}</>);
    expect(screen.getAllByTestId("rules-in-force").map((e) => e.textContent)).toEqual(["Rules: Hubei (from the template)", "Rules: Hubei (from the template)"]);
  });
  test("a preset saved in the workbook: 规则：中央默认（本工作簿设置）", async () => {
    const reports = await formsOf({ version: 2, preset: "central", options: {}, highlight: ["error"] });
    render(<>{reports.zh.forms.map((f, i) => <FormView key={i} form={f} lang="zh" />)}</>);
    expect(screen.getAllByTestId("rules-in-force").map((e) => e.textContent)).toEqual(["规则：中央默认（本工作簿设置）", "规则：中央默认（本工作簿设置）"]);
  });
});
