import { spawnSync } from "child_process";
import * as fs from "fs";

/**
 * A suite that needs a program from outside npm (Chromium, xmllint) runs when the program is there. Without it the
 * suite is skipped with one line saying what to install — except under CI (CI=true), where a missing tool fails the run.
 */
export interface Tool {
  /** what the line calls it */
  name: string;
  /** true when the program can run here */
  present: () => boolean;
  /** the Debian package that brings it */
  aptPackage: string;
}

export const XMLLINT: Tool = {
  name: "xmllint",
  present: () => !spawnSync("xmllint", ["--version"]).error,
  aptPackage: "libxml2-utils",
};

export const CHROMIUM_TOOL = (path: string): Tool => ({
  name: "chromium",
  present: () => fs.existsSync(path),
  aptPackage: "chromium fonts-noto-cjk",
});

/** The line printed for a missing tool; null when it is there. */
export function missingToolLine(tool: Tool): string | null {
  if (tool.present()) return null;
  return `skipped: install ${tool.name} — apt-get install ${tool.aptPackage}`;
}

/** `describe` when the tool is there; `describe.skip` with one printed line when it is not; throws under CI. */
export function describeWithTool(tool: Tool): jest.Describe {
  const line = missingToolLine(tool);
  if (line === null) return describe;
  if (process.env.CI) throw new Error(`${tool.name} is missing and CI=true: apt-get install ${tool.aptPackage} (.ci/run installs it)`);
  process.stdout.write(`${line}\n`);
  return describe.skip;
}
