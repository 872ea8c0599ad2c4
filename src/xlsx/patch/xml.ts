import { CLOSE, END, OPEN, TagAttribute, XmlError, XmlScanner, decodeText, tagAttributes } from "../xml";

/**
 * Just enough XML to patch a part in place, over the reader's tokenizer (../xml.ts: the whole grammar that can hide a
 * tag — comments, CDATA, processing instructions, a DOCTYPE, quotes of either kind around attribute values, a `>`
 * inside a value, whitespace around `=` — and the one entity decoder): the tags of a document with their offsets, and
 * helpers to read and rewrite one start tag. Everything between the tags we rewrite is left byte for byte as it was.
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

export { XmlError };

function named(kind: Tag["kind"], qname: string, start: number, end: number): Tag {
  const colon = qname.indexOf(":");
  return { kind, qname, prefix: colon < 0 ? "" : qname.slice(0, colon), local: colon < 0 ? qname : qname.slice(colon + 1), start, end };
}

/** Every tag of the document (or of [from, to)), in order, as the reader's scanner tokenizes it. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  const x = new XmlScanner(xml);
  x.pos = from;
  // a scan from inside the document meets end tags of elements opened before it
  if (from !== 0) x.strict = false;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === OPEN) {
      const start = x.nameStart - 1;
      if (start >= to) return;
      const qname = xml.slice(x.nameStart, x.nameEnd);
      if (x.selfClosing) {
        x.next(); // the self-closing tag's CLOSE, reported by the scanner without reading
        yield named("empty", qname, start, x.pos);
      } else yield named("open", qname, start, x.pos);
    } else if (t === CLOSE) {
      // the scanner stops after the end tag's ">": its "<" is the last one before
      const end = x.pos;
      const start = xml.lastIndexOf("<", end - 1);
      if (start >= to) return;
      let k = start + 2;
      for (let c = xml.charCodeAt(k); k < end - 1 && c > 32 && c !== 62; c = xml.charCodeAt(++k));
      yield named("close", xml.slice(start + 2, k), start, end);
    }
  }
}

/** Text content as XML: markup characters and characters XML 1.0 cannot hold are escaped or dropped. */
export function escapeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

export type Attr = TagAttribute;

/** The attributes of a start (or empty) tag's text (the reader's attribute grammar: ../xml.ts). */
export function attrs(tag: string): Attr[] {
  return tagAttributes(tag);
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
  if (!s.includes("<")) return decodeText(s);
  return s.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|([^<]+)/g, (_m, cdata: string | undefined, text: string | undefined) => (cdata !== undefined ? cdata.replace(/\r\n?/g, "\n") : text !== undefined ? decodeText(text) : ""));
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
