import { createRoot } from "react-dom/client";
import { Lang } from "../core/options";
import { App } from "./App";
import { checkFeatures } from "./features";

/**
 * The checker without Office (dist/web.html): the same engine as the add-in and the CLI, run in the browser on files
 * the person picks or drops. Nothing is sent anywhere: the page's CSP allows no connection at all.
 */
function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get("lang");
  if (q === "en" || q === "zh") return q;
  return "zh";
}

/** ?workers=1 (or 2): the pool's size, for the benchmark's one-against-two; else one per core, two at most. */
function workers(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get("workers"));
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : undefined;
}

const container = document.getElementById("container")!;
createRoot(container).render(
  <App features={checkFeatures()} initialLang={initialLang()} workers={workers()} spawnWorker={() => new Worker(new URL("./worker.ts", import.meta.url))} />,
);
