import { WorkbookReport } from "../core/engine";
import { Lang, resolveOptions } from "../core/options";
import { SETTINGS_KEY, optionsFor, savedAcknowledgements, withAcknowledgements } from "../core/settings";
import { Acknowledgement } from "../core/acknowledge";
import { annotateCopy, highlightSetting } from "../xlsx/annotate";
import { isCompoundFile } from "../xlsx/xls/sniff";

/**
 * The page's one door to the annotated copy: the copy `selfeval check --out` writes (src/xlsx/annotate.ts: the
 * original package patched in place — flagged cells filled, notes, a 校验报告 sheet, every other part kept), marked
 * by the severities and rules saved in the workbook, as the CLI does without --config.
 */
export const ANNOTATE_AVAILABLE = true;

/** The .xls chunk (src/xlsx/xls/index.ts), fetched by webpack when first asked for; a test under Node passes its own. */
export type XlsChunk = typeof import("../xlsx/xls/index");
const loadXlsChunk = (): Promise<XlsChunk> => import(/* webpackChunkName: "xls" */ "../xlsx/xls/index");

/**
 * An .xls / .et gets a new .xlsx built from what was read (as `check --out` writes it), with what it cannot keep on its
 * 校验报告. `acknowledgements`: the warnings the clerk confirmed on the page (已核对): when they differ from what the
 * workbook carries, the copy's settings record carries them (every other key of it kept), so that the copy the clerk
 * submits says so to the CLI, the pane and the page; the original is never touched.
 */
export async function annotatedCopy(
  bytes: Uint8Array,
  report: WorkbookReport,
  lang: Lang,
  settings: unknown,
  load: () => Promise<XlsChunk> = loadXlsChunk,
  acknowledgements?: readonly Acknowledgement[],
): Promise<Uint8Array> {
  const changed = acknowledgements !== undefined && JSON.stringify(savedAcknowledgements(settings)) !== JSON.stringify(savedAcknowledgements({ acknowledgements }));
  const documentSettings = changed ? { [SETTINGS_KEY]: withAcknowledgements(settings, acknowledgements!) } : undefined;
  const options = resolveOptions(optionsFor({ saved: settings, lang }));
  let notices: { title: string; lines: string[] } | undefined;
  if (isCompoundFile(bytes)) {
    const x = await load();
    const book = x.readXls("copy.xls", bytes, { styles: true });
    bytes = x.xlsxFromXls(book);
    notices = { title: x.lostTitle(lang), lines: x.lostLines(book, lang) };
  }
  return annotateCopy(bytes, report, { lang, checkedAt: new Date(), options, severities: highlightSetting(settings) ?? undefined, notices, documentSettings }).bytes;
}
