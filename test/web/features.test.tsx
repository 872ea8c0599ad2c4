/**
 * @jest-environment jsdom
 */
import { render, screen } from "@testing-library/react";
import { App } from "../../src/web/App";
import { checkFeatures } from "../../src/web/features";

/** The feature check: what is missing is named, and the page says so instead of failing blank. */
describe("feature check", () => {
  /** jsdom's window with some globals replaced (jsdom has no TextDecoder, Worker or URL.createObjectURL). */
  function browser(globals: Record<string, unknown>): Window & typeof globalThis {
    const w = Object.create(window) as Window & typeof globalThis;
    for (const [k, v] of Object.entries({ document, ...globals })) Object.defineProperty(w, k, { value: v });
    return w;
  }
  const complete = { TextDecoder: class {}, Worker: class {}, URL: { createObjectURL: () => "blob:x" } };

  test("a browser with everything the page needs: nothing missing", () => {
    expect(checkFeatures(browser(complete)).missing).toEqual([]);
  });

  test("without TextDecoder and Worker: TextDecoder is missing, Worker falls back", () => {
    const r = checkFeatures(browser({ ...complete, TextDecoder: undefined, Worker: undefined }));
    expect(r.missing).toContain("TextDecoder");
    expect(r.degraded).toContain("Worker");
  });

  test("the page names what is missing, in Chinese by default", async () => {
    render(<App features={{ missing: ["TextDecoder"], degraded: [] }} initialLang="zh" />);
    const alert = await screen.findByTestId("missing-features");
    expect(alert.textContent).toContain("缺少：TextDecoder");
    expect(alert.textContent).toContain("Chromium 86");
  });

  test("with everything there, the file picker is offered and the degraded features are named", async () => {
    render(<App features={{ missing: [], degraded: ["Worker"] }} initialLang="en" />);
    expect((await screen.findByTestId("pick")).textContent).toBe("choose files");
    expect(screen.getByTestId("degraded").textContent).toContain("Worker");
  });
});
