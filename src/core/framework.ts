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

/**
 * 财预〔2020〕10号 附件2's evaluation frame used as a self-evaluation form (RULES.md §6, e.g. 银川市本级 2021): 一级
 * 项目决策 / 项目管理 / 项目产出 / 项目效益, rows with target `—` and a descriptive actual. No self-evaluation template
 * has a 一级 项目决策 or 项目管理, so either one marks the frame.
 */
export const FRAME_LEVEL1 = /^项目(?:决策|管理)/;
export function isEvaluationFrame(indicators: ReadonlyArray<{ layout: { level1: string } }>): boolean {
  return indicators.some((i) => FRAME_LEVEL1.test(i.layout.level1.replace(/\s/g, "")));
}
