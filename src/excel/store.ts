/**
 * What the add-in keeps in the workbook itself (Office document settings, saved with the file): the record of its
 * highlights, so 清除标记 works after save and reopen, and — for write-back — what it overwrote.
 */
export function getSetting<T>(name: string): T | null {
  try {
    const v = Office.context.document.settings.get(name) as T | undefined;
    return v === undefined ? null : v;
  } catch {
    return null;
  }
}

export function putSetting(name: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = Office.context.document.settings;
    if (value === null) s.remove(name);
    else s.set(name, value);
    s.saveAsync((r) => {
      if (r.status === Office.AsyncResultStatus.Failed) reject(new Error(r.error?.message ?? "settings not saved"));
      else resolve();
    });
  });
}
