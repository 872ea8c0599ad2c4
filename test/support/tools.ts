import { Tool, missingToolLine } from "./tool-check";

export { CHROMIUM_TOOL, XMLLINT, missingToolLine } from "./tool-check";
export type { Tool } from "./tool-check";

/**
 * A suite that needs a program from outside npm (Chromium, xmllint) runs when the program is there. Without it the
 * suite is skipped with one line saying what to install — except under CI (CI=true), where a missing tool fails the run.
 */
export function describeWithTool(tool: Tool): jest.Describe {
  const line = missingToolLine(tool);
  if (line === null) return describe;
  if (process.env.CI) throw new Error(`${tool.name} is missing and CI=true: apt-get install ${tool.aptPackage} (.ci/run installs it)`);
  process.stdout.write(`${line}\n`);
  return describe.skip;
}
