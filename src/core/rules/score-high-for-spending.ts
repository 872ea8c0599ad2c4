import { Rule, fmt, pct, r4 } from "../findings";
import { gradeOf } from "../scoring";

export const scoreHighForSpending: Rule = {
  id: "score-high-for-spending",
  title: { zh: "执行率低而总分为优", en: "High total for low spending" },
  description: {
    zh: "预算执行率低于 60% 而总分在“优”档（90 分以上）：分值是否合理、有无刻意抬高（自评通知“确保数据准确、分值合理…严禁刻意抬高分数”）。总是提示；执行率封顶设置另由“执行率封顶”判定。",
    en: "Execution below 60% with a total in the 优 band (≥ 90): is the scoring reasonable? Always a hint; the optional cap by execution rate is execution-cap's.",
  },
  meta: {
    messages: {
      high: {
        zh: "预算执行率只有 {rate}，总分 {total} 却在“优”档（≥90）：请核实各指标得分是否偏高。部分省份按执行率封顶：70%–80% 不超过 89 分，60%–70% 不超过 79 分，低于 60% 不超过 69 分，低于 50% 不超过 59 分。好的自评：得分与资金实际使用相称，未完成部分在偏差原因中说明。",
        en: "Execution is only {rate}, yet the total {total} is in the 优 band (≥ 90): check whether the scores are too high. Some provinces cap the total by execution: 70–80% → at most 89, 60–70% → 79, below 60% → 69, below 50% → 59. A good self-evaluation scores what the money achieved and explains what was not done.",
      },
    },
    severity: "warning",
    rank: 330,
    switchable: true,
    source: {
      zh: "财政部自评通知（“确保数据准确、分值合理…严禁刻意抬高分数”）；RULES §2 执行率封顶档次（省级一体化平台自评手册 2022）",
      en: "the Ministry's 自评 notices (\"严禁刻意抬高分数\"); the cap bands of a provincial platform manual (2022)",
    },
  },
  check({ form, options, report }) {
    const rate = form.budget?.computedRate;
    if (rate == null || rate >= 0.6) return;
    if (options.capTotalByExecutionRate) return; // the cap is on: execution-cap judges the total
    if (form.unchecked.length > 0) return;
    const total = form.totalScore?.value ?? null;
    if (total === null || gradeOf(total) !== "优") return;
    const at = form.totalScore!.cell;
    report({ at, messageId: "high", data: { rate: pct(rate), total: fmt(total) }, expected: null, actual: r4(total) });
  },
};
