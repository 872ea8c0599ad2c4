import * as path from "path";
import { FileTask, processFile } from "./process";
import { jsonElement } from "./pool";

/**
 * A pool child process (pool.ts forks it with its heap limit): it says when it is ready, gets the task, then checks
 * the files it is sent one at a time, in the order sent (a few wait in its queue so it never idles). It says when it
 * starts each (the time bound counts from then) and answers each with its outcome; with --json the file's element of
 * the output is serialized here. It ends when the parent closes the channel.
 */
let task: FileTask | null = null;
const queue: Array<{ i: number; file: string; rel: string }> = [];
let busy = false;

const send = (m: unknown) => new Promise<void>((resolve) => process.send!(m, undefined, undefined, () => resolve()));

/**
 * Test-only: SELFEVAL_TEST_RUNAWAY="memory:NAME", "outside:NAME", "hang:NAME" or "crash:NAME" makes this child run
 * away on the file called NAME (grow its heap without end, grow buffers outside the heap without end, block without
 * end) or exit on it, so that tests hold the bounds themselves to account whatever the reader does with hostile files.
 * Honoured here only, never by the reader or the checker.
 */
function runaway(file: string): void {
  const spec = process.env.SELFEVAL_TEST_RUNAWAY;
  if (!spec) return;
  const [mode, name] = [spec.slice(0, spec.indexOf(":")), spec.slice(spec.indexOf(":") + 1)];
  if (path.basename(file) !== name) return;
  if (mode === "memory") {
    const hoard: number[][] = [];
    for (let k = 0; ; k++) hoard.push(new Array<number>(1 << 20).fill(k)); // 4–8 MB a step: at the bound in about a second
  }
  if (mode === "outside") {
    // memory outside the V8 heap (what the heap limit does not see): 64 MB buffers, each touched, at a walk
    const hoard: Buffer[] = [];
    for (;;) {
      hoard.push(Buffer.alloc(64 * 1024 * 1024, 1));
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  if (mode === "crash") process.exit(70); // a death that is no bound's
  if (mode === "hang") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

async function pump(): Promise<void> {
  busy = true;
  while (queue.length > 0 && task) {
    const { i, file, rel } = queue.shift()!;
    await send({ started: i }); // written before the work starts: if this file ends the process, the parent knows which
    runaway(file);
    const outcome = await processFile(file, task, rel);
    if (task.json) {
      const { json, ...rest } = outcome;
      await send({ i, outcome: { ...rest, json: null, jsonElement: jsonElement(json) } });
    } else await send({ i, outcome });
  }
  busy = false;
}

process.on("message", (msg: { task: FileTask } | { i: number; file: string; rel: string } | { giveBack: number }) => {
  if ("task" in msg) task = msg.task;
  else if ("giveBack" in msg) {
    // another lane is idle at the end of the run: a file not started yet goes to it
    const k = queue.findIndex((q) => q.i === msg.giveBack);
    if (k >= 0) {
      queue.splice(k, 1);
      void send({ returned: msg.giveBack });
    }
    return;
  } else queue.push(msg);
  if (!busy) void pump();
});
process.on("disconnect", () => process.exit(0));
void send({ ready: true });
