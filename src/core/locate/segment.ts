import { lexicon } from "../lexicon";
import { labelStarts } from "../text";
import { DEPT_TITLE, PROJECT_NAME, TITLE, TRANSFER_TITLE } from "../vocabulary";
import type { LabelCell } from "./labels";

/**
 * Segmentation: where each form on a sheet starts (its title, or its 项目名称 label when it has no title) and the
 * rows it may reach (up to the next form's start).
 */
export interface Anchor {
  row: number;
  col: number;
  kind: "title" | "dept" | "transfer" | "project";
}

export interface Segment {
  /** the form's first anchor; a title carries the 项目名称 label within a few rows below it */
  start: Anchor & { project?: Anchor };
  /** the last row the form may reach */
  end: number;
}

export function segments(cells: readonly LabelCell[], bottom: number): Segment[] {
  const titles = lexicon().titles;
  const anchors: Anchor[] = [];
  for (const { row: r, col: c, label: l } of cells) {
    if (l.includes(DEPT_TITLE)) anchors.push({ row: r, col: c, kind: "dept" });
    // a 项目支出绩效自评表 of a project funded by a transfer payment stays a project form
    else if (TRANSFER_TITLE.test(l) && !l.includes(TITLE)) anchors.push({ row: r, col: c, kind: "transfer" });
    else if (l.includes(TITLE) || titles.some((re) => re.test(l))) anchors.push({ row: r, col: c, kind: "title" });
    else if (labelStarts(l, PROJECT_NAME) && l.length <= 8) anchors.push({ row: r, col: c, kind: "project" });
  }
  // One start per form: a title claims the 项目名称 label within a few rows below it.
  const starts: Array<Anchor & { project?: Anchor }> = [];
  for (const a of anchors) {
    const prev = starts[starts.length - 1];
    if (prev && a.kind === "project" && prev.kind !== "project" && !prev.project && a.row - prev.row <= 4) {
      prev.project = a;
      continue;
    }
    if (prev && a.row === prev.row) continue;
    starts.push(a);
  }
  return starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1].row - 1 : bottom }));
}
