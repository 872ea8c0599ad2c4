/**
 * Every limit the package reader and the copy writer hold a file from a stranger to, in one place. Under them the
 * work is linear in the file (merged areas marked once for all, relationships read once per part, a part listed by
 * several sheets read once); past one, the file is refused with a LimitError that says, in Chinese and English, what
 * was too large — src/xlsx/input.ts turns it into the one line the CLI and the web page print for the file.
 *
 * The figures are far above what Excel writes for a workbook of 项目支出绩效自评表 (a few sheets, a few hundred merged
 * areas, some thousand strings) and below where time or memory would run away (`npm run bench`, section "limits",
 * measures each against a normal one-form file). Pure: no Node, no DOM.
 */
export interface ReadLimits {
  /** the whole package, unpacked (bytes) */
  maxTotalBytes: number;
  /** one part, unpacked (bytes) */
  maxPartBytes: number;
  /** a part larger than `ratioFrom` bytes unpacked may not unpack to more than `maxRatio` times its packed size */
  maxRatio: number;
  ratioFrom: number;
  /** entries in the zip directory */
  maxEntries: number;
  /** sheets listed by the workbook part */
  maxSheets: number;
  /** relationships in one relationships part */
  maxRelationships: number;
  /**
   * cells of the sheets' used ranges (the snapshot's boxes), all sheets together — each sheet is cut at 4,000,000
   * (core/snapshot.ts MAX_SNAPSHOT_CELLS); this bounds a workbook of many such sheets, or one part listed many times
   */
  maxCells: number;
  /** merged areas on one sheet */
  maxMerges: number;
  /** strings in the shared strings table */
  maxSharedStrings: number;
  /** cell formats (cellXfs) and number formats (numFmts) in the styles part */
  maxStyles: number;
  /** characters produced by expanding DTD-declared entities, in total, in one part */
  maxEntityChars: number;
  /** characters of one cell's text (Excel itself holds at most 32,767) */
  maxCellText: number;
}

export const LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxTotalBytes: 512 * 1024 * 1024,
  maxPartBytes: 128 * 1024 * 1024,
  maxRatio: 200,
  ratioFrom: 16 * 1024 * 1024,
  maxEntries: 20_000,
  maxSheets: 1_000,
  maxRelationships: 20_000,
  maxCells: 16_000_000,
  maxMerges: 100_000,
  maxSharedStrings: 4_000_000,
  maxStyles: 200_000,
  maxEntityChars: 1_000_000,
  maxCellText: 1_000_000,
});

let active: Readonly<ReadLimits> = LIMITS;

/** The limits in force: LIMITS, or what withLimits() set for the call it runs. */
export function limits(): Readonly<ReadLimits> {
  return active;
}

/**
 * Runs `fn` (synchronous) under other limits — the copy writer's read-back, which allows a copy of a file at a count
 * limit what the copy itself adds (a 校验报告 sheet and its relationship, formats for the fills, notes parts).
 */
export function withLimits<T>(l: Readonly<ReadLimits>, fn: () => T): T {
  const before = active;
  active = l;
  try {
    return fn();
  } finally {
    active = before;
  }
}

/** What was too large, for the message: a key of ReadLimits → the words for it. */
const WHAT: Record<keyof ReadLimits, { zh: string; en: string; unit?: "MB" }> = {
  maxTotalBytes: { zh: "解压后的工作簿", en: "the unpacked workbook", unit: "MB" },
  maxPartBytes: { zh: "解压后的部件", en: "an unpacked part", unit: "MB" },
  maxRatio: { zh: "压缩比", en: "the compression ratio" },
  ratioFrom: { zh: "压缩比", en: "the compression ratio" },
  maxEntries: { zh: "zip 中的条目数", en: "entries in the zip" },
  maxSheets: { zh: "工作表数", en: "sheets" },
  maxRelationships: { zh: "关系数", en: "relationships" },
  maxCells: { zh: "各工作表已用区域的单元格总数", en: "cells in the sheets' used ranges, all sheets together" },
  maxMerges: { zh: "合并单元格区域数", en: "merged areas" },
  maxSharedStrings: { zh: "共享字符串数", en: "shared strings" },
  maxStyles: { zh: "单元格格式数", en: "cell formats" },
  maxEntityChars: { zh: "DTD 实体展开后的字符数", en: "characters expanded from DTD entities" },
  maxCellText: { zh: "单个单元格的字符数", en: "characters in one cell" },
};

const fmt = (n: number, unit?: "MB") => (unit === "MB" ? `${Math.round(n / 1048576).toLocaleString("en-US")} MB` : n.toLocaleString("en-US"));

/** A file past one of the limits: `limit` names it, `where` the part or sheet (may be ""). */
export class LimitError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly limit: keyof ReadLimits,
    readonly where: string,
    readonly found: number | null,
    l: Readonly<ReadLimits> = active,
  ) {
    const w = WHAT[limit];
    const max = fmt(l[limit], w.unit);
    const seen = found === null ? "" : fmt(found, w.unit);
    const en = `${w.en}${where ? ` (${where})` : ""}: ${found === null ? "more than" : `${seen}, more than`} the ${max} the reader allows`;
    super(en);
    this.en = en;
    this.zh = `${w.zh}${where ? `（${where}）` : ""}${found === null ? "" : `为 ${seen}，`}超过上限 ${max}`;
  }
}

/** Throws a LimitError when `found` passes the limit. */
export function within(limit: keyof ReadLimits, found: number, where: string): void {
  if (found > active[limit]) throw new LimitError(limit, where, found);
}
