/**
 * jsdom has no TextDecoder/TextEncoder; every browser the page runs in has (Chromium 38+, and the page's ES2020 bundle
 * needs Chromium 80+ to parse at all), and the shared reader makes its decoder when loaded. Node's, for the jsdom tests.
 */
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
