import { strToU8 } from "fflate";
import { XlsxPackage, crc32 } from "./package";
import { addRel, ensureContentType, readRels } from "./parts";
import { attr, children, escapeAttr, escapeText, q, root, splice } from "./xml";

/**
 * Threaded comments (Excel 365's "comments", beside the legacy "notes"): where a cell we mark carries a thread, Excel
 * shows the thread, not the legacy note text, so our text goes into the thread as a reply by our own person.
 * The thread and its replies stay as they were; a reply of ours from an earlier run is replaced.
 */
const REL_THREADED = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
const REL_PERSON = "http://schemas.microsoft.com/office/2017/10/relationships/person";
const CT_PERSON = "application/vnd.ms-excel.person+xml";
const NS_THREADED = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";

/** A GUID derived from a seed: the same copy of the same file gets the same ids. */
function guid(seed: string): string {
  const h = [0, 1, 2, 3].map((i) => crc32(strToU8(`${seed}#${i}`)).toString(16).padStart(8, "0")).join("");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`.toUpperCase();
}

interface Thread {
  rootId: string;
  /** the end of the thread's last element in the part */
  end: number;
  /** a reply of ours: its element's span */
  ours: { start: number; end: number } | null;
}

export class ThreadedComments {
  private readonly part: string | null;
  private readonly xml: string | null;
  private readonly threads = new Map<string, Thread>();
  private readonly replies: Array<{ ref: string; text: string }> = [];
  private personId: string | null = null;

  constructor(
    private readonly pkg: XlsxPackage,
    sheetPart: string,
    private readonly workbookPart: string,
    private readonly author: string,
  ) {
    const rel = readRels(pkg, sheetPart).find((r) => r.type === REL_THREADED && !r.external && pkg.has(r.target));
    this.part = rel ? pkg.find(rel.target) : null;
    this.xml = this.part ? pkg.text(this.part) : null;
    if (!this.xml) return;
    const xml = this.xml;
    const items = children(xml, root(xml), "threadedComment").map((el) => {
      const tag = xml.slice(el.tag.start, el.tag.end);
      return { el, ref: (attr(tag, "ref") ?? "").toUpperCase(), id: attr(tag, "id") ?? "", parentId: attr(tag, "parentId"), personId: attr(tag, "personId") };
    });
    const ourId = this.findPerson();
    for (const it of items) {
      if (!it.ref) continue;
      let t = this.threads.get(it.ref);
      if (!t && !it.parentId) this.threads.set(it.ref, (t = { rootId: it.id, end: it.el.end, ours: null }));
      if (!t) continue;
      t.end = Math.max(t.end, it.el.end);
      if (it.parentId && ourId && it.personId === ourId) t.ours = { start: it.el.tag.start, end: it.el.end };
    }
  }

  private personsPart(): string | null {
    const rel = readRels(this.pkg, this.workbookPart).find((r) => r.type === REL_PERSON && !r.external && this.pkg.has(r.target));
    return rel ? this.pkg.find(rel.target) : null;
  }

  /** Our person's id in the persons part, or null when we have none yet. */
  private findPerson(): string | null {
    const part = this.personsPart();
    const xml = part ? this.pkg.text(part) : null;
    if (!xml) return null;
    for (const p of children(xml, root(xml), "person")) {
      const tag = xml.slice(p.tag.start, p.tag.end);
      if (attr(tag, "displayName") === this.author) return (this.personId = attr(tag, "id"));
    }
    return null;
  }

  /** Does this cell carry a thread? */
  has(ref: string): boolean {
    return this.threads.has(ref.toUpperCase());
  }

  reply(ref: string, text: string): void {
    this.replies.push({ ref: ref.toUpperCase(), text });
  }

  finish(now: Date): void {
    if (!this.replies.length || !this.xml || !this.part) return;
    const personId = this.personId ?? this.addPerson();
    const xml = this.xml;
    const p = root(xml).tag.prefix;
    const dT = now.toISOString().replace(/Z$/, "");
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const r of this.replies) {
      const t = this.threads.get(r.ref)!;
      const el = `<${q(p, "threadedComment")} ref="${escapeAttr(r.ref)}" dT="${dT}" personId="${personId}" id="${guid(`${this.part}|${r.ref}|reply`)}" parentId="${escapeAttr(t.rootId)}"><${q(p, "text")}>${escapeText(r.text)}</${q(p, "text")}></${q(p, "threadedComment")}>`;
      if (t.ours) edits.push({ start: t.ours.start, end: t.ours.end, text: el });
      else edits.push({ start: t.end, end: t.end, text: el });
    }
    this.pkg.write(this.part, splice(xml, edits));
  }

  private addPerson(): string {
    const id = guid(`person|${this.author}`);
    const el = (prefix: string) => `<${q(prefix, "person")} displayName="${escapeAttr(this.author)}" id="${id}" userId="${escapeAttr(this.author)}" providerId="None"/>`;
    let part = this.personsPart();
    if (!part) {
      part = "xl/persons/person.xml";
      for (let n = 1; this.pkg.has(part); n++) part = `xl/persons/person${n}.xml`;
      this.pkg.write(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="${NS_THREADED}" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${el("")}</personList>`);
      addRel(this.pkg, this.workbookPart, REL_PERSON, part);
      ensureContentType(this.pkg, part, CT_PERSON);
    } else {
      const xml = this.pkg.text(part)!;
      const r = root(xml);
      this.pkg.write(
        part,
        r.tag.kind === "empty"
          ? splice(xml, [{ start: r.tag.start, end: r.tag.end, text: `${xml.slice(r.tag.start, r.tag.end).replace(/\s*\/>$/, ">")}${el(r.tag.prefix)}</${r.tag.qname}>` }])
          : splice(xml, [{ start: r.innerEnd, end: r.innerEnd, text: el(r.tag.prefix) }]),
      );
    }
    this.personId = id;
    return id;
  }
}
