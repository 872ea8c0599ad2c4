"use strict";
/**
 * The CLI as the benchmark runs it: build/cli/main.js, then one line on stderr with the CPU time and peak RSS of the
 * whole run: this process (getrusage) and the child processes that check the files (their CPU time once reaped; the
 * tree's resident size sampled every 50 ms). `node bench/cli-stats.js check DIR --jobs 2`.
 *
 * On Linux the line also splits the CPU time by thread (/proc/self/task, read when main() has returned):
 *   mainMs    the main thread;
 *   bgMs      the threads still alive that are not the main thread: V8's background threads (the optimizing compiler,
 *             concurrent marking and sweeping, parallel scavenging) and libuv's;
 *   workersMs the rest: the child processes' CPU time (childrenCpuMs) and any worker threads', exited by then.
 * The /proc figures count in clock ticks (10 ms), the total in microseconds; they are null where /proc is missing.
 * hwmKb is this process's peak RSS since exec (VmHWM), free of what a fork carries over from the parent (getrusage's
 * maxRSS can start at the benchmark process's size); treeKb the sampled peak of the process tree's RSS.
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
 * The CLI checks every file in child processes (src/cli/pool.ts): their CPU time is the children's, counted by the
 * kernel once they are reaped (cutime + cstime of /proc/self/stat, clock ticks); null without /proc.
 */
function childrenCpuMs() {
  try {
    const stat = fs.readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Resident size (KB) of this process and its children, summed: the process tree's, sampled. */
function treeRssKb() {
  try {
    let kb = 0;
    const pids = [process.pid];
    for (const tid of fs.readdirSync("/proc/self/task")) {
      try {
        for (const c of fs.readFileSync(`/proc/self/task/${tid}/children`, "utf8").trim().split(/\s+/)) if (c) pids.push(Number(c));
      } catch {
        // the thread ended meanwhile
      }
    }
    for (const pid of pids) {
      try {
        kb += Number(fs.readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4;
      } catch {
        // the child ended meanwhile
      }
    }
    return kb;
  } catch {
    return null;
  }
}
let treePeakKb = 0;
const sampler = setInterval(() => {
  const kb = treeRssKb();
  if (kb !== null && kb > treePeakKb) treePeakKb = kb;
}, 50);

/** The peak RSS of this process since its exec (VmHWM, kB), or null without /proc. */
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
  clearInterval(sampler);
  const u = process.resourceUsage();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const ownCpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
  const childMs = childrenCpuMs();
  const cpuMs = ownCpuMs + (childMs ?? 0);
  const threads = threadCpu();
  let split = { mainMs: null, bgMs: null, workersMs: null };
  if (threads && threads.has(process.pid)) {
    const mainMs = threads.get(process.pid);
    let bgMs = 0;
    for (const [tid, ms] of threads) if (tid !== process.pid) bgMs += ms;
    // workers: the rest of this process's time (worker threads, if any) and the child processes'
    split = { mainMs, bgMs, workersMs: Math.max(0, ownCpuMs - mainMs - bgMs) + (childMs ?? 0) };
  }
  // peak RSS of the whole tree: the sampled sum of this process and its children, or this process's own peak
  const maxRssKb = Math.max(u.maxRSS, treePeakKb);
  process.stderr.write(`BENCH_STATS ${JSON.stringify({ code, wallMs, cpuMs, maxRssKb, childrenCpuMs: childMs, hwmKb: peakOfThisImage(), treeKb: treePeakKb || null, ...split })}\n`);
  process.exitCode = code;
});
