import { readSettingFromPackage } from "./workbook-reader";
import { ZipArchive } from "./zip-archive";
import { ZipReader } from "./zip";

/**
 * Reads the add-in's document settings from an .xlsx: Office stores them as properties of the add-in's web extension
 * part (xl/webextensions/webextension*.xml), each value JSON-encoded. The CLI checks a workbook the way the add-in
 * would, with the settings saved in it. (The browser-safe read is readSettingFromPackage in workbook-reader.ts.)
 */
export { SETTINGS_KEY } from "../core/settings";

export async function readDocumentSetting(buffer: Uint8Array | ArrayBuffer | ZipArchive, name: string): Promise<unknown> {
  const zip = buffer instanceof ZipArchive ? buffer : new ZipReader(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer));
  return readSettingFromPackage(zip, name);
}
