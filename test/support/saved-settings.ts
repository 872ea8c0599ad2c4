import JSZip from "jszip";
import { SETTINGS_KEY } from "../../src/core/settings";

/**
 * A copy of an .xlsx carrying the add-in's settings as Office saves them: a web-extension part whose property
 * SETTINGS_KEY holds the JSON. Made here, from the committed fixture, never by hand.
 */
export async function withSavedSettings(bytes: Uint8Array, value: unknown): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const escaped = JSON.stringify(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F1C2B7E-3D4A-4E59-9B8C-5A7D2E1F0C93}"><we:reference id="wa000000000" version="0.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="${SETTINGS_KEY}" value="${escaped}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}
