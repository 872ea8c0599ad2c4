/**
 * Sichuan 2023 部门预算项目支出绩效自评表: its words beside the shared vocabulary. The template prints instructions in
 * the cells the filler is to replace: `1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；2.…`,
 * `对照年度目标，说明相关任务目标的完成情况（100字以内）`. They are never content, never a reason.
 */
import type { FamilyWords } from "../family";

export const WORDS: FamilyWords = {
  prompts: [/需说明原因/, /[(（]\d+字以内[)）]/, /^对照年度目标/, /^结合自评情况/, /^针对项目自评中发现的问题/],
  promptSentences: [
    /1\.预算执行率=预算执行数\/调整后预算数[\s\S]*?(?:银行贷款[.。]?|$)/,
    /对照年度目标[,，]说明相关任务目标的完成情况[(（]\d+字以内[)）][。.]?/,
    /结合自评情况[,，][\s\S]*?[(（]\d+字以内[)）][。.]?/,
    /针对项目自评中发现的问题[\s\S]*?[(（]\d+字以内[)）][。.]?/,
  ],
};
