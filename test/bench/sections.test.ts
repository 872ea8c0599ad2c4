import * as fs from "fs";
import * as path from "path";

/**
 * `npm run bench` is not run by `npm test` (it measures, and takes minutes), so nothing else would notice a section
 * that calls a helper which has since been renamed or moved: that happened once (harness.chromiumMissing, after the
 * tool check moved to test/support/), and the benchmark stopped at section 4. This reads every section's source and
 * holds what it takes from the bench build to what that build exports.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const SECTIONS = path.join(ROOT, "bench", "sections");
const benchInclude: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, "tsconfig.bench.json"), "utf8")).include;

/** `build-bench/X.js` comes from `X.ts` (or .tsx) when tsconfig.bench.json includes it (the file or a folder above). */
function sourceOf(built: string): string | null {
  const base = built.replace(/\.js$/, "");
  const src = [".ts", ".tsx"].map((e) => base + e).find((f) => fs.existsSync(path.join(ROOT, f)));
  if (!src) return null;
  return benchInclude.some((inc) => src === inc || src.startsWith(inc.replace(/\/?$/, "/"))) ? src : null;
}

/** Every bench-build module a section loads, with the names it binds it to and the members it destructures. */
function uses(code: string): Array<{ module: string; names: string[]; members: string[] }> {
  const out: Array<{ module: string; names: string[]; members: string[] }> = [];
  // const X = ctx.B("m.js") / const X = typeof ctx.B === "function" ? ctx.B("m.js") : require(...build-bench/m.js)
  for (const m of code.matchAll(/const\s+(\w+)\s*=[^;\n]*?ctx\.B\("([^"]+)"\)/g)) out.push({ module: m[2], names: [m[1]], members: [] });
  // const { a, b: c } = ctx.B("m.js")
  for (const m of code.matchAll(/const\s*\{([^}]*)\}\s*=\s*ctx\.B\("([^"]+)"\)/g))
    out.push({ module: m[2], names: [], members: m[1].split(",").map((x) => x.split(":")[0].trim()).filter(Boolean) });
  return out;
}

const files = fs.readdirSync(SECTIONS).filter((f) => f.endsWith(".js"));

describe("benchmark sections", () => {
  test("there are sections, and each exports a title and a run function", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const mod = require(path.join(SECTIONS, f));
      expect({ f, title: typeof mod.title, run: typeof mod.run }).toEqual({ f, title: "string", run: "function" });
    }
  });

  test.each(files)("%s takes from the bench build only what it builds and exports", (f) => {
    const code = fs.readFileSync(path.join(SECTIONS, f), "utf8");
    const problems: string[] = [];
    for (const u of uses(code)) {
      const src = sourceOf(u.module);
      if (!src) {
        problems.push(`${u.module}: no source in tsconfig.bench.json's include`);
        continue;
      }
      const mod = require(path.join(ROOT, src));
      const members = [...u.members];
      for (const name of u.names) for (const m of code.matchAll(new RegExp(`\\b${name}\\.(\\w+)`, "g"))) members.push(m[1]);
      for (const m of new Set(members)) if (!(m in mod)) problems.push(`${u.module}: no export ${m}`);
    }
    expect(problems).toEqual([]);
  });

  test("the check finds a helper that is not exported (it can fail)", () => {
    const code = 'const H = ctx.B("test/browser/harness.js");\nconst m = H.chromiumMissing();';
    const [u] = uses(code);
    const mod = require(path.join(ROOT, sourceOf(u.module)!));
    expect(u.names).toEqual(["H"]);
    expect("chromiumMissing" in mod).toBe(false);
    expect("serveDist" in mod).toBe(true);
  });
});

describe("the bench build compiles without Jest", () => {
  // tsconfig.bench.json has no Jest types: a helper there that calls beforeAll or expect stops `npm run bench` at its
  // first step (it happened: serveForSuite and endSession in harness.ts, now in test/browser/suite.ts)
  const JEST_GLOBAL = /(?<![\w.$/])(beforeAll|afterAll|beforeEach|afterEach|describe|test|it|expect|jest)\s*\(/;
  const tsFiles = (p: string): string[] => {
    const full = path.join(ROOT, p);
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return /\.tsx?$/.test(p) ? [p] : [];
    return fs.readdirSync(full).flatMap((e) => tsFiles(`${p}/${e}`));
  };
  // the test helpers it compiles (src/ has no Jest: the layer test keeps test code out of it)
  const included = benchInclude.filter((p) => p.startsWith("test/")).flatMap(tsFiles);

  test("every file it includes is found, and none calls a Jest global", () => {
    expect(included).toContain("test/browser/harness.ts");
    const offenders = included.filter((f) => JEST_GLOBAL.test(fs.readFileSync(path.join(ROOT, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")));
    expect(offenders).toEqual([]);
  });

  test("the check sees a Jest global where there is one", () => {
    expect(JEST_GLOBAL.test("  beforeAll(async () => {")).toBe(true);
    expect(JEST_GLOBAL.test("if (x) expect(session.blocked).toEqual([]);")).toBe(true);
    expect(JEST_GLOBAL.test("const re = /x/; re.test(s); /y/.test(s); items.describe(1)")).toBe(false);
  });
});
