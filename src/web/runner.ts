import { FileOutcome, processFile } from "./pipeline";
import { FileBrief, briefOf } from "./summary";

/**
 * Reads and checks files: in a pool of Web Workers when the browser allows them (not from file://) — one per core,
 * two at most, each file's bytes transferred to one of them and only its summary rows (a FileBrief) sent back — else in
 * the page itself, one at a time, yielding between files so the progress bar moves. A file's full report is asked for
 * again when it is shown or downloaded, so the page's memory does not grow with every report of the batch.
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

/** What the page asks its worker (src/web/worker.ts): a file's bytes (transferred), or the file itself to read there. */
export interface WorkerRequest {
  id: number;
  name: string;
  buffer?: ArrayBuffer;
  file?: Blob;
  brief: boolean;
}

export interface Checker {
  /** "worker" or "page": where the files are checked */
  readonly where: "worker" | "page";
  check(name: string, buffer: ArrayBuffer): Promise<FileOutcome>;
  /** the same check, only the file's summary rows back */
  brief(name: string, buffer: ArrayBuffer): Promise<FileBrief>;
  /**
   * The file's summary rows, the file itself handed over: a worker reads its bytes on its own thread, so the page's
   * thread only passes a handle and takes the rows back (a batch of 2,000 costs the page almost nothing per file).
   */
  briefFile(file: File): Promise<FileBrief>;
  dispose(): void;
}

function pageChecker(): Checker {
  return {
    where: "page",
    async check(name, buffer) {
      await new Promise((r) => setTimeout(r, 0)); // let the page paint the progress
      return processFile(name, new Uint8Array(buffer));
    },
    async brief(name, buffer) {
      await new Promise((r) => setTimeout(r, 0));
      return briefOf(await processFile(name, new Uint8Array(buffer)));
    },
    async briefFile(file) {
      return this.brief(file.name, await readFileBytes(file));
    },
    dispose() {},
  };
}

function workerChecker(worker: Worker): Checker {
  let next = 0;
  const pending = new Map<number, { resolve: (o: never) => void; reject: (e: unknown) => void }>();
  worker.onmessage = (e: MessageEvent<{ id: number; outcome: FileOutcome | FileBrief }>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.resolve(e.data.outcome as never);
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    for (const p of pending.values()) p.reject(new Error(e.message || "worker failed"));
    pending.clear();
  };
  const ask = <T>(message: WorkerRequest, transfer: Transferable[]) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id }, transfer);
    });
  return {
    where: "worker",
    check: (name, buffer) => ask<FileOutcome>({ id: 0, name, buffer, brief: false }, [buffer]),
    brief: (name, buffer) => ask<FileBrief>({ id: 0, name, buffer, brief: true }, [buffer]),
    briefFile: (file) => ask<FileBrief>({ id: 0, name: file.name, file, brief: true }, []),
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

/** Workers the page runs at once: one per core, two at most (the machine's other work keeps the rest). */
export function poolSize(cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 1 : 1): number {
  return Math.max(1, Math.min(2, cores));
}

/** `size` checkers: workers when they start (each probed), else the one page checker. */
export async function createCheckers(spawn: SpawnWorker | null, size: number): Promise<Checker[]> {
  const first = await createChecker(spawn);
  if (first.where === "page" || size <= 1) return [first];
  const rest = await Promise.all(Array.from({ length: size - 1 }, () => createChecker(spawn)));
  return [first, ...rest.filter((c) => c.where === "worker")];
}
