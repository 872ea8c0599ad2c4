import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ROOT } from "../support/workbooks";

/**
 * Our hand-written interface of WPS's object model (src/wps/et.ts) against Kingsoft's declarations, et-jsapi-declare
 * (an unmodified devDependency: its licence forbids modifying it): every member we name exists in the matching
 * declaration, and the declared types stay assignable to ours. Compiled apart from the project (its globals —
 * Application, wps — stay out of our code's type check).
 */
const DECLARE = path.join(ROOT, "node_modules/et-jsapi-declare/index.d.ts");
const ET = path.join(ROOT, "src/wps/et.ts").replace(/\.ts$/, "");
const OUT = path.join(ROOT, "test-output", "wps-declare");

/** [ours, theirs, also assignable] */
const PAIRS: Array<[string, string, boolean]> = [
  ["EtRange", "Et.Range", true],
  ["EtInterior", "Et.Interior", true],
  ["EtFont", "Et.Font", true],
  ["EtComment", "Et.Comment", true],
  ["EtHyperlinks", "Et.Hyperlinks", true],
  ["EtPageSetup", "Et.PageSetup", true],
  ["EtWorksheet", "Et.Worksheet", true],
  // Sheets.Item is declared to give a Worksheet or Sheets; we ask it for one sheet by index or name
  ["EtWorksheets", "Et.Sheets", false],
  ["EtWorkbook", "Et.Workbook", false],
  ["EtCustomXMLPart", "Kso.CustomXMLPart", true],
  ["EtCustomXMLParts", "Kso.CustomXMLParts", true],
  ["EtApiEvent", "WPS.EtApiEvent", false],
  ["EtTaskPane", "WPS.CustomTaskpane", true],
  ["EtPluginStorage", "WPS.PluginStorage", true],
  ["EtApplication", "WPSMergedRoot", false],
];

function diagnostics(body: string, name: string): string[] {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.ts`);
  const imports = `/// <reference path=${JSON.stringify(DECLARE)} />\nimport type * as Ours from ${JSON.stringify(ET)};\n`;
  fs.writeFileSync(file, imports + body);
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ["lib.es2020.d.ts", "lib.dom.d.ts"], moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 });
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const check = PAIRS.map(
  ([ours, theirs, assignable], i) =>
    `type Missing${i} = Exclude<keyof Ours.${ours}, keyof ${theirs}>;\nexport const names${i}: [Missing${i}] extends [never] ? true : Missing${i} = true;\n` +
    (assignable ? `export const assignable${i} = (x: ${theirs}): Ours.${ours} => x;\n` : ""),
).join("");

test("every member of src/wps/et.ts exists in et-jsapi-declare, and its types stay assignable to ours", () => {
  expect(fs.existsSync(DECLARE)).toBe(true);
  expect(diagnostics(check, "check")).toEqual([]);
});

test("the check fails on a member Kingsoft does not declare, and on a type that is not assignable", () => {
  const bogus = `type M = Exclude<keyof (Ours.EtRange & { Value3: number }), keyof Et.Range>;\nexport const n: [M] extends [never] ? true : M = true;\n`;
  expect(diagnostics(bogus, "bogus-name").length).toBeGreaterThan(0);
  const narrow = `export const a = (x: Et.Range): { readonly Row: string } => x;\n`;
  expect(diagnostics(narrow, "bogus-type").length).toBeGreaterThan(0);
});
