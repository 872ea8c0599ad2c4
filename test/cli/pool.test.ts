import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { PoolOutcome, WORKER_MIN_BYTES, defaultJobs, defaultMaxMemoryMb, jsonElement, runPool } from "../../src/cli/pool";
import { FileTask } from "../../src/cli/process";
import { sniffInputSync } from "../../src/cli/errors";
import { ZipReader } from "../../src/xlsx/zip";
import { fixturePath } from "../support/workbooks";
import { untimed } from "../support/untimed";

// every file is checked in a child process running the compiled worker (build/cli/worker.js): npm test builds it
// first; alone, run npm run build:cli

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

const NAMES = ["official", "stacked", "shifted", "provincial", "no-form", "truncated", "department"];

/** A folder of fixtures under varied names (sizes differ, so lanes finish out of order), with unreadable files among them. */
function folder(copies = 2): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-pool-"));
  let k = 0;
  for (let c = 0; c < copies; c++)
    for (const n of NAMES) fs.copyFileSync(fixturePath(n), path.join(dir, `${String(k++).padStart(2, "0")}-${n}.xlsx`));
  fs.writeFileSync(path.join(dir, `${String(k++).padStart(2, "0")}-broken.xlsx`), "PK\u0003\u0004 truncated");
  fs.writeFileSync(path.join(dir, `${String(k++).padStart(2, "0")}-text.xlsx`), "项目名称,全年预算数\n");
  return dir;
}

/** Every part of an .xlsx, with the check time (the report sheet's local time, the package properties' ISO one) masked. */
function parts(file: string): Record<string, string> {
  const zip = new ZipReader(fs.readFileSync(file));
  const out: Record<string, string> = {};
  for (const name of [...zip.entries.keys()].sort()) out[name] = untimed(zip.text(name) ?? "");
  return out;
}

describe("--jobs 2 gives exactly what --jobs 1 gives", () => {
  const dir = folder();
  test("--json: the same bytes, in input order", async () => {
    const one = await run("check", dir, "--json", "--jobs", "1");
    const two = await run("check", dir, "--json", "--jobs", "2");
    const three = await run("check", dir, "--json", "--jobs", "3");
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.out).toBe(one.out);
    expect(three.out).toBe(one.out);
    const files = JSON.parse(one.out).files.map((f: { file: string }) => path.basename(f.file));
    expect(files).toEqual(fs.readdirSync(dir).sort());
    // the streamed --json is what JSON.stringify of the whole would print
    expect(one.out).toBe(JSON.stringify(JSON.parse(one.out), null, 2) + "\n");
    expect(two.err).toBe(one.err); // progress and the unreadable files' lines, in order
  });
  test("text, in both languages: the same bytes", async () => {
    for (const lang of ["zh", "en"]) {
      const one = await run("check", dir, "--lang", lang, "--jobs", "1");
      const two = await run("check", dir, "--lang", lang, "--jobs", "2");
      expect(one.out.length).toBeGreaterThan(1000);
      expect(two.out).toBe(one.out);
      expect(two.code).toBe(one.code);
    }
  });
  test("--out: the same report and the same annotated copies", async () => {
    const out1 = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-pool-out1-"));
    const out2 = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-pool-out2-"));
    const small = folder(1); // exceljs writes each copy: a few files are enough
    const one = await run("check", small, "--out", out1, "--jobs", "1");
    const two = await run("check", small, "--out", out2, "--jobs", "2");
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(one.code);
    const written = fs.readdirSync(out1).sort();
    expect(written.length).toBe(NAMES.length);
    expect(fs.readdirSync(out2).sort()).toEqual(written);
    for (const f of written) expect(parts(path.join(out2, f))).toEqual(parts(path.join(out1, f)));
  }, 120_000);
});

describe("runPool", () => {
  const task: FileTask = { command: "check", out: null, force: false, lang: "en", indicatorScores: false, json: true, config: null };
  const dir = folder(3);
  const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  async function collect(t: FileTask, jobs: number, tuning: Parameters<typeof runPool>[4] = {}): Promise<{ order: number[]; outcomes: PoolOutcome[] }> {
    const order: number[] = [];
    const outcomes: PoolOutcome[] = [];
    await runPool(files, t, jobs, (i, o) => {
      order.push(i);
      outcomes.push(o);
    }, tuning);
    return { order, outcomes };
  }
  const comparable = (o: PoolOutcome) => ({ element: o.jsonElement ?? (o.json === null ? null : jsonElement(o.json)), text: o.text, errors: o.errors, unreadable: o.unreadable });

  test("each file once, emitted in input order, every one checked in a child (its JSON serialized there)", async () => {
    const { order, outcomes } = await collect(task, 2, { depth: 2, window: 5 });
    expect(order).toEqual(files.map((_, i) => i));
    expect(outcomes.every((o) => o.jsonElement !== undefined)).toBe(true);
    expect(outcomes.filter((o) => o.unreadable).length).toBe(2);
  });
  test.each([
    ["--json", { json: true }],
    ["text", { json: false }],
  ])("several children (%s): the same outcomes as one, in order", async (_, over) => {
    const t = { ...task, ...over };
    const single = await collect(t, 1);
    for (const [jobs, depth] of [[2, 1], [3, 3]]) {
      const pooled = await collect(t, jobs, { depth, window: jobs * depth + 1 });
      expect(pooled.order).toEqual(files.map((_, i) => i));
      expect(pooled.outcomes.map(comparable)).toEqual(single.outcomes.map(comparable));
    }
  });
  test("several children (--out): the same annotated copies as one", async () => {
    const few = files.filter((f) => /^0\d-(official|provincial)|broken/.test(path.basename(f))); // the first copies
    const outs = [fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-pool-w1-")), fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-pool-w2-"))];
    const texts: string[][] = [[], []];
    await runPool(few, { ...task, json: false, out: outs[0] }, 1, (_, o) => texts[0].push(String(o.text)));
    await runPool(few, { ...task, json: false, out: outs[1] }, 2, (_, o) => texts[1].push(String(o.text)));
    expect(texts[1]).toEqual(texts[0]);
    const written = fs.readdirSync(outs[0]).sort();
    expect(written.length).toBe(few.length - 1); // all but the broken file
    expect(fs.readdirSync(outs[1]).sort()).toEqual(written);
    for (const f of written) expect(parts(path.join(outs[1], f))).toEqual(parts(path.join(outs[0], f)));
  }, 120_000);
  test("a child holding many files gives back the ones it has not started to an idle one: still each once, in order", async () => {
    const t = { ...task, json: false };
    const single = await collect(t, 1);
    const pooled = await collect(t, 2, { depth: 50, window: 100 });
    expect(pooled.order).toEqual(files.map((_, i) => i));
    expect(pooled.outcomes.map(comparable)).toEqual(single.outcomes.map(comparable));
  });
  test("jsonElement indents as JSON.stringify({ files }, null, 2) does", () => {
    const a = { file: "a\nb", forms: [{ x: [1, { y: "多行\n" }] }], findings: [] };
    const b = { file: "c", forms: [], findings: [{ rule: "r" }] };
    expect(`{\n  "files": [\n${jsonElement(a)},\n${jsonElement(b)}\n  ]\n}`).toBe(JSON.stringify({ files: [a, b] }, null, 2));
  });
});

describe("how many processes by default", () => {
  test("one for a single file or a few small ones; one per core (up to 8, at most one per file) for enough work", () => {
    const plenty = 64 * 1024; // MB available: memory no limit here
    expect(defaultJobs(1, 50 * 1024 * 1024, 4, 2048, plenty)).toBe(1);
    expect(defaultJobs(3, 3 * 40 * 1024, 4, 2048, plenty)).toBe(1);
    expect(defaultJobs(200, WORKER_MIN_BYTES - 1, 4, 2048, plenty)).toBe(1);
    expect(defaultJobs(200, 200 * 120 * 1024, 2, 2048, plenty)).toBe(2);
    expect(defaultJobs(200, 200 * 120 * 1024, 32, 2048, plenty)).toBe(8);
    expect(defaultJobs(3, 3 * 20 * 1024 * 1024, 16, 2048, plenty)).toBe(3);
  });
  test("no more than the memory available holds with every process at its --max-memory; at least one", () => {
    expect(defaultJobs(200, 200 * 120 * 1024, 8, 2048, 6000)).toBe(2);
    expect(defaultJobs(200, 200 * 120 * 1024, 8, 1024, 6000)).toBe(5);
    expect(defaultJobs(200, 200 * 120 * 1024, 8, 2048, 1000)).toBe(1);
    expect(defaultMaxMemoryMb(24 * 1024)).toBe(2048);
    expect(defaultMaxMemoryMb(4 * 1024)).toBe(1024);
    expect(defaultMaxMemoryMb(1024)).toBe(512);
  });
  test("a folder of a few small workbooks is checked by one process, with the same output as by two", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-pool-few-"));
    for (const n of ["official", "stacked", "shifted"]) fs.copyFileSync(fixturePath(n), path.join(dir, `${n}.xlsx`));
    const auto = await run("check", dir, "--json");
    expect(auto.out).toBe((await run("check", dir, "--json", "--jobs", "2")).out);
  });
});

describe("sniffInputSync", () => {
  test("a folder, a missing file, a CSV and a non-zip each give their one line", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-sniff-"));
    expect(() => sniffInputSync(dir)).toThrow("not a regular file: it is a folder");
    expect(() => sniffInputSync(path.join(dir, "nope.xlsx"))).toThrow("does not exist");
    fs.writeFileSync(path.join(dir, "a.csv"), "a,b\n");
    expect(() => sniffInputSync(path.join(dir, "a.csv"))).toThrow("CSV");
    fs.writeFileSync(path.join(dir, "b.xlsx"), "hello");
    expect(() => sniffInputSync(path.join(dir, "b.xlsx"))).toThrow("not a zip");
    expect(sniffInputSync(fixturePath("official")).readUInt32BE(0)).toBe(0x504b0304);
  });
});
