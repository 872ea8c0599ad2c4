import type { Grid } from "../grid";
import { lexicon } from "../lexicon";
import type { FormTail } from "./types";

/**
 * The part of a form after its total row: a family's tail reader says what is there (Hubei 2020: the one form-level
 * cause cell 偏差大或目标未完成原因分析, 改进措施…, 备注). The first family that finds its tail reads it.
 */
export function readTail(grid: Grid, totalRow: number, segEnd: number): FormTail | null {
  for (const f of lexicon().tails) {
    const tail = f.readers!.tail!(grid, totalRow, segEnd);
    if (tail) return tail;
  }
  return null;
}
