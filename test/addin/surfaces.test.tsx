/**
 * @jest-environment jsdom
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import "@testing-library/jest-dom";
import { cleanup, configure, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeWorkbookHost } from "../../src/addin/host";
import { checkFile } from "../../src/cli/check-file";
import * as engine from "../../src/core/engine";
import { familyById } from "../../src/core/families";
import { CheckOptions, resolveOptions } from "../../src/core/options";
import { rulesInForce } from "../../src/core/settings";
import { processBytes } from "../../src/web/pipeline";
import { App } from "../../src/taskpane/components/App";
import { installFakeOffice, uninstallFakeOffice } from "../support/office";
import { withSavedSettings } from "../support/saved-settings";
import { ROOT, loadFixture } from "../support/workbooks";

/**
 * Settings decided once (issue 25): for the same workbook — every fixture, with and without settings saved in it —
 * the CLI, the web page's pipeline, the pane's host (over the fake Office host) and the ribbon's 一键校验 (which opens
 * the pane and checks at once: App with autorun) check every form with the same options and name the same preset and
 * source. Each surface goes through its own entry point; the options each handed the engine are caught at runCheck
 * and resolved per form as the engine does (formOptions), so "equal" means equal for every form.
 */
configure({ asyncUtilTimeout: 15000 });
jest.setTimeout(120000);
afterEach(() => {
  cleanup();
  uninstallFakeOffice();
});

const FIXTURES = fs
  .readdirSync(path.join(ROOT, "test/fixtures"))
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => f.replace(/\.xlsx$/, ""));

/** What the pane's old dialog saved: every value resolved (resolveOptions minus the language and the year). */
function resolvedRecord(preset: string): unknown {
  const { lang: _l, defaultYear: _y, ...policy } = resolveOptions({});
  return { preset, options: policy, highlight: ["error", "warning"] };
}

const SAVED: Array<[string, unknown]> = [
  ["nothing saved", null],
  ["a preset saved", { version: 2, preset: "central", options: {}, highlight: ["error", "warning"] }],
  ["按模板 with 80/60 and a threshold chosen", { version: 2, preset: "auto", options: { qualitativeTiers: { achieved: 0.8, partly: 0.6 }, overachievementThreshold: 0.5 }, highlight: ["error"] }],
  ["a preset, a choice over it and a family forced", { version: 2, preset: "hubei", options: { acceptRounding: false }, highlight: ["error"], family: "central" }],
  ["an old record: resolved central defaults under 按模板", resolvedRecord("auto")],
  ["an old record: a preset with every value resolved", resolvedRecord("central")],
];

interface Seen {
  forms: Array<{ sheet: string; range: string; template: string; preset: engine.FormReport["preset"]; options: CheckOptions | null; findings: string[] }>;
  options: CheckOptions;
}

/** Runs `go` and returns what the engine was given (the first runCheck call) and the report it gave. */
async function caught(go: () => Promise<unknown>): Promise<{ partial: Partial<CheckOptions>; report: engine.WorkbookReport }> {
  const spy = jest.spyOn(engine, "runCheck");
  try {
    await go();
    expect(spy).toHaveBeenCalled();
    return { partial: spy.mock.calls[0][1] ?? {}, report: spy.mock.results[0].value.report };
  } finally {
    spy.mockRestore();
  }
}

function seen(partial: Partial<CheckOptions>, report: engine.WorkbookReport): Seen {
  return {
    options: resolveOptions(partial),
    forms: report.forms.map((f) => ({
      sheet: f.sheet,
      range: f.range,
      template: f.template.id,
      preset: f.preset,
      options: f.kind === "project" ? engine.formOptions(familyById(f.template.id)!, partial).options : null,
      findings: f.findings.map((x) => `${x.severity} ${x.rule}@${x.sheet}!${x.cell}`).sort(),
    })),
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-surfaces-"));
const files = new Map<string, Promise<{ file: string; bytes: Uint8Array }>>();
function fileWith(fixture: string, i: number): Promise<{ file: string; bytes: Uint8Array }> {
  const key = `${fixture}#${i}`;
  if (!files.has(key))
    files.set(
      key,
      (async () => {
        const original = new Uint8Array(fs.readFileSync(path.join(ROOT, "test/fixtures", `${fixture}.xlsx`)));
        const bytes = SAVED[i][1] === null ? original : await withSavedSettings(original, SAVED[i][1]);
        const file = path.join(dir, `${fixture}-${i}.xlsx`);
        fs.writeFileSync(file, bytes);
        return { file, bytes };
      })(),
    );
  return files.get(key)!;
}

const cliCache = new Map<string, Promise<Seen>>();
function cli(fixture: string, i: number): Promise<Seen> {
  const key = `${fixture}#${i}`;
  if (!cliCache.has(key))
    cliCache.set(
      key,
      (async () => {
        const { file } = await fileWith(fixture, i);
        const { partial, report } = await caught(() => checkFile(file, { lang: "zh" }, null));
        return seen(partial, report);
      })(),
    );
  return cliCache.get(key)!;
}

async function web(fixture: string, i: number): Promise<Seen> {
  const { bytes } = await fileWith(fixture, i);
  const { partial, report } = await caught(async () => {
    const outcome = processBytes(`${fixture}.xlsx`, bytes);
    expect(outcome.problem).toBeNull();
  });
  return seen(partial, report);
}

/** The workbook in the fake Office host, with the same record in its document settings as the file carries. */
async function fakeWorkbook(fixture: string, i: number) {
  const model = installFakeOffice(await loadFixture(fixture));
  if (SAVED[i][1] !== null) {
    model.settings.set("selfeval.settings.v1", structuredClone(SAVED[i][1]));
    model.savedSettings.set("selfeval.settings.v1", structuredClone(SAVED[i][1]));
  }
  return model;
}

async function pane(fixture: string, i: number): Promise<Seen> {
  await fakeWorkbook(fixture, i);
  const host = officeWorkbookHost();
  const { partial, report } = await caught(() => host.check({ lang: "zh" }));
  return seen(partial, report);
}

/** 一键校验 on the ribbon: the pane opens with autorun and checks at once. Returns also the rules each card names. */
async function ribbon(fixture: string, i: number): Promise<Seen & { cards: string[] }> {
  await fakeWorkbook(fixture, i);
  const host = officeWorkbookHost();
  const { partial, report } = await caught(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} lang="zh" autorun />
      </FluentProvider>,
    );
    await waitFor(() => expect(screen.queryAllByTestId("form-card").length + screen.queryAllByTestId("no-form").length).toBeGreaterThan(0));
    await waitFor(() => expect(screen.getByTestId("check")).not.toHaveAttribute("aria-disabled", "true"));
  });
  const cards = screen.queryAllByTestId("rules-in-force").map((e) => e.textContent ?? "");
  return { ...seen(partial, report), cards };
}

test("there is every fixture to compare, each with every kind of saved settings", () => {
  expect(FIXTURES.length).toBeGreaterThanOrEqual(10);
  expect(FIXTURES).toContain("family-d-hubei-2020");
});

const CASES = FIXTURES.flatMap((fixture) => SAVED.map((s, i) => [fixture, i, s[0]] as const));

describe("web pipeline = CLI", () => {
  test.each(CASES)("%s, %i: %s", async (fixture, i) => {
    const [w, c] = [await web(fixture, i), await cli(fixture, i)];
    expect(w.forms.map((f) => f.preset)).toEqual(c.forms.map((f) => f.preset));
    expect(w).toEqual(c);
  });
});

describe("pane host = CLI", () => {
  test.each(CASES)("%s, %i: %s", async (fixture, i) => {
    const [p, c] = [await pane(fixture, i), await cli(fixture, i)];
    expect(p.forms.map((f) => f.preset)).toEqual(c.forms.map((f) => f.preset));
    expect(p).toEqual(c);
  });
});

describe("ribbon (一键校验: the pane checks on opening) = CLI, and each card names the rules in force", () => {
  test.each(CASES)("%s, %i: %s", async (fixture, i) => {
    const [{ cards, ...r }, c] = [await ribbon(fixture, i), await cli(fixture, i)];
    expect(r.forms.map((f) => f.preset)).toEqual(c.forms.map((f) => f.preset));
    expect(r).toEqual(c);
    expect(cards).toEqual(c.forms.filter((f) => f.options).map((f) => rulesInForce(f.preset, "zh")));
  });
});
