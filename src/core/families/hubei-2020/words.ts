/**
 * Hubei 2020 项目绩效自评表: its words beside the shared vocabulary (labels normalised).
 */
import type { FamilyWords } from "../family";

/** Titles of the same form under other names: 项目绩效自评表, 项目绩效目标自评表. */
export const TITLE_VARIANTS = [/项目(?:支出)?绩效(?:目标)?自评表/];

/** A block of indicators headed `年度绩效目标1（40分）`. */
export const BLOCK_LABEL = /^年度绩效目标[\d一二三四五六七八九十]*[:：]?(?:[(（][^)）]*[)）])*[:：]?$/;
/** A block label: numbered (年度绩效目标1, 年度绩效目标一) or weighted (（40分）) — a bare 年度绩效目标 is a goal row. */
export function isBlockLabel(l: string): boolean {
  return BLOCK_LABEL.test(l) && /^年度绩效目标[\d一二三四五六七八九十]|\d+(?:\.\d+)?分/.test(l);
}

/** The one form-level cause cell and what follows it. */
export const FORM_CAUSE_LABEL = /^偏差大或目标未完成原因分析|^偏差原因分析$|^目标未完成原因/;
export const REMEDY_LABEL = /^改进措施及结果应用方案|^改进措施$/;
export const NOTES_LABEL = /^备注/;
/** The cause label as it begins the text of its own cell (偏差大或目标未完成原因分析：因……). */
export const CAUSE_LABEL_PREFIX = /^[\s\u3000]*偏差大或目标未完成原因分析[\s\u3000]*[:：]?/;

export const WORDS: FamilyWords = {
  titles: TITLE_VARIANTS,
  fundsTotal: ["年度财政资金总额", "财政资金总额"],
  headerWords: ["年初目标值"],
};
