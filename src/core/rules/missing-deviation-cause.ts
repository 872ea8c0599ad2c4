import { Rule, fmt } from "../findings";

export const missingDeviationCause: Rule = {
  id: "missing-deviation-cause",
  description: {
    zh: "指标未完成（按规则得分低于分值）或填写得分低于分值时，必须填写偏差原因分析及改进措施；“/”“无”“0”不算。",
    en: "An indicator that misses its target (rule score below weight) or whose written score is below its weight needs a deviation cause; “/”, “无”, “0” do not count.",
  },
  check({ form, report, say }) {
    const causeCol = form.layout.indicators?.columns.cause;
    for (const i of form.indicators) {
      if (!i.causeRequired || i.hasCause) continue;
      const at = i.cause?.cell ?? i.score?.cell ?? i.nameCell;
      if (!at) continue;
      const w = i.weight?.value ?? 0;
      const written = i.score?.value;
      const why =
        i.scoring.met === false
          ? say("未达到年度指标值", "the target was not reached")
          : say(`得分 ${fmt(written ?? i.recalculated)} 低于分值 ${fmt(w)}`, `the score ${fmt(written ?? i.recalculated)} is below the weight ${fmt(w)}`);
      report({
        severity: "error",
        at,
        message:
          causeCol === undefined && form.layout.formCause
            ? say(`「${i.name}」${why}，须在“偏差大或目标未完成原因分析”栏说明原因。`, `"${i.name}": ${why}; the form's cause cell (偏差大或目标未完成原因分析) must explain it.`)
            : causeCol === undefined
            ? say(`「${i.name}」${why}，但表中没有偏差原因分析栏。`, `"${i.name}": ${why}, but the form has no deviation-cause column.`)
            : say(`「${i.name}」${why}，须填写偏差原因分析及改进措施。`, `"${i.name}": ${why}; the deviation cause and remedy must be filled in.`),
        expected: null,
        actual: i.cause ? (typeof i.cause.raw === "string" ? i.cause.raw : String(i.cause.raw)) : null,
      });
    }
  },
};
