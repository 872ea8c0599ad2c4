"use strict";
/**
 * The .xls reader (src/xlsx/xls/) on the 100-form workbook (bench/generate.js) saved as .xls by LibreOffice, against
 * our .xlsx reader on the same workbook as .xlsx (LibreOffice's re-save of that .xls, so both hold the same cells, and
 * the generated .xlsx as well). Budget: the .xls read ≤ 2× the .xlsx read. Measured as reader.js does: in a child
 * process of its own (`--single-threaded-gc`), CPU time, paired runs in alternating order, each sample 5 reads.
 * Needs LibreOffice (soffice) to make the .xls once into bench/tmp/; without it the section says so and passes nothing.
 */
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ms = (x) => `${x.toFixed(1)} ms`;

/** bench/tmp/forms-100.xls and its re-save forms-100.resaved.xlsx, made once with soffice; null without it. */
function makeXls(ROOT, xlsx) {
  const dir = path.join(path.dirname(xlsx), "xls");
  const xls = path.join(dir, "forms-100.xls"), resaved = path.join(dir, "forms-100.resaved.xlsx");
  if (fs.existsSync(xls) && fs.existsSync(resaved)) return { xls, resaved };
  if (spawnSync("soffice", ["--version"], { encoding: "utf8" }).status !== 0) return null;
  const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
  fs.mkdirSync(path.join(dir, "re"), { recursive: true });
  spawnSync("soffice", [profile, "--headless", "--convert-to", "xls", "--outdir", dir, xlsx], { encoding: "utf8" });
  spawnSync("soffice", [profile, "--headless", "--convert-to", "xlsx", "--outdir", path.join(dir, "re"), xls], { encoding: "utf8" });
  fs.renameSync(path.join(dir, "re", "forms-100.xlsx"), resaved);
  return fs.existsSync(xls) ? { xls, resaved } : null;
}

async function measure(ROOT, files) {
  const B = (p) => require(path.join(ROOT, "build-bench", p));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const { readXls } = B("src/xlsx/xls/read.js");
  const { readXlsxSnapshotSync } = B("src/xlsx/fast-read.js");
  const { runCheck } = B("src/core/engine.js");
  const xls = fs.readFileSync(files.xls), resaved = fs.readFileSync(files.resaved), generated = fs.readFileSync(files.generated);
  const readA = () => readXls("forms-100.xls", xls).snapshot;
  const readB = () => readXlsxSnapshotSync(resaved);
  const readC = () => readXlsxSnapshotSync(generated);
  const forms = [runCheck(readA(), {}).report.forms.length, runCheck(readB(), {}).report.forms.length];
  for (let i = 0; i < 10; i++) readA(), readB(), readC();
  const K = 5;
  const cpu = (fn) => {
    const c0 = process.cpuUsage();
    for (let k = 0; k < K; k++) fn();
    const d = process.cpuUsage(c0);
    return (d.user + d.system) / 1000 / K;
  };
  const reps = 15;
  const ta = [], tb = [], tc = [], ratios = [], ratiosGen = [];
  for (let i = 0; i < reps; i++) {
    let a, b, c;
    if (i % 2 === 0) (a = cpu(readA)), (b = cpu(readB)), (c = cpu(readC));
    else (c = cpu(readC)), (b = cpu(readB)), (a = cpu(readA));
    ta.push(a), tb.push(b), tc.push(c), ratios.push(a / b), ratiosGen.push(a / c);
  }
  return { forms, bytes: { xls: xls.length, resaved: resaved.length, generated: generated.length }, xlsMs: median(ta), xlsxMs: median(tb), generatedMs: median(tc), ratio: median(ratios), ratioGenerated: median(ratiosGen), runs: reps };
}

module.exports = {
  title: "The .xls reader",
  async run(ctx) {
    const made = await ctx.workbooks();
    // the hostile .xls files (test/xls/hostile/, committed): one CLI run over all of them, its time and peak RSS
    const hostileDir = path.join(ctx.ROOT, "test/xls/hostile");
    const count = fs.readdirSync(hostileDir).length;
    let refused = 0;
    const rss = [];
    const hostileMs = await ctx.samples(3, () => {
      const h = spawnSync(process.execPath, [path.join(ctx.ROOT, "bench/cli-stats.js"), "check", hostileDir, "--json"], { encoding: "utf8", maxBuffer: 1 << 24 });
      const st = JSON.parse(/BENCH_STATS (\{.*\})/.exec(h.stderr)[1]);
      refused = JSON.parse(h.stdout).files.filter((f) => f.error).length;
      rss.push(st.maxRssKb / 1024);
      return st.wallMs;
    });
    const hostileRows = [
      { what: `hostile .xls files (test/xls/hostile/): refused, one line each`, value: `${refused} of ${count}`, budget: `${count}`, pass: refused === count },
      { what: "hostile .xls files: time of one CLI run over all (min–max)", value: ctx.spread(hostileMs), budget: "(reported)" },
      { what: "hostile .xls files: peak RSS (min–max)", value: ctx.spread(ctx.stats(rss), " MB", 0), budget: "(reported)" },
    ];
    const files = makeXls(ctx.ROOT, made["forms-100"]);
    if (!files) return { rows: [...hostileRows, { what: "100-form .xls (needs LibreOffice's soffice to make it)", value: "skipped: soffice not found", budget: "(not measured)" }], results: { skipped: true, hostileMs } };
    const r = spawnSync(process.execPath, ["--single-threaded-gc", __filename, "--child", ctx.ROOT, JSON.stringify({ ...files, generated: made["forms-100"] })], { encoding: "utf8", maxBuffer: 1 << 24 });
    const line = /^XLS_RESULTS (.*)$/m.exec(r.stdout || "");
    if (r.status !== 0 || !line) throw new Error(`the .xls reader's child process failed (${r.status}): ${(r.stderr || "").slice(0, 2000)}`);
    const x = JSON.parse(line[1]);
    const kb = (n) => `${Math.round(n / 1024)} KB`;
    return {
      rows: [
        { what: `100-form workbook: forms found in the .xls / in its .xlsx re-save`, value: `${x.forms[0]} / ${x.forms[1]}`, budget: "equal", pass: x.forms[0] === x.forms[1] && x.forms[0] > 0 },
        { what: `.xls read ÷ .xlsx read of the same workbook (${kb(x.bytes.xls)} .xls, ${kb(x.bytes.resaved)} .xlsx; CPU, median of ${x.runs} paired runs)`, value: `${x.ratio.toFixed(2)}× (${ms(x.xlsMs)} / ${ms(x.xlsxMs)})`, budget: "≤ 2×", pass: x.ratio <= 2 },
        { what: `.xls read ÷ read of the generated .xlsx it was saved from (${kb(x.bytes.generated)})`, value: `${x.ratioGenerated.toFixed(2)}× (${ms(x.xlsMs)} / ${ms(x.generatedMs)})`, budget: "(reported)", pass: undefined },
        ...hostileRows,
      ],
      results: { ...x, hostileMs, hostileRssMb: ctx.stats(rss) },
    };
  },
};

if (require.main === module && process.argv[2] === "--child") {
  measure(process.argv[3], JSON.parse(process.argv[4])).then(
    (x) => console.log(`XLS_RESULTS ${JSON.stringify(x)}`),
    (e) => {
      console.error(e && e.stack ? e.stack : e);
      process.exit(1);
    },
  );
}
