"use strict";
/**
 * The reader on the 500-form workbook (bench/generate.js), paired in the same run: our reader against the zlib floor
 * (unzip + inflate + UTF-8 decode of the parts the reader reads) and against SheetJS (xlsx 0.18.5, a devDependency
 * of the benchmark only). Reported beside them: the XML layer alone — our tokenizer against saxes and
 * fast-xml-parser over the same worksheet parts — the measurement the choice of tokenizer rests on.
 *
 * The measuring runs in a child process of its own (`node --single-threaded-gc bench/sections/reader.js --child`),
 * and each sample reads 5 times over. The floor is about 5 ms. Measured inside the benchmark's process, one read a
 * sample, the heap the earlier sections left (exceljs workbooks, 20,000 forms of reports) was being marked and swept
 * on V8's background threads while the reader ran, and that CPU time was counted as the reader's or the floor's: the
 * ratio moved between 4.1× and 7.1× from one run to the next on the same code. With the collector on the measuring
 * thread, the CPU time of a sample is the work of that sample. (A forced gc() before each sample is worse: it leaves
 * the young generation small, and the reader then took 140 ms instead of 35.)
 */
const fs = require("fs");
const path = require("path");

const ms = (x) => `${x.toFixed(1)} ms`;

/** The measurements, in the child process. */
async function measure(ROOT) {
  const B = (p) => require(path.join(ROOT, "build-bench", p));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const gen = require(path.join(ROOT, "bench/generate.js"));
  const file = path.join(gen.OUT, "forms-500.xlsx");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(gen.OUT, { recursive: true });
    await gen.manyForms(500, file);
  }
  const buf = fs.readFileSync(file);
  const { readXlsxSnapshotSync } = B("src/xlsx/fast-read.js");
  const { ZipReader } = B("src/xlsx/zip.js");
  const { findWorkbookPart, readRelationships, relsPartOf } = B("src/xlsx/package.js");
  const { XmlScanner } = B("src/xlsx/xml.js");
  const XLSX = require("xlsx");

  // the parts the reader reads, found once
  const z0 = new ZipReader(buf);
  const wb = findWorkbookPart(z0);
  const rels = readRelationships(z0, wb).filter((r) => ["worksheet", "sharedstrings", "styles"].includes(r.kind));
  const parts = ["_rels/.rels", wb, relsPartOf(wb), ...rels.map((r) => r.target)];
  const floor = () => {
    const z = new ZipReader(buf);
    let n = 0;
    for (const p of parts) n += z.text(p).length;
    return n;
  };
  const ours = () => readXlsxSnapshotSync(buf);
  const sheetjs = () => XLSX.read(buf, { type: "buffer" });

  const forms = B("src/core/engine.js").runCheck(ours(), {}).report.forms.length;
  for (let i = 0; i < 10; i++) floor(), ours();
  for (let i = 0; i < 3; i++) sheetjs();
  // CPU time of this process (user + system), not wall time: the machine may be shared, and a paired ratio of
  // CPU times is what stays put when other processes take turns on the cores
  const K = 5; // each sample reads K times over: the floor alone is about 5 ms
  const cpu = (fn) => {
    const c0 = process.cpuUsage();
    for (let k = 0; k < K; k++) fn();
    const d = process.cpuUsage(c0);
    return (d.user + d.system) / 1000 / K;
  };
  // pairs in alternating order, so that neither side pays for the other's garbage more often; SheetJS (which
  // leaves hundreds of MB behind) in pairs of its own, after
  const reps = 15;
  const tf = [], to = [], ts = [], ratios = [], speedups = [];
  for (let i = 0; i < reps; i++) {
    let a, b;
    if (i % 2 === 0) (a = cpu(floor)), (b = cpu(ours));
    else (b = cpu(ours)), (a = cpu(floor));
    tf.push(a), to.push(b), ratios.push(b / a);
  }
  for (let i = 0; i < 5; i++) {
    const c = cpu(sheetjs);
    const b = cpu(ours);
    ts.push(c), speedups.push(c / b);
  }
  const ratio = median(ratios), speedup = median(speedups);

  // the XML layer alone over the worksheet parts: our tokenizer, saxes, fast-xml-parser
  const texts = rels.filter((r) => r.kind === "worksheet").map((r) => z0.text(r.target));
  const xmlBytes = texts.reduce((n, t) => n + t.length, 0);
  const { SaxesParser } = require("saxes");
  const { XMLParser } = require("fast-xml-parser");
  const tokenizers = {
    ours: () => {
      let n = 0;
      for (const t of texts) {
        const x = new XmlScanner(t);
        while (x.next() !== 0) if (x.attrCount) n += x.attrValue(0).length;
      }
      return n;
    },
    saxes: () => {
      let n = 0;
      for (const t of texts) {
        const p = new SaxesParser({ xmlns: false });
        p.on("opentag", (tag) => {
          for (const k in tag.attributes) {
            n += tag.attributes[k].length;
            break;
          }
        });
        p.write(t).close();
      }
      return n;
    },
    "fast-xml-parser": () => {
      const p = new XMLParser({ ignoreAttributes: false, preserveOrder: true });
      let n = 0;
      for (const t of texts) n += p.parse(t).length;
      return n;
    },
  };
  const xml = {};
  for (const [k, fn] of Object.entries(tokenizers)) {
    fn();
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(cpu(fn));
    xml[k] = median(runs);
  }

  return { file: path.relative(ROOT, file), forms, runs: reps, bytes: buf.length, readerMs: median(to), floorMs: median(tf), sheetjsMs: median(ts), readerOverFloor: ratio, sheetjsOverReader: speedup, sheetjsRuns: ts.length, xmlLayerMs: xml, worksheetChars: xmlBytes };
}

module.exports = {
  title: "Reader",
  async run(ctx) {
    const { spawnSync } = require("child_process");
    const r = spawnSync(process.execPath, ["--single-threaded-gc", __filename, "--child", ctx.ROOT], { encoding: "utf8", maxBuffer: 1 << 24 });
    const line = /^READER_RESULTS (.*)$/m.exec(r.stdout || "");
    if (r.status !== 0 || !line) throw new Error(`the reader's child process failed (${r.status}): ${(r.stderr || "").slice(0, 2000)}`);
    const x = JSON.parse(line[1]);
    const rows = [
      { what: `500-form workbook (${x.forms} forms, ${(x.bytes / 1048576).toFixed(2)} MB): our reader / zlib floor (CPU time, median of ${x.runs} paired runs)`, value: `${x.readerOverFloor.toFixed(2)}× (${ms(x.readerMs)} / ${ms(x.floorMs)})`, budget: "≤ 6×", pass: x.readerOverFloor <= 6 },
      { what: `SheetJS read ÷ our reader (${x.sheetjsRuns} of the same runs)`, value: `${x.sheetjsOverReader.toFixed(2)}× (${ms(x.sheetjsMs)})`, budget: "≥ 2×", pass: x.sheetjsOverReader >= 2 },
      { what: `XML layer over the worksheets (${(x.worksheetChars / 1048576).toFixed(1)} M chars): ours / saxes / fast-xml-parser`, value: `${ms(x.xmlLayerMs.ours)} / ${ms(x.xmlLayerMs.saxes)} / ${ms(x.xmlLayerMs["fast-xml-parser"])}`, budget: "(reported)", pass: undefined },
    ];
    return { rows, results: x };
  },
};

if (require.main === module && process.argv[2] === "--child") {
  measure(process.argv[3]).then(
    (x) => process.stdout.write(`READER_RESULTS ${JSON.stringify(x)}\n`),
    (e) => {
      process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
      process.exitCode = 1;
    },
  );
}
