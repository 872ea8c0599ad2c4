import { ZipReader } from "./zip";

/**
 * Reads the add-in's document settings from an .xlsx: Office stores them as properties of the add-in's web extension
 * part (xl/webextensions/webextension*.xml), each value JSON-encoded. The CLI checks a workbook the way the add-in
 * would, with the settings saved in it.
 */
export const SETTINGS_KEY = "selfeval.settings.v1";

function unescapeXml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCharCode(parseInt(h, 16))).replace(/&amp;/g, "&");
}

export async function readDocumentSetting(buffer: Buffer | ArrayBuffer | ZipReader, name: string): Promise<unknown> {
  const zip = buffer instanceof ZipReader ? buffer : new ZipReader(Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer));
  const parts = [...zip.entries.keys()].filter((f) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(f));
  for (const p of parts) {
    const xml = zip.text(p) ?? "";
    for (const m of xml.matchAll(/<(?:\w+:)?property\s+([^>]*?)\/?>/g)) {
      const attrs = m[1];
      const n = /name="([^"]*)"/.exec(attrs);
      const v = /value="([^"]*)"/.exec(attrs);
      if (!n || !v || unescapeXml(n[1]) !== name) continue;
      try {
        let value: unknown = JSON.parse(unescapeXml(v[1]));
        if (typeof value === "string") value = JSON.parse(value);
        return value;
      } catch {
        return null;
      }
    }
  }
  return null;
}
