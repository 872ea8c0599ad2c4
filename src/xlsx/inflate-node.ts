import * as zlib from "zlib";
import { Inflate, InflateOverflow } from "./inflate";

/** Node's native zlib, synchronously; output capped at the declared size (zlib throws past maxOutputLength). */
export const nodeInflate: Inflate = (data, size) => {
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
  } catch (e) {
    if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new InflateOverflow(`the data unpacks to more than its declared ${size} bytes`);
    throw e;
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
