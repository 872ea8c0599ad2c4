/// <reference lib="webworker" />
import { processFile } from "./pipeline";
import { briefOf } from "./summary";

/**
 * The page's Web Worker: each file's bytes come in (transferred, not copied), its outcome goes back, and the bytes
 * are dropped — the page never holds more than the file being read, so memory stays flat over a batch.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;
ctx.onmessage = async (e: MessageEvent<{ id: number; name: string; buffer: ArrayBuffer; brief?: boolean }>) => {
  const { id, name, buffer, brief } = e.data;
  const outcome = await processFile(name, new Uint8Array(buffer));
  // a batch keeps only each file's summary rows: the full report is asked for again when it is shown
  ctx.postMessage({ id, outcome: brief ? briefOf(outcome) : outcome });
};
