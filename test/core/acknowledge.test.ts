import { Acknowledgement, acknowledge, canAcknowledge, sanitizeAcknowledgements, unacknowledge } from "../../src/core/acknowledge";
import { reacknowledge } from "../../src/core/acknowledged";
import { WorkbookReport, checkWorkbook } from "../../src/core/engine";
import { Finding } from "../../src/core/findings";
import { blockingRank } from "../../src/core/rank";
import { optionsFor, readWorkbookSettings, storedSettings, withAcknowledgements } from "../../src/core/settings";
import { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { loadFixture, onlySheets, withCells } from "../support/workbooks";

/**
 * 已核对 (core/acknowledge.ts): a warning's fingerprint is what it judged — not where it is — so a confirmation
 * survives a re-check, an edit of anything else and rows inserted above, and lapses by itself when a value it judged
 * changes; the verdict counts what was confirmed.
 */

/** 项目4 of official.xlsx: one warning, I14 overachievement-unexplained (实际 far above 目标), no error. */
const SHEET = "项目4";

function warningOf(report: WorkbookReport, rule: string): Finding {
  const f = report.forms.flatMap((x) => [...x.findings, ...(x.acknowledged ?? [])]).find((x) => x.rule === rule && x.severity === "warning");
  if (!f) throw new Error(`no ${rule} warning`);
  return f;
}

/** The sheet with `n` empty rows inserted above row `at` (0-based, as the snapshot counts): every cell and merge below moves down. */
function insertRows(wb: WorkbookSnapshot, sheetName: string, at: number, n: number): WorkbookSnapshot {
  const copy = structuredClone(wb);
  const s = copy.sheets.find((x) => x.name === sheetName) as SheetSnapshot;
  const i = at - s.top;
  const width = s.values[0].length;
  s.values.splice(i, 0, ...Array.from({ length: n }, () => new Array(width).fill("")));
  s.formats.splice(i, 0, ...Array.from({ length: n }, () => new Array(width).fill("General")));
  s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + n, bottom: m.bottom + n } : m.bottom >= at ? { ...m, bottom: m.bottom + n } : m));
  return copy;
}

const ack = (f: Finding, reason = "超额因企业需求增加，已附说明"): Acknowledgement[] => acknowledge([], f, reason, "2026-12-01");

describe("a warning's fingerprint", () => {
  let wb: WorkbookSnapshot;
  beforeAll(async () => {
    wb = onlySheets(await loadFixture("official"), SHEET);
  });

  test("every warning of a form has one; an error or info has none", () => {
    const r = checkWorkbook(wb, { lang: "zh" });
    const all = r.forms.flatMap((f) => f.findings);
    expect(all.some((f) => f.severity === "warning")).toBe(true);
    for (const f of all) expect(typeof f.fingerprint === "string").toBe(f.severity === "warning");
  });

  test("the same on a re-check and in either language", () => {
    const a = warningOf(checkWorkbook(wb, { lang: "zh" }), "overachievement-unexplained");
    const b = warningOf(checkWorkbook(wb, { lang: "zh" }), "overachievement-unexplained");
    const en = warningOf(checkWorkbook(wb, { lang: "en" }), "overachievement-unexplained");
    expect(a.fingerprint).toMatch(/^ack1-[0-9a-f]{16}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(en.fingerprint).toBe(a.fingerprint);
  });

  test("survives an unrelated edit (another indicator's cause), and rows inserted above (its cell moves)", () => {
    const before = warningOf(checkWorkbook(wb, { lang: "zh" }), "overachievement-unexplained");
    const edited = withCells(wb, SHEET, { I20: "另一行的说明" });
    expect(warningOf(checkWorkbook(edited, { lang: "zh" }), "overachievement-unexplained").fingerprint).toBe(before.fingerprint);
    const moved = warningOf(checkWorkbook(insertRows(wb, SHEET, 3, 2), { lang: "zh" }), "overachievement-unexplained");
    expect(moved.cell).not.toBe(before.cell); // the same warning, two rows further down
    expect(moved.fingerprint).toBe(before.fingerprint);
  });

  test("lapses when a value it judged changes (the actual)", () => {
    const r = checkWorkbook(wb, { lang: "zh" });
    const before = warningOf(r, "overachievement-unexplained");
    expect(r.forms[0].verdict.counts.warning).toBe(1);
    // 项目4 row 14: 现场节能诊断服务企业数, target ≥25家, actual 53 (F14): 112% over; the actual raised to 60
    const a1 = "F14";
    expect(wb.sheets[0].values[13][5]).toBe(53);
    const changed = checkWorkbook(withCells(wb, SHEET, { [a1]: 60 }), { lang: "zh" });
    const after = warningOf(changed, "overachievement-unexplained");
    expect(after.data?.over).not.toBe(before.data?.over);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    // and the confirmation of the old values no longer holds
    const still = checkWorkbook(withCells(wb, SHEET, { [a1]: 60 }), { lang: "zh", acknowledgements: ack(before) });
    expect(still.forms[0].acknowledged).toBeUndefined();
    expect(still.forms[0].verdict.counts.warning).toBe(1);
  });
});

describe("the verdict counts what was confirmed", () => {
  let wb: WorkbookSnapshot;
  beforeAll(async () => {
    wb = onlySheets(await loadFixture("official"), SHEET);
  });

  test("「请核对 1 个警告」 becomes 「可以提交（已核对 1 个）」, the warning listed apart with its reason and date", () => {
    const plain = checkWorkbook(wb, { lang: "zh" });
    expect(plain.forms[0].verdict.text).toBe("可以提交，请核对 1 个警告");
    const w = warningOf(plain, "overachievement-unexplained");
    const r = checkWorkbook(wb, { lang: "zh", acknowledgements: ack(w) });
    const form = r.forms[0];
    expect(form.findings.some((f) => f.fingerprint === w.fingerprint)).toBe(false);
    expect(form.acknowledged).toEqual([expect.objectContaining({ rule: w.rule, cell: w.cell, fingerprint: w.fingerprint, reason: "超额因企业需求增加，已附说明", date: "2026-12-01" })]);
    expect(form.verdict).toMatchObject({ kind: "submit", text: "可以提交（已核对 1 个）", acknowledged: 1, top: null });
    expect(form.verdict.counts.warning).toBe(0);
    expect(r.verdict.text).toBe("共 1 张表，都可以提交（已核对 1 个）");
    expect(r.verdict.acknowledged).toBe(1);
    expect(checkWorkbook(wb, { lang: "en", acknowledgements: ack(w) }).forms[0].verdict.text).toBe("Can be submitted (1 confirmed)");
  });

  test("an error is never confirmed, nor a warning without a reason", () => {
    const err: Finding = { rule: "total-score", severity: "error", sheet: "s", cell: "A1", message: "x", fingerprint: "ack1-0000000000000000" };
    expect(canAcknowledge(err)).toBe(false);
    expect(acknowledge([], err, "理由", "2026-12-01")).toEqual([]);
    const w: Finding = { rule: "unit-mismatch", severity: "warning", sheet: "s", cell: "A1", message: "x", fingerprint: "ack1-1111111111111111" };
    expect(acknowledge([], w, "   ", "2026-12-01")).toEqual([]);
    expect(acknowledge([], w, " 单位 已核对 ", "2026-12-01")).toEqual([{ fingerprint: w.fingerprint, rule: "unit-mismatch", reason: "单位 已核对", date: "2026-12-01" }]);
  });

  test("removing one is one call, and the web page's re-deciding agrees with a fresh check", () => {
    const plain = checkWorkbook(wb, { lang: "zh" });
    const w = warningOf(plain, "overachievement-unexplained");
    const list = ack(w);
    const fresh = checkWorkbook(wb, { lang: "zh", acknowledgements: list });
    expect(reacknowledge(plain, list, "zh", blockingRank)).toEqual(fresh);
    expect(reacknowledge(fresh, unacknowledge(list, w.fingerprint!), "zh", blockingRank)).toEqual(plain);
  });
});

describe("acknowledgements in the settings record (core/settings.ts)", () => {
  test("read, sanitised, saved and given to the check; a --config file cannot confirm", () => {
    const a: Acknowledgement = { fingerprint: "ack1-aaaaaaaaaaaaaaaa", rule: "unit-mismatch", reason: "已核对单位", date: "2026-12-01" };
    const raw = { version: 2, preset: "auto", options: {}, highlight: ["error"], acknowledgements: [a, { fingerprint: "bad fingerprint!", reason: "x" }, { fingerprint: "ack1-b", reason: "" }, 7] };
    const s = readWorkbookSettings(raw);
    expect(s.acknowledgements).toEqual([a]);
    expect(storedSettings(s).acknowledgements).toEqual([a]);
    expect(storedSettings({ ...s, acknowledgements: [] })).not.toHaveProperty("acknowledgements");
    expect(optionsFor({ saved: raw }).acknowledgements).toEqual([a]);
    expect(optionsFor({ saved: null, config: { acknowledgements: [a] } }).acknowledgements).toBeUndefined();
    // a record without them reads as before
    expect(readWorkbookSettings({ version: 2, preset: "auto", options: {}, highlight: ["error"] })).not.toHaveProperty("acknowledgements");
  });

  test("withAcknowledgements keeps every other key of the record (an old one stays old)", () => {
    const a: Acknowledgement = { fingerprint: "ack1-aaaaaaaaaaaaaaaa", rule: "unit-mismatch", reason: "r", date: "2026-12-01" };
    const old = { preset: "hubei", overachievementThreshold: 0.3, highlight: ["error", "warning"], savedAt: "2026-11-30T10:00:00Z" };
    const next = withAcknowledgements(old, [a]);
    expect(next).toEqual({ ...old, acknowledgements: [a] });
    expect(readWorkbookSettings(next).options).toEqual(readWorkbookSettings(old).options);
    expect(withAcknowledgements(next, [])).toEqual(old);
    expect(readWorkbookSettings(withAcknowledgements(null, [a])).acknowledgements).toEqual([a]);
  });

  test("a hostile list is cut, duplicates keep the last", () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ fingerprint: `ack1-${i}`, reason: "r".repeat(500), rule: "unit-mismatch", date: "2026-12-01" }));
    const s = sanitizeAcknowledgements(many);
    expect(s.length).toBeLessThanOrEqual(2000);
    expect(s[0].reason.length).toBe(200);
    expect(sanitizeAcknowledgements([{ fingerprint: "ack1-x", reason: "a" }, { fingerprint: "ack1-x", reason: "b" }])).toEqual([{ fingerprint: "ack1-x", rule: "", reason: "b", date: "" }]);
  });
});
