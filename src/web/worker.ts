/// <reference lib="webworker" />
import { processFile } from "./pipeline";

/**
 * The page's Web Worker: each file's bytes come in (transferred, not copied), its outcome goes back, and the bytes
 * are dropped — the page never holds more than the file being read, so memory stays flat over a batch.
 */
const ctx = self as unknown as DedicatedWorkerGlobalScope;
ctx.onmessage = async (e: MessageEvent<{ id: number; name: string; buffer: ArrayBuffer }>) => {
  const { id, name, buffer } = e.data;
  const outcome = await processFile(name, new Uint8Array(buffer));
  ctx.postMessage({ id, outcome });
};
