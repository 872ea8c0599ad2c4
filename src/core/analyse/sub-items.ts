import { sameAt2 } from "../scoring";
import type { IndicatorAnalysis } from "./types";

/** `1.…`, `2、…`, `（1）…`: a numbered sub-item's name (not the template's `指标1:`). */
const NUMBERED = /^\s*(?:\d{1,2}\s*[.、．](?!\d)|[(（]\d{1,2}[)）])/;

/**
 * Numbered sub-items (RULES.md §6) that hold scores of their own under a parent row that holds the score too: a 三级 row
 * split into `1.… 2.…` sub-rows whose written scores add up to the parent's. Parent and sub-items are one indicator, so
 * only the parent counts in a block's and the form's sums. (Where the parent or the sub-rows hold no score, adding up
 * counts them once already.) Indices into `rows`, each with its parent's index.
 */
export function scoredSubItems(rows: readonly IndicatorAnalysis[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = 0; k + 1 < rows.length; k++) {
    const parent = rows[k];
    if (NUMBERED.test(parent.fullName) || parent.score?.value == null) continue;
    let end = k + 1;
    while (end < rows.length && NUMBERED.test(rows[end].fullName) && rows[end].layout.block === parent.layout.block) end++;
    const run = rows.slice(k + 1, end);
    if (run.length < 2 || !run.every((i) => i.score?.value != null)) continue;
    const sum = run.reduce((s, i) => s + i.score!.value!, 0);
    if (!sameAt2(sum, parent.score.value)) continue;
    for (let j = k + 1; j < end; j++) out.set(j, k);
    k = end - 1;
  }
  return out;
}
