"use strict";
/** A sheet formatted down to row 1,048,576: the CLI finds the forms and stays bounded in time and memory. */
const path = require("path");
const { spawnSync } = require("child_process");

module.exports = {
  title: "5. Hostile sheet (1,048,576-row used range), CLI check, median of 3",
  async run(ctx) {
    const made = await ctx.workbooks();
    let forms = null;
    const rss = [];
    const time = await ctx.samples(3, () => {
      const r = spawnSync(process.execPath, [path.join(ctx.ROOT, "bench/cli-stats.js"), "check", made.hostile, "--json"], { encoding: "utf8", maxBuffer: 1 << 28 });
      const s = JSON.parse(/BENCH_STATS (\{.*\})/.exec(r.stderr)[1]);
      forms = JSON.parse(r.stdout).files[0].forms.length;
      rss.push(s.maxRssKb / 1024);
      return s.wallMs;
    });
    const peak = ctx.stats(rss);
    return {
      rows: [
        { what: "forms found", value: String(forms), budget: "4", pass: forms === 4 },
        { what: "time (min–max)", value: ctx.spread(time), budget: "(reported)" },
        { what: "peak RSS (min–max)", value: ctx.spread(peak, " MB", 0), budget: "(reported)" },
      ],
      results: { forms, ms: time, maxRssMb: peak },
    };
  },
};
