/**
 * What the page needs from the browser, checked before anything runs (Chromium 86+ kernels such as 360, 奇安信 and
 * WPS's browser, Edge, Firefox). Required features missing → the page says which and stops; optional ones missing →
 * the page uses its fallback and says so.
 */
export interface FeatureReport {
  /** missing, the page cannot work */
  missing: string[];
  /** missing, a fallback is used */
  degraded: string[];
}

export function checkFeatures(w: Window & typeof globalThis = window): FeatureReport {
  const missing: string[] = [];
  const degraded: string[] = [];
  const need = (ok: boolean, name: string) => {
    if (!ok) missing.push(name);
  };
  const fn = (v: unknown) => typeof v === "function";
  need(fn(w.Promise), "Promise");
  need(fn(w.Uint8Array) && fn(w.DataView), "Uint8Array/DataView");
  need(fn(w.TextDecoder), "TextDecoder");
  need(fn(w.Blob), "Blob");
  need(!!w.URL && fn(w.URL.createObjectURL), "URL.createObjectURL");
  need(fn(w.FileReader) || (!!w.Blob && fn(w.Blob.prototype.arrayBuffer)), "FileReader");
  need(fn(w.Map) && fn(w.Set), "Map/Set");
  need(fn(String.prototype.matchAll), "String.prototype.matchAll");
  need(fn(Array.prototype.flatMap), "Array.prototype.flatMap");
  need(fn(Object.fromEntries), "Object.fromEntries");
  if (!fn(w.Worker)) degraded.push("Worker");
  if (!(w.File && fn(w.File.prototype.arrayBuffer))) degraded.push("File.arrayBuffer");
  if (!("download" in w.document.createElement("a"))) degraded.push("<a download>");
  return { missing, degraded };
}
