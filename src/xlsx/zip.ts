import { nodeInflate } from "./inflate-node";
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipLimits } from "./zip-archive";
import { decodePart } from "./xml";

export { DEFAULT_ZIP_LIMITS, ZipArchive, ZipError, partKey } from "./zip-archive";
export type { ZipEntry, ZipLimits } from "./zip-archive";

/** The package reader for Node (the CLI): the browser-safe ZipArchive with Node's zlib as its inflate. */
export class ZipReader extends ZipArchive {
  constructor(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    super(bytes, nodeInflate, limits);
  }

  /** A part's text (UTF-8 or UTF-16, as its byte order mark or declaration says); null when absent. */
  text(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : decodePart(b);
  }
}
