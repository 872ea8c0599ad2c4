import { WorkbookReport } from "../core/engine";
import { Lang, resolveOptions } from "../core/options";
import { optionsFor } from "../core/settings";
import { annotateCopy, highlightSetting } from "../xlsx/annotate";

/**
 * The page's one door to the annotated copy: the copy `selfeval check --out` writes (src/xlsx/annotate.ts: the
 * original package patched in place — flagged cells filled, notes, a 校验报告 sheet, every other part kept), marked
 * by the severities and rules saved in the workbook, as the CLI does without --config.
 */
export const ANNOTATE_AVAILABLE = true;

export async function annotatedCopy(bytes: Uint8Array, report: WorkbookReport, lang: Lang, settings: unknown): Promise<Uint8Array> {
  const options = resolveOptions(optionsFor({ saved: settings, lang }));
  return annotateCopy(bytes, report, { lang, checkedAt: new Date(), options, severities: highlightSetting(settings) ?? undefined }).bytes;
}
