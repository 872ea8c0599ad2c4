/// <reference lib="webworker" />
import { FileOutcome, processFile } from "./pipeline";
import type { WorkerRequest } from "./runner";
import { briefOf } from "./summary";

/**
 * The page's Web Worker: each file's bytes come in (transferred, not copied), its outcome goes back, and the bytes
 * are dropped — the page never holds more than the file being read, so memory stays flat over a batch.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;
ctx.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { id, name, buffer, file, brief } = e.data;
  let outcome: FileOutcome;
  if (buffer) outcome = await processFile(name, new Uint8Array(buffer));
  else {
    // the file handed over: read here, off the page's thread (a file gone or unreadable is that file's line)
    let bytes: ArrayBuffer | null = null;
    let why = "";
    try {
      bytes = await (file as Blob).arrayBuffer();
    } catch (err) {
      why = err instanceof Error ? err.message : String(err);
    }
    outcome = bytes
      ? await processFile(name, new Uint8Array(bytes))
      : { name, size: file?.size ?? 0, reports: null, settings: null, problem: { kind: "unreadable", zh: `无法读取文件：${why}`, en: `the file cannot be read: ${why}` }, ms: 0 };
  }
  // a batch keeps only each file's summary rows: the full report is asked for again when it is shown
  ctx.postMessage({ id, outcome: brief ? briefOf(outcome) : outcome });
};
