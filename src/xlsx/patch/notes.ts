import { address } from "../../core/a1";
import { NOTE_SEPARATOR } from "../../core/marks";
import { XlsxPackage } from "./package";
import { CONTENT_TYPE, NS, REL_TYPE, addRel, ensureContentType, freePartName, readRels } from "./parts";
import { SheetPatcher } from "./sheet";
import { ThreadedComments } from "./threaded";
import { Element, attr, attrLocal, child, children, escapeText, q, root, runText, splice } from "./xml";

/**
 * A sheet's notes (legacy comments): the comments part and the VML drawing Excel shows them with. A cell with a note
 * keeps it: our text is appended after it, under a separator line. New notes get their comment and their VML shape;
 * the parts, relationships and content types are created only when the sheet has none.
 */
export { NOTE_SEPARATOR };
export const NOTE_AUTHOR = "绩效自评校验";

interface ExistingComment {
  ref: string;
  el: Element;
  text: string;
}

export class SheetNotes {
  private commentsPart: string | null = null;
  private commentsXml: string | null = null;
  private vmlPart: string | null = null;
  private readonly existing = new Map<string, ExistingComment>();
  private readonly appends: Array<{ el: Element; text: string }> = [];
  private readonly added: Array<{ row: number; col: number; text: string }> = [];

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly sheetPart: string,
    private readonly sheet: SheetPatcher,
    workbookPart: string,
  ) {
    this.threaded = new ThreadedComments(pkg, sheetPart, workbookPart, NOTE_AUTHOR);
    const rels = readRels(pkg, sheetPart);
    const c = rels.find((r) => r.type === REL_TYPE.comments && !r.external && pkg.has(r.target));
    if (c) {
      this.commentsPart = pkg.find(c.target);
      this.commentsXml = pkg.text(this.commentsPart!)!;
      const xml = this.commentsXml;
      const list = child(xml, root(xml), "commentList");
      if (list)
        for (const el of children(xml, list, "comment")) {
          const ref = (attr(xml.slice(el.tag.start, el.tag.end), "ref") ?? "").toUpperCase().replace(/\$/g, "");
          const text = child(xml, el, "text");
          if (ref) this.existing.set(ref, { ref, el, text: text ? runText(xml, text) : "" });
        }
    }
    // the VML drawing the sheet already points to with its legacyDrawing (one per sheet)
    const ld = sheet.hasChild("legacyDrawing");
    const rid = ld ? attrLocal(sheet.xml.slice(ld.tag.start, ld.tag.end), "id") : null;
    // (only the one legacyDrawing names: a VML part of legacyDrawingHF holds header and footer pictures, not notes)
    const vml = rid ? rels.find((x) => x.id === rid && !x.external) : undefined;
    if (vml && pkg.has(vml.target)) this.vmlPart = pkg.find(vml.target);
  }

  /** The note a person left on this cell, or null. */
  note(a1: string): string | null {
    return this.existing.get(a1.toUpperCase())?.text ?? null;
  }

  /**
   * Adds our text to a cell: after a person's note when it has one. Our own earlier text (a note that starts with
   * `ownPrefix`, or what follows the separator) is replaced, so checking a checked copy again does not pile up.
   */
  add(row: number, col: number, text: string, ownPrefix: string): void {
    const ref = address(row, col);
    // one note per cell: a part listed by several sheets is marked once for each, and a cell with two comments is
    // one Excel repairs
    if (this.queued.has(ref)) return;
    this.queued.add(ref);
    const hit = this.existing.get(ref);
    if (this.threaded.has(ref)) {
      // Excel 365 shows the thread: ours is a reply in it (and, for other programs, also in the legacy note)
      this.threaded.reply(ref, text.startsWith(ownPrefix) ? text : `${ownPrefix}\n${text}`);
      this.threadReplies++;
      if (!hit) return;
    }
    if (!hit) this.added.push({ row, col, text });
    else if (hit.text.startsWith(ownPrefix)) this.replaces.push({ el: hit.el, text });
    else {
      const sep = hit.text.indexOf(`\n${NOTE_SEPARATOR}\n`);
      if (sep >= 0) this.replaces.push({ el: hit.el, text: `${hit.text.slice(0, sep)}\n${NOTE_SEPARATOR}\n${text}` });
      else this.appends.push({ el: hit.el, text: `\n${NOTE_SEPARATOR}\n${text}` });
    }
  }

  private readonly replaces: Array<{ el: Element; text: string }> = [];
  private readonly queued = new Set<string>();

  private readonly threaded: ThreadedComments;
  private threadReplies = 0;

  get changed(): boolean {
    return this.appends.length > 0 || this.added.length > 0 || this.replaces.length > 0 || this.threadReplies > 0;
  }

  /** Writes the notes' parts; queues the sheet's legacyDrawing (and namespace) when it needs one. */
  finish(): void {
    if (!this.changed) return;
    this.threaded.finish(new Date());
    if (!this.appends.length && !this.added.length && !this.replaces.length) return;
    const pkg = this.pkg;
    let xml = this.commentsXml;
    if (xml === null) {
      this.commentsPart = freePartName(pkg, "xl/comments", ".xml");
      xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
      addRel(pkg, this.sheetPart, REL_TYPE.comments, this.commentsPart);
      ensureContentType(pkg, this.commentsPart, CONTENT_TYPE.comments);
    }
    const r = root(xml);
    const p = r.tag.prefix;
    // a run, as Excel writes notes (readers that look only at runs find it too)
    const t = (s: string) =>
      `<${q(p, "r")}><${q(p, "rPr")}><${q(p, "sz")} val="9"/><${q(p, "rFont")} val="宋体"/><${q(p, "charset")} val="134"/></${q(p, "rPr")}><${q(p, "t")} xml:space="preserve">${escapeText(s)}</${q(p, "t")}></${q(p, "r")}>`;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const a of this.appends) {
      const text = child(xml, a.el, "text");
      const run = t(a.text);
      if (!text) {
        edits.push({ start: a.el.innerEnd, end: a.el.innerEnd, text: `<${q(p, "text")}>${run}</${q(p, "text")}>` });
        continue;
      }
      if (text.tag.kind === "empty") {
        edits.push({ start: text.tag.start, end: text.tag.end, text: `<${text.tag.qname}>${run}</${text.tag.qname}>` });
        continue;
      }
      // runs go before phonetic runs (CT_Rst: t?, r*, rPh*, phoneticPr?)
      const phon = children(xml, text).find((c) => c.tag.local === "rPh" || c.tag.local === "phoneticPr");
      const at = phon ? phon.tag.start : text.innerEnd;
      edits.push({ start: at, end: at, text: run });
    }
    for (const a of this.replaces) {
      const text = child(xml, a.el, "text");
      const body = `<${q(p, "text")}>${t(a.text)}</${q(p, "text")}>`;
      if (text) edits.push({ start: text.tag.start, end: text.end, text: body });
      else edits.push({ start: a.el.innerEnd, end: a.el.innerEnd, text: body });
    }
    if (this.added.length) {
      // our author
      const authors = child(xml, r, "authors");
      let authorId = 0;
      if (authors) {
        const names = children(xml, authors, "author");
        const idx = names.findIndex((n) => xml!.slice(n.innerStart, n.innerEnd) === NOTE_AUTHOR);
        authorId = idx >= 0 ? idx : names.length;
        if (idx < 0) {
          const el = `<${q(p, "author")}>${NOTE_AUTHOR}</${q(p, "author")}>`;
          if (authors.tag.kind === "empty") edits.push({ start: authors.tag.start, end: authors.tag.end, text: `<${authors.tag.qname}>${el}</${authors.tag.qname}>` });
          else edits.push({ start: authors.innerEnd, end: authors.innerEnd, text: el });
        }
      } else edits.push({ start: r.innerStart, end: r.innerStart, text: `<${q(p, "authors")}><${q(p, "author")}>${NOTE_AUTHOR}</${q(p, "author")}></${q(p, "authors")}>` });
      const body = this.added.map((a) => `<${q(p, "comment")} ref="${address(a.row, a.col)}" authorId="${authorId}"><${q(p, "text")}>${t(a.text)}</${q(p, "text")}></${q(p, "comment")}>`).join("");
      const list = child(xml, r, "commentList");
      if (!list) {
        const at = authors ? authors.end : r.innerStart;
        edits.push({ start: at, end: at, text: `<${q(p, "commentList")}>${body}</${q(p, "commentList")}>` });
      } else if (list.tag.kind === "empty") edits.push({ start: list.tag.start, end: list.tag.end, text: `<${list.tag.qname}>${body}</${list.tag.qname}>` });
      else edits.push({ start: list.innerEnd, end: list.innerEnd, text: body });
    }
    pkg.write(this.commentsPart!, splice(xml, edits));
    if (this.added.length) this.writeVml();
  }

  private writeVml(): void {
    const pkg = this.pkg;
    let vml = this.vmlPart ? pkg.text(this.vmlPart) : null;
    const sheet = this.sheet;
    if (vml === null) {
      this.vmlPart = freePartName(pkg, "xl/drawings/vmlDrawing", ".vml");
      // an idmap block of its own: above every block other VML parts use
      let maxBlock = 0;
      for (const n of pkg.names())
        if (/\.vml$/i.test(n)) for (const m of (pkg.text(n) ?? "").matchAll(/data\s*=\s*["']([\d,\s]+)["']/g)) for (const d of m[1].split(/[,\s]+/)) maxBlock = Math.max(maxBlock, Number(d) || 0);
      const block = maxBlock + 1;
      vml =
        `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
        `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
        SHAPETYPE +
        `</xml>`;
      const rid = addRel(pkg, this.sheetPart, REL_TYPE.vmlDrawing, this.vmlPart);
      ensureContentType(pkg, this.vmlPart, CONTENT_TYPE.vml, "vml");
      sheet.addChild("legacyDrawing", `<${q(sheet.prefix, "legacyDrawing")} ${sheet.relPrefix()}:id="${rid}"/>`);
      this.nextShape = block * 1024 + 1;
    } else {
      // make sure the sheet points at it (a VML part related but not referenced would not show)
      if (!sheet.hasChild("legacyDrawing")) {
        const rid = readRels(pkg, this.sheetPart).find((x) => x.target === this.vmlPart)!.id;
        sheet.addChild("legacyDrawing", `<${q(sheet.prefix, "legacyDrawing")} ${sheet.relPrefix()}:id="${rid}"/>`);
      }
      let max = 1024;
      for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
      this.nextShape = max + 1;
      if (!/id\s*=\s*["']_x0000_t202["']/.test(vml)) vml = insertBeforeEnd(vml, SHAPETYPE);
      for (const [pfx, uri] of [
        ["v", "urn:schemas-microsoft-com:vml"],
        ["o", "urn:schemas-microsoft-com:office:office"],
        ["x", "urn:schemas-microsoft-com:office:excel"],
      ])
        if (!new RegExp(`xmlns:${pfx}\\s*=`).test(vml)) vml = vml.replace(/<xml\b/, `<xml xmlns:${pfx}="${uri}"`);
    }
    const shapes = this.added.map((a) => this.shape(a.row, a.col)).join("");
    pkg.write(this.vmlPart!, insertBeforeEnd(vml, shapes));
  }

  private nextShape = 1025;

  private shape(row: number, col: number): string {
    const id = this.nextShape++;
    return (
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:110pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
      `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 5}, 15, ${row + 7}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData>` +
      `</v:shape>`
    );
  }
}

const SHAPETYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

/** VML is not always well-formed XML (old Office writes `<br>`): new shapes go before its last end tag, found as text. */
function insertBeforeEnd(vml: string, text: string): string {
  const m = /<\/(?:[\w.-]+:)?xml\s*>\s*$/.exec(vml);
  if (!m) return vml + text;
  return vml.slice(0, m.index) + text + vml.slice(m.index);
}

