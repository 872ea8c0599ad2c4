import * as child from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { ZipReader } from "../../src/xlsx/zip";
import { fixturePath } from "../support/workbooks";

// One file never costs the batch (issue 27): each file is checked in a child process under a memory and a time bound.
// The children run the compiled worker (build/cli/worker.js): run npm run build:cli first (npm test does).
// The bounds here are ones only a runaway or a hang reaches (1.5 GB of heap, 60 s); the memory bound is asserted by
// its message, never by timing.

const { entityBomb } = require("../../scripts/make-hostile") as { entityBomb: (source: string, target: string) => Promise<string> };

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

/** The same run with SELFEVAL_TEST_RUNAWAY set for the children it forks (the worker's test-only hook). */
async function runWithRunaway(spec: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  process.env.SELFEVAL_TEST_RUNAWAY = spec;
  try {
    return await run(...argv);
  } finally {
    delete process.env.SELFEVAL_TEST_RUNAWAY;
  }
}

type JsonFile = { file: string; error?: string; verdict: { kind: string; text: string }; forms: unknown[]; findings: Array<{ rule: string; message: string }> };

const tmp = (tag: string) => fs.mkdtempSync(path.join(os.tmpdir(), `selfeval-bounds-${tag}-`));
const GOOD = ["official", "stacked", "provincial", "department"];

/** A folder of good workbooks, named so that the hostile one falls among them. */
function goodFolder(tag: string): string {
  const dir = tmp(tag);
  GOOD.forEach((n, k) => fs.copyFileSync(fixturePath(n), path.join(dir, `${k * 2}-${n}.xlsx`)));
  return dir;
}

/** Each good file's --json element checked alone (its own run): what the file must get in the batch too. */
async function alone(dir: string, lang = "zh"): Promise<Map<string, JsonFile>> {
  const m = new Map<string, JsonFile>();
  for (const f of fs.readdirSync(dir).filter((f) => GOOD.some((n) => f.endsWith(`-${n}.xlsx`)))) {
    const r = await run("check", path.join(dir, f), "--json", "--lang", lang);
    m.set(path.join(dir, f), JSON.parse(r.out).files[0]);
  }
  return m;
}

function expectGoodFilesIntact(json: { files: JsonFile[] }, expected: Map<string, JsonFile>): void {
  expect(expected.size).toBe(GOOD.length);
  for (const [file, element] of expected) {
    const got = json.files.find((f) => f.file === file);
    expect(got).toEqual(element);
    expect(got!.error).toBeUndefined();
  }
}

describe("a file that exhausts memory, among good files", () => {
  test("the entity-expansion workbook: the good files all there and as when checked alone, the bad one reported, exit 2, one valid JSON document", async () => {
    const dir = goodFolder("bomb");
    await entityBomb(fixturePath("official"), path.join(dir, "3-bomb.xlsx"));
    const expected = await alone(dir);
    const r = await run("check", dir, "--json", "--max-memory", "1536", "--jobs", "2");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: JsonFile[] };
    expect(r.out).toBe(JSON.stringify(json, null, 2) + "\n");
    expect(json.files.map((f) => path.basename(f.file))).toEqual(fs.readdirSync(dir).sort());
    expectGoodFilesIntact(json, expected);
    const bad = json.files.find((f) => f.file.endsWith("3-bomb.xlsx"))!;
    // reported unreadable, naming the file: over the memory bound while our reader expands every reference (or
    // refused by the reader itself, once it bounds the expansion)
    expect(bad.error).toBeTruthy();
    expect(bad.forms).toEqual([]);
    expect(bad.findings.map((f) => f.rule)).toEqual(["unreadable-file"]);
    expect(r.err).toContain(`selfeval: ${path.join(dir, "3-bomb.xlsx")}: ${bad.error}`);
  }, 180_000);

  test("a runaway heap (the worker's test hook) is stopped at --max-memory and said so, in both languages; the others are checked", async () => {
    const dir = goodFolder("heap");
    fs.copyFileSync(fixturePath("shifted"), path.join(dir, "3-runaway.xlsx"));
    for (const lang of ["zh", "en"]) {
      const expected = await alone(dir, lang);
      const r = await runWithRunaway("memory:3-runaway.xlsx", "check", dir, "--json", "--max-memory", "1536", "--lang", lang);
      expect(r.code).toBe(2);
      const json = JSON.parse(r.out) as { files: JsonFile[] };
      expectGoodFilesIntact(json, expected);
      const bad = json.files.find((f) => f.file.endsWith("3-runaway.xlsx"))!;
      const message = lang === "zh" ? "无法读取：超过时间/内存上限（超过 1536 MB，--max-memory）" : "cannot be read: over the time/memory bound (more than 1536 MB, --max-memory)";
      expect(bad.error).toContain(message);
      expect(bad.findings[0].message).toBe(bad.error);
      // the verdict of an unreadable file, its text the message (said once)
      expect(bad.verdict).toEqual({ kind: "unreadable", text: expect.any(String), forms: { fix: 0, unfilled: 0, "not-checked": 0, submit: 0 }, counts: { error: 0, warning: 0, info: 0 } });
      expect(bad.verdict.text).toBe(lang === "zh" ? bad.error : `C${bad.error!.slice(1)}`);
      expect(r.err).toContain(`selfeval: ${path.join(dir, "3-runaway.xlsx")}: ${message}`);
    }
  }, 180_000);

  (process.platform === "linux" ? test : test.skip)("memory outside the heap (buffers) is stopped too, at --max-memory plus what the input needs outside the heap (Linux)", async () => {
    const dir = goodFolder("outside");
    fs.copyFileSync(fixturePath("shifted"), path.join(dir, "3-buffers.xlsx"));
    const expected = await alone(dir);
    const r = await runWithRunaway("outside:3-buffers.xlsx", "check", dir, "--json", "--max-memory", "1536");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: JsonFile[] };
    expectGoodFilesIntact(json, expected);
    expect(json.files.find((f) => f.file.endsWith("3-buffers.xlsx"))!.error).toContain("无法读取：超过时间/内存上限（超过 1536 MB，--max-memory）");
  }, 180_000);

  test("the text report: the good files' reports all printed, the runaway named on stderr", async () => {
    const dir = goodFolder("text");
    fs.copyFileSync(fixturePath("shifted"), path.join(dir, "3-runaway.xlsx"));
    const good = await run("check", ...fs.readdirSync(dir).filter((f) => !f.includes("runaway")).sort().map((f) => path.join(dir, f)));
    const r = await runWithRunaway("memory:3-runaway.xlsx", "check", dir, "--max-memory", "1536");
    expect(r.code).toBe(2);
    expect(r.out).toBe(good.out);
    expect(r.err).toContain(`selfeval: ${path.join(dir, "3-runaway.xlsx")}: 无法读取：超过时间/内存上限`);
  }, 180_000);
});

describe("a child that crashes on a file for another reason", () => {
  test("the file gets an internal-error line naming it, the files queued behind it are checked by a fresh child, in order", async () => {
    const dir = goodFolder("abort");
    fs.copyFileSync(fixturePath("shifted"), path.join(dir, "1-crash.xlsx"));
    const expected = await alone(dir);
    const r = await runWithRunaway("crash:1-crash.xlsx", "check", dir, "--json", "--jobs", "1");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: JsonFile[] };
    expect(json.files.map((f) => path.basename(f.file))).toEqual(fs.readdirSync(dir).sort());
    expectGoodFilesIntact(json, expected);
    const bad = json.files.find((f) => f.file.endsWith("1-crash.xlsx"))!;
    expect(bad.error).toBe("内部错误：校验进程在此文件上中止（exit code 70）；其余文件照常校验。");
  }, 120_000);
});

describe("a file that hangs", () => {
  test("is stopped at --max-time and said so; the others are checked, exit 2, valid JSON", async () => {
    const dir = goodFolder("hang");
    fs.copyFileSync(fixturePath("shifted"), path.join(dir, "3-hang.xlsx"));
    const expected = await alone(dir, "en");
    const r = await runWithRunaway("hang:3-hang.xlsx", "check", dir, "--json", "--max-time", "60", "--lang", "en");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: JsonFile[] };
    expectGoodFilesIntact(json, expected);
    const bad = json.files.find((f) => f.file.endsWith("3-hang.xlsx"))!;
    expect(bad.error).toContain("cannot be read: over the time/memory bound (more than 60 s, --max-time)");
  }, 240_000);
});

const posix = process.platform !== "win32";

describe("only regular files are opened", () => {
  (posix ? test : test.skip)("a FIFO and a folder named .xlsx get a line saying what they are; nothing blocks; the others are checked", async () => {
    const dir = goodFolder("fifo");
    child.execFileSync("mkfifo", [path.join(dir, "1-pipe.xlsx")]);
    fs.mkdirSync(path.join(dir, "5-folder.xlsx"));
    fs.copyFileSync(fixturePath("shifted"), path.join(dir, "5-folder.xlsx", "inside.xlsx"));
    const r = await run("check", dir, "--json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out) as { files: JsonFile[] };
    const byName = new Map(json.files.map((f) => [path.relative(dir, f.file), f]));
    expect([...byName.keys()]).toEqual(["0-official.xlsx", "1-pipe.xlsx", "2-stacked.xlsx", "4-provincial.xlsx", "5-folder.xlsx", path.join("5-folder.xlsx", "inside.xlsx"), "6-department.xlsx"]);
    expect(byName.get("1-pipe.xlsx")!.error).toBe("不是普通文件，是命名管道（FIFO，未打开）。");
    expect(byName.get("5-folder.xlsx")!.error).toBe("不是文件，是文件夹（未打开）。");
    expect(r.err).toContain(`selfeval: ${path.join(dir, "1-pipe.xlsx")}: 不是普通文件，是命名管道（FIFO，未打开）。`);
    expect(r.err).toContain(`selfeval: ${path.join(dir, "5-folder.xlsx")}: 不是文件，是文件夹（未打开）。`);
    // the folder's own workbook is checked, and so are the others
    expect(byName.get(path.join("5-folder.xlsx", "inside.xlsx"))!.forms.length).toBeGreaterThan(0);
    for (const n of GOOD) expect(byName.get([...byName.keys()].find((k) => k.endsWith(`-${n}.xlsx`))!)!.error).toBeUndefined();
  });
  (posix ? test : test.skip)("a FIFO named on the command line: its line in English, exit 2, no wait for a writer", async () => {
    const dir = tmp("fifo1");
    const fifo = path.join(dir, "x.xlsx");
    child.execFileSync("mkfifo", [fifo]);
    const r = await run("check", fifo, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`selfeval: ${fifo}: not a regular file: it is a named pipe (FIFO, not opened).`);
  });
});

/** The sheet names of a workbook: which input a copy was made from. */
function sheetNames(file: string): string[] {
  const xml = new ZipReader(fs.readFileSync(file)).text("xl/workbook.xml") ?? "";
  return [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]).filter((n) => n !== "校验报告");
}

describe("--out: one copy per input", () => {
  function twoSameNames(): string {
    const dir = tmp("same");
    fs.mkdirSync(path.join(dir, "in", "a"), { recursive: true });
    fs.mkdirSync(path.join(dir, "in", "b", "c"), { recursive: true });
    fs.copyFileSync(fixturePath("official"), path.join(dir, "in", "a", "x.xlsx"));
    fs.copyFileSync(fixturePath("stacked"), path.join(dir, "in", "b", "c", "x.xlsx"));
    return dir;
  }
  test("check FOLDER --out: the folder's sub-folders mirrored, each copy made from its own input", async () => {
    const dir = twoSameNames();
    const out = path.join(dir, "已标注");
    const r = await run("check", path.join(dir, "in"), "--out", out);
    expect(r.err).not.toContain("输出文件已存在");
    expect(r.code).toBe(1);
    const a = path.join(out, "a", "x.checked.xlsx");
    const c = path.join(out, "b", "c", "x.checked.xlsx");
    expect(sheetNames(a)).toEqual(sheetNames(path.join(dir, "in", "a", "x.xlsx")));
    expect(sheetNames(c)).toEqual(sheetNames(path.join(dir, "in", "b", "c", "x.xlsx")));
    expect(sheetNames(a)).not.toEqual(sheetNames(c));
    // run again: the copies exist, so each is refused without --force (and neither overwrites the other with it)
    const again = await run("check", path.join(dir, "in"), "--out", out);
    expect(again.code).toBe(2);
    expect(again.err.match(/输出文件已存在/g)?.length).toBe(2);
    const forced = await run("check", path.join(dir, "in"), "--out", out, "--force");
    expect(forced.code).toBe(1);
    expect(sheetNames(a)).not.toEqual(sheetNames(c));
  }, 120_000);
  test("two files of one name named on the command line: x.checked.xlsx and x (2).checked.xlsx; fix mirrors too", async () => {
    const dir = twoSameNames();
    const out = path.join(dir, "out");
    const a = path.join(dir, "in", "a", "x.xlsx");
    const c = path.join(dir, "in", "b", "c", "x.xlsx");
    const r = await run("check", a, c, "--out", out);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(["x (2).checked.xlsx", "x.checked.xlsx"]);
    expect(sheetNames(path.join(out, "x.checked.xlsx"))).toEqual(sheetNames(a));
    expect(sheetNames(path.join(out, "x (2).checked.xlsx"))).toEqual(sheetNames(c));
    const fixed = path.join(dir, "fixed");
    const f = await run("fix", path.join(dir, "in"), "--out", fixed, "--json");
    expect(f.code).toBe(0);
    expect(JSON.parse(f.out).files.map((x: { out: string }) => path.relative(fixed, x.out))).toEqual([path.join("a", "x.fixed.xlsx"), path.join("b", "c", "x.fixed.xlsx")]);
    expect(sheetNames(path.join(fixed, "b", "c", "x.fixed.xlsx"))).toEqual(sheetNames(c));
  }, 120_000);
});

describe("flags", () => {
  test("--max-memory and --max-time take sane numbers only; --help states the rule for --jobs", async () => {
    expect((await run("check", "x.xlsx", "--max-memory", "12")).code).toBe(2);
    expect((await run("check", "x.xlsx", "--max-memory", "1.5")).err).toContain("--max-memory takes megabytes");
    expect((await run("check", "x.xlsx", "--max-time", "0")).err).toContain("--max-time takes seconds");
    const help = await run("--help");
    expect(help.out).toContain("min(cores, 8, files, available");
    expect(help.out).toContain("--max-memory MB");
  });
});
