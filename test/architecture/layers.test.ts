import * as fs from "fs";
import * as path from "path";

/**
 * The layers the design draws, held by a test: workbook → snapshot → forms → findings → adapter, with the domain pure.
 *   core ← xlsx, excel, addin ← taskpane, commands, web, cli
 * core imports nothing outside core (no package, no Node module); the web page owes nothing to the pane or to Office.js;
 * the pane's components reach Office only through src/addin (its composition root, taskpane/index.tsx, builds the host).
 * src/addin is host-neutral: it works over its port (addin/port.ts) and imports nothing of src/excel — but for the
 * port's construction in its composition root (addin/host.ts → excel/port) — nor any package, nor names Office's
 * globals; src/excel, the adapter, owes src/addin only the port it implements. src/wps, the WPS 表格 adapter, imports
 * core and addin only (no package, nothing of Office), and nothing imports it but the pane's composition root.
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

/** where src/addin builds the Office host, and the one module of src/excel it may import for that */
const COMPOSITION_ROOT = "addin/host.ts";
const PORT_CONSTRUCTION = "excel/port";

/** Uses of the Office.js globals (Excel.run, Office.context…) in a module's code, comments left out. */
export function officeGlobals(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/[^\n]*/g, "$1");
  return [...code.matchAll(/(?<![\w.$])(?:Excel|Office)\.[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
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
    if (a === "commands" && (b === "excel" || b === "xlsx")) say("the ribbon command reaches Office only through src/addin");
    if (a === "addin" && b === "excel" && !(from === COMPOSITION_ROOT && to === PORT_CONSTRUCTION)) say(`src/addin is host-neutral: only ${COMPOSITION_ROOT} imports src/excel, to construct the port (${PORT_CONSTRUCTION})`);
    if (a === "addin" && (b === "package" || b === "xlsx")) say("src/addin is host-neutral: it imports core and its own modules only");
    if (a === "excel" && b === "addin" && to !== "addin/port") say("the Office.js adapter owes src/addin only the port it implements");
    if ((a === "taskpane" || a === "commands") && (b === "web" || b === "cli")) say("the pane owes nothing to the web page or the CLI");
    if (a === "wps" && !["core", "addin", "wps"].includes(b)) say("the WPS adapter imports core and addin only");
    if (a !== "wps" && b === "wps" && !(from === "taskpane/index.tsx" && to === "wps/host")) say("nothing imports src/wps but the pane's composition root (taskpane/index.tsx → wps/host)");
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

  test("src/addin names no Office.js global: it reaches the host only through its port", () => {
    const addin = sources(path.join(SRC, "addin"));
    expect(addin.map((f) => path.basename(f))).toEqual(expect.arrayContaining(["port.ts", "host.ts", "marks.ts", "undo.ts", "live.ts"]));
    expect(addin.flatMap((f) => officeGlobals(fs.readFileSync(f, "utf8")).map((g) => `${path.relative(SRC, f)}: ${g}`))).toEqual([]);
    // the check sees them where the adapter has them, and not in comments
    expect(officeGlobals(fs.readFileSync(path.join(SRC, "excel/port.ts"), "utf8"))).toContain("Excel.run");
    expect(officeGlobals("// Excel.run here\n/* Office.context */ const x = 1;")).toEqual([]);
    expect(officeGlobals("await Excel.run(f); Office.context.document")).toEqual(["Excel.run", "Office.context"]);
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
      // src/addin over its port: no Office.js adapter but for the port's construction in the composition root
      { from: "addin/marks.ts", to: "excel/cells" },
      { from: "addin/host.ts", to: "excel/write" },
      { from: "addin/live.ts", to: "excel/port" },
      { from: "addin/report-sheet.ts", to: "@microsoft/office-js-helpers" },
      { from: "excel/port.ts", to: "addin/marks" },
      { from: "commands/commands.ts", to: "excel/port" },
      // src/wps: core and addin only; reached only from the pane's composition root
      { from: "wps/port.ts", to: "excel/cells" },
      { from: "wps/port.ts", to: "xlsx/read" },
      { from: "wps/ribbon.ts", to: "react" },
      { from: "addin/host.ts", to: "wps/port" },
      { from: "taskpane/components/App.tsx", to: "wps/host" },
    ];
    expect(violations(bad)).toHaveLength(bad.length);
    // the composition root may build the host from the Office.js adapter
    expect(violations([{ from: "taskpane/index.tsx", to: "excel/read" }])).toEqual([]);
    expect(violations([{ from: "taskpane/index.tsx", to: "wps/host" }, { from: "wps/port.ts", to: "addin/port" }, { from: "wps/read.ts", to: "core/snapshot" }])).toEqual([]);
    // …and src/addin's composition root the Office.js port, which imports the port it implements
    expect(violations([{ from: "addin/host.ts", to: "excel/port" }, { from: "excel/port.ts", to: "addin/port" }, { from: "addin/marks.ts", to: "core/marks" }])).toEqual([]);
    expect(mutualImports([{ from: "core/vocabulary.ts", to: "core/locate" }, { from: "core/locate.ts", to: "core/vocabulary" }])).toEqual(["core/locate ↔ core/vocabulary"]);
  });
});
