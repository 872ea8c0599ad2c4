/**
 * What the add-in keeps in the workbook itself (Office document settings, saved with the file): the record of its
 * highlights, so 清除标记 works after save and reopen, and — for write-back — what it overwrote.
 *
 * Each runtime (the pane; the ribbon command, which without a shared runtime runs in its own) holds its own in-memory
 * copy of the settings, loaded when it starts, and saveAsync writes that whole copy back. So every change here is a
 * read-modify-write on a fresh copy: refreshAsync first, then change one key, then save — never a save of a stale copy.
 * These three are the port's document store (src/addin/port.ts DocumentStore) for Office.
 */
export function getSetting<T>(name: string): T | null {
  try {
    const v = Office.context.document.settings.get(name) as T | undefined;
    return v === undefined ? null : v;
  } catch {
    return null;
  }
}

/** Reloads this runtime's copy from the document (what another runtime saved). Never fails: an old copy is still a copy. */
export function refreshSettings(): Promise<void> {
  return new Promise((resolve) => {
    try {
      const s = Office.context.document.settings as Office.Settings & { refreshAsync?: (cb: () => void) => void };
      if (typeof s.refreshAsync !== "function") return resolve();
      s.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

function save(): Promise<void> {
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Failed) reject(new Error(r.error?.message ?? "settings not saved"));
      else resolve();
    });
  });
}

/** Sets (or with null removes) one setting: refresh, change, save. */
export async function putSetting(name: string, value: unknown): Promise<void> {
  await refreshSettings();
  const s = Office.context.document.settings;
  if (value === null) s.remove(name);
  else s.set(name, value);
  await save();
}
