import { DEFAULT_SETTINGS, FOLLOW_TEMPLATE, WorkbookSettings, officeWorkbookHost, settingsOptions } from "../../src/addin/host";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { loadFixture } from "../support/workbooks";

/**
 * The pane checks with the same precedence as the CLI reading the same saved settings (RULES.md §5, issue 12):
 * a preset saved in the workbook wins over the form's family; with none chosen each form follows its family;
 * a family saved in the workbook is forced on every form.
 */
afterEach(() => uninstallFakeOffice());

async function presetsOf(saved: WorkbookSettings | null) {
  const model = installFakeOffice(await loadFixture("family-d-hubei-2020"));
  // saved in the document (the check refreshes the pane's copy from it first)
  if (saved) for (const bag of [model.settings, model.savedSettings]) bag.set("selfeval.settings.v1", saved);
  const host = officeWorkbookHost();
  // the host reads what the workbook carries itself (core/settings optionsFor), as the CLI does
  const { report } = await host.check({ lang: "zh" });
  return report.forms.map((f) => ({ template: f.template.id, preset: f.preset.id, source: f.preset.source }));
}

describe("settings → check options (pane)", () => {
  test("nothing saved: every Hubei form takes the Hubei preset from its family", async () => {
    expect(DEFAULT_SETTINGS.preset).toBe(FOLLOW_TEMPLATE);
    const forms = await presetsOf(null);
    // the fixture's two forms (两个目标, 三个目标): a loop over none would assert nothing
    expect(forms).toHaveLength(2);
    for (const f of forms) expect(f).toEqual({ template: "hubei-2020", preset: "hubei", source: "family" });
  });

  test("the central preset saved in the workbook wins over the family, and says so", async () => {
    const forms = await presetsOf({ preset: "central", options: {}, highlight: ["error"] });
    expect(forms).toHaveLength(2);
    for (const f of forms) expect(f).toEqual({ template: "hubei-2020", preset: "central", source: "workbook" });
  });

  test("“follow the template” saved in the workbook leaves the choice to the family", async () => {
    const forms = await presetsOf({ preset: FOLLOW_TEMPLATE, options: {}, highlight: ["error"] });
    expect(forms).toHaveLength(2);
    for (const f of forms) expect(f).toEqual({ template: "hubei-2020", preset: "hubei", source: "family" });
  });

  test("a family saved in the workbook is forced on every form", async () => {
    const forms = await presetsOf({ preset: FOLLOW_TEMPLATE, options: {}, highlight: ["error"], family: "central" });
    expect(forms).toHaveLength(2);
    for (const f of forms) expect(f.template).toBe("central");
  });

  test("settingsOptions: a preset that no longer exists falls back to the family; a family id that does not exist is ignored", () => {
    expect(settingsOptions({ preset: "gone", options: {}, highlight: [], family: "atlantis" }, "zh")).toEqual({ lang: "zh" });
    expect(settingsOptions({ preset: "hubei", options: { acceptRounding: false }, highlight: [] }, "en")).toMatchObject({
      preset: "hubei",
      presetSource: "workbook",
      acceptRounding: false,
      qualitativeTiers: { achieved: 0.8, partly: 0.5 },
      lang: "en",
    });
  });
});
