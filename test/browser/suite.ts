import * as fs from "fs";
import * as path from "path";
import { ROOT, Session, buildHostScript, serveDist } from "./harness";

/**
 * The parts of the browser-test harness that register Jest hooks or assert (beforeAll/afterAll, expect). Apart from
 * harness.ts, which the benchmark compiles too (tsconfig.bench.json, no Jest types there): test/bench/sections.test.ts
 * holds every bench-compiled file to no Jest global.
 */

/** What a browser suite shares once its beforeAll ran: the served dist/ and, when asked for, the bundled test host. */
export interface Served {
  url: string;
  /** test/browser/host-entry.ts bundled (the fake Office.js); "" unless `host` was asked for */
  hostScript: string;
}

/**
 * The setup every browser suite repeats, registered in the calling describe: dist/ served on 127.0.0.1 before all
 * (after checking that `requires`, a file of the build, is there), the test host bundled (`host`), the server closed
 * after all. The returned object is filled in before the first test.
 */
export function serveForSuite(o: { host?: boolean; requires?: string; requiresHint?: string } = {}): Served {
  const served: Served = { url: "", hostScript: "" };
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    if (o.requires && !fs.existsSync(path.join(ROOT, o.requires))) throw new Error(o.requiresHint ?? `${o.requires} is missing: run \`npm run build\`.`);
    server = await serveDist();
    served.url = server.url;
    if (o.host) served.hostScript = await buildHostScript();
  });
  afterAll(async () => {
    await server?.close();
  });
  return served;
}

/**
 * The end of a test's session (in afterEach): unless `clean` says otherwise, it asked for nothing outside (blocked)
 * and the page printed no error; then closed. Returns null, for `session = await endSession(session)`.
 */
export async function endSession(session: Session | null, clean: { blocked?: boolean; errors?: boolean } = { blocked: true, errors: true }): Promise<null> {
  if (session) {
    if (clean.blocked) expect(session.blocked).toEqual([]);
    if (clean.errors) expect(session.errors).toEqual([]);
    await session.close();
  }
  return null;
}

