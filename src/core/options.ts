import { FAMILY_IDS, PRESETS, Preset, presetSettings } from "./families";
import type { Acknowledgement } from "./acknowledge";

/**
 * Every policy choice of RULES.md §2, as one options object. Defaults are the central rules.
 */
export type Lang = "zh" | "en";

export interface CheckOptions {
  /** Language of finding messages. */
  lang: Lang;
  /** Actual above target by more than this fraction needs an explanation (0.3 = 30%). */
  overachievementThreshold: number;
  /** Points deducted from an indicator that over-achieves beyond the threshold (0 = none; one provincial manual: 2). */
  overachievementDeduction: number;
  /** Reverse indicators (≤) that miss: "ratio" A÷B×w (central, Hubei) or "linear" (1−(B−A)÷A)×w, 0 at B ≥ 2A. */
  reverseFormula: "ratio" | "linear";
  /** Qualitative tiers as fractions of the weight: achieved from `achieved`, partly from `partly` (80/60; Hubei 80/50). */
  qualitativeTiers: { achieved: number; partly: number };
  /** Cap the total by execution rate (some provinces): 70–80% → ≤89, 60–70% → ≤79, <60% → ≤69, <50% → ≤59. */
  capTotalByExecutionRate: boolean;
  /** Execution rate below this needs a reason where the form has a reason cell. */
  lowExecutionThreshold: number;
  /** Default level-1 weights; a difference is a warning. */
  level1Weights: { budget: number; output: number; outcome: number; satisfaction: number };
  /** A written score equal to the rule's rounded to an integer or 1 decimal is info (true) or judged like any other difference. */
  acceptRounding: boolean;
  /** Year assumed for dates written without one, when the form's year is unknown. */
  defaultYear: number;
  /** Compare level-1 weights with the default scheme (only for families that have one: central, Sichuan county). */
  checkLevel1Weights: boolean;
  /** A preset chosen by a setting (--config or the workbook); null: each form follows its family's preset. */
  preset: string | null;
  /** Where the chosen preset came from. */
  presetSource: PresetSource | null;
  /** A template family forced by a setting (families/index.ts ids); null: recognised from the form's labels. */
  family: string | null;
  /**
   * Review hints (审核提示) switched by a setting: rule id → "off" (not run), "info" or "warning" (its findings'
   * severity). Only rules whose meta says `switchable` obey it; an id of any other rule is ignored.
   */
  rules: RuleSwitches;
  /**
   * Warnings the clerk confirmed (已核对), as the workbook stores them (core/settings.ts): a warning whose fingerprint
   * is among them is listed apart and counted as confirmed in the verdict (core/acknowledge.ts).
   */
  acknowledgements: Acknowledgement[];
}

/** What a setting may do with a review hint: switch it off, or show it as 提示 or 警告 (never as an error). */
export type RuleSwitch = "off" | "info" | "warning";
export type RuleSwitches = Record<string, RuleSwitch>;

/** A `rules` object from outside (--config, the workbook): kebab-case ids with one of the three switches survive. */
export function sanitizeRuleSwitches(raw: unknown): RuleSwitches {
  const out: RuleSwitches = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [id, v] of Object.entries(raw as Record<string, unknown>)) {
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && (v === "off" || v === "info" || v === "warning")) out[id] = v;
  }
  return out;
}

/** Which settings decided a form's preset: --config, the workbook's saved settings, the form's family, or none (central). */
export type PresetSource = "config" | "workbook" | "family" | "default";

export const DEFAULT_OPTIONS: CheckOptions = {
  lang: "zh",
  overachievementThreshold: 0.3,
  overachievementDeduction: 0,
  reverseFormula: "ratio",
  qualitativeTiers: { achieved: 0.8, partly: 0.6 },
  capTotalByExecutionRate: false,
  lowExecutionThreshold: 0.9,
  level1Weights: { budget: 10, output: 50, outcome: 30, satisfaction: 10 },
  acceptRounding: true,
  defaultYear: new Date().getFullYear() - 1,
  checkLevel1Weights: true,
  preset: null,
  presetSource: null,
  family: null,
  rules: {},
  acknowledgements: [],
};

export function resolveOptions(partial?: Partial<CheckOptions>): CheckOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...(partial ?? {}),
    qualitativeTiers: { ...DEFAULT_OPTIONS.qualitativeTiers, ...(partial?.qualitativeTiers ?? {}) },
    level1Weights: { ...DEFAULT_OPTIONS.level1Weights, ...(partial?.level1Weights ?? {}) },
    rules: { ...(partial?.rules ?? {}) },
    acknowledgements: [...(partial?.acknowledgements ?? [])],
  };
}

/** The policy settings a workbook can carry (RULES.md §2): everything but the language and the default year. */
export type PolicySettings = Omit<CheckOptions, "lang" | "defaultYear" | "preset" | "presetSource" | "family" | "rules" | "acknowledgements">;

// Presets and the families' ids are the families' (core/families: the central default, those the families bring, the
// provincial variants); re-exported where their users have found them.
export type { Preset };
export { FAMILY_IDS, PRESETS, presetSettings };

/**
 * Settings from outside (a workbook, a --config file): only known keys with values of the right type survive,
 * so a malformed file cannot break a check. The precedence of the sources, and what counts as chosen, is
 * core/settings.ts (optionsFor).
 */
export function sanitizeSettings(raw: unknown): Partial<PolicySettings> & { preset?: string; family?: string; rules?: RuleSwitches } {
  const out: Partial<PolicySettings> & { preset?: string; family?: string; rules?: RuleSwitches } = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  const r = raw as Record<string, unknown>;
  const frac = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 10;
  if (typeof r.preset === "string" && PRESETS.some((p) => p.id === r.preset)) {
    Object.assign(out, presetSettings(r.preset));
    out.preset = r.preset;
  }
  if (typeof r.family === "string" && FAMILY_IDS.includes(r.family)) out.family = r.family;
  // review-hint switches: a top-level key {"rules": {...}} (also accepted inside "options")
  const switches = sanitizeRuleSwitches(r.rules ?? (r.options as Record<string, unknown> | undefined)?.rules);
  if (Object.keys(switches).length > 0) out.rules = switches;
  const src = (r.options && typeof r.options === "object" ? r.options : r) as Record<string, unknown>;
  if (frac(src.overachievementThreshold)) out.overachievementThreshold = src.overachievementThreshold as number;
  if (typeof src.overachievementDeduction === "number" && src.overachievementDeduction >= 0 && src.overachievementDeduction <= 100) out.overachievementDeduction = src.overachievementDeduction;
  if (src.reverseFormula === "ratio" || src.reverseFormula === "linear") out.reverseFormula = src.reverseFormula;
  const t = src.qualitativeTiers as Record<string, unknown> | undefined;
  if (t && frac(t.achieved) && frac(t.partly) && (t.partly as number) <= (t.achieved as number)) out.qualitativeTiers = { achieved: t.achieved as number, partly: t.partly as number };
  if (typeof src.capTotalByExecutionRate === "boolean") out.capTotalByExecutionRate = src.capTotalByExecutionRate;
  if (frac(src.lowExecutionThreshold)) out.lowExecutionThreshold = src.lowExecutionThreshold as number;
  if (typeof src.acceptRounding === "boolean") out.acceptRounding = src.acceptRounding;
  if (typeof src.checkLevel1Weights === "boolean") out.checkLevel1Weights = src.checkLevel1Weights;
  const w = src.level1Weights as Record<string, unknown> | undefined;
  if (w && ["budget", "output", "outcome", "satisfaction"].every((k) => typeof w[k] === "number")) out.level1Weights = w as unknown as PolicySettings["level1Weights"];
  return out;
}
