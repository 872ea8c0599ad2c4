import type { Grid } from "../grid";
import type { PolicySettings } from "../options";

/**
 * What a template family is (RULES.md §5): named, recognised from the form's own labels, with the words, presets and
 * section readers only its forms need. The generic readers (core/locate/*, core/analyse/*) ask these; they know no
 * family by name. Each family is one folder (families/<id>/) and one line in families/index.ts.
 *
 * A form's family is known only once the form is read (its signals come from every section), so the readers a family
 * brings (`readers`) are offered every form, as its words are: the first family whose reader claims a section reads
 * it. What depends on the family itself (the level-1 scheme, the budget weight, weights in blocks, the preset) is
 * asked of the family the form was recognised as.
 */
export type FamilyId = string;

export interface CellRef {
  row: number;
  col: number;
}

/** What locate saw of a form, for recognising its family. Labels are normalised (normalizeLabel). */
export interface FormSignals {
  /** every short label of the form and the few rows above its title, one a line (test with the `m` flag) */
  text: string;
  /** the header texts of the funds section, by column */
  fundsHeader: string[];
  /** the header texts of the indicator section, by column */
  indicatorHeader: string[];
  /** indicators are in blocks 年度绩效目标N（M分） */
  blocks: boolean;
  /** the weight column comes before the target column */
  weightBeforeTarget: boolean;
}

/** A preset (RULES.md §2): a named set of policy values. */
export interface Preset {
  id: string;
  name: { zh: string; en: string };
  settings: Partial<PolicySettings>;
}

/** Words a family's forms use beside the shared ones of core/vocabulary.ts (labels normalised). */
export interface FamilyWords {
  /** other titles of the form (a cell matching one starts a form) */
  titles?: readonly RegExp[];
  /** labels of the funds section's total row */
  fundsTotal?: readonly string[];
  /** words of the 其中 rows under the funds total */
  fundsParts?: readonly string[];
  /** header words: a row of two or more (and no number) is a header row, never an indicator */
  headerWords?: readonly string[];
  /** template prompt text: what the blank template prints in a cell for the filler to replace */
  prompts?: readonly RegExp[];
  /** the template's instructions as printed whole: removed from a cell, what remains is what the unit wrote */
  promptSentences?: readonly RegExp[];
}

/** A block of indicators under its own weighted label (Hubei 2020: 年度绩效目标1（40分）) with its own header row. */
export interface IndicatorBlock {
  label: string;
  cell: CellRef;
  weight: number | null;
}

/** Indicators grouped in blocks, each weighted in its label. */
export interface BlockReader {
  /** the label (normalised) heads a block */
  isLabel(label: string): boolean;
  /** the block whose label stands in the cell */
  read(grid: Grid, cell: CellRef): IndicatorBlock;
}

/** The part of a form after its total: one form-level cause cell (Hubei 2020) and what follows it. */
export interface FormTail {
  /** the label 偏差大或目标未完成原因分析 */
  causeLabel: CellRef;
  /** the cell holding the cause (the label's own cell when the text shares it) */
  cause: CellRef | null;
  /** the last row of the tail (the form's extent) */
  end: number;
  /** the label as it may begin the text of its own cell: stripped, what remains is the cause */
  labelPrefix: RegExp;
}

/** The section readers a family brings. */
export interface FamilyReaders {
  blocks?: BlockReader;
  /** the tail after the total row (rows totalRow+1 … segEnd) */
  tail?(grid: Grid, totalRow: number, segEnd: number): FormTail | null;
  /** the budget weight written in the funds score header: 得分（20分*执行率） → 20 */
  budgetWeightInScoreHeader?(label: string): number | null;
}

export interface Family {
  id: FamilyId;
  name: { zh: string; en: string };
  /** how strongly the form's labels say it follows this family (0: not at all) */
  detect(s: FormSignals): number;
  /** the default level-1 scheme (产出 50 / 效益 30 / 满意度 10 / budget 10) applies to this family */
  level1Scheme: boolean;
  /** indicators in weighted blocks with no weight column, one form-level cause cell (Hubei 2020) */
  blocks: boolean;
  /** the preset the family suggests (an id of PRESETS) */
  preset: string;
  /** the presets the family brings (listed in PRESETS after the central default, in the order of the families) */
  presets?: readonly Preset[];
  /** the budget weight the template prescribes where the form does not write it (Hubei 2020: 20) */
  budgetWeight: number | null;
  /** its words beside core/vocabulary.ts */
  words?: FamilyWords;
  /** the section readers only its forms need */
  readers?: FamilyReaders;
  /** the family's suggestion in a sentence, for the settings' 按表格模板自动选择 (only where it differs from central) */
  suggests?: { zh: string; en: string };
}

/** A label of the form matches: `re` carries the `m` flag so that ^ and $ hold for each label. */
export const has = (s: FormSignals, re: RegExp): boolean => re.test(s.text);
/** A header text of the section matches. */
export const header = (list: readonly string[], re: RegExp): boolean => list.some((h) => re.test(h));
