import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { FileOutcome, FileTask, processFile } from "./process";

/**
 * Several files checked at once: the main thread is one lane and starts on the first file at once; `jobs - 1` worker
 * threads boot meanwhile and join as each one is ready. A worker holds a few files in its queue (it reads each when it
 * reaches it), so it never idles waiting for the main thread to send the next one. Outcomes are emitted in the input
 * order; a file is handed out only while it is within a bounded window of the next one to emit, so however many files
 * there are, only a bounded number of outcomes is held and memory stays flat.
 */

/** What a lane hands back: the outcome, with the file's `--json` element already serialized when it came from a worker. */
export type PoolOutcome = FileOutcome & { jsonElement?: string };

/** Below this much work in total, booting a worker costs more than it saves (about 1 s of checking on one thread). */
export const WORKER_MIN_BYTES = 2 * 1024 * 1024;

export function cores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

/**
 * Lanes to use when --jobs is not given: one (no worker at all) for a single file or a few small ones; otherwise one per
 * core, up to 8. `totalBytes` is the sum of the files' sizes (what the reading and checking cost grows with).
 */
export function defaultJobs(files: number, totalBytes = Infinity, coreCount = cores()): number {
  if (files < 2 || totalBytes < WORKER_MIN_BYTES) return 1;
  return Math.max(1, Math.min(coreCount, 8, files));
}

/** The sum of the files' sizes (synchronous stats: nothing else to do meanwhile); a file that cannot be stat'ed counts 0. */
export function totalSize(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += fs.statSync(f).size;
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

export interface PoolTuning {
  /** files queued in one worker at most (the one it is checking included) */
  depth: number;
  /** files handed out ahead of the next one to emit, at most */
  window: number;
  /** the main thread checks files too (default); false leaves them all to the workers, unless every worker is gone */
  mainLane: boolean;
}

interface Lane {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  /** file indexes sent to this worker, in the order it checks them */
  queue: number[];
  /** a file asked back (not started yet), while the answer is awaited */
  asked: number | null;
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runPool(files: string[], task: FileTask, jobs: number, emit: (i: number, o: PoolOutcome) => void, tuning: Partial<PoolTuning> = {}): Promise<void> {
  const depth = Math.max(1, tuning.depth ?? 3);
  const window = Math.max(jobs * depth + 1, tuning.window ?? Math.max(32, jobs * 8));
  const script = jobs > 1 ? workerScript() : null;
  if (jobs > 1 && !script) throw new Error("the CLI is not built (build/cli/worker.js): run npm run build:cli");

  const done = new Map<number, PoolOutcome>();
  const retry: number[] = []; // files whose worker died before reaching them
  const givenBack: number[] = []; // files a worker gave back, for the main thread only
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
    done.set(i, o);
    while (done.has(nextToEmit)) {
      const x = done.get(nextToEmit)!;
      done.delete(nextToEmit);
      emit(nextToEmit, x);
      nextToEmit++;
    }
    notify();
  };
  const internalError = (i: number, e: Error): PoolOutcome => ({
    json: { file: files[i], error: e.message, forms: [], findings: [] },
    text: null,
    errors: 0,
    unreadable: `internal error: ${e.message}`,
  });

  const lanes: Lane[] = [];
  let closing = false;
  const dispatch = () => {
    for (const lane of lanes) {
      while (lane.ready && !lane.dead && lane.queue.length < depth && canStart()) {
        const i = take();
        lane.queue.push(i);
        lane.worker.postMessage({ i, file: files[i] });
      }
    }
  };
  const startWorker = () => {
    const worker = new Worker(script!, { workerData: { task } });
    const lane: Lane = { worker, ready: false, dead: false, queue: [], asked: null };
    lanes.push(lane);
    worker.on("message", (m: { ready: true } | { returned: number } | { i: number; outcome: PoolOutcome }) => {
      if ("ready" in m) lane.ready = true;
      else if ("returned" in m) {
        // a file the worker had not started, given back for the idle main thread
        lane.queue.splice(lane.queue.indexOf(m.returned), 1);
        givenBack.push(m.returned);
      } else {
        lane.queue.splice(lane.queue.indexOf(m.i), 1);
        record(m.i, m.outcome);
      }
      if (lane.asked !== null && !lane.queue.includes(lane.asked)) lane.asked = null;
      dispatch();
      notify();
    });
    const died = (e: Error) => {
      if (lane.dead || closing) return;
      lane.dead = true;
      // the worker checks its queue in order: the first file is the one it died on; the others go back to the queue
      const [culprit, ...rest] = lane.queue;
      lane.queue = [];
      retry.push(...rest);
      if (culprit !== undefined) record(culprit, internalError(culprit, e));
      // replaced only when it had been working: a worker that cannot even start is not restarted over and over
      if (lane.ready && (nextToStart < files.length || retry.length > 0)) startWorker();
      dispatch();
      notify();
    };
    worker.on("error", died);
    worker.on("exit", (code) => {
      if (!lane.dead && code !== 0) died(new Error(`worker exited with code ${code}`));
      lane.dead = true;
      notify();
    });
  };
  for (let k = 1; k < jobs; k++) startWorker();

  try {
    // the main thread is a lane too: it starts at once, and hands files to workers between its own
    for (;;) {
      dispatch();
      const mainTakes = tuning.mainLane !== false || lanes.every((l) => l.dead);
      if (mainTakes && (givenBack.length > 0 || canStart())) {
        const i = givenBack.length > 0 ? givenBack.shift()! : take();
        let o: PoolOutcome;
        try {
          o = await processFile(files[i], task);
        } catch (e) {
          o = internalError(i, e instanceof Error ? e : new Error(String(e)));
        }
        record(i, o);
        await yieldToEvents(); // let worker messages in: a worker's queue is refilled between the main thread's files
        continue;
      }
      if (nextToEmit >= files.length) break;
      const busy = lanes.some((l) => !l.dead && l.queue.length > 0);
      if (!busy && !canStart() && retry.length === 0 && givenBack.length === 0) break; // nothing left that anyone will finish
      if (mainTakes) {
        // the tail: nothing left to hand out and the main thread idle, while a worker still has files waiting in its
        // queue: ask the last one back (the worker returns it only if it has not started it)
        const lane = lanes.filter((l) => !l.dead && l.asked === null && l.queue.length > 1).sort((a, b) => b.queue.length - a.queue.length)[0];
        if (lane) {
          lane.asked = lane.queue[lane.queue.length - 1];
          lane.worker.postMessage({ giveBack: lane.asked });
        }
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    closing = true;
    await Promise.all(lanes.map((l) => l.worker.terminate()));
  }
}
