/**
 * The add-in's own store in a workbook where the host has no Office document settings (WPS 表格): one custom XML part
 * holding every key the add-in keeps — settings, marks, the undo record — as JSON, with the time it was saved. The WPS
 * adapter writes it (src/wps/store.ts); the CLI and the web page read it from the .xlsx (customXml/item*.xml) beside
 * Office's settings, and when a workbook carries both, the newer record wins.
 *
 *   <selfeval xmlns="urn:selfeval:store:v1" savedAt="2026-12-01T10:00:00.000Z">{"selfeval.settings.v1":{…}}</selfeval>
 *
 * Pure string work: no DOM, no Node.
 */
export const STORE_NAMESPACE = "urn:selfeval:store:v1";

export interface StoreRecord {
  /** ISO time of the save */
  savedAt: string;
  values: Record<string, unknown>;
}

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    const code = k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** The part's XML for a record. */
export function storeXml(record: StoreRecord): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<selfeval xmlns="${STORE_NAMESPACE}" savedAt="${escapeXml(record.savedAt)}">${escapeXml(JSON.stringify(record.values))}</selfeval>`;
}

/**
 * The record in a part's XML, or null when it is not ours or is damaged. Tolerant of what a host may do when it keeps
 * the part (another prefix, single quotes, CDATA, whitespace), never throws.
 */
export function parseStoreXml(xml: string): StoreRecord | null {
  if (typeof xml !== "string" || xml.length > 64 * 1024 * 1024) return null;
  const open = /<(?:([A-Za-z_][\w.-]*):)?selfeval\b([^>]*)>/.exec(xml);
  if (!open) return null;
  const attrs = open[2];
  const ns = new RegExp(`xmlns(?::${open[1] ?? ""})?\\s*=\\s*(["'])${STORE_NAMESPACE.replace(/[.:]/g, "\\$&")}\\1`);
  if (!ns.test(attrs)) return null;
  const at = /savedAt\s*=\s*(["'])([^"']*)\1/.exec(attrs);
  const close = xml.indexOf(open[1] ? `</${open[1]}:selfeval>` : "</selfeval>", open.index + open[0].length);
  if (close < 0) return null;
  let body = xml.slice(open.index + open[0].length, close).trim();
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(body);
  body = cdata ? cdata[1] : unescapeXml(body);
  try {
    const values = JSON.parse(body) as unknown;
    if (!values || typeof values !== "object" || Array.isArray(values)) return null;
    return { savedAt: at ? unescapeXml(at[2]) : "", values: values as Record<string, unknown> };
  } catch {
    return null;
  }
}

/** The newest of several records (by savedAt; a record without one is the oldest), or null. */
export function newestRecord(records: ReadonlyArray<StoreRecord | null>): StoreRecord | null {
  let best: StoreRecord | null = null;
  for (const r of records) if (r && (!best || r.savedAt > best.savedAt)) best = r;
  return best;
}

/** When a value was saved: its own `savedAt` where it has one (the settings record), else `fallback`. */
function savedAtOf(value: unknown, fallback: string): string {
  const own = value && typeof value === "object" && !Array.isArray(value) ? (value as { savedAt?: unknown }).savedAt : undefined;
  return typeof own === "string" ? own : fallback;
}

/**
 * One key as a workbook carries it in Office's settings and in our part: the newer wins (a value without a time is
 * older than one with it; on a tie, Office's, which the add-in in Excel wrote).
 */
export function newerValue(office: unknown, ours: unknown, oursSavedAt: string): unknown {
  if (ours === null || ours === undefined) return office ?? null;
  if (office === null || office === undefined) return ours;
  return savedAtOf(ours, oursSavedAt) > savedAtOf(office, "") ? ours : office;
}
