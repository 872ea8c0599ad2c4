import { CENTRAL, CENTRAL_PRESET } from "./central";
import type { Family, FamilyWords, FormSignals, Preset } from "./family";
import { HUBEI_2020 } from "./hubei-2020";
import { OTHER_PRESETS } from "./presets";
import { SICHUAN_2023 } from "./sichuan-2023";
import { SICHUAN_COUNTY } from "./sichuan-county";

export { has, header } from "./family";
export type { BlockReader, CellRef, Family, FamilyId, FamilyReaders, FamilyWords, FormSignals, FormTail, IndicatorBlock, Preset } from "./family";

/**
 * Template families (RULES.md §5): each published form follows one. Each family is a folder (families/<id>/: its
 * detection, words, presets and the section readers only it needs) and one line below. The order is the order of
 * recognition (a tie goes to the first) and of the presets the families bring.
 */
const BUILT_IN: readonly Family[] = [
  HUBEI_2020,
  SICHUAN_2023,
  SICHUAN_COUNTY,
  CENTRAL,
];

/** Every family a form may follow (live: registerFamily adds to it). */
export const FAMILIES: readonly Family[] = [...BUILT_IN];
/** The ids a `family` setting may force (live, as FAMILIES). */
export const FAMILY_IDS: readonly string[] = FAMILIES.map((f) => f.id);
/** Presets: the central default, those the families bring, then those of no one template (live, as FAMILIES). */
export const PRESETS: readonly Preset[] = [CENTRAL_PRESET, ...FAMILIES.flatMap((f) => f.presets ?? []), ...OTHER_PRESETS];

let version = 0;
/** A number that changes whenever the families change (for what is built from them once: the lexicon). */
export function familiesVersion(): number {
  return version;
}

/**
 * Adds a family defined outside this index (a test's, a province's plug-in) after the built-in ones, with its
 * presets; returns the function that removes it again. An id already known is refused.
 */
export function registerFamily(family: Family): () => void {
  if (family.id === "unknown" || FAMILIES.some((f) => f.id === family.id)) throw new Error(`family ${family.id} is already registered`);
  const families = FAMILIES as Family[];
  const ids = FAMILY_IDS as string[];
  const presets = PRESETS as Preset[];
  const own = (family.presets ?? []).filter((p) => !presets.some((q) => q.id === p.id));
  families.push(family);
  ids.push(family.id);
  presets.splice(presets.length - OTHER_PRESETS.length, 0, ...own);
  version++;
  return () => {
    const at = families.indexOf(family);
    if (at < 0) return;
    families.splice(at, 1);
    ids.splice(ids.indexOf(family.id), 1);
    for (const p of own) presets.splice(presets.indexOf(p), 1);
    version++;
  };
}

export function presetSettings(id: string): Preset["settings"] {
  return PRESETS.find((p) => p.id === id)?.settings ?? {};
}

export const UNKNOWN_FAMILY: Family = {
  id: "unknown",
  name: { zh: "未识别", en: "not recognised" },
  detect: () => 0,
  level1Scheme: true,
  blocks: false,
  preset: "central",
  budgetWeight: null,
};

export function familyById(id: string | null | undefined): Family | null {
  if (!id) return null;
  if (id === "unknown") return UNKNOWN_FAMILY;
  return FAMILIES.find((f) => f.id === id) ?? null;
}

/** The family a form follows: the best-scoring one at 4 points or more, else unknown. */
export function identifyFamily(s: FormSignals): Family {
  let best: Family = UNKNOWN_FAMILY;
  let bestScore = 3;
  for (const f of FAMILIES) {
    const score = f.detect(s);
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}

/** The words every family brings, of one kind, in the order of the families. */
export function familyWords<K extends keyof FamilyWords>(kind: K): Array<NonNullable<FamilyWords[K]>[number]> {
  return FAMILIES.flatMap((f) => (f.words?.[kind] ?? []) as Array<NonNullable<FamilyWords[K]>[number]>);
}

/**
 * 按表格模板自动选择 spelled out: what each family suggests where it is not the central default, then the rest
 * (「湖北表用湖北方案，四川表用四川方案，其余用中央方案」).
 */
export function suggestionsSentence(lang: "zh" | "en"): string {
  const own = FAMILIES.flatMap((f) => (f.suggests ? [f.suggests[lang]] : []));
  return lang === "en" ? [...own, "others: central"].join(", ") : [...own, "其余用中央方案"].join("，");
}
