/** True when the bytes are a compound file (.xls, .et, .doc, an encrypted .xlsx…): the signature D0 CF 11 E0. Tiny on purpose: the web page's main bundle imports it, the reader itself is a chunk of its own. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}
