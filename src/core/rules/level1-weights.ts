import { CATEGORY_LABEL, Category, isEvaluationFrame } from "../framework";
import { Rule, fmt } from "../findings";
import { sameAt2 } from "../scoring";

const ORDER: Category[] = ["output", "outcome", "satisfaction"];

export const level1Weights: Rule = {
  id: "level1-weights",
  title: { zh: "一级指标权重", en: "Level-1 weights" },
  description: {
    zh: "一级指标权重默认为 产出 50、效益 30、满意度 10、预算执行 10；可适当调整，故不同仅为警告。标签中写明的权重（如“产出指标（50分）”）应与该类指标分值之和一致。",
    en: "Default level-1 weights are output 50, outcome 30, satisfaction 10, budget 10; they may be adjusted, so a difference is a warning. A weight written in a label must match its indicators' sum.",
  },
  meta: {
    messages: {
      differ: { zh: "一级指标权重与默认不同：{diffs}；如属特殊情况调整，请确认。", en: "Level-1 weights differ from the defaults: {diffs}; confirm the adjustment is intended." },
      label: {
        zh: "{category}标注 {declared} 分，但其下指标分值之和为 {sum}。",
        en: "The {category} label says {declared} points, but its indicators' weights add up to {sum}.",
      },
    },
    severity: "warning",
    rank: 210,
  },
  check({ form, options, report }) {
    const at = form.totalWeight?.cell ?? form.layout.totalLabelCell;
    if (!at || form.indicators.length === 0) return;
    const d = options.level1Weights;
    const diffs: string[] = [];
    const diffsEn: string[] = [];
    // only against the family's own scheme: none for Sichuan 2023 and Hubei 2020 (RULES.md §5)
    // ... and only when the form says nothing else: weights written in the 一级 labels (产出指标（70分）) replace it
    const scheme = options.checkLevel1Weights && form.layout.family.level1Scheme && Object.keys(form.level1Declared).length === 0;
    for (const c of scheme ? ORDER : []) {
      if (!sameAt2(form.level1[c], d[c])) {
        diffs.push(`${CATEGORY_LABEL[c].zh} ${fmt(form.level1[c])}（默认 ${d[c]}）`);
        diffsEn.push(`${CATEGORY_LABEL[c].en} ${fmt(form.level1[c])} (default ${d[c]})`);
      }
    }
    const bw = form.budget?.weightValue;
    if (scheme && bw != null && !sameAt2(bw, d.budget)) {
      diffs.push(`预算执行 ${fmt(bw)}（默认 ${d.budget}）`);
      diffsEn.push(`budget ${fmt(bw)} (default ${d.budget})`);
    }
    if (diffs.length > 0) {
      report({
        at,
        messageId: "differ",
        data: { diffs: { zh: diffs.join("，"), en: diffsEn.join(", ") } },
        expected: `${d.output}/${d.outcome}/${d.satisfaction}/${d.budget}`,
        actual: `${fmt(form.level1.output)}/${fmt(form.level1.outcome)}/${fmt(form.level1.satisfaction)}/${bw == null ? "?" : fmt(bw)}`,
      });
    }
    // the evaluation frame (RULES.md §6): a 一级 label's weight (项目效益（35分）) is the sum of the rows it spans,
    // 满意度 included; the category sums do not apply
    if (isEvaluationFrame(form.indicators)) {
      const seen = new Set<number>();
      for (const c of ORDER) {
        const declared = form.level1Declared[c];
        if (!declared || seen.has(declared.cell.row)) continue;
        seen.add(declared.cell.row);
        const rows = form.indicators.filter((i) => i.layout.level1Row === declared.cell.row);
        if (rows.some((i) => i.weightSource !== "cell")) continue;
        const sum = rows.reduce((s, i) => s + (i.weight?.value ?? 0), 0);
        if (sameAt2(declared.weight, sum)) continue;
        // the group by its printed name in both languages: "The level-1 group “项目产出” label says 35 points…"
        const name = rows[0].layout.level1.replace(/[(（][^)）]*[)）]\s*$/, "");
        report({ at: declared.cell, messageId: "label", data: { category: { zh: name, en: `level-1 group “${name}”` }, declared: declared.weight, sum }, expected: declared.weight, actual: sum });
      }
      return;
    }
    for (const c of ORDER) {
      const declared = form.level1Declared[c];
      if (!declared || sameAt2(declared.weight, form.level1[c])) continue;
      // weights not written but inferred (Hubei): their sum says nothing about the label
      if (form.indicators.some((i) => i.layout.category === c && i.weightSource !== "cell")) continue;
      report({
        at: declared.cell,
        messageId: "label",
        data: { category: CATEGORY_LABEL[c], declared: declared.weight, sum: form.level1[c] },
        expected: declared.weight,
        actual: form.level1[c],
      });
    }
  },
};
