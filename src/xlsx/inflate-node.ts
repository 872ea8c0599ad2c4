import * as zlib from "zlib";
import type { Inflate } from "./inflate";

/** Node's native zlib, synchronously; output capped at the declared size (zlib throws past maxOutputLength). */
export const nodeInflate: Inflate = (data, size) => {
  const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
