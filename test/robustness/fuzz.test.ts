import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { main } from "../../src/cli/main";
import { nodeInflate } from "../../src/xlsx/inflate-node";
import { readWorkbookBytes } from "../../src/xlsx/workbook-reader";
import { ZipArchive } from "../../src/xlsx/zip-archive";
import { ROOT } from "../support/workbooks";

/**
 * Our own fuzzing (issue 28): the fixture workbooks mutated at zip level (bytes flipped, cut, CRCs and counts wrong),
 * XML level (markup cut, repeated, entities, attributes twice) and form level (numbers huge, 400 digits, text, merges
 * added), each mutant checked and fixed by the CLI in-process. Whatever the mutant: exit 0, 1 or 2 only; valid JSON;
 * an unreadable file told in one line that names it, never in a JavaScript engine's words; a copy, when one is written,
 * read back by our reader and by JSZip (CRCs checked) — and, in the long run, by exceljs; the input never touched.
 *
 *   npm test                       a short run with a fixed seed (FUZZ_RUNS mutants, default 40, seed 28)
 *   npm run fuzz                   the long run: FUZZ_RUNS=400 per seed, FUZZ_SEEDS=5 seeds (both can be set)
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEEDS = Number(process.env.FUZZ_SEEDS ?? 1);
const LONG = process.env.FUZZ_LONG === "1";
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 28);

const FIXTURES = ["official", "provincial", "department", "family-b-sichuan-2023", "stacked"].map((f) => path.join(ROOT, "test/fixtures", `${f}.xlsx`));
const ENGINE_WORDS = /Invalid string length|Invalid array length|maximum size exceeded|Maximum call stack|out of memory|is not a function|Cannot read propert|undefined is not|\n\s+at /i;

type Parts = Record<string, Uint8Array>;

const pack = (parts: Parts): Uint8Array => zipSync(Object.fromEntries(Object.entries(parts).map(([n, b]) => [n, [b, { level: 6 }]])) as never);

/** Byte edits of a packed zip (the directory and local headers found by signature). */
function zipMutant(input: Uint8Array, kind: number, a: number, b: number): Uint8Array {
  const z = Buffer.from(input);
  const at = (x: number) => Math.floor((x / 0x7fffffff) * z.length) % z.length;
  switch (kind) {
    case 0: // one bit flipped anywhere
      z[at(a)] ^= 1 << (b % 8);
      return z;
    case 1: // cut short
      return z.subarray(0, at(a));
    case 2: {
      // a byte range overwritten with one value
      const p = at(a);
      z.fill(b & 0xff, p, Math.min(z.length, p + 1 + (b % 64)));
      return z;
    }
    case 3: {
      // a directory record's CRC, sizes or offset changed
      const recs: number[] = [];
      for (let i = 0; i + 46 <= z.length; i++) if (z.readUInt32LE(i) === 0x02014b50) recs.push(i);
      if (!recs.length) return z;
      const r = recs[a % recs.length];
      const field = [16, 20, 24, 42][b % 4];
      z.writeUInt32LE((z.readUInt32LE(r + field) + 1 + (b % 1000)) >>> 0, r + field);
      return z;
    }
    default: {
      // the end record's count changed
      for (let i = z.length - 22; i >= 0; i--)
        if (z.readUInt32LE(i) === 0x06054b50) {
          const n = Math.max(0, z.readUInt16LE(i + 10) + ((b % 5) - 2));
          z.writeUInt16LE(n, i + 8);
          z.writeUInt16LE(n, i + 10);
          break;
        }
      return z;
    }
  }
}

const TOKENS = [
  "<", ">", "</row>", "</c>", "<row>", "<c r=\"A1\">", '<c r="XFD1048576"><v>1</v></c>', "&amp;", "&big;", "&#0;", "&#x110000;", "<![CDATA[", "]]>", "<!--", "-->",
  '<!DOCTYPE x [<!ENTITY big "大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大大">]>', ' r="B2"', ' t="s"', ' t="inlineStr"', ' s="99999"', "<v>1e999</v>",
  "<v>" + "9".repeat(400) + "</v>", "<v>-0</v>", "<v>NaN</v>", '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="A1:Z9999"/>', "<mergeCells>", "</mergeCells>", "\u0000", "\ud800", "\r\n",
];

/** A text edit of one XML part: a range cut, repeated, or replaced by a token; or the part cut short. */
function xmlMutant(parts: Parts, pick: number, kind: number, a: number, b: number, token: number): Parts {
  const names = Object.keys(parts).filter((n) => /\.(xml|rels)$/i.test(n));
  const name = names[pick % names.length];
  const s = strFromU8(parts[name]);
  const p = Math.floor((a / 0x7fffffff) * s.length);
  const q = Math.min(s.length, p + (b % 200));
  let t: string;
  if (kind === 0) t = s.slice(0, p) + s.slice(q);
  else if (kind === 1) t = s.slice(0, q) + s.slice(p, q).repeat(1 + (b % 50)) + s.slice(q);
  else if (kind === 2) t = s.slice(0, p) + TOKENS[token % TOKENS.length] + s.slice(p);
  else if (kind === 3) t = s.slice(0, p);
  else {
    // an attribute given twice in some start tag
    const m = /<(\w+:)?c r="[A-Z]+\d+"/g;
    let hit: RegExpExecArray | null = null;
    for (let i = 0; i <= token % 7 && (hit = m.exec(s)); i++);
    t = hit ? s.slice(0, hit.index + hit[0].length) + ' r="A1"' + s.slice(hit.index + hit[0].length) : s;
  }
  return { ...parts, [name]: strToU8(t) };
}

const VALUES = ["1e308", "-1e308", "9".repeat(400), "0.000000000000000000001", "-5", "100", "abc", "", "1E+2", "  7 "];

/** A form-level edit of the sheets: numbers replaced, a merged area added. */
function formMutant(parts: Parts, pick: number, kind: number, a: number, value: number): Parts {
  const sheets = Object.keys(parts).filter((n) => /worksheets\/[^/]+\.xml$/i.test(n));
  if (!sheets.length) return parts;
  const name = sheets[pick % sheets.length];
  let s = strFromU8(parts[name]);
  if (kind === 0) {
    let i = 0;
    s = s.replace(/<v>([^<]*)<\/v>/g, (m) => (i++ % (1 + (a % 9)) === 0 ? `<v>${VALUES[(value + i) % VALUES.length]}</v>` : m));
  } else {
    const r = 1 + (a % 40), c = a % 9, h = 1 + (value % 30), w = 1 + (value % 12);
    const col = (n: number) => String.fromCharCode(65 + (n % 26));
    const ref = `${col(c)}${r}:${col(c + w)}${r + h}`;
    s = /<mergeCells[^>]*>/.test(s) ? s.replace(/<mergeCells[^>]*>/, (m) => `${m}<mergeCell ref="${ref}"/>`) : s.replace("</sheetData>", `</sheetData><mergeCells><mergeCell ref="${ref}"/></mergeCells>`);
  }
  return { ...parts, [name]: strToU8(s) };
}

const mutant = fc.oneof(
  fc.record({ level: fc.constant("zip" as const), fixture: fc.nat(), kind: fc.nat(4), a: fc.nat(), b: fc.nat() }),
  fc.record({ level: fc.constant("xml" as const), fixture: fc.nat(), pick: fc.nat(), kind: fc.nat(4), a: fc.nat(), b: fc.nat(), token: fc.nat() }),
  fc.record({ level: fc.constant("form" as const), fixture: fc.nat(), pick: fc.nat(), kind: fc.nat(1), a: fc.nat(), value: fc.nat() }),
);
type Mutant = typeof mutant extends fc.Arbitrary<infer T> ? T : never;

function make(m: Mutant): Uint8Array {
  const input = new Uint8Array(fs.readFileSync(FIXTURES[m.fixture % FIXTURES.length]));
  if (m.level === "zip") return zipMutant(pack(unzipSync(input)), m.kind, m.a, m.b);
  const parts = unzipSync(input);
  return pack(m.level === "xml" ? xmlMutant(parts, m.pick, m.kind, m.a, m.b, m.token) : formMutant(parts, m.pick, m.kind, m.a, m.value));
}

async function run(argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

async function readsWithExceljs(b: Uint8Array): Promise<boolean> {
  try {
    await new ExcelJS.Workbook().xlsx.load(Buffer.from(b) as unknown as ArrayBuffer);
    return true;
  } catch {
    return false;
  }
}

const tally = { mutants: 0, exit: { 0: 0, 1: 0, 2: 0 } as Record<number, number>, copies: 0, seeds: [] as number[] };

/** One mutant through check --json, check --out and fix: the properties every file from a stranger must hold to. */
async function holds(m: Mutant): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-fuzz-"));
  try {
    const bytes = make(m);
    const file = path.join(dir, "mutant.xlsx");
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, "out");
    fs.mkdirSync(out);
    tally.mutants++;
    for (const argv of [["check", file, "--json"], ["check", file, "--out", out, "--json", "--force"], ["fix", file, "--out", out, "--json", "--force"]]) {
      const r = await run(argv);
      tally.exit[r.code] = (tally.exit[r.code] ?? 0) + 1;
      expect([0, 1, 2]).toContain(r.code);
      const json = JSON.parse(r.out);
      expect(json.files).toHaveLength(1);
      expect(r.out + r.err).not.toMatch(ENGINE_WORDS);
      const lines = r.err.split("\n").filter(Boolean);
      if (r.code === 2) expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l.startsWith(`selfeval: ${file}: `)).toBe(true);
    }
    // the input is never touched
    expect(Buffer.from(fs.readFileSync(file)).equals(Buffer.from(bytes))).toBe(true);
    for (const f of fs.readdirSync(out)) {
      expect(f).toMatch(/^mutant\.(checked|fixed)\.xlsx$/);
      const copy = new Uint8Array(fs.readFileSync(path.join(out, f)));
      tally.copies++;
      // by us: every entry held to its CRC-32, the workbook read
      const zip = new ZipArchive(copy, nodeInflate);
      for (const e of zip.entries.values()) zip.verify(e);
      readWorkbookBytes(copy, nodeInflate);
      expect(strFromU8(copy.subarray(0, 2))).toBe("PK");
      // by a second reader: JSZip (CRCs checked) always; exceljs in the long run, whenever it reads the input (a copy
      // is never less valid than its input: a part exceljs refuses in the input, we copy as it is)
      const z = await JSZip.loadAsync(copy, { checkCRC32: true });
      for (const name of Object.keys(z.files)) if (!z.files[name].dir) await z.files[name].async("uint8array");
      if (LONG && (await readsWithExceljs(bytes))) expect(await readsWithExceljs(copy)).toBe(true);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("fuzzing: the fixtures mutated at zip, XML and form level", () => {
  afterAll(() => {
    if (LONG) process.stdout.write(`fuzz: ${tally.mutants} mutants over seeds ${tally.seeds.join(", ")}; runs by exit code ${JSON.stringify(tally.exit)}; ${tally.copies} copies read back\n`);
  });

  for (let k = 0; k < SEEDS; k++) {
    const seed = FIRST_SEED + k;
    test(
      `seed ${seed}: ${RUNS} mutants, exit 0/1/2 only, valid JSON, the file named, copies that read back`,
      async () => {
        tally.seeds.push(seed);
        await fc.assert(fc.asyncProperty(mutant, holds), { numRuns: RUNS, seed, endOnFailure: true });
        expect(tally.mutants).toBeGreaterThanOrEqual(RUNS);
      },
      RUNS * 3000 + 30000,
    );
  }

  test("the mutators change what they are given (each level makes a file unlike its input)", () => {
    const input = new Uint8Array(fs.readFileSync(FIXTURES[0]));
    const packed = pack(unzipSync(input));
    expect(Buffer.from(zipMutant(packed, 0, 1 << 29, 3)).equals(Buffer.from(packed))).toBe(false);
    const parts = unzipSync(input);
    const x = xmlMutant(parts, 3, 3, 1 << 30, 0, 0);
    expect(Object.keys(x).some((n) => strFromU8(x[n]) !== strFromU8(parts[n]))).toBe(true);
    const f = formMutant(parts, 1, 0, 0, 2);
    expect(Object.keys(f).some((n) => strFromU8(f[n]) !== strFromU8(parts[n]))).toBe(true);
  });
});
