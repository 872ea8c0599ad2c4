import * as fs from "fs";
import { main } from "../../src/cli/main";
import { fixturePath } from "./workbooks";

/** What the CLI's `--json` says of a form, as the suites that check it through the CLI read it. */
export interface JsonFinding { rule: string; messageId: string; severity: string; cell: string; message: string; expected?: unknown; actual?: unknown }
export interface JsonForm {
  verdict: { kind: string };
  sheet: string;
  range: string;
  projectName: string;
  year: number;
  budget: { executionRate: number | null; score: number | null };
  totals: { weights: number; reportedScore: number | null; sumOfScores: number; recalculatedScore: number };
  grade: string | null;
  template: { id: string; name: string };
  preset: { id: string; name: string; source: string };
  unchecked: string[];
  findings: JsonFinding[];
}

/** The forms of one workbook (a fixture's name, or a path) through `selfeval check --json` in this process. */
export async function formsOf(name: string, ...args: string[]): Promise<JsonForm[]> {
  let out = "";
  await main(["check", fs.existsSync(name) ? name : fixturePath(name), "--json", ...args], { out: (s) => (out += s + "\n"), err: () => undefined, isTTY: false });
  return JSON.parse(out).files[0].forms;
}

/** Every finding as "severity cell rule". */
export const list = (f: JsonForm): string[] => f.findings.map((x) => `${x.severity} ${x.cell} ${x.rule}`);
/** The figures a family test asserts whole. */
export const figures = (f: JsonForm) => ({ template: f.template.id, budget: f.budget, totals: f.totals, grade: f.grade, unchecked: f.unchecked });

/**
 * What the family and province suites assert of each form: where it is (`at`, matched), its figures whole and, when
 * given, its findings as "severity cell rule" (in order).
 */
export function expectForm(f: JsonForm, at: Partial<JsonForm> | null, figs: ReturnType<typeof figures>, findings?: string[]): void {
  if (at) expect(f).toMatchObject(at);
  expect(figures(f)).toEqual(figs);
  if (findings) expect(list(f)).toEqual(findings);
}
