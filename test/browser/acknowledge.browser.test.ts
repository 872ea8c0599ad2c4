import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { CHROMIUM, OUTPUT, ROOT, Session, axeSerious, openPane, openWeb } from "./harness";
import { endSession, serveForSuite } from "./suite";
import { CHROMIUM_TOOL, describeWithTool } from "../support/tools";
import { withSavedSettings } from "../support/saved-settings";
import { fixturePath, loadFixture } from "../support/workbooks";

/**
 * 已核对 end to end on the production bundles (issue 34), in Debian's Chromium: in the pane (over the test host) and
 * in the web page (a one-file check), the clerk confirms 项目4's one warning with a reason; the verdict says
 * 「可以提交（已核对 1 个）」; the workbook (the pane's settings record) or the downloaded annotated copy (the page)
 * carries it, and `selfeval check --json` of that workbook lists it apart with its reason. Undo is one click; axe
 * finds nothing serious with the reason form open and after.
 */
const suite = describeWithTool(CHROMIUM_TOOL(CHROMIUM));

jest.setTimeout(120000);

const REASON = "超额系企业报名踊跃，偏差原因已说明";

interface JsonForm {
  sheet: string;
  verdict: { kind: string; text: string; acknowledged?: number; counts: Record<string, number> };
  acknowledged?: Array<{ rule: string; cell: string; reason: string; date: string }>;
}

/** `selfeval check FILE --json` (bin/selfeval.js, built by `npm run build:cli`) of these bytes. */
function cliForms(bytes: Uint8Array | Buffer): JsonForm[] {
  if (!fs.existsSync(path.join(ROOT, "build/cli/main.js"))) throw new Error("build/ is missing: run `npm run build:cli` first (npm test does it).");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-ack-browser-"));
  const file = path.join(dir, "official.checked.xlsx");
  fs.writeFileSync(file, bytes);
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, "bin/selfeval.js"), "check", file, "--json"], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit code 1 (an error-level finding elsewhere) still prints the JSON
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return JSON.parse(out).files[0].forms;
}

suite("已核对 in Chromium", () => {
  const served = serveForSuite({ host: true });
  let session: Session | null = null;

  beforeAll(() => {
    fs.mkdirSync(OUTPUT, { recursive: true });
  });
  afterEach(async () => {
    session = await endSession(session);
  });

  test("the pane: confirm with a reason → saved in the workbook → the CLI lists it; the verdict counts it; undo in one click", async () => {
    session = await openPane(served.url, served.hostScript, await loadFixture("official"));
    const { page } = session;
    await page.getByTestId("check").click();
    await page.waitForSelector("[data-testid=check]:not([aria-disabled=true])");
    const card = page.getByTestId("form-card").nth(3);
    await card.getByTestId("verdict").filter({ hasText: "可以提交，请核对 1 个警告" }).waitFor();
    // an error offers no 已核对
    expect(await page.locator('[data-testid=finding-item]:has([data-severity=error]) [data-testid=ack-open]').count()).toBe(0);
    await card.getByRole("button", { name: /确认已核对：超额完成未说明|确认已核对：/ }).first().click();
    await card.getByTestId("ack-reason").waitFor();
    expect(await axeSerious(page)).toEqual([]);
    // the reason is required
    await card.getByTestId("ack-confirm").click();
    await card.getByText("请填写核对理由").waitFor();
    await card.getByTestId("ack-reason").fill(REASON);
    await card.getByTestId("ack-confirm").click();
    await card.getByTestId("verdict").filter({ hasText: "可以提交（已核对 1 个）" }).waitFor();
    expect(await card.getByTestId("acknowledged-reason").textContent()).toMatch(new RegExp(`^理由：${REASON}（\\d{4}-\\d{2}-\\d{2}）$`));
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, "pane-acknowledged.png"), fullPage: true });
    // saved in the document as Office saves it; the CLI reads that workbook
    const saved = await page.evaluate(() => window.__selfevalHost!.model.savedSettings.get("selfeval.settings.v1"));
    expect(saved).toMatchObject({ acknowledgements: [{ rule: "overachievement-unexplained", reason: REASON }] });
    const forms = cliForms(await withSavedSettings(new Uint8Array(fs.readFileSync(fixturePath("official"))), saved));
    const f4 = forms.find((f) => f.sheet === "项目4")!;
    expect(f4.verdict).toMatchObject({ kind: "submit", text: "可以提交（已核对 1 个）", acknowledged: 1 });
    expect(f4.acknowledged).toEqual([expect.objectContaining({ rule: "overachievement-unexplained", cell: "I14", reason: REASON })]);
    // undo: one click
    await card.getByTestId("ack-remove").click();
    await card.getByTestId("verdict").filter({ hasText: "可以提交，请核对 1 个警告" }).waitFor();
    expect(await page.evaluate(() => window.__selfevalHost!.model.savedSettings.get("selfeval.settings.v1"))).not.toHaveProperty("acknowledgements");
  });

  test("the web page (one file): confirm with a reason → the annotated copy carries it → the CLI lists it; the original untouched", async () => {
    session = await openWeb(`${served.url}/web.html`);
    const { page } = session;
    const original = fs.readFileSync(fixturePath("official"));
    await page.getByTestId("file-input").setInputFiles(fixturePath("official"));
    await page.getByTestId("details").waitFor();
    const card = page.getByTestId("form-card").nth(3);
    await card.getByTestId("form-verdict").filter({ hasText: "可以提交，请核对 1 个警告" }).waitFor();
    expect(await page.locator(".finding.sev-error [data-testid=ack-open]").count()).toBe(0);
    await card.getByTestId("ack-open").click();
    await card.getByTestId("ack-reason").waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await card.getByTestId("ack-confirm").click();
    await card.getByText("请填写核对理由").waitFor();
    await card.getByLabel("核对理由（必填）").fill(REASON);
    await card.getByTestId("ack-confirm").click();
    await card.getByTestId("form-verdict").filter({ hasText: "可以提交（已核对 1 个）" }).waitFor();
    await page.getByTestId("verdict").filter({ hasText: "已核对 1 个" }).waitFor();
    expect(await card.getByTestId("acknowledged-reason").textContent()).toMatch(new RegExp(`^理由：${REASON}（\\d{4}-\\d{2}-\\d{2}）$`));
    expect(await axeSerious(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, "web-acknowledged.png"), fullPage: true });
    // the copy the clerk submits carries it: the CLI checking the copy lists it apart
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-copy").click()]);
    expect(d.suggestedFilename()).toBe("official.checked.xlsx");
    const copy = fs.readFileSync((await d.path())!);
    const f4 = cliForms(copy).find((f) => f.sheet === "项目4")!;
    expect(f4.verdict).toMatchObject({ kind: "submit", text: "可以提交（已核对 1 个）", acknowledged: 1 });
    expect(f4.acknowledged).toEqual([expect.objectContaining({ rule: "overachievement-unexplained", cell: "I14", reason: REASON })]);
    expect(fs.readFileSync(fixturePath("official")).equals(original)).toBe(true);
    // the page's JSON says the same
    const [j] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
    const page4 = (JSON.parse(fs.readFileSync((await j.path())!, "utf8")).files[0].forms as JsonForm[]).find((f) => f.sheet === "项目4")!;
    expect(page4.acknowledged?.map((a) => a.reason)).toEqual([REASON]);
    // undo: one click
    await card.getByTestId("ack-remove").click();
    await card.getByTestId("form-verdict").filter({ hasText: "可以提交，请核对 1 个警告" }).waitFor();
  });
});
