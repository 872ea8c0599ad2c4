import { Acknowledgement, sanitizeAcknowledgements } from "./acknowledge";
import { Severity } from "./findings";
import { CheckOptions, FAMILY_IDS, Lang, PRESETS, PolicySettings, PresetSource, RuleSwitches, presetSettings, resolveOptions, sanitizeRuleSwitches, sanitizeSettings } from "./options";

/**
 * The settings a workbook carries, decided once for every surface (CLI, web page, pane, ribbon): the key they are
 * saved under, reading and sanitising them, what the person actually chose, and the precedence
 * `--config` > the workbook's saved settings > the preset of the form's family > the central default.
 *
 * Only explicit choices are stored (version 2): a value the person never touched is absent, so the family's preset
 * can supply it. Records without a `version` were written before, when the pane stored every value resolved; they
 * are read as they were checked then: a value equal to the default it was resolved from (the chosen preset's, or the
 * central default under 按表格模板自动选择) counts as not chosen.
 *
 * Acknowledgements (已核对, core/acknowledge.ts) are an optional key `acknowledgements` of the same record, in either
 * version: a list of { fingerprint, rule, reason, date }. A reader that predates them ignores the key; a record
 * without it has none. They are the workbook's own: a --config file cannot confirm a warning.
 */

/** The name of the add-in's document setting (Office) and of the web-extension property in an .xlsx. */
export const SETTINGS_KEY = "selfeval.settings.v1";

/** The version of what we store now: explicit choices only. A record without it is an old one of resolved values. */
export const SETTINGS_VERSION = 2;

/** The preset "setting": no preset chosen, each form follows its template family (RULES.md §5; CLI: no preset key). */
export const FOLLOW_TEMPLATE = "auto";

/** The settings a workbook carries (saved in it, so everyone who opens it checks it the same way). */
export interface WorkbookSettings {
  /** a preset id of core/options PRESETS, or FOLLOW_TEMPLATE: each form takes the preset its template family suggests */
  preset: string;
  /** what the person chose beyond the preset: only values set explicitly, never resolved defaults */
  options: Partial<PolicySettings>;
  highlight: Severity[];
  /** a template family forced for every form (core/options FAMILY_IDS); absent: recognised from each form's labels */
  family?: string;
  /** review hints (审核提示) switched explicitly: rule id → off / info / warning; a hint absent keeps its default */
  rules?: RuleSwitches;
  /** the pane's 实时校验 is on for this workbook (remembered with it; no check option, the CLI ignores it) */
  live?: boolean;
  /** warnings the clerk confirmed (已核对): absent when none */
  acknowledgements?: Acknowledgement[];
}

/** What we write into the workbook: the settings with the version that says "explicit choices only". */
export type StoredSettings = WorkbookSettings & { version: number };

export const DEFAULT_HIGHLIGHT: readonly Severity[] = ["error", "warning"];

export const DEFAULT_SETTINGS: WorkbookSettings = { preset: FOLLOW_TEMPLATE, options: {}, highlight: [...DEFAULT_HIGHLIGHT] };

const POLICY_KEYS: ReadonlyArray<keyof PolicySettings> = [
  "overachievementThreshold",
  "overachievementDeduction",
  "reverseFormula",
  "qualitativeTiers",
  "capTotalByExecutionRate",
  "lowExecutionThreshold",
  "level1Weights",
  "acceptRounding",
  "checkLevel1Weights",
];

/** Two policy values are the same (objects compared field by field, whatever their key order). */
export function samePolicyValue(a: unknown, b: unknown): boolean {
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return ka.length === kb.length && ka.every((k) => samePolicyValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Every policy value a preset stands for, resolved over the central default. */
export function presetPolicy(id: string | null): PolicySettings {
  const full = resolveOptions(id ? presetSettings(id) : {}) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of POLICY_KEYS) out[k] = full[k];
  return out as unknown as PolicySettings;
}

/** The policy values only (no preset, family or source keys), each of the right type. */
function policyOnly(raw: unknown): Partial<PolicySettings> {
  const { preset: _p, family: _f, rules: _r, ...rest } = sanitizeSettings(raw && typeof raw === "object" && !Array.isArray(raw) ? { options: (raw as Record<string, unknown>).options ?? raw } : raw);
  return rest;
}

function severities(raw: unknown): Severity[] | null {
  if (!Array.isArray(raw)) return null;
  return raw.filter((x): x is Severity => x === "error" || x === "warning" || x === "info");
}

/** A saved record is of the current kind (explicit choices only) or an old one (every value resolved). */
export function isLegacyRecord(raw: unknown): boolean {
  return !!raw && typeof raw === "object" && !Array.isArray(raw) && (raw as Record<string, unknown>).version === undefined;
}

/**
 * What a workbook carries, read and sanitised: a malformed record cannot break a check, unknown keys and values of
 * the wrong type are dropped. An old record (no `version`) had every value resolved: those equal to the default they
 * were resolved from are taken as not chosen, which checks it exactly as it was checked before.
 */
export function readWorkbookSettings(raw: unknown): WorkbookSettings {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ...DEFAULT_SETTINGS, highlight: [...DEFAULT_SETTINGS.highlight] };
  const r = raw as Record<string, unknown>;
  const preset = typeof r.preset === "string" && PRESETS.some((p) => p.id === r.preset) ? r.preset : FOLLOW_TEMPLATE;
  const family = typeof r.family === "string" && FAMILY_IDS.includes(r.family) ? r.family : undefined;
  const highlight = severities(r.highlight) ?? [...DEFAULT_HIGHLIGHT];
  let options = policyOnly(r);
  if (isLegacyRecord(raw)) {
    const base = presetPolicy(preset === FOLLOW_TEMPLATE ? null : preset) as unknown as Record<string, unknown>;
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) if (!samePolicyValue(v, base[k])) kept[k] = v;
    options = kept as Partial<PolicySettings>;
  }
  const rules = sanitizeRuleSwitches(r.rules);
  const acknowledgements = sanitizeAcknowledgements(r.acknowledgements);
  return {
    preset,
    options,
    highlight,
    ...(family ? { family } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(acknowledgements.length > 0 ? { acknowledgements } : {}),
    ...(r.live === true ? { live: true } : {}),
  };
}

/** The record to save in the workbook: the person's explicit choices, tagged with the current version. */
export function storedSettings(s: WorkbookSettings): StoredSettings {
  const options: Record<string, unknown> = {};
  const given = s.options as Record<string, unknown>;
  for (const k of POLICY_KEYS) if (given[k] !== undefined) options[k] = given[k];
  return {
    version: SETTINGS_VERSION,
    preset: s.preset,
    options: options as Partial<PolicySettings>,
    highlight: [...s.highlight],
    ...(s.family && FAMILY_IDS.includes(s.family) ? { family: s.family } : {}),
    ...(s.rules && Object.keys(sanitizeRuleSwitches(s.rules)).length > 0 ? { rules: sanitizeRuleSwitches(s.rules) } : {}),
    ...(s.live ? { live: true } : {}),
    ...(sanitizeAcknowledgements(s.acknowledgements).length > 0 ? { acknowledgements: sanitizeAcknowledgements(s.acknowledgements) } : {}),
  };
}

/**
 * A saved record (raw, as read: of either version, or null) with another list of acknowledgements and nothing else
 * changed — every other key kept as it was, an old record left old — for a copy the web page writes. With no record,
 * the default settings.
 */
export function withAcknowledgements(raw: unknown, acks: readonly Acknowledgement[]): Record<string, unknown> {
  const base: Record<string, unknown> =
    raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : { ...storedSettings(DEFAULT_SETTINGS) };
  const list = sanitizeAcknowledgements(acks);
  if (list.length > 0) base.acknowledgements = list;
  else delete base.acknowledgements;
  return base;
}

/** The acknowledgements a saved record (raw, as read) carries. */
export function savedAcknowledgements(raw: unknown): Acknowledgement[] {
  return readWorkbookSettings(raw).acknowledgements ?? [];
}

/**
 * The same settings (what a check would use and what it would mark): nothing to save when unchanged. The
 * acknowledgements are not compared: they are saved where a warning is confirmed, not by the settings dialog.
 */
export function sameSettings(a: WorkbookSettings, b: WorkbookSettings): boolean {
  const oa = storedSettings(a).options as Record<string, unknown>;
  const ob = storedSettings(b).options as Record<string, unknown>;
  return (
    a.preset === b.preset &&
    (a.family ?? "") === (b.family ?? "") &&
    samePolicyValue(oa, ob) &&
    samePolicyValue(sanitizeRuleSwitches(a.rules), sanitizeRuleSwitches(b.rules)) &&
    [...a.highlight].sort().join() === [...b.highlight].sort().join()
  );
}

/** What one source chose: a preset (its every value), then the values set on top of it; a family forced. */
interface Choices {
  values: Partial<PolicySettings>;
  preset?: string;
  family?: string;
  rules?: RuleSwitches;
  acknowledgements?: Acknowledgement[];
}

function workbookChoices(s: WorkbookSettings): Choices {
  const chosen = s.preset !== FOLLOW_TEMPLATE && PRESETS.some((p) => p.id === s.preset);
  return {
    values: { ...(chosen ? presetPolicy(s.preset) : {}), ...s.options },
    ...(chosen ? { preset: s.preset } : {}),
    ...(s.family ? { family: s.family } : {}),
    ...(s.rules ? { rules: s.rules } : {}),
    ...(s.acknowledgements ? { acknowledgements: s.acknowledgements } : {}),
  };
}

/** A --config file is what a person wrote: every value in it is a choice. */
function configChoices(raw: unknown): Choices {
  const { preset, family, rules, ...values } = sanitizeSettings(raw);
  return { values: { ...(preset ? presetPolicy(preset) : {}), ...values }, ...(preset ? { preset } : {}), ...(family ? { family } : {}), ...(rules ? { rules } : {}) };
}

export interface SettingsSources {
  /** the record the workbook carries under SETTINGS_KEY, raw as read (xlsx property, Office document setting), or null */
  saved?: unknown;
  /** a --config object (CLI), or null */
  config?: unknown;
  /** the language of the messages */
  lang?: Lang;
  /** anything else the caller sets (CLI flags); null and undefined values are no setting */
  overrides?: Partial<CheckOptions>;
}

/**
 * The options a check runs with, the same for every surface given the same workbook: what --config chose over what
 * the workbook chose (a preset chosen at a level brings its every value at that level), with which source chose the
 * preset. Only choices are in it: for what nobody chose, each form takes its family's preset (engine formOptions).
 * Pass the result to runCheck as it is.
 */
export function optionsFor(src: SettingsSources): Partial<CheckOptions> {
  const w = workbookChoices(readWorkbookSettings(src.saved));
  const c = configChoices(src.config);
  const out: Partial<CheckOptions> = { ...w.values, ...c.values };
  if (c.preset) Object.assign(out, { preset: c.preset, presetSource: "config" as const });
  else if (w.preset) Object.assign(out, { preset: w.preset, presetSource: "workbook" as const });
  const family = c.family ?? w.family;
  if (family) out.family = family;
  // review-hint switches, hint by hint: --config over the workbook's
  const rules = { ...(w.rules ?? {}), ...(c.rules ?? {}) };
  if (Object.keys(rules).length > 0) out.rules = rules;
  // warnings confirmed (已核对): the workbook's own, never a --config file's
  if (w.acknowledgements && w.acknowledgements.length > 0) out.acknowledgements = w.acknowledgements;
  if (src.lang) out.lang = src.lang;
  for (const [k, v] of Object.entries(src.overrides ?? {})) if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** The saved settings' options as one object with every value, for a form of no family (the report's settings lines). */
export function resolvedFor(src: SettingsSources): CheckOptions {
  return resolveOptions(optionsFor(src));
}

const SHORT_NAMES: Record<string, { zh: string; en: string }> = {
  central: { zh: "中央默认", en: "central default" },
  hubei: { zh: "湖北", en: "Hubei" },
  sichuan: { zh: "四川", en: "Sichuan" },
  "provincial-platform": { zh: "省级一体化平台", en: "provincial platform" },
};

const SOURCE_WORDS: Record<PresetSource, { zh: string; en: string }> = {
  family: { zh: "按模板", en: "from the template" },
  workbook: { zh: "本工作簿设置", en: "this workbook's settings" },
  config: { zh: "--config 设置文件", en: "the --config file" },
  default: { zh: "模板未识别", en: "template not recognised" },
};

/**
 * The rules a form was checked with, in one line, the same on every surface (the pane's card, the report sheet, the
 * web page): 「规则：湖北（按模板）」, 「规则：中央默认（本工作簿设置）」; "Rules: Hubei (from the template)".
 */
export function rulesInForce(preset: { id: string; source: PresetSource } | null | undefined, lang: Lang): string {
  const p = preset ?? { id: "central", source: "default" as const };
  const name = SHORT_NAMES[p.id] ?? PRESETS.find((x) => x.id === p.id)?.name ?? { zh: p.id, en: p.id };
  const source = SOURCE_WORDS[p.source] ?? { zh: p.source, en: p.source };
  return lang === "en" ? `Rules: ${name.en} (${source.en})` : `规则：${name.zh}（${source.zh}）`;
}
