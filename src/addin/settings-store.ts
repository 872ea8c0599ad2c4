import { CheckOptions, Lang } from "../core/options";
import { Acknowledgement } from "../core/acknowledge";
import { SETTINGS_KEY, WorkbookSettings, optionsFor, readWorkbookSettings, storedSettings, withAcknowledgements } from "../core/settings";
import { DocumentStore, RefusedError } from "./port";

/**
 * The settings a workbook carries, in the document's store under core/settings' key. What they mean, what is stored and
 * how they become check options is core/settings.ts (the same for the CLI and the web page); this module only reads and
 * saves them.
 */
export const SETTINGS_SETTING = SETTINGS_KEY;

/** The settings saved in the workbook (this runtime's copy; refresh the store first to see another runtime's save). */
export function readSettings(store: DocumentStore): WorkbookSettings {
  return readWorkbookSettings(store.get(SETTINGS_KEY));
}

/**
 * Saves only what the person chose, with the version that says so and the time (a workbook that carries the settings
 * of both hosts — Office's and WPS's part — is read with the newer); a document that cannot be saved refuses. Settings
 * given without `acknowledgements` (the settings dialog's) keep the warnings confirmed in the workbook.
 */
export async function saveSettings(store: DocumentStore, s: WorkbookSettings): Promise<void> {
  const acknowledgements = s.acknowledgements ?? readSettings(store).acknowledgements;
  try {
    await store.put(SETTINGS_KEY, { ...storedSettings({ ...s, ...(acknowledgements ? { acknowledgements } : {}) }), savedAt: new Date().toISOString() });
  } catch (e) {
    throw new RefusedError(
      `无法在工作簿中保存设置（工作簿可能为只读）：${(e as Error).message}`,
      `Cannot save the settings in the workbook (it may be read-only): ${(e as Error).message}`,
    );
  }
}

/** The check options of the settings saved in the workbook now (read afresh: the other runtime may have saved), `overrides` on top. */
export async function savedOptions(store: DocumentStore, overrides: Partial<CheckOptions>): Promise<Partial<CheckOptions>> {
  await store.refresh();
  return optionsFor({ saved: store.get(SETTINGS_KEY), overrides });
}

/**
 * The check options the pane's settings stand for: core/settings optionsFor over the record these settings are
 * saved as, so exactly what the CLI and the web page get from the same workbook.
 */
export function settingsOptions(s: WorkbookSettings, lang: Lang): Partial<CheckOptions> {
  return optionsFor({ saved: storedSettings(s), lang });
}

/** The warnings confirmed (已核对) in the workbook, read afresh (the other runtime may have saved). */
export async function readAcknowledgements(store: DocumentStore): Promise<Acknowledgement[]> {
  await store.refresh();
  return readSettings(store).acknowledgements ?? [];
}

/**
 * Saves the warnings confirmed (已核对) in the workbook's settings record, every other key of it kept as saved
 * (core/settings withAcknowledgements); a document that cannot be saved refuses.
 */
export async function saveAcknowledgements(store: DocumentStore, list: readonly Acknowledgement[]): Promise<void> {
  await store.refresh();
  try {
    await store.put(SETTINGS_KEY, { ...withAcknowledgements(store.get(SETTINGS_KEY), list), savedAt: new Date().toISOString() });
  } catch (e) {
    throw new RefusedError(
      `无法在工作簿中保存核对记录（工作簿可能为只读）：${(e as Error).message}`,
      `Cannot save the confirmations in the workbook (it may be read-only): ${(e as Error).message}`,
    );
  }
}
