/**
 * Template families (RULES.md §5): each published form follows one. A family is named, recognised from the form's own
 * labels, and says how its sections are read and checked: whether the default level-1 scheme applies, whether the
 * indicators come in weighted blocks with no weight column (Hubei), which preset it suggests.
 *
 * Adding a family: add an entry here (id, names, detect, scheme, preset), its words to vocabulary.ts if the common
 * readers need them, a fixture in scripts/make-fixtures.js and tests (README: "Adding a template family").
 */
export type FamilyId = "central" | "sichuan-2023" | "sichuan-county" | "hubei-2020" | "unknown";

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

export interface Family {
  id: FamilyId;
  name: { zh: string; en: string };
  /** how strongly the form's labels say it follows this family (0: not at all) */
  detect(s: FormSignals): number;
  /** the default level-1 scheme (产出 50 / 效益 30 / 满意度 10 / budget 10) applies to this family */
  level1Scheme: boolean;
  /** indicators in weighted blocks with no weight column, one form-level cause cell (Hubei 2020) */
  blocks: boolean;
  /** the preset the family suggests (options.ts PRESETS) */
  preset: string;
  /** the budget weight the template prescribes where the form does not write it (Hubei 2020: 20) */
  budgetWeight: number | null;
}

/** A label of the form matches: `re` carries the `m` flag so that ^ and $ hold for each label. */
const has = (s: FormSignals, re: RegExp) => re.test(s.text);
const header = (list: string[], re: RegExp) => list.some((h) => re.test(h));

export const FAMILIES: readonly Family[] = [
  {
    id: "hubei-2020",
    name: { zh: "湖北省 2020 项目绩效自评表", en: "Hubei 2020 项目绩效自评表" },
    detect: (s) =>
      (s.blocks ? 10 : 0) +
      (has(s, /20分\*执行率/m) || header(s.fundsHeader, /20分\*执行率/) ? 6 : 0) +
      (has(s, /^年度财政资金总额/m) ? 3 : 0) +
      (has(s, /^偏差大或目标未完成原因分析/m) ? 4 : 0) +
      (header(s.indicatorHeader, /^年初目标值/) ? 2 : 0),
    level1Scheme: false,
    blocks: true,
    preset: "hubei",
    budgetWeight: 20,
  },
  {
    id: "sichuan-2023",
    name: { zh: "四川省 2023 部门预算项目支出绩效自评表", en: "Sichuan 2023 部门预算项目支出绩效自评表" },
    detect: (s) =>
      (has(s, /510000_0013zp/m) ? 10 : 0) +
      (has(s, /^部门预算项目支出绩效自评表/m) ? 8 : 0) +
      (has(s, /^年度预算数(\(万元\))?$/m) ? 4 : 0) +
      (header(s.fundsHeader, /调整后预算数/) && header(s.fundsHeader, /预算执行数/) ? 3 : 0) +
      (has(s, /^绩效指标\(90分\)$/m) ? 3 : 0) +
      (has(s, /^实施单位\(盖章\)$/m) ? 2 : 0),
    level1Scheme: false,
    blocks: false,
    preset: "sichuan",
    budgetWeight: null,
  },
  {
    id: "sichuan-county",
    name: { zh: "四川省县级衔接资金项目支出绩效自评表", en: "Sichuan county 衔接资金 form" },
    detect: (s) =>
      (header(s.indicatorHeader, /^未完成原因及拟采取的改进措施/) ? 5 : 0) +
      (has(s, /^资金情况(\(万元\))?$/m) ? 4 : 0) +
      (has(s, /衔接/m) ? 3 : 0) +
      (s.weightBeforeTarget ? 1 : 0),
    level1Scheme: true,
    blocks: false,
    preset: "central",
    budgetWeight: null,
  },
  {
    id: "central",
    name: { zh: "中央项目支出绩效自评表（财预〔2020〕10号）", en: "Central 项目支出绩效自评表 (财预〔2020〕10号)" },
    detect: (s) =>
      (has(s, /^项目资金(\(万元\))?$/m) ? 3 : 0) +
      (header(s.fundsHeader, /^年初预算数$/) && header(s.fundsHeader, /^全年预算数$/) ? 3 : 0) +
      (header(s.indicatorHeader, /^偏差原因分析及改进措施$/) ? 3 : 0) +
      (has(s, /^年度资金总额$/m) ? 1 : 0),
    level1Scheme: true,
    blocks: false,
    preset: "central",
    budgetWeight: null,
  },
];

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
