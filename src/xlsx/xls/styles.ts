import type { BiffWorkbook } from "./biff";

/**
 * The cell styles of an .xls (XF, FONT, PALETTE records) as SpreadsheetML for the .xlsx a copy is built on
 * (to-xlsx.ts): fonts (name, size, bold, italic, underline, strike, colour), fills (pattern and colours), borders
 * (each side's line and colour), alignment (horizontal, vertical, wrap, indent, rotation) and the number format.
 * Each XF a cell uses becomes one cellXfs entry.
 */
const BUILTIN_PALETTE = [
  0x000000, 0xffffff, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff, 0x00ffff, 0x800000, 0x008000, 0x000080, 0x808000, 0x800080, 0x008080, 0xc0c0c0, 0x808080,
  0x9999ff, 0x993366, 0xffffcc, 0xccffff, 0x660066, 0xff8080, 0x0066cc, 0xccccff, 0x000080, 0xff00ff, 0xffff00, 0x00ffff, 0x800080, 0x800000, 0x008080, 0x0000ff,
  0x00ccff, 0xccffff, 0xccffcc, 0xffff99, 0x99ccff, 0xff99cc, 0xcc99ff, 0xffcc99, 0x3366ff, 0x33cccc, 0x99cc00, 0xffcc00, 0xff9900, 0xff6600, 0x666699, 0x969696,
  0x003366, 0x339966, 0x003300, 0x333300, 0x993300, 0x993366, 0x333399, 0x333333,
];
const EIGHT = [0x000000, 0xffffff, 0xff0000, 0x00ff00, 0x0000ff, 0xffff00, 0xff00ff, 0x00ffff];
const BORDER = ["", "thin", "medium", "dashed", "dotted", "thick", "double", "hair", "mediumDashed", "dashDot", "mediumDashDot", "dashDotDot", "mediumDashDotDot", "slantDashDot"];
const FILL = ["none", "solid", "mediumGray", "darkGray", "lightGray", "darkHorizontal", "darkVertical", "darkDown", "darkUp", "darkGrid", "darkTrellis", "lightHorizontal", "lightVertical", "lightDown", "lightUp", "lightGrid", "lightTrellis", "gray125", "gray0625"];
const HALIGN = ["", "left", "center", "right", "fill", "justify", "centerContinuous", "distributed"];
const VALIGN = ["top", "center", "", "justify", "distributed"];

function attr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/[\u0000-\u001f]/g, "");
}

export interface XlsxStyles {
  /** XF index → cellXfs index in the styles part */
  xfIndex(ixfe: number): number;
  /** a cellXfs entry with only this number format (the cell's XF was not recorded) */
  formatOnly(code: string): number;
  /** the styles part, once every cell has asked for its index */
  xml(): string;
}

export function xlsStyles(book: BiffWorkbook, numFmtId: (code: string) => number): XlsxStyles {
  const palette = book.palette;
  const rgb = (icv: number): string | null => {
    let c: number | undefined;
    if (icv < 8) c = EIGHT[icv];
    else if (icv < 64) c = palette && palette[icv - 8] !== undefined ? palette[icv - 8] : BUILTIN_PALETTE[icv - 8];
    if (c === undefined) return null; // 64, 65, 0x7fff: the system's colours, automatic
    return `FF${c.toString(16).toUpperCase().padStart(6, "0")}`;
  };
  const color = (tag: string, icv: number) => {
    const c = rgb(icv);
    return c ? `<${tag} rgb="${c}"/>` : "";
  };
  const u16 = (d: Uint8Array, p: number) => d[p] | (d[p + 1] << 8);
  const u32 = (d: Uint8Array, p: number) => (d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24)) >>> 0;

  const fontXml = (ifnt: number): string => {
    const d = book.fonts[ifnt >= 4 ? ifnt - 1 : ifnt] ?? book.fonts[0];
    if (!d || d.length < 15) return `<font><sz val="11"/><name val="宋体"/></font>`;
    const grbit = u16(d, 2), bls = u16(d, 6), uls = d[10], sss = u16(d, 8);
    const cch = d[14], high = d.length > 15 ? d[15] & 1 : 0;
    let name = "";
    for (let i = 0; i < cch && 16 + (i + 1) * (high ? 2 : 1) <= d.length; i++) name += String.fromCharCode(high ? u16(d, 16 + i * 2) : d[16 + i]);
    const u = uls === 1 ? `<u/>` : uls === 2 ? `<u val="double"/>` : uls === 0x21 ? `<u val="singleAccounting"/>` : uls === 0x22 ? `<u val="doubleAccounting"/>` : "";
    return `<font>${bls >= 700 ? "<b/>" : ""}${grbit & 2 ? "<i/>" : ""}${grbit & 8 ? "<strike/>" : ""}${u}${sss === 1 ? `<vertAlign val="superscript"/>` : sss === 2 ? `<vertAlign val="subscript"/>` : ""}<sz val="${u16(d, 0) / 20}"/>${color("color", u16(d, 4))}<name val="${attr(name || "宋体")}"/></font>`;
  };

  const fonts = new Map<string, number>(), fills = new Map<string, number>([["<fill><patternFill patternType=\"none\"/></fill>", 0], ["<fill><patternFill patternType=\"gray125\"/></fill>", 1]]);
  const borders = new Map<string, number>([["<border><left/><right/><top/><bottom/><diagonal/></border>", 0]]);
  const xfs = new Map<string, number>();
  const byIxfe = new Map<number, number>();
  const id = (m: Map<string, number>, k: string) => {
    let i = m.get(k);
    if (i === undefined) m.set(k, (i = m.size));
    return i;
  };
  id(fonts, fontXml(0));
  id(xfs, `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);

  return {
    xfIndex(ixfe) {
      const hit = byIxfe.get(ixfe);
      if (hit !== undefined) return hit;
      const d = book.xfs[ixfe];
      let out = 0;
      if (d && d.length >= 20) {
        const fontId = id(fonts, fontXml(u16(d, 0)));
        const fmt = numFmtId(book.xfCodes[ixfe] ?? "General");
        const a = u32(d, 10), b = u32(d, 14), c = u16(d, 18);
        const side = (tag: string, dg: number, icv: number) => (BORDER[dg] ? `<${tag} style="${BORDER[dg]}">${color("color", icv)}</${tag}>` : `<${tag}/>`);
        const border = `<border>${side("left", a & 15, (a >>> 16) & 0x7f)}${side("right", (a >>> 4) & 15, (a >>> 23) & 0x7f)}${side("top", (a >>> 8) & 15, b & 0x7f)}${side("bottom", (a >>> 12) & 15, (b >>> 7) & 0x7f)}<diagonal/></border>`;
        const fls = (b >>> 26) & 0x3f;
        const fill = fls === 0 || !FILL[fls] ? 0 : id(fills, `<fill><patternFill patternType="${FILL[fls]}">${color("fgColor", c & 0x7f)}${color("bgColor", (c >>> 7) & 0x7f)}</patternFill></fill>`);
        const alc = d[6] & 7, wrap = (d[6] >> 3) & 1, alcV = (d[6] >> 4) & 7, trot = d[7], indent = d[8] & 15, shrink = (d[8] >> 4) & 1;
        const al = [HALIGN[alc] ? `horizontal="${HALIGN[alc]}"` : "", VALIGN[alcV] ? `vertical="${VALIGN[alcV]}"` : "", wrap ? `wrapText="1"` : "", indent ? `indent="${indent}"` : "", trot ? `textRotation="${trot}"` : "", shrink ? `shrinkToFit="1"` : ""].filter(Boolean).join(" ");
        const borderId = id(borders, border);
        out = id(
          xfs,
          `<xf numFmtId="${fmt}" fontId="${fontId}" fillId="${fill}" borderId="${borderId}" xfId="0"${fmt ? ` applyNumberFormat="1"` : ""}${fontId ? ` applyFont="1"` : ""}${fill ? ` applyFill="1"` : ""}${borderId ? ` applyBorder="1"` : ""}${al ? ` applyAlignment="1"><alignment ${al}/></xf>` : "/>"}`,
        );
      }
      byIxfe.set(ixfe, out);
      return out;
    },
    formatOnly(code) {
      const fmt = numFmtId(code);
      return fmt ? id(xfs, `<xf numFmtId="${fmt}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`) : 0;
    },
    xml() {
      const list = (m: Map<string, number>) => [...m.keys()].join("");
      return `<fonts count="${fonts.size}">${list(fonts)}</fonts><fills count="${fills.size}">${list(fills)}</fills><borders count="${borders.size}">${list(borders)}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.size}">${list(xfs)}</cellXfs>`;
    },
  };
}
