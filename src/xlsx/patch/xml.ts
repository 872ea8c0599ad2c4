/**
 * Just enough XML to patch a part in place: a scanner over the tags of a document that knows the whole grammar that
 * can hide a tag (comments, CDATA, processing instructions, a DOCTYPE, quotes of either kind around attribute values,
 * a `>` inside a value, whitespace around `=`), and helpers to read and rewrite one start tag. Everything between the
 * tags we rewrite is left byte for byte as it was.
 */
export interface Tag {
  kind: "open" | "close" | "empty";
  /** the qualified name, and its parts */
  qname: string;
  prefix: string;
  local: string;
  /** offsets of the whole tag in the text: [start, end) */
  start: number;
  end: number;
}

export class XmlError extends Error {}

/** Every tag of the document, in order. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let i = from;
  while (i < to) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= to) return;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) throw new XmlError("an XML comment is not closed");
        i = e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) throw new XmlError("a CDATA section is not closed");
        i = e + 3;
      } else {
        // <!DOCTYPE …> with an optional internal subset
        let j = lt + 2;
        let depth = 0;
        for (; j < xml.length; j++) {
          const ch = xml[j];
          if (ch === "[") depth++;
          else if (ch === "]") depth--;
          else if (ch === ">" && depth <= 0) break;
        }
        i = j + 1;
      }
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) throw new XmlError("a processing instruction is not closed");
      i = e + 2;
      continue;
    }
    // a start, end or empty tag: find its end outside quoted values
    let j = lt + 1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62 /* > */) break;
    }
    if (j >= xml.length) throw new XmlError("a tag is not closed");
    const isClose = c === 47; /* / */
    const nameStart = isClose ? lt + 2 : lt + 1;
    let k = nameStart;
    for (let ch = xml.charCodeAt(k); k < j && ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13 && ch !== 47 && ch !== 62; ch = xml.charCodeAt(++k));
    const qname = xml.slice(nameStart, k);
    const colon = qname.indexOf(":");
    const kind = isClose ? "close" : xml.charCodeAt(j - 1) === 47 ? "empty" : "open";
    yield { kind, qname, prefix: colon < 0 ? "" : qname.slice(0, colon), local: colon < 0 ? qname : qname.slice(colon + 1), start: lt, end: j + 1 };
    i = j + 1;
  }
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decode(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

/** Text content as XML: markup characters and characters XML 1.0 cannot hold are escaped or dropped. */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export interface Attr {
  name: string;
  value: string;
  /** offsets within the tag text of the whole `name="value"` */
  start: number;
  end: number;
}

/** The attributes of a start (or empty) tag's text. */
export function attrs(tag: string): Attr[] {
  const out: Attr[] = [];
  const re = /([^\s=/<>"']+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  // skip the element name
  const nameEnd = /^<[^\s/>]+/.exec(tag)?.[0].length ?? 1;
  re.lastIndex = nameEnd;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.push({ name: m[1], value: decode(m[3] ?? m[4] ?? ""), start: m.index, end: m.index + m[0].length });
  return out;
}

export function attr(tag: string, name: string): string | null {
  return attrs(tag).find((a) => a.name === name)?.value ?? null;
}

/** An attribute whose local name is `local`, whatever its prefix (r:id, x:id…). */
export function attrLocal(tag: string, local: string): string | null {
  return attrs(tag).find((a) => a.name === local || a.name.endsWith(`:${local}`))?.value ?? null;
}

/** The tag text with one attribute set (replaced in place, or added at the end); value null removes it. */
export function setAttr(tag: string, name: string, value: string | null): string {
  const a = attrs(tag).find((x) => x.name === name);
  if (a) {
    if (value === null) {
      let s = a.start;
      while (s > 0 && /\s/.test(tag[s - 1])) s--;
      return tag.slice(0, s) + tag.slice(a.end);
    }
    return `${tag.slice(0, a.start)}${name}="${escapeAttr(value)}"${tag.slice(a.end)}`;
  }
  if (value === null) return tag;
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(tag[at - 1])) at--;
  return `${tag.slice(0, at)} ${name}="${escapeAttr(value)}"${tag.slice(at)}`;
}

/** The namespace prefix a tag's element declares for a namespace URI (on that tag only); null when not declared. */
export function prefixFor(tag: string, uri: string): string | null {
  for (const a of attrs(tag)) {
    if (a.value !== uri) continue;
    if (a.name === "xmlns") return "";
    if (a.name.startsWith("xmlns:")) return a.name.slice(6);
  }
  return null;
}

/** The first start tag of the document (its root element). */
export function rootTag(xml: string): Tag {
  for (const t of tags(xml)) if (t.kind !== "close") return t;
  throw new XmlError("the part has no root element");
}

/** A matched element: its start tag, and (unless empty) where its content and end tag lie. */
export interface Element {
  tag: Tag;
  /** content [innerStart, innerEnd); equal for an empty element */
  innerStart: number;
  innerEnd: number;
  /** the end of the whole element */
  end: number;
}

/**
 * The children of an element (or of the whole document when parent is null), by local name. Depth is tracked so a
 * nested element of the same name is not taken for a child.
 */
export function children(xml: string, parent: Element | null, local?: string): Element[] {
  const from = parent ? parent.innerStart : 0;
  const to = parent ? parent.innerEnd : xml.length;
  const out: Element[] = [];
  const stack: Tag[] = [];
  for (const t of tags(xml, from, to)) {
    if (t.kind === "empty") {
      if (stack.length === 0 && (!local || t.local === local)) out.push({ tag: t, innerStart: t.end, innerEnd: t.end, end: t.end });
    } else if (t.kind === "open") stack.push(t);
    else {
      const open = stack.pop();
      if (!open) break;
      if (stack.length === 0 && (!local || open.local === local)) out.push({ tag: open, innerStart: open.end, innerEnd: t.start, end: t.end });
    }
  }
  return out;
}

export function child(xml: string, parent: Element | null, local: string): Element | null {
  return children(xml, parent, local)[0] ?? null;
}

/** The root element as an Element. */
export function root(xml: string): Element {
  const el = children(xml, null).find((e) => e.tag.kind !== "close");
  if (!el) throw new XmlError("the part has no root element");
  return el;
}

/** All text of the <t> elements inside a string item or comment text (phonetic runs left out). */
export function runText(xml: string, el: Element): string {
  let out = "";
  const skip: Array<[number, number]> = children(xml, el, "rPh").map((r) => [r.tag.start, r.end]);
  const stack: Tag[] = [];
  for (const t of tags(xml, el.innerStart, el.innerEnd)) {
    if (skip.some(([a, b]) => t.start >= a && t.start < b)) continue;
    if (t.kind === "open") stack.push(t);
    else if (t.kind === "close") {
      const open = stack.pop();
      if (open && open.local === "t") out += textBetween(xml, open.end, t.start);
    }
  }
  return out;
}

/** Character data between two offsets: entities decoded, CDATA unwrapped, comments dropped. */
export function textBetween(xml: string, from: number, to: number): string {
  const s = xml.slice(from, to);
  if (!s.includes("<")) return decode(s);
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|([^<]+)/g, (_m, cdata: string | undefined, text: string | undefined) => (cdata !== undefined ? cdata : text !== undefined ? decode(text) : ""));
}

/** Applies splices (non-overlapping [start, end) → text) in one pass. */
export function splice(xml: string, edits: Array<{ start: number; end: number; text: string }>): string {
  if (edits.length === 0) return xml;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new XmlError("overlapping edits");
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/** "p:name" or "name" for new elements in a part whose elements use prefix p. */
export const q = (prefix: string, local: string): string => (prefix ? `${prefix}:${local}` : local);
