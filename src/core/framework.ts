/** The indicator framework (RULES.md §3): which 一级 a 二级 belongs to. */
export type Category = "output" | "outcome" | "satisfaction";

export const CATEGORY_LABEL: Record<Category, { zh: string; en: string }> = {
  output: { zh: "产出指标", en: "output" },
  outcome: { zh: "效益指标", en: "outcome" },
  satisfaction: { zh: "满意度指标", en: "satisfaction" },
};

/** The 一级 a label names: 产出指标, 效益指标, 满意度指标 (成本指标 is filed under 产出, as the forms do). */
export function categoryOfLevel1(label: string): Category | null {
  if (/满意/.test(label)) return "satisfaction";
  if (/效益|效果|影响/.test(label)) return "outcome";
  if (/产出|成本/.test(label)) return "output";
  return null;
}

/** The 一级 a 二级 label implies. */
export function categoryOfLevel2(label: string): Category | null {
  if (/满意/.test(label)) return "satisfaction";
  if (/效益|可持续|影响/.test(label)) return "outcome";
  if (/数量|质量|时效|进度|成本/.test(label)) return "output";
  return null;
}
