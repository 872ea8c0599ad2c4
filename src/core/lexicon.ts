import { BlockReader, FAMILIES, Family, familiesVersion, familyWords } from "./families";
import { FUNDS_PARTS, FUNDS_TOTAL, HEADER_WORDS, PROMPT_PATTERNS } from "./vocabulary";

/**
 * What the generic readers look for: the shared words of core/vocabulary.ts joined with every family's own
 * (families/<id>/words.ts), and the section readers the families bring. A form's family is known only once it is
 * read, so every family's words and readers are offered every form; the first family whose reader claims a section
 * reads it. Built once for the families registered (rebuilt when they change).
 */
export interface Lexicon {
  titles: readonly RegExp[];
  fundsTotal: readonly string[];
  fundsParts: readonly string[];
  headerWords: ReadonlySet<string>;
  prompts: readonly RegExp[];
  promptSentences: readonly RegExp[];
  /** the block readers, in the order of the families */
  blocks: readonly BlockReader[];
  /** the families that read a form's tail */
  tails: readonly Family[];
  /** the families that read a budget weight in the funds score header */
  scoreHeaders: readonly Family[];
}

let built: { version: number; lexicon: Lexicon } | null = null;

export function lexicon(): Lexicon {
  const version = familiesVersion();
  if (built && built.version === version) return built.lexicon;
  const lexicon: Lexicon = {
    titles: familyWords("titles"),
    fundsTotal: [...FUNDS_TOTAL, ...familyWords("fundsTotal")],
    fundsParts: [...FUNDS_PARTS, ...familyWords("fundsParts")],
    headerWords: new Set([...HEADER_WORDS, ...familyWords("headerWords")]),
    prompts: [...PROMPT_PATTERNS, ...familyWords("prompts")],
    promptSentences: familyWords("promptSentences"),
    blocks: FAMILIES.flatMap((f) => (f.readers?.blocks ? [f.readers.blocks] : [])),
    tails: FAMILIES.filter((f) => f.readers?.tail),
    scoreHeaders: FAMILIES.filter((f) => f.readers?.budgetWeightInScoreHeader),
  };
  built = { version, lexicon };
  return lexicon;
}

/** The block reader whose label this is (年度绩效目标1（40分）), if any. */
export function blockReaderOf(label: string): BlockReader | null {
  for (const b of lexicon().blocks) if (b.isLabel(label)) return b;
  return null;
}

export function isBlockLabel(label: string): boolean {
  return blockReaderOf(label) !== null;
}

/** A budget weight written in the funds score header (得分（20分*执行率）), as a family reads it. */
export function budgetWeightInScoreHeader(label: string): number | null {
  for (const f of lexicon().scoreHeaders) {
    const w = f.readers!.budgetWeightInScoreHeader!(label);
    if (w !== null) return w;
  }
  return null;
}

/** A cell's text without the templates' printed instructions (normalised: no white space). */
export function withoutPrompts(text: string): string {
  let t = text.replace(/[\s\u3000]/g, "");
  for (const p of lexicon().promptSentences) t = t.replace(p, "");
  return t;
}

export function isPromptText(text: string): boolean {
  const t = text.replace(/[\s\u3000]/g, "");
  return t.length > 0 && lexicon().prompts.some((p) => p.test(t));
}
