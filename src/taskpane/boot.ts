/**
 * The bundle's first module: tells the ES5 fallback (fallback.js, loaded before the bundle) that the bundle parsed
 * and started, so it does not show the "this Excel cannot run the add-in" message.
 */
const w = window as unknown as { __selfevalBoot?: () => void };
if (typeof w.__selfevalBoot === "function") w.__selfevalBoot();
export {};
