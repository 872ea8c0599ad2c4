import { WorkbookPort } from "./port";

/**
 * Live mode: a person's edits, never the add-in's own writes. A host that tells an edit's source (Excel from ExcelApi
 * 1.14: triggerSource) drops our writes itself; for one that cannot, an edit within this window after one of our
 * writes is taken to be ours.
 */
export const OWN_WRITE_QUIET_MS = 2000;

/**
 * The port with its writes stamped: every writeCells and writeSheet through it opens the quiet window (when it starts
 * and again when it ends, as a host raises its events after the write), and `watch` asks that window.
 */
export function withOwnWrites(port: WorkbookPort, now: () => number = () => Date.now()): WorkbookPort {
  let quietUntil = 0;
  const stamp = () => {
    quietUntil = now() + OWN_WRITE_QUIET_MS;
  };
  const stamped =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      stamp();
      try {
        return await write(...args);
      } finally {
        stamp();
      }
    };
  return {
    capabilities: port.capabilities,
    store: port.store,
    readSnapshot: (options) => port.readSnapshot(options),
    readSheets: () => port.readSheets(),
    readCells: (cells) => port.readCells(cells),
    readComments: () => port.readComments(),
    writeCells: stamped((changes: Parameters<WorkbookPort["writeCells"]>[0], before: Parameters<WorkbookPort["writeCells"]>[1], comments?: Parameters<WorkbookPort["writeCells"]>[2]) => port.writeCells(changes, before, comments)),
    writeSheet: stamped((name: string, plan: Parameters<WorkbookPort["writeSheet"]>[1]) => port.writeSheet(name, plan)),
    select: (cell) => port.select(cell),
    watch: (onEdit, mayBeOurs) => port.watch(onEdit, () => now() < quietUntil || mayBeOurs()),
  };
}

/** Calls back with the sheet's name when a person edits it; returns the unsubscribe. */
export function watchEdits(port: WorkbookPort, onChanged: (sheet: string) => void): Promise<() => Promise<void>> {
  return port.watch(onChanged, () => false);
}
