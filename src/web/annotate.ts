import { WorkbookReport } from "../core/engine";
import { Lang } from "../core/options";

/**
 * The page's one door to the annotated copy (the copy `selfeval check --out` writes: flagged cells filled, notes, a
 * 校验报告 sheet, everything else of the original kept). It will call the browser-capable copy writer of issue 14
 * once that is on main; until then the page shows the download as not yet available, with that label.
 */
export const ANNOTATE_AVAILABLE = false;

/** The annotated copy of one file: its bytes, its report in `lang`, and the settings saved in it (marks, rules). */
export async function annotatedCopy(_bytes: Uint8Array, _report: WorkbookReport, _lang: Lang, _settings: unknown): Promise<Uint8Array> {
  throw new Error("the annotated copy is not available in the web page yet");
}
