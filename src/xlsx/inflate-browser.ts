import { Inflate as FflateInflate } from "fflate";
import { Inflate, InflateOverflow } from "./inflate";

/**
 * fflate's pure-JS inflate for the browser (Chromium 86+ has no DecompressionStream('deflate-raw')). The input is fed
 * in 64 KB slices and the output counted as it comes, so a part that unpacks past its declared size is refused after
 * at most one slice's worth of output, never inflated to the end.
 */
const SLICE = 64 * 1024;

export const browserInflate: Inflate = (data, size) => {
  const out = new Uint8Array(size);
  let n = 0;
  const stream = new FflateInflate((chunk) => {
    if (n + chunk.length > size) throw new InflateOverflow(`the data unpacks to more than its declared ${size} bytes`);
    out.set(chunk, n);
    n += chunk.length;
  });
  for (let p = 0; p < data.length; p += SLICE) stream.push(data.subarray(p, Math.min(data.length, p + SLICE)), p + SLICE >= data.length);
  if (data.length === 0) stream.push(data, true);
  return n === size ? out : out.subarray(0, n);
};
