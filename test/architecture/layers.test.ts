import * as fs from "fs";
import * as path from "path";

/**
 * The layers the design draws, held by a test: workbook → snapshot → forms → findings → adapter, with the domain pure.
 *   core ← xlsx, excel, addin ← taskpane, commands, web, cli
 * core imports nothing outside core (no package, no Node module); the web page owes nothing to the pane or to Office.js;
 * the pane's components reach Office only through src/addin (its composition root, taskpane/index.tsx, builds the host).
 */
const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

export interface Edge {
  from: string;
  /** a path under src/ for a relative import; the bare name for a package or Node module */
  to: string;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : /\.(ts|tsx|js)$/.test(d.name) ? [p] : [];
  });
}

export function importsOf(file: string, text: string): Edge[] {
  const from = path.relative(SRC, file).split(path.sep).join("/");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
  return specs.map((s) => ({ from, to: s.startsWith(".") ? path.relative(SRC, path.resolve(path.dirname(file), s)).split(path.sep).join("/") : s }));
}

const layerOf = (p: string) => (p.startsWith("..") ? "outside" : p.split("/")[0]);

/** Every import that crosses a line the design draws, as "from → to: why". */
export function violations(edges: readonly Edge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = layerOf(from);
    const relative = !/^[@a-z]/i.test(to) || to.startsWith("core/") || to.includes("/") && fs.existsSync(path.join(SRC, to.split("/")[0]));
    const b = relative ? layerOf(to) : "package";
    const say = (why: string) => out.push(`${from} → ${to}: ${why}`);
    // the CLI reads its version from the package (selfeval --version)
    if (b === "outside" && !(a === "cli" && to === "../package.json")) say("outside src/");
    if (a === "core" && b !== "core") say("core imports nothing outside core");
    if ((a === "xlsx" || a === "excel" || a === "addin") && ["taskpane", "commands", "web", "cli"].includes(b)) say(`${a} is below the surfaces`);
    if (a === "xlsx" && (b === "excel" || b === "addin")) say("the file reader owes nothing to Office");
    if (a === "web" && (b === "taskpane" || b === "excel" || b === "addin" || b === "commands" || b === "cli")) say("the web page owes nothing to the pane or Office.js");
    if (a === "cli" && ["taskpane", "excel", "addin", "commands", "web"].includes(b)) say("the CLI owes nothing to the pane, Office.js or the web page");
    if (a === "taskpane" && from !== "taskpane/index.tsx" && (b === "excel" || b === "xlsx")) say("the pane reaches Office only through src/addin");
    if ((a === "taskpane" || a === "commands") && (b === "web" || b === "cli")) say("the pane owes nothing to the web page or the CLI");
  }
  return out;
}

/** Pairs of modules that import each other (a cycle of two: each needs the other to be read first). */
export function mutualImports(edges: readonly Edge[]): string[] {
  const strip = (p: string) => p.replace(/\.(ts|tsx|js)$/, "").replace(/\/index$/, "");
  const set = new Set(edges.map((e) => `${strip(e.from)} ${strip(e.to)}`));
  const out: string[] = [];
  for (const e of edges) {
    const a = strip(e.from), b = strip(e.to);
    if (a < b && set.has(`${b} ${a}`)) out.push(`${a} ↔ ${b}`);
  }
  return [...new Set(out)];
}

describe("the layers hold", () => {
  const edges = sources(SRC).flatMap((f) => importsOf(f, fs.readFileSync(f, "utf8")));

  test("the imports were read", () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.from === "core/engine.ts" && e.to === "core/analyse")).toBe(true);
  });

  test("no import crosses a layer", () => {
    expect(violations(edges)).toEqual([]);
  });

  test("no two core modules import each other", () => {
    expect(mutualImports(edges.filter((e) => e.from.startsWith("core/")))).toEqual([]);
  });

  test("the check fails on the crossings the design forbids", () => {
    const bad: Edge[] = [
      { from: "taskpane/components/App.tsx", to: "excel/write" },
      { from: "web/FormView.tsx", to: "taskpane/i18n" },
      { from: "core/engine.ts", to: "xlsx/read" },
      { from: "core/parse.ts", to: "fs" },
      { from: "xlsx/annotate.ts", to: "addin/host" },
      { from: "cli/main.ts", to: "web/summary" },
    ];
    expect(violations(bad)).toHaveLength(bad.length);
    // the composition root may build the host from the Office.js adapter
    expect(violations([{ from: "taskpane/index.tsx", to: "excel/read" }])).toEqual([]);
    expect(mutualImports([{ from: "core/vocabulary.ts", to: "core/locate" }, { from: "core/locate.ts", to: "core/vocabulary" }])).toEqual(["core/locate ↔ core/vocabulary"]);
  });
});
