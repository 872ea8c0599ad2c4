import { FileOutcome, processFile } from "./pipeline";

/**
 * Reads and checks files one at a time: in a Web Worker when the browser allows one (not from file://), else in the
 * page itself, yielding between files so the progress bar moves. One file's bytes are alive at a time.
 */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  // older kernels: File.arrayBuffer arrived in Chromium 76 / Firefox 69
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error ?? new Error("FileReader failed"));
    r.readAsArrayBuffer(file);
  });
}

export interface Checker {
  /** "worker" or "page": where the files are checked */
  readonly where: "worker" | "page";
  check(name: string, buffer: ArrayBuffer): Promise<FileOutcome>;
  dispose(): void;
}

function pageChecker(): Checker {
  return {
    where: "page",
    async check(name, buffer) {
      await new Promise((r) => setTimeout(r, 0)); // let the page paint the progress
      return processFile(name, new Uint8Array(buffer));
    },
    dispose() {},
  };
}

function workerChecker(worker: Worker): Checker {
  let next = 0;
  const pending = new Map<number, { resolve: (o: FileOutcome) => void; reject: (e: unknown) => void }>();
  worker.onmessage = (e: MessageEvent<{ id: number; outcome: FileOutcome }>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.resolve(e.data.outcome);
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    for (const p of pending.values()) p.reject(new Error(e.message || "worker failed"));
    pending.clear();
  };
  return {
    where: "worker",
    check(name, buffer) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, name, buffer }, [buffer]);
      });
    },
    dispose() {
      worker.terminate();
    },
  };
}

/** Starts the page's worker (src/web/web.tsx gives `new Worker(new URL("./worker.ts", import.meta.url))`). */
export type SpawnWorker = () => Worker;

/** A worker when one can be started and answers; the page otherwise. */
export async function createChecker(spawn: SpawnWorker | null): Promise<Checker> {
  if (!spawn || typeof Worker === "undefined" || location.protocol === "file:") return pageChecker();
  try {
    const worker = spawn();
    // a worker that cannot load its script fails with an error event: probe with an empty file
    const probe = workerChecker(worker);
    const ok = await Promise.race([
      probe.check("probe.xlsx", new ArrayBuffer(0)).then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((r) => setTimeout(() => r(false), 10000)),
    ]);
    if (ok) return probe;
    worker.terminate();
  } catch {
    // SecurityError (file://, a sandbox): check in the page
  }
  return pageChecker();
}
