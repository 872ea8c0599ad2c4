import { XlsxPackage } from "./package";
import { CONTENT_TYPE, NS, REL_TYPE, addRel, ensureContentType } from "./parts";
import { Element, attr, child, children, q, root, setAttr, splice } from "./xml";

/**
 * styles.xml, appended to, never rewritten: a marked cell gets a new cell format that is its old one (font, border,
 * number format, alignment, protection) with our fill; a written cell that needs a percent format gets its old one
 * with that format. Existing fills, fonts and formats keep their indices, so every other cell looks as it did.
 */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

interface Section {
  /** how many items it holds now (original + appended) */
  count: number;
  added: string[];
}

export class StylePatcher {
  private xml: string;
  private readonly prefix: string;
  private readonly xfs: string[] = [];
  private readonly sections = new Map<string, Section>();
  private readonly memo = new Map<string, number>();
  private customFormats = new Map<string, number>();
  private nextNumFmt = 164;
  private baseFont = { sz: "11", name: "Calibri", family: null as string | null, charset: null as string | null, scheme: null as string | null };
  private dirty = false;

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly part: string,
    existing: boolean,
    workbookPart: string,
  ) {
    if (!existing) {
      this.xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
      addRel(pkg, workbookPart, REL_TYPE.styles, part);
      ensureContentType(pkg, part, CONTENT_TYPE.styles);
      this.dirty = true;
    } else this.xml = pkg.text(part)!;
    const r = root(this.xml);
    this.prefix = r.tag.prefix;
    const xfs = child(this.xml, r, "cellXfs");
    if (xfs) for (const x of children(this.xml, xfs, "xf")) this.xfs.push(this.xml.slice(x.tag.start, x.end));
    for (const name of ["fonts", "fills", "cellXfs", "numFmts"]) {
      const el = child(this.xml, r, name);
      const item = name === "fonts" ? "font" : name === "fills" ? "fill" : name === "cellXfs" ? "xf" : "numFmt";
      this.sections.set(name, { count: el ? children(this.xml, el, item).length : 0, added: [] });
    }
    const numFmts = child(this.xml, r, "numFmts");
    if (numFmts)
      for (const f of children(this.xml, numFmts, "numFmt")) {
        const tag = this.xml.slice(f.tag.start, f.tag.end);
        const id = Number(attr(tag, "numFmtId"));
        const code = attr(tag, "formatCode");
        if (Number.isFinite(id)) {
          this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
          if (code !== null) this.customFormats.set(code, id);
        }
      }
    const fonts = child(this.xml, r, "fonts");
    const font0 = fonts ? children(this.xml, fonts, "font")[0] : undefined;
    if (font0) {
      const val = (local: string) => {
        const el = child(this.xml, font0, local);
        return el ? attr(this.xml.slice(el.tag.start, el.tag.end), "val") : null;
      };
      this.baseFont = { sz: val("sz") ?? "11", name: val("name") ?? "Calibri", family: val("family"), charset: val("charset"), scheme: val("scheme") };
    }
  }

  private el(local: string): string {
    return q(this.prefix, local);
  }

  private append(section: string, xml: string): number {
    const s = this.sections.get(section)!;
    s.added.push(xml);
    this.dirty = true;
    return s.count++;
  }

  /** The cell format `s` as an element to clone (the first one when `s` is out of range). */
  private xf(s: number): string {
    const sec = this.sections.get("cellXfs")!;
    if (sec.count === 0) this.append("cellXfs", `<${this.el("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
    const all = [...this.xfs, ...sec.added];
    return all[s] ?? all[0];
  }

  private derive(s: number, key: string, change: (startTag: string) => string): number {
    const k = `${s}|${key}`;
    const hit = this.memo.get(k);
    if (hit !== undefined) return hit;
    const xf = this.xf(s);
    const tagEnd = xfTagEnd(xf);
    const out = change(xf.slice(0, tagEnd)) + xf.slice(tagEnd);
    const idx = this.append("cellXfs", out);
    this.memo.set(k, idx);
    return idx;
  }

  /** Cell format `s` with a solid fill of this ARGB colour. */
  withFill(s: number, argb: string): number {
    const fillKey = `fill:${argb}`;
    let fillId = this.memo.get(fillKey);
    if (fillId === undefined) {
      if (this.sections.get("fills")!.count === 0) {
        this.append("fills", `<${this.el("fill")}><${this.el("patternFill")} patternType="none"/></${this.el("fill")}>`);
        this.append("fills", `<${this.el("fill")}><${this.el("patternFill")} patternType="gray125"/></${this.el("fill")}>`);
      }
      fillId = this.append("fills", `<${this.el("fill")}><${this.el("patternFill")} patternType="solid"><${this.el("fgColor")} rgb="${argb}"/><${this.el("bgColor")} indexed="64"/></${this.el("patternFill")}></${this.el("fill")}>`);
      this.memo.set(fillKey, fillId);
    }
    const id = fillId;
    return this.derive(s, fillKey, (t) => setAttr(setAttr(t, "fillId", String(id)), "applyFill", "1"));
  }

  /** Cell format `s` with a number format (built-in id, or a custom code). */
  withNumFmt(s: number, format: number | string): number {
    let id: number;
    if (typeof format === "number") id = format;
    else {
      const known = this.customFormats.get(format);
      if (known !== undefined) id = known;
      else {
        id = this.nextNumFmt++;
        this.customFormats.set(format, id);
        this.append("numFmts", `<${this.el("numFmt")} numFmtId="${id}" formatCode="${format.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"/>`);
      }
    }
    return this.derive(s, `fmt:${id}`, (t) => setAttr(setAttr(t, "numFmtId", String(id)), "applyNumberFormat", "1"));
  }

  /** The number format id of cell format `s`. */
  numFmtOf(s: number): number {
    return Number(attr(this.xf(s).slice(0, xfTagEnd(this.xf(s))), "numFmtId") ?? 0);
  }

  /** A format code by id, when custom. */
  formatCode(id: number): string | null {
    for (const [code, n] of this.customFormats) if (n === id) return code;
    return null;
  }

  private font(key: string, inner: string): number {
    const k = `font:${key}`;
    let id = this.memo.get(k);
    if (id === undefined) {
      const f = this.baseFont;
      const tail = `<${this.el("sz")} val="${f.sz}"/>${key === "link" ? `<${this.el("color")} rgb="FF0563C1"/>` : ""}<${this.el("name")} val="${f.name.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")}"/>${f.family ? `<${this.el("family")} val="${f.family}"/>` : ""}${f.charset ? `<${this.el("charset")} val="${f.charset}"/>` : ""}${f.scheme ? `<${this.el("scheme")} val="${f.scheme}"/>` : ""}`;
      id = this.append("fonts", `<${this.el("font")}>${inner}${tail}</${this.el("font")}>`);
      this.memo.set(k, id);
    }
    return id;
  }

  /** A cell format for the report sheet: bold titles. */
  bold(): number {
    const fontId = this.font("bold", `<${this.el("b")}/>`);
    return this.derive(0, "bold", (t) => setAttr(setAttr(setAttr(setAttr(t, "fontId", String(fontId)), "applyFont", "1"), "fillId", "0"), "borderId", "0"));
  }

  /** A cell format for the report sheet: links (blue, underlined). */
  link(): number {
    const fontId = this.font("link", `<${this.el("u")}/>`);
    return this.derive(0, "link", (t) => setAttr(setAttr(setAttr(setAttr(t, "fontId", String(fontId)), "applyFont", "1"), "fillId", "0"), "borderId", "0"));
  }

  /** Writes styles.xml when anything was appended. */
  finish(): void {
    if (!this.dirty) return;
    let xml = this.xml;
    for (const name of ["numFmts", "fonts", "fills", "cellXfs"]) {
      const s = this.sections.get(name)!;
      if (s.added.length === 0) continue;
      const r = root(xml);
      const el = child(xml, r, name);
      if (el) {
        const tag = xml.slice(el.tag.start, el.tag.end);
        const counted = attr(tag, "count") !== null ? setAttr(tag, "count", String(s.count)) : tag;
        const body = s.added.join("");
        xml =
          el.tag.kind === "empty"
            ? splice(xml, [{ start: el.tag.start, end: el.tag.end, text: `${counted.replace(/\s*\/>$/, ">")}${body}</${el.tag.qname}>` }])
            : splice(xml, [
                { start: el.tag.start, end: el.tag.end, text: counted },
                { start: el.innerEnd, end: el.innerEnd, text: body },
              ]);
      } else {
        const at = insertionPoint(xml, r, name);
        xml = splice(xml, [{ start: at, end: at, text: `<${q(this.prefix, name)} count="${s.count}">${s.added.join("")}</${q(this.prefix, name)}>` }]);
      }
    }
    this.pkg.write(this.part, xml);
  }
}

/** Where a missing child of styleSheet goes: before the first sibling that follows it in the schema's order. */
function insertionPoint(xml: string, r: Element, name: string): number {
  const later = ORDER.slice(ORDER.indexOf(name) + 1);
  for (const c of children(xml, r)) if (later.includes(c.tag.local)) return c.tag.start;
  return r.innerEnd;
}

function xfTagEnd(xf: string): number {
  let quote = "";
  for (let i = 0; i < xf.length; i++) {
    const ch = xf[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i + 1;
  }
  return xf.length;
}
