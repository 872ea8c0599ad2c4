/**
 * What the task pane's Content-Security-Policy must allow, and why (the README's CSP table says the same). Shared by the
 * Jest test of taskpane.html and the browser test of the built page.
 */
export const REQUIRED_CSP: Array<{ directive: string; source: string; why: string }> = [
  { directive: "script-src", source: "'self'", why: "the bundle and the ES5 fallback script" },
  { directive: "script-src", source: "https://appsforoffice.microsoft.com", why: "office.js and the host scripts it loads (excel-web-16.00.js, strings)" },
  { directive: "script-src", source: "https://ajax.aspnetcdn.com", why: "MicrosoftAjax.js, which office.js loads on some hosts (OfficeDev/office-js#1005)" },
  { directive: "frame-src", source: "https://appsforoffice.microsoft.com", why: "the frame office.js opens on Excel on the web when the host is not on its trusted list" },
  { directive: "style-src", source: "'unsafe-inline'", why: "Fluent UI (Griffel) inserts style elements; excel-web-16.00.js sets inline styles (OfficeDev/office-js#1687)" },
  { directive: "img-src", source: "data:", why: "icons inlined by Fluent UI" },
];

/** The sources each directive lists (a directive that is absent falls back to default-src). */
export function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** The required sources the policy does not allow, as "directive source". */
export function missingSources(csp: string): string[] {
  const p = parseCsp(csp);
  return REQUIRED_CSP.filter((r) => !(p.get(r.directive) ?? p.get("default-src") ?? []).includes(r.source)).map((r) => `${r.directive} ${r.source}`);
}

/** Sources no directive should allow: anything-goes wildcards and script evaluation. */
export function tooBroad(csp: string): string[] {
  const bad: string[] = [];
  for (const [d, sources] of parseCsp(csp)) for (const s of sources) if (s === "*" || s === "https:" || s === "'unsafe-eval'" || (d === "script-src" && s === "'unsafe-inline'")) bad.push(`${d} ${s}`);
  return bad;
}

export function cspOf(html: string): string {
  const m = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error("no Content-Security-Policy meta element");
  return m[1];
}
