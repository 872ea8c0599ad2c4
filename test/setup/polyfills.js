// jsdom test environments lack Node's structuredClone (browsers and Node have it): give them Node's.
if (typeof globalThis.structuredClone !== "function") {
  const v8 = require("v8");
  globalThis.structuredClone = (value) => v8.deserialize(v8.serialize(value));
}
// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar asks for one to reflow. Nothing resizes here.
if (typeof window !== "undefined" && typeof window.ResizeObserver !== "function") {
  window.ResizeObserver = class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
// jsdom test environments lack TextDecoder/TextEncoder (browsers and Node have them); the zip reader decodes at load.
if (typeof globalThis.TextDecoder !== "function" || typeof globalThis.TextEncoder !== "function") {
  const util = require("util");
  globalThis.TextDecoder = util.TextDecoder;
  globalThis.TextEncoder = util.TextEncoder;
}
