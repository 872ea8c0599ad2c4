import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { WorkbookSnapshot } from "../../src/core/snapshot";

/**
 * For the mutation runs only (jest.mutate.config.js maps the tests' `src/xlsx/read` and `src/xlsx/fast-read` to the
 * modules beside this one): a fixture's snapshot, kept on disk after its first read. Stryker runs the rule suites once
 * per mutant; reading every fixture again would cost seconds per mutant, and the readers (src/xlsx, core/snapshot,
 * core/a1) are not mutated, so what they give is the same for every mutant. The key is the workbook's bytes and the
 * readers' own source, so a changed reader reads afresh.
 */
export const ROOT = path.resolve(__dirname, "../..");
const DIR = path.join(os.tmpdir(), "selfeval-mutate-fixtures");

function readerSource(): string {
  const files = fs.readdirSync(path.join(ROOT, "src/xlsx")).filter((f) => f.endsWith(".ts")).map((f) => `src/xlsx/${f}`);
  return [...files, "src/core/snapshot.ts", "src/core/a1.ts"].map((f) => `${f}\0${fs.readFileSync(path.join(ROOT, f), "utf8")}`).join("\0");
}
const READER = readerSource();

function where(kind: string, bytes: Uint8Array): string {
  return path.join(DIR, `${kind}-${crypto.createHash("sha1").update(READER).update(bytes).digest("hex")}.json`);
}

export function cached(kind: string, bytes: Uint8Array): WorkbookSnapshot | null {
  const at = where(kind, bytes);
  return fs.existsSync(at) ? (JSON.parse(fs.readFileSync(at, "utf8")) as WorkbookSnapshot) : null;
}

export function keep(kind: string, bytes: Uint8Array, snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const at = where(kind, bytes);
  fs.mkdirSync(DIR, { recursive: true });
  const tmp = `${at}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(snapshot));
  fs.renameSync(tmp, at);
  // hand back what a cached read gives, so the first run and the later ones see the same values
  return JSON.parse(fs.readFileSync(at, "utf8")) as WorkbookSnapshot;
}
