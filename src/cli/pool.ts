import { ChildProcess, fork } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unreadableEntry } from "../core/file-json";
import { Lang } from "../core/options";
import { FileOutcome, FileTask } from "./process";

/** A timer that never keeps the process alive; where timers are plain numbers (a DOM test environment), nothing to do. */
const unref = (t: unknown): void => (t as { unref?: () => void } | null)?.unref?.();

/**
 * Several files checked at once, each in a child process that can be stopped: `jobs` children (build/cli/worker.js),
 * each started with a V8 heap limit (--max-old-space-size = the per-file memory bound) and watched by a per-file
 * timer. A child that runs out of memory, takes longer than the time bound on one file, or dies on it is ended (or
 * has ended itself) and replaced: that file is reported as over its bound, the files waiting in its queue go to the
 * others, and the run goes on. Why processes and not worker threads: on Node 20 a worker thread that reaches its
 * resourceLimits in some allocations (a Map or an array's backing store growing) aborts the whole process, parent
 * included (README, "One file never costs the batch"); a child's abort is only its own.
 *
 * A child holds a few files in its queue (it reads each when it reaches it, and says when it starts one: the time
 * bound counts from then), so it never idles waiting for the next one. Outcomes are emitted in the input order; a
 * file is handed out only while it is within a bounded window of the next one to emit, so however many files there
 * are, only a bounded number of outcomes is held and memory stays flat.
 */

/** What a lane hands back: the outcome, with the file's `--json` element already serialized by the child. */
export type PoolOutcome = FileOutcome & { jsonElement?: string };

/** Below this much work in total, a second child costs more than it saves (about 1 s of checking on one core). */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

/** Each file's memory bound when --max-memory is not given: a quarter of the machine's memory, from 512 MB to 2 GB. */
export function defaultMaxMemoryMb(totalMb = os.totalmem() / 1048576): number {
  return Math.max(512, Math.min(2048, Math.floor(totalMb / 4)));
}

/** Each file's time bound when --max-time is not given, in seconds. */
export const DEFAULT_MAX_TIME_S = 120;

export function cores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/** Memory available now (MB): what the system can give without swapping (MemAvailable on Linux). */
export function availableMb(): number {
  return os.freemem() / 1048576;
}

/**
 * Lanes to use when --jobs is not given: one for a single file or a few small ones; otherwise one per core, up to 8,
 * and no more than the memory available now holds at the per-file bound (every lane at its --max-memory at once
 * still fits): min(cores, 8, files, ⌊available MB ÷ max-memory MB⌋), at least 1. `totalBytes` is the sum of the
 * files' sizes (what the reading and checking cost grows with).
 */
export function defaultJobs(files: number, totalBytes = Infinity, coreCount = cores(), maxMemoryMb = defaultMaxMemoryMb(), freeMb = availableMb()): number {
  if (files < 2 || totalBytes < WORKER_MIN_BYTES) return 1;
  return Math.max(1, Math.min(coreCount, 8, files, Math.floor(freeMb / maxMemoryMb)));
}

/** The sum of the files' sizes (synchronous stats: nothing else to do meanwhile); a file that cannot be stat'ed counts 0. */
export function totalSize(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      const st = fs.statSync(f);
      if (st.isFile()) n += st.size;
    } catch {
      // reported when it is checked
    }
  }
  return n;
}

/** One element of the `--json` files array, indented as `JSON.stringify({ files }, null, 2)` indents it. */
export function jsonElement(json: unknown): string {
  // stringified in place, at its depth, then cut out: no second pass over the text to indent it
  return JSON.stringify({ files: [json] }, null, 2).slice(JSON_HEAD.length, -JSON_TAIL.length);
}
const JSON_HEAD = '{\n  "files": [\n';
const JSON_TAIL = "\n  ]\n}";

/** The compiled worker: build/cli/worker.js beside this file; under ts-jest this file is src/cli/pool.ts and the build is used. */
function workerScript(): string | null {
  return [path.join(__dirname, "worker.js"), path.join(__dirname, "..", "..", "build", "cli", "worker.js")].find((f) => fs.existsSync(f)) ?? null;
}

/**
 * Memory a child may hold beyond its heap bound before it is stopped (MB): the input file's bytes (up to 200 MB) and
 * its unpacked parts live outside the V8 heap, with the young generation and the code. Watched on Linux, where the
 * child's resident size is read from /proc every quarter second.
 */
export const OUTSIDE_HEAP_MB = 768;
const RSS_POLL_MS = 250;

/** A process's resident size in MB (Linux /proc), or null where it cannot be read. */
function residentMb(pid: number): number | null {
  try {
    const statm = fs.readFileSync(`/proc/${pid}/statm`, "utf8");
    return (Number(statm.split(" ")[1]) * 4096) / 1048576;
  } catch {
    return null;
  }
}

/** The per-file bounds. */
export interface Bounds {
  /** V8 heap of the child checking the file, MB */
  maxMemoryMb: number;
  /** wall-clock time from the moment the child starts the file, seconds */
  maxTimeS: number;
}

export interface PoolTuning {
  /** files queued in one child at most (the one it is checking included) */
  depth: number;
  /** files handed out ahead of the next one to emit, at most */
  window: number;
}

/** The one line for a file over its bound: 无法读取：超过时间/内存上限, then which bound. */
export function overBoundMessage(which: "time" | "memory", bounds: Bounds, lang: Lang): string {
  if (lang === "en")
    return `cannot be read: over the time/memory bound (${which === "time" ? `more than ${bounds.maxTimeS} s, --max-time` : `more than ${bounds.maxMemoryMb} MB, --max-memory`}); the file was not checked, the others were.`;
  return `无法读取：超过时间/内存上限（${which === "time" ? `超过 ${bounds.maxTimeS} 秒，--max-time` : `超过 ${bounds.maxMemoryMb} MB，--max-memory`}）；该文件未校验，其余文件照常校验。`;
}

/**
 * The outcome of a file that could not be checked: the same entry as an unreadable file's (process.ts). A message
 * that already starts with the verdict's word (无法读取：…, the bound's) is the verdict's text as it is.
 */
export function unreadableOutcome(file: string, msg: string, lang: Lang): PoolOutcome {
  const entry = unreadableEntry(file, msg, lang);
  const said = lang === "en" ? /^cannot be read: /i : /^无法读取：/;
  if (said.test(msg)) entry.verdict = { ...entry.verdict, text: `${entry.verdict.text.slice(0, entry.verdict.text.length - msg.length)}${msg.replace(said, "")}` };
  return { json: entry, text: null, errors: 0, unreadable: msg };
}

interface Lane {
  child: ChildProcess;
  ready: boolean;
  dead: boolean;
  /** file indexes sent to this child, in the order it checks them */
  queue: number[];
  /** the file the child said it started, and its timer */
  current: number | null;
  timer: NodeJS.Timeout | null;
  /** why we ended it, when we did */
  killedFor: "time" | "memory" | null;
  /** a file asked back (not started yet), while the answer is awaited */
  asked: number | null;
  /** the last of what the child wrote on stderr (V8 says there why it aborted) */
  stderr: string;
}

/** Messages from a child (worker.ts). */
type ChildMessage = { ready: true } | { started: number } | { returned: number } | { i: number; outcome: PoolOutcome };

/** What a child gets per file: its index, its path, and its copy's path under --out (relative). */
export interface PoolFile {
  file: string;
  /** the copy's place under --out: the file's path relative to the folder it was found in (its name, when named) */
  rel: string;
}

export async function runPool(
  entries: Array<string | PoolFile>,
  task: FileTask,
  jobs: number,
  emit: (i: number, o: PoolOutcome) => void,
  tuning: Partial<PoolTuning> = {},
  bounds: Bounds = { maxMemoryMb: defaultMaxMemoryMb(), maxTimeS: DEFAULT_MAX_TIME_S },
): Promise<void> {
  const files: PoolFile[] = entries.map((e) => (typeof e === "string" ? { file: e, rel: path.basename(e) } : e));
  if (files.length === 0) return;
  jobs = Math.max(1, Math.min(jobs, files.length));
  const depth = Math.max(1, tuning.depth ?? 3);
  const window = Math.max(jobs * depth + 1, tuning.window ?? Math.max(32, jobs * 8));
  const script = workerScript();
  if (!script) throw new Error("the CLI is not built (build/cli/worker.js): run npm run build:cli");

  const done = new Map<number, PoolOutcome>();
  const retry: number[] = []; // files whose child died before reaching them, or given back
  let nextToEmit = 0;
  let nextToStart = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  const canStart = () => retry.length > 0 || (nextToStart < files.length && nextToStart < nextToEmit + window);
  const take = (): number => (retry.length > 0 ? retry.shift()! : nextToStart++);
  const record = (i: number, o: PoolOutcome) => {
    if (done.has(i) || i < nextToEmit) return; // once only
    done.set(i, o);
    while (done.has(nextToEmit)) {
      const x = done.get(nextToEmit)!;
      done.delete(nextToEmit);
      emit(nextToEmit, x);
      nextToEmit++;
    }
    notify();
  };
  const internal = (i: number, zh: string, en: string) => unreadableOutcome(files[i].file, task.lang === "en" ? `internal error: ${en}` : `内部错误：${zh}`, task.lang);

  const lanes: Lane[] = [];
  let closing = false;
  let bootFailures = 0;
  const dispatch = () => {
    for (const lane of lanes) {
      while (lane.ready && !lane.dead && lane.queue.length < depth && canStart()) {
        const i = take();
        lane.queue.push(i);
        lane.child.send({ i, file: files[i].file, rel: files[i].rel });
      }
    }
  };
  const startChild = () => {
    const child = fork(script, [], {
      execArgv: [`--max-old-space-size=${bounds.maxMemoryMb}`],
      env: process.env, // (the default, said: under jest this module's process.env is the test's)
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    const lane: Lane = { child, ready: false, dead: false, queue: [], current: null, timer: null, killedFor: null, asked: null, stderr: "" };
    lanes.push(lane);
    if (process.platform === "linux" && child.pid !== undefined) {
      const pid = child.pid;
      const limit = bounds.maxMemoryMb + OUTSIDE_HEAP_MB;
      const watch = setInterval(() => {
        if (lane.dead) return clearInterval(watch);
        const rss = residentMb(pid);
        if (rss !== null && rss > limit && lane.current !== null) {
          lane.killedFor = "memory";
          child.kill("SIGKILL");
        }
      }, RSS_POLL_MS);
      unref(watch);
      child.once("exit", () => clearInterval(watch));
    }
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (d: string) => {
      lane.stderr = (lane.stderr + d).slice(-4000);
    });
    const stopTimer = () => {
      if (lane.timer) clearTimeout(lane.timer);
      lane.timer = null;
    };
    child.on("message", (m: ChildMessage) => {
      if (lane.dead) return;
      if ("ready" in m) {
        lane.ready = true;
        child.send({ task });
      } else if ("started" in m) {
        stopTimer();
        lane.current = m.started;
        lane.timer = setTimeout(() => {
          if (lane.dead || lane.current !== m.started) return;
          lane.killedFor = "time";
          child.kill("SIGKILL");
        }, bounds.maxTimeS * 1000);
        unref(lane.timer);
      } else if ("returned" in m) {
        // a file the child had not started, given back for an idle lane
        lane.queue.splice(lane.queue.indexOf(m.returned), 1);
        retry.push(m.returned);
      } else {
        stopTimer();
        lane.current = null;
        lane.queue.splice(lane.queue.indexOf(m.i), 1);
        bootFailures = 0; // children do check files
        record(m.i, m.outcome);
      }
      if (lane.asked !== null && !lane.queue.includes(lane.asked)) lane.asked = null;
      dispatch();
      notify();
    });
    const died = (code: number | null, signal: NodeJS.Signals | null, error?: Error) => {
      if (lane.dead) return;
      lane.dead = true;
      stopTimer();
      if (closing) return;
      // the child checks its queue in order: the file it had started is the one it died on; the others go back
      // (a child says so before it starts a file: one that died with none started is not blamed on a file)
      const culprit = lane.current;
      const rest = lane.queue.filter((i) => i !== culprit);
      lane.queue = [];
      retry.unshift(...rest);
      if (culprit !== null) {
        const memory = /out of memory|Allocation failed|heap limit/i.test(lane.stderr);
        if (lane.killedFor === "time") record(culprit, unreadableOutcome(files[culprit].file, overBoundMessage("time", bounds, task.lang), task.lang));
        else if (memory || lane.killedFor === "memory") record(culprit, unreadableOutcome(files[culprit].file, overBoundMessage("memory", bounds, task.lang), task.lang));
        else {
          const how = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`;
          record(culprit, internal(culprit, `校验进程在此文件上中止（${how}）；其余文件照常校验。`, `the checking process stopped on this file (${how}); the others were checked.`));
        }
      }
      if (!lane.ready || culprit === null) bootFailures++; // died before any file of its own: counted, not retried forever
      // replaced while there is work left; a child that cannot even start is retried a few times, not over and over
      const workLeft = nextToStart < files.length || retry.length > 0;
      if (workLeft && bootFailures < 3) startChild();
      else if (workLeft && lanes.every((l) => l.dead)) {
        // no child will start: every file left is said to be so, and the run ends
        const why = error ? error.message : lane.stderr.trim().split("\n").pop() || `exit code ${code}`;
        while (canStart() || nextToStart < files.length) {
          const i = take();
          record(i, internal(i, `校验进程无法启动（${why}）。`, `the checking process could not start (${why}).`));
        }
      }
      dispatch();
      notify();
    };
    child.on("error", (e) => {
      died(null, null, e);
      child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => died(code, signal));
  };
  for (let k = 0; k < jobs; k++) startChild();

  try {
    for (;;) {
      dispatch();
      if (nextToEmit >= files.length) break;
      // the tail: nothing left to hand out, a lane idle, while another still has files waiting in its queue: ask the
      // last one back (the child returns it only if it has not started it)
      if (!canStart() && nextToStart >= files.length && lanes.some((l) => l.ready && !l.dead && l.queue.length === 0)) {
        const lane = lanes.filter((l) => !l.dead && l.asked === null && l.queue.length > 1).sort((a, b) => b.queue.length - a.queue.length)[0];
        if (lane) {
          lane.asked = lane.queue[lane.queue.length - 1];
          lane.child.send({ giveBack: lane.asked });
        }
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    closing = true;
    await Promise.all(
      lanes.map(
        (l) =>
          new Promise<void>((resolve) => {
            if (l.dead || l.child.exitCode !== null || l.child.signalCode !== null) return resolve();
            l.child.once("exit", () => resolve());
            if (l.child.connected) l.child.disconnect(); // the child ends when its channel closes
            else l.child.kill("SIGKILL");
          }),
      ),
    );
  }
}
