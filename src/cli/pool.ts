import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { FileOutcome, FileTask } from "./process";

/**
 * Files checked in worker threads, one file at a time per worker, so memory stays flat however many files there are.
 * Outcomes are emitted in the input order.
 */
export function defaultJobs(files: number): number {
  if (files < 4) return 1;
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 8));
}

export async function runPool(files: string[], task: FileTask, jobs: number, emit: (i: number, o: FileOutcome) => void): Promise<void> {
  // compiled: build/cli/worker.js beside this file; under ts-jest this file is src/cli/pool.ts and the build is used
  const script = [path.join(__dirname, "worker.js"), path.join(__dirname, "..", "..", "build", "cli", "worker.js")].find((f) => fs.existsSync(f));
  if (!script) throw new Error("the CLI is not built (build/cli/worker.js): run npm run build:cli");
  const done = new Map<number, FileOutcome>();
  let nextToEmit = 0;
  let nextToStart = 0;
  const flush = () => {
    while (done.has(nextToEmit)) {
      emit(nextToEmit, done.get(nextToEmit)!);
      done.delete(nextToEmit);
      nextToEmit++;
    }
  };
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      let worker = new Worker(script, { workerData: { task } });
      try {
        while (nextToStart < files.length) {
          const i = nextToStart++;
          const outcome = await new Promise<FileOutcome>((resolve) => {
            const onMessage = (o: FileOutcome) => {
              worker.off("error", onError);
              resolve(o);
            };
            const onError = (e: Error) => {
              worker.off("message", onMessage);
              worker = new Worker(script, { workerData: { task } }); // a worker that died is replaced
              resolve({ json: { file: files[i], error: e.message, forms: [], findings: [] }, text: null, errors: 0, unreadable: `internal error: ${e.message}` });
            };
            worker.once("message", onMessage);
            worker.once("error", onError);
            worker.postMessage({ file: files[i] });
          });
          done.set(i, outcome);
          flush();
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  flush();
}
