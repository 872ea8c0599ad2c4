import { spawnSync } from "child_process";
import * as fs from "fs";

/**
 * Programs from outside npm that some tests and benchmark sections need (Chromium, xmllint), and the one line said
 * when one is missing. No jest here: the benchmark (bench/sections/*.js, through build-bench/) uses it too.
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
