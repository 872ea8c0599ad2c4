import { CATEGORY_LABEL } from "../framework";
import { Rule } from "../findings";
import { goodTarget } from "./review-hints";

export const indicatorMisfiled: Rule = {
  id: "indicator-misfiled",
  title: { zh: "指标归类不当", en: "Indicator filed under the wrong level" },
  description: {
    zh: "满意度指标应列在满意度指标下，而不是产出或效益下；结余率、执行率是预算执行情况，不是效益指标（财预〔2020〕10号附件1 指标框架）。",
    en: "A satisfaction indicator belongs under 满意度指标, not output or outcome; a 结余率 or 执行率 is budget execution, not an outcome (the framework of 财预〔2020〕10号).",
  },
  meta: {
    messages: {
      satisfaction: {
        zh: "「{name}」是满意度，却列在{category}下：应列在满意度指标（服务对象满意度指标）下。{good}",
        en: "\"{name}\" is a satisfaction rate filed under {category}: it belongs under 满意度指标. {good}",
      },
      budget: {
        zh: "「{name}」反映预算执行，却列在{category}下：执行率已在“项目资金”栏计分，效益指标应写项目产生的效果。{good}",
        en: "\"{name}\" measures budget execution but is filed under {category}: execution is scored in the funds section; an outcome states the project's effect. {good}",
      },
    },
    severity: "info",
    rank: 350,
    switchable: true,
    source: {
      zh: "财预〔2020〕10号附件1 指标框架（产出、效益、满意度）；财预〔2021〕101号 共性指标框架",
      en: "the indicator framework of 财预〔2020〕10号 annex 1 and 财预〔2021〕101号",
    },
  },
  check({ form, report }) {
    for (const i of form.indicators) {
      const c = i.layout.category;
      const at = i.nameCell ?? i.target?.cell;
      if (!c || !at) continue;
      const category = CATEGORY_LABEL[c];
      if (/满意/.test(i.fullName) && c !== "satisfaction") {
        report({ at, messageId: "satisfaction", data: { name: i.name, category, good: goodTarget("satisfaction", form.year) }, expected: "满意度指标", actual: CATEGORY_LABEL[c].zh });
      } else if (/结余率|执行率/.test(i.fullName) && c !== "output") {
        report({ at, messageId: "budget", data: { name: i.name, category, good: goodTarget("outcome", form.year) }, expected: "产出指标", actual: CATEGORY_LABEL[c].zh });
      }
    }
  },
};
