import { parentPort, workerData } from "worker_threads";
import { FileTask, processFile } from "./process";
import { jsonElement } from "./pool";

/**
 * A pool worker: it says when it is ready, then checks the files it is sent one at a time, in the order sent (a few
 * wait in its queue so it never idles), and answers each with its outcome; with --json the file's element of the
 * output is serialized here, off the main thread.
 */
const task = (workerData as { task: FileTask }).task;
const queue: Array<{ i: number; file: string }> = [];
let busy = false;

async function pump(): Promise<void> {
  busy = true;
  while (queue.length > 0) {
    const { i, file } = queue.shift()!;
    const outcome = await processFile(file, task);
    if (task.json) {
      const { json, ...rest } = outcome;
      parentPort!.postMessage({ i, outcome: { ...rest, json: null, jsonElement: jsonElement(json) } });
    } else parentPort!.postMessage({ i, outcome });
    // let messages in between files (checking a file never waits on anything, so they would wait for the whole queue)
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  busy = false;
}

parentPort!.on("message", (msg: { i: number; file: string } | { giveBack: number }) => {
  if ("giveBack" in msg) {
    // the main thread is idle at the end of the run: a file not started yet goes back to it
    const k = queue.findIndex((q) => q.i === msg.giveBack);
    if (k >= 0) {
      queue.splice(k, 1);
      parentPort!.postMessage({ returned: msg.giveBack });
    }
    return;
  }
  queue.push(msg);
  if (!busy) void pump();
});
parentPort!.postMessage({ ready: true });
