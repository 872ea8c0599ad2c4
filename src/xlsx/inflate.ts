/**
 * How the package reader unpacks a deflated zip entry: raw DEFLATE bytes in, at most `size` bytes out. An
 * implementation must refuse (throw InflateOverflow) rather than produce more than `size` bytes: `size` is what the
 * zip's directory declares, and a part that lies about it must not unpack without bound. Any other throw means the
 * deflate stream is damaged. Node's zlib backs it in the CLI (inflate-node.ts), fflate in the browser
 * (inflate-browser.ts).
 */
export type Inflate = (data: Uint8Array, size: number) => Uint8Array;

/** The data unpacks to more than its declared size (a size lie, told as a possible zip bomb, not as damage). */
export class InflateOverflow extends Error {}
