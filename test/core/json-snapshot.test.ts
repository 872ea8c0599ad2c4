import * as fs from "fs";
import * as path from "path";
import { runCheck } from "../../src/core/engine";
import { defaultTicks, finalizeSelection, proposeWrites } from "../../src/core/writeback";
import { readXlsxSnapshotSync } from "../../src/xlsx/fast-read";
import { ROOT } from "../support/workbooks";

/**
 * The engine's whole output — the report as `--json` prints it (forms, findings in their order, verdicts, fixes), the
 * write-back proposals and the default selection — for every fixture, every writer-corpus workbook and the sample, in
 * Chinese and English, held to committed files in test/snapshots/. A refactoring of the engine (rules owning their
 * meta, families in folders, the reader split) must leave them byte-identical; a change of behaviour updates them on
 * purpose: `SELFEVAL_UPDATE_SNAPSHOTS=1 npx jest test/core/json-snapshot.test.ts`, and the diff is reviewed.
 */
const SOURCES = ["test/fixtures", "test/writers", "samples"].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => ({ file: path.join(dir, f), snapshot: `${dir.replace(/^test\//, "").replace(/\//g, "-")}-${f.replace(/\.xlsx$/, "")}` })),
);
const SNAPSHOTS = path.join(ROOT, "test/snapshots");
const UPDATE = process.env.SELFEVAL_UPDATE_SNAPSHOTS === "1";

function output(file: string, lang: "zh" | "en"): string {
  const wb = readXlsxSnapshotSync(new Uint8Array(fs.readFileSync(path.join(ROOT, file))));
  const { report, analyses } = runCheck(wb, { lang });
  const proposals = proposeWrites(analyses, lang);
  const selected = finalizeSelection(proposals, defaultTicks(proposals, false)).map((p) => `${p.sheet}!${p.address}=${String(p.new)}`);
  return `${JSON.stringify({ report, proposals, selected }, null, 1)}\n`;
}

function firstDifference(got: string, want: string): string {
  if (got === want) return "identical";
  const a = got.split("\n");
  const b = want.split("\n");
  const i = a.findIndex((line, k) => line !== b[k]);
  const k = i < 0 ? a.length : i;
  return `line ${k + 1}: got ${JSON.stringify(a[k])}, snapshot ${JSON.stringify(b[k])}`;
}

describe("the engine's output is held to committed snapshots (zh and en)", () => {
  test("there is something to hold", () => {
    expect(SOURCES.length).toBeGreaterThan(25);
  });
  test.each(SOURCES.flatMap((s) => (["zh", "en"] as const).map((lang) => [s.snapshot, lang, s.file] as const)))("%s (%s)", (snapshot, lang, file) => {
    const got = output(file, lang);
    const at = path.join(SNAPSHOTS, `${snapshot}.${lang}.json`);
    if (UPDATE) fs.writeFileSync(at, got);
    expect(fs.existsSync(at)).toBe(true);
    // compared as text: byte-identical, not merely equal as objects; a difference is shown at its first line
    expect(firstDifference(got, fs.readFileSync(at, "utf8"))).toBe("identical");
  });
});
