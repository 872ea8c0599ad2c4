"use strict";
/**
 * The reader on the 500-form workbook (bench/generate.js), paired in the same run: our reader against the zlib floor
 * (unzip + inflate + UTF-8 decode of the parts the reader reads) and against SheetJS (xlsx 0.18.5, a devDependency
 * of the benchmark only). Reported beside them: the XML layer alone — our tokenizer against saxes and
 * fast-xml-parser over the same worksheet parts — the measurement the choice of tokenizer rests on.
 */
const fs = require("fs");
const path = require("path");

const ms = (x) => `${x.toFixed(1)} ms`;

module.exports = {
  title: "Reader",
  async run(ctx) {
    const { ROOT, B } = ctx;
    const median = ctx.median ?? ((xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
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
    for (let i = 0; i < 3; i++) floor(), ours(), sheetjs();
    // CPU time of this process (user + system), not wall time: the machine may be shared, and a paired ratio of
    // CPU times is what stays put when other processes take turns on the cores
    const cpu = (fn) => {
      const c0 = process.cpuUsage();
      fn();
      const d = process.cpuUsage(c0);
      return (d.user + d.system) / 1000;
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

    const rows = [
      { what: `500-form workbook (${forms} forms, ${(buf.length / 1048576).toFixed(2)} MB): our reader / zlib floor (CPU time, median of ${reps} paired runs)`, value: `${ratio.toFixed(2)}× (${ms(median(to))} / ${ms(median(tf))})`, budget: "≤ 6×", pass: ratio <= 6 },
      { what: `SheetJS read ÷ our reader (${ts.length} of the same runs)`, value: `${speedup.toFixed(2)}× (${ms(median(ts))})`, budget: "≥ 2×", pass: speedup >= 2 },
      { what: `XML layer over the worksheets (${(xmlBytes / 1048576).toFixed(1)} M chars): ours / saxes / fast-xml-parser`, value: `${ms(xml.ours)} / ${ms(xml.saxes)} / ${ms(xml["fast-xml-parser"])}`, budget: "(reported)", pass: undefined },
    ];
    return {
      rows,
      results: { file: path.relative(ROOT, file), forms, runs: reps, readerMs: median(to), floorMs: median(tf), sheetjsMs: median(ts), readerOverFloor: ratio, sheetjsOverReader: speedup, xmlLayerMs: xml, worksheetChars: xmlBytes },
    };
  },
};
