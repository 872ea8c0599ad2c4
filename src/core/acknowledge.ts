import type { FormAnalysis } from "./analyse";
import { Finding, MessageData, r4 } from "./findings";
import type { CellRef } from "./locate";

/**
 * 已核对 (acknowledged): a clerk confirms a warning with a short reason, and every surface shows it apart — the pane,
 * the web page, the CLI, `--json`, the 校验报告 and 汇总.xlsx — and counts it in the verdict (「可以提交（已核对 n 个）」).
 *
 * An acknowledgement is keyed by a fingerprint of what the warning judged: the rule and which of its messages, the form
 * (its project name), the row's identity (its 三级指标 name, or the section it belongs to — never a row number, so that
 * inserting rows above keeps it) and the values the message was filled with. The same warning on a re-check, or after
 * an edit of anything else, has the same fingerprint; when a value it judged changes, the fingerprint changes and the
 * acknowledgement lapses by itself (it stays stored, matching nothing). Only warnings can be acknowledged, never an
 * error. Pure.
 */

/** One acknowledgement as the workbook stores it (core/settings.ts, key `acknowledgements`). */
export interface Acknowledgement {
  /** the warning's fingerprint (its finding's `fingerprint`) */
  fingerprint: string;
  /** the warning's rule id, for a person reading the stored record */
  rule: string;
  /** why the clerk confirms it (required, at most ACK_REASON_MAX characters) */
  reason: string;
  /** the day it was confirmed, YYYY-MM-DD (the clerk's clock) */
  date: string;
}

/** A warning the clerk confirmed, as a form lists it apart (`--json` forms[].acknowledged): the finding with its reason and date. */
export type AcknowledgedFinding = Finding & { reason: string; date: string };

export const ACK_REASON_MAX = 200;
/** more than any form has warnings: a record beyond it is cut (a malformed or hostile one) */
export const ACK_MAX = 2000;

/** The values of a message as they enter the fingerprint: words in Chinese (the same whatever the report's language), numbers at 4 decimals. */
function canonicalValues(data: MessageData | undefined): string[] {
  if (!data) return [];
  return Object.keys(data)
    .filter((k) => k !== "good") // a suggested wording of ours, not a value the rule judged
    .sort()
    .map((k) => {
      const v = data[k];
      return `${k}=${typeof v === "number" ? String(r4(v)) : typeof v === "string" ? v : v.zh}`;
    });
}

/** FNV-1a over the text's UTF-16 units, twice with different offsets: 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 13)) >>> 0;
  }
  return a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0");
}

/** What the fingerprint is made of (exported for tests and for a person debugging a lapse). */
export interface FingerprintParts {
  rule: string;
  messageId: string;
  /** the form's project name (its sheet's name when it has none) */
  form: string;
  /** the row's identity: 指标:<三级指标 name>#<n-th of that name>, or the section (预算执行, 总分, …) */
  row: string;
  values: string[];
}

export function fingerprintText(p: FingerprintParts): string {
  return JSON.stringify([p.rule, p.messageId, p.form, p.row, p.values]);
}

export function fingerprintOf(p: FingerprintParts): string {
  return `ack1-${hash(fingerprintText(p))}`;
}

/**
 * The identity of a form's row: an indicator by its 三级指标 name (and, among indicators of the same name, which one
 * it is), the funds and total rows by their section, a Hubei block by its label; anything else is the form's own.
 * Made once per form (a map of rows), so that a form of many warnings costs one pass.
 */
export function rowIdentity(form: FormAnalysis, at: CellRef): string {
  let rows = IDENTITIES.get(form);
  if (!rows) IDENTITIES.set(form, (rows = identities(form)));
  return rows.get(at.row) ?? "表";
}

const IDENTITIES = new WeakMap<FormAnalysis, Map<number, string>>();

function identities(form: FormAnalysis): Map<number, string> {
  const out = new Map<number, string>();
  const put = (row: number | undefined, id: string) => {
    if (row !== undefined && !out.has(row)) out.set(row, id);
  };
  const sameName = new Map<string, number>();
  for (const i of form.indicators) {
    const name = i.fullName.trim();
    const k = sameName.get(name) ?? 0;
    sameName.set(name, k + 1);
    const id = `指标:${name}#${k}`;
    for (const row of [i.row, i.nameCell?.row, i.target?.cell.row, i.actual?.cell.row, i.weight?.cell.row, i.score?.cell.row, i.cause?.cell.row]) put(row, id);
  }
  const b = form.budget;
  if (b) {
    for (const row of [b.row, b.labelCell.row, ...[b.initial, b.annual, b.executed, b.weight, b.rate, b.score, b.reason].map((v) => v?.cell.row)]) put(row, "预算执行");
    for (const p of b.parts) put(p.row, `资金:${p.label.trim()}`);
  }
  put(form.totalScore?.cell.row, "总分");
  put(form.totalWeight?.cell.row, "总分");
  for (const x of form.blocks) put(x.cell.row, `目标:${x.label.trim()}`);
  for (const [category, d] of Object.entries(form.level1Declared)) if (d) put(d.cell.row, `一级:${category}`);
  return out;
}

/** A form's name for the fingerprints: its project name, its sheet's name when it has none. */
export function formName(form: FormAnalysis): string {
  return (form.layout.projectName ?? "").trim() || form.layout.sheet;
}

/**
 * The fingerprint of what a rule reported on a form (the engine gives it to every warning). `formKey`: the form's name
 * (formName), with `#n` for the n-th later form of the same name in the workbook.
 */
export function findingFingerprint(form: FormAnalysis, formKey: string, rule: string, messageId: string, at: CellRef, data: MessageData | undefined): string {
  return fingerprintOf({ rule, messageId, form: formKey, row: rowIdentity(form, at), values: canonicalValues(data) });
}

/** A finding the clerk may confirm: a warning with a fingerprint (a form's, not the workbook's own). */
export function canAcknowledge(f: Pick<Finding, "severity" | "fingerprint">): boolean {
  return f.severity === "warning" && typeof f.fingerprint === "string" && f.fingerprint.length > 0;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A reason as stored: trimmed, one line, at most ACK_REASON_MAX characters; "" when there is none. */
export function cleanReason(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return raw.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim().slice(0, ACK_REASON_MAX);
}

/** A stored list, read and sanitised: entries without a fingerprint or a reason are dropped, the last of a fingerprint wins. */
export function sanitizeAcknowledgements(raw: unknown): Acknowledgement[] {
  if (!Array.isArray(raw)) return [];
  const byFingerprint = new Map<string, Acknowledgement>();
  for (const x of raw.slice(0, ACK_MAX)) {
    if (!x || typeof x !== "object" || Array.isArray(x)) continue;
    const r = x as Record<string, unknown>;
    const fingerprint = typeof r.fingerprint === "string" && /^[\w-]{1,64}$/.test(r.fingerprint) ? r.fingerprint : null;
    const reason = cleanReason(r.reason);
    if (!fingerprint || !reason) continue;
    const rule = typeof r.rule === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.rule) ? r.rule : "";
    const date = typeof r.date === "string" && DATE.test(r.date) ? r.date : "";
    byFingerprint.delete(fingerprint);
    byFingerprint.set(fingerprint, { fingerprint, rule, reason, date });
  }
  return [...byFingerprint.values()];
}

/** The local date, YYYY-MM-DD (the clerk's clock). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The list with this warning confirmed (replacing an earlier confirmation of it); unchanged if it cannot be or has no reason. */
export function acknowledge(list: readonly Acknowledgement[], f: Pick<Finding, "severity" | "fingerprint" | "rule">, reason: string, date: string): Acknowledgement[] {
  const why = cleanReason(reason);
  if (!canAcknowledge(f) || !why) return [...list];
  return [...list.filter((a) => a.fingerprint !== f.fingerprint), { fingerprint: f.fingerprint!, rule: f.rule, reason: why, date: DATE.test(date) ? date : "" }];
}

/** The list without this fingerprint (one click: 取消核对). */
export function unacknowledge(list: readonly Acknowledgement[], fingerprint: string): Acknowledgement[] {
  return list.filter((a) => a.fingerprint !== fingerprint);
}

/** A form's findings split: the warnings confirmed (in the order they were found) and the rest. */
export function splitAcknowledged(findings: readonly Finding[], acks: readonly Acknowledgement[]): { findings: Finding[]; acknowledged: AcknowledgedFinding[] } {
  const by = new Map(acks.map((a) => [a.fingerprint, a]));
  const rest: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const f of findings) {
    const a = canAcknowledge(f) ? by.get(f.fingerprint!) : undefined;
    if (a) acknowledged.push({ ...f, reason: a.reason, date: a.date });
    else rest.push(f);
  }
  return { findings: rest, acknowledged };
}

/** The words of 已核对 on every surface that offers it (the pane, the web page). */
export const ACK_WORDS = {
  zh: {
    open: "已核对…",
    openLabel: (what: string) => `确认已核对：${what}`,
    reason: "核对理由（必填）",
    placeholder: "如：超额系因需求增加，已在偏差原因中说明",
    required: "请填写核对理由",
    confirm: "确认已核对",
    cancel: "取消",
    title: (n: number) => `已核对 ${n} 个`,
    why: (reason: string, date: string) => `理由：${reason}${date ? `（${date}）` : ""}`,
    remove: "取消核对",
    removeLabel: (what: string) => `取消核对：${what}`,
    saved: "已核对，记录已保存在工作簿中",
    removed: "已取消核对",
    webSaved: "已核对。下载带标注的副本，核对记录即随副本保存（原文件不变）",
  },
  en: {
    open: "Confirm…",
    openLabel: (what: string) => `Confirm as checked: ${what}`,
    reason: "Why it is right (required)",
    placeholder: "e.g. over target because demand grew, explained in the deviation cause",
    required: "Give a reason",
    confirm: "Confirm",
    cancel: "Cancel",
    title: (n: number) => `Confirmed (${n})`,
    why: (reason: string, date: string) => `Reason: ${reason}${date ? ` (${date})` : ""}`,
    remove: "Undo confirmation",
    removeLabel: (what: string) => `Undo confirmation: ${what}`,
    saved: "Confirmed; saved in the workbook",
    removed: "Confirmation removed",
    webSaved: "Confirmed. Download the annotated copy: the confirmation is saved in it (the original is not changed)",
  },
};
