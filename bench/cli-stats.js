"use strict";
/**
 * The CLI as the benchmark runs it: build/cli/main.js, then one line on stderr with the whole process's CPU time and
 * peak RSS (worker threads included: getrusage of the process). `node bench/cli-stats.js check DIR --jobs 2`.
 *
 * On Linux the line also splits the CPU time by thread (/proc/self/task, read when main() has returned):
 *   mainMs    the main thread;
 *   bgMs      the threads still alive that are not the main thread: V8's background threads (the optimizing compiler,
 *             concurrent marking and sweeping, parallel scavenging) and libuv's;
 *   workersMs the rest of the process's CPU time: the worker threads, which have exited by then.
 * The /proc figures count in clock ticks (10 ms), the total in microseconds; they are null where /proc is missing.
 * hwmKb is the peak RSS since exec (VmHWM), free of what a fork carries over from the parent (see peakOfThisImage).
 */
const fs = require("fs");
const path = require("path");
const { main } = require(path.join(__dirname, "..", "build", "cli", "main.js"));

/** CPU time (ms) of each live thread of this process, by thread id; null without /proc. */
function threadCpu() {
  try {
    const hz = 100; // USER_HZ: what /proc reports in on every Linux architecture Node runs on
    const out = new Map();
    for (const tid of fs.readdirSync("/proc/self/task")) {
      let stat;
      try {
        stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      } catch {
        continue; // the thread ended meanwhile
      }
      // fields after the command name (which may hold spaces and parentheses): utime is the 14th field, stime the 15th
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(Number(tid), ((Number(f[11]) + Number(f[12])) * 1000) / hz);
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * The peak RSS of this process since its exec (VmHWM, kB), or null without /proc. getrusage's maxRSS can carry the
 * parent's size at fork time (a benchmark process holding hundreds of MB of generated workbooks made every child's
 * maxRSS at least that); VmHWM starts again with the new image.
 */
function peakOfThisImage() {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const t0 = process.hrtime.bigint();
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + "\n"),
  err: () => {},
  isTTY: false,
}).then((code) => {
  const u = process.resourceUsage();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  const threads = threadCpu();
  let split = { mainMs: null, bgMs: null, workersMs: null };
  if (threads && threads.has(process.pid)) {
    const mainMs = threads.get(process.pid);
    let bgMs = 0;
    for (const [tid, ms] of threads) if (tid !== process.pid) bgMs += ms;
    split = { mainMs, bgMs, workersMs: Math.max(0, cpuMs - mainMs - bgMs) };
  }
  process.stderr.write(`BENCH_STATS ${JSON.stringify({ code, wallMs, cpuMs, maxRssKb: u.maxRSS, hwmKb: peakOfThisImage(), ...split })}\n`);
  process.exitCode = code;
});
