import { STORE_NAMESPACE, StoreRecord, newestRecord, parseStoreXml, storeXml } from "../core/document-store";
import type { DocumentStore } from "../addin/port";
import { EtCustomXMLPart, EtWorkbook } from "./et";

/**
 * The port's document store in WPS: one custom XML part of the workbook (core/document-store.ts), saved with the file,
 * which the CLI and the web page read too. Never PluginStorage: it is shared by the add-in's pages but not saved.
 *
 * `put` re-reads the part (the ribbon's page may have saved since), changes one key, adds the new part and then removes
 * the old ones: a failure between the two leaves two parts, and the newer is read. A read-only workbook refuses.
 */
export function customXmlStore(book: () => EtWorkbook, now: () => Date = () => new Date()): DocumentStore {
  let copy: StoreRecord = { savedAt: "", values: {} };

  const readParts = (wb: EtWorkbook): { record: StoreRecord | null; parts: EtCustomXMLPart[] } => {
    const list = wb.CustomXMLParts;
    const n = list.Count;
    const parts: EtCustomXMLPart[] = [];
    const records: Array<StoreRecord | null> = [];
    for (let i = 1; i <= n; i++) {
      const p = list.Item(i);
      if (p.NamespaceURI !== STORE_NAMESPACE) continue;
      parts.push(p);
      records.push(parseStoreXml(p.XML));
    }
    return { record: newestRecord(records), parts };
  };

  const load = (): void => {
    try {
      const { record } = readParts(book());
      copy = record ? structured(record) : { savedAt: "", values: {} };
    } catch {
      // an old copy is still a copy
    }
  };
  const refresh = async (): Promise<void> => load();
  // loaded when the runtime starts, as Office loads its document settings
  load();

  return {
    refresh,
    get<T>(key: string): T | null {
      return Object.prototype.hasOwnProperty.call(copy.values, key) ? (structured(copy.values[key]) as T) : null;
    },
    async put(key: string, value: unknown): Promise<void> {
      const wb = book();
      const { record, parts } = readParts(wb);
      const base = record ? structured(record) : { savedAt: "", values: {} };
      if (wb.ReadOnly) throw new Error(`工作簿“${wb.Name}”为只读 / the workbook is read-only`);
      if (value === null) delete base.values[key];
      else base.values[key] = structured(value);
      let at = now().toISOString();
      // strictly newer than what is there, whatever the clock says
      if (base.savedAt && at <= base.savedAt) at = new Date(Date.parse(base.savedAt) + 1).toISOString();
      const next: StoreRecord = { savedAt: at, values: base.values };
      wb.CustomXMLParts.Add(storeXml(next));
      for (const p of parts) {
        try {
          p.Delete();
        } catch {
          // an old part left behind is older: the newer one is read
        }
      }
      copy = structured(next);
    },
  };
}

/** A deep copy of plain JSON data (Chromium 87 has no structuredClone). */
function structured<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
