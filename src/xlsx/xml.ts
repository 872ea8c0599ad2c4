/**
 * A pull tokenizer for the whole XML 1.0 grammar the package parts may use, over a decoded string: start, end and
 * self-closing tags (any namespace prefix), attributes in single or double quotes with whitespace around `=` and `>`
 * inside values, character data with the predefined, numeric and DTD-declared internal entities, CDATA sections,
 * comments, processing instructions, the XML declaration and a DOCTYPE (its internal subset read for entities, never
 * for external ones, and entity values never expanded recursively: no billion laughs). Line ends are normalised as
 * XML says (CR LF and lone CR → LF; literal whitespace in attribute values → space).
 *
 * Why our own: measured against saxes and fast-xml-parser on the benchmark workbooks (README, "The reader"), a
 * tokenizer that records attribute positions instead of building objects is several times faster, and the reader
 * has to stay within a few times the cost of unzipping. It is not validating: it reads what is well-formed and
 * throws XmlError on what cannot be tokenized (an unterminated tag, comment or CDATA section).
 */
import { strFromU8 } from "fflate";
import { LimitError, limits } from "./limits";

export class XmlError extends Error {}

/** What DTD-declared entities may still expand to in one document (characters); shared by its scanner's calls. */
export interface EntityBudget {
  left: number;
}

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;

const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Decodes entity and character references in raw (already line-normalised) text. Declared entities expand within
 * `budget` (the document's: LIMITS.maxEntityChars in all), past which a LimitError is thrown: an entity of 150 KB used
 * 100,000 times is refused, not expanded into the engine's "Invalid string length".
 */
export function decodeEntities(raw: string, declared: Map<string, string> | null = null, budget: EntityBudget | null = null): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[^\s&;<]+);/g, (whole, e: string) => {
    if (e.charCodeAt(0) === 35) {
      const code = e.charCodeAt(1) === 120 || e.charCodeAt(1) === 88 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    const p = PREDEFINED[e];
    if (p !== undefined) return p;
    const d = declared?.get(e);
    if (d === undefined) return whole;
    if (budget) {
      budget.left -= d.length;
      if (budget.left < 0) throw new LimitError("maxEntityChars", "", null);
    }
    return d;
  });
}

function normaliseText(raw: string): string {
  return raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n");
}

/** Raw character data decoded as XML says: line ends normalised, then references resolved. */
export function decodeText(raw: string, declared: Map<string, string> | null = null, budget: EntityBudget | null = null): string {
  return raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 ? raw : decodeEntities(normaliseText(raw), declared, budget);
}

type Decoder = InstanceType<typeof TextDecoder>;
const decoders = new Map<string, Decoder>();
function decoder(label: string): Decoder | null {
  let d = decoders.get(label);
  if (!d) {
    try {
      d = new TextDecoder(label);
    } catch {
      return null;
    }
    decoders.set(label, d);
  }
  return d;
}

const UTF8: Decoder | null = typeof TextDecoder === "undefined" ? null : new TextDecoder("utf-8");

/**
 * UTF-8 bytes as text: the platform's TextDecoder, or fflate's decoder where there is none (jsdom). Not fflate's
 * strFromU8 everywhere: where TextDecoder exists it decodes through a streaming decoder, measured 4× slower in Node.
 */
export function utf8(b: Uint8Array): string {
  return UTF8 ? UTF8.decode(b) : strFromU8(b);
}

/**
 * A part's bytes as text: UTF-8 unless a byte order mark, the first bytes (`<?` in UTF-16) or the XML declaration's
 * encoding say otherwise (UTF-16 LE/BE, or any label the platform's TextDecoder knows, such as GB18030).
 */
export function decodePart(b: Uint8Array): string {
  if (b.length >= 2) {
    if (b[0] === 0xff && b[1] === 0xfe) return decoder("utf-16le")!.decode(b.subarray(2));
    if (b[0] === 0xfe && b[1] === 0xff) return decoder("utf-16be")!.decode(b.subarray(2));
    if (b[0] === 0x3c && b[1] === 0 && b.length >= 4 && b[2] === 0x3f && b[3] === 0) return decoder("utf-16le")!.decode(b);
    if (b[0] === 0 && b[1] === 0x3c && b.length >= 4 && b[2] === 0 && b[3] === 0x3f) return decoder("utf-16be")!.decode(b);
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8(b.subarray(3));
  if (b.length > 20 && b[0] === 0x3c && b[1] === 0x3f) {
    // <?xml ... encoding="..."?>: only a non-UTF-8 label changes anything
    let head = "";
    for (let i = 0; i < Math.min(b.length, 200) && b[i] !== 0x3e; i++) head += String.fromCharCode(b[i]);
    const m = /encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
    if (m && !/^utf-?8$/i.test(m[1])) {
      const d = decoder(m[1].toLowerCase());
      if (d && !/^utf-16/i.test(d.encoding)) return d.decode(b);
    }
  }
  return utf8(b);
}

export class XmlScanner {
  pos = 0;
  /** the current element: qualified name from nameStart, local name from localStart, both ending at nameEnd */
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  /** the start tag just read ended with `/>`: next() reports its CLOSE without reading anything */
  selfClosing = false;
  /** elements open, the current one included after OPEN */
  depth = 0;
  attrCount = 0;
  /** per attribute, five numbers: name start, local name start, name end, value start, value end */
  attrs = new Int32Array(5 * 32);
  /** entities declared in the DOCTYPE's internal subset */
  entities: Map<string, string> | null = null;
  /** what the declared entities may still expand to, in characters, over the whole document */
  readonly budget: EntityBudget = { left: limits().maxEntityChars };
  /**
   * well-formedness held at the document's edges: an end tag with no element open, a document that ends with elements
   * still open, and an attribute given twice are errors. Off for a scan of part of a document (patch/xml.ts tags()).
   */
  strict = true;
  private pendingClose = false;
  private readonly n: number;

  constructor(readonly s: string) {
    this.n = s.length;
  }

  private fail(what: string, at: number): never {
    throw new XmlError(`${what} at character ${at}`);
  }

  /**
   * The next start tag (OPEN), end tag (CLOSE), or END; character data between tags is skipped (see text()). After
   * OPEN the name and attribute fields describe the element; after CLOSE only depth is meaningful.
   */
  next(): number {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
      return CLOSE;
    }
    const s = this.s;
    for (;;) {
      // most tags follow one another directly: look before calling indexOf
      const lt = s.charCodeAt(this.pos) === 60 ? this.pos : s.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = this.n;
        if (this.strict && this.depth > 0) this.fail(`the document ends with ${this.depth} element${this.depth > 1 ? "s" : ""} still open (cut short?)`, this.n);
        return END;
      }
      const c = s.charCodeAt(lt + 1);
      if (c === 47) {
        // an end tag: its name is not read (well-formedness of nesting is not checked; depth is what callers use)
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) this.fail("an unterminated end tag", lt);
        if (this.strict && this.depth <= 0) this.fail("an end tag with no element open", lt);
        this.pos = gt + 1;
        this.selfClosing = false;
        this.depth--;
        return CLOSE;
      }
      if (c === 33 || c === 63) {
        this.pos = this.skipMarkup(lt);
        continue;
      }
      this.readStartTag(lt);
      return OPEN;
    }
  }

  /** Skips a comment, PI, CDATA section or DOCTYPE starting at lt; returns the position after it. */
  private skipMarkup(lt: number): number {
    const s = this.s;
    if (s.charCodeAt(lt + 1) === 63) {
      const e = s.indexOf("?>", lt + 2);
      if (e < 0) this.fail("an unterminated processing instruction", lt);
      return e + 2;
    }
    if (s.startsWith("<!--", lt)) {
      const e = s.indexOf("-->", lt + 4);
      if (e < 0) this.fail("an unterminated comment", lt);
      return e + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const e = s.indexOf("]]>", lt + 9);
      if (e < 0) this.fail("an unterminated CDATA section", lt);
      return e + 3;
    }
    if (s.startsWith("<!DOCTYPE", lt)) return this.readDoctype(lt);
    return this.fail("unknown markup", lt);
  }

  private readDoctype(lt: number): number {
    const s = this.s;
    let i = lt + 9, subsetStart = -1, subsetEnd = -1;
    while (i < this.n) {
      const c = s.charCodeAt(i);
      if (c === 34 || c === 39) {
        const e = s.indexOf(c === 34 ? '"' : "'", i + 1);
        if (e < 0) break;
        i = e + 1;
      } else if (c === 91 && subsetStart < 0) {
        subsetStart = i + 1;
        i++;
      } else if (c === 93 && subsetStart >= 0 && subsetEnd < 0) {
        subsetEnd = i;
        i++;
      } else if (c === 60 && subsetStart >= 0 && subsetEnd < 0 && s.startsWith("<!--", i)) {
        const e = s.indexOf("-->", i + 4);
        if (e < 0) break;
        i = e + 3;
      } else if (c === 62 && (subsetStart < 0 || subsetEnd >= 0)) {
        if (subsetStart >= 0) {
          const subset = s.slice(subsetStart, subsetEnd).replace(/<!--[\s\S]*?-->/g, "");
          for (const m of subset.matchAll(/<!ENTITY\s+([^\s%]+)\s+(?:"([^"]*)"|'([^']*)')\s*>/g)) {
            this.entities ??= new Map();
            // a declared value's own character references are resolved; named ones are left as written
            if (!this.entities.has(m[1])) this.entities.set(m[1], decodeEntities(m[2] ?? m[3]).replace(/[<>]/g, ""));
          }
        }
        return i + 1;
      } else i++;
    }
    return this.fail("an unterminated DOCTYPE", lt);
  }

  private readStartTag(lt: number): void {
    const s = this.s;
    // the name: up to whitespace, ">" or "/" (NaN past the end stops every loop: NaN > 32 is false)
    let i = lt + 1, local = i;
    let c = s.charCodeAt(i);
    while (c > 32 && c !== 62 && c !== 47) {
      if (c === 58) local = i + 1;
      c = s.charCodeAt(++i);
    }
    if (i === lt + 1) this.fail("a malformed tag", lt);
    this.nameStart = lt + 1;
    this.localStart = local;
    this.nameEnd = i;
    let count = 0;
    let a = this.attrs;
    for (;;) {
      while (c === 32 || c === 10 || c === 9 || c === 13) c = s.charCodeAt(++i);
      if (c === 62) {
        this.pos = i + 1;
        this.selfClosing = false;
        break;
      }
      if (c === 47) {
        if (s.charCodeAt(i + 1) !== 62) this.fail("a malformed tag", lt);
        this.pos = i + 2;
        this.selfClosing = true;
        this.pendingClose = true;
        break;
      }
      if (!(c > 32) || c === 61) this.fail("an unterminated or malformed tag", lt);
      const ns = i;
      let loc = i;
      do {
        if (c === 58) loc = i + 1;
        c = s.charCodeAt(++i);
      } while (c > 32 && c !== 61 && c !== 62 && c !== 47);
      const ne = i;
      while (c === 32 || c === 10 || c === 9 || c === 13) c = s.charCodeAt(++i);
      if (c !== 61) this.fail("a malformed attribute", ns);
      c = s.charCodeAt(++i);
      while (c === 32 || c === 10 || c === 9 || c === 13) c = s.charCodeAt(++i);
      if (c !== 34 && c !== 39) this.fail("an unquoted attribute value", i);
      // values are short: a loop beats indexOf's call
      const quote = c;
      let ve = i + 1;
      for (c = s.charCodeAt(ve); c !== quote; c = s.charCodeAt(++ve)) if (!(c >= 0)) this.fail("an unterminated attribute value", i);
      const k = count * 5;
      if (k + 5 > a.length) {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        this.attrs = a = bigger;
      }
      a[k] = ns;
      a[k + 1] = loc;
      a[k + 2] = ne;
      a[k + 3] = i + 1;
      a[k + 4] = ve;
      count++;
      i = ve + 1;
      c = s.charCodeAt(i);
    }
    this.attrCount = count;
    if (count > 1 && this.strict) this.noDuplicateAttributes(lt);
    this.depth++;
  }

  /** An attribute written twice in one tag is not well-formed XML (a reader might take either value). */
  private noDuplicateAttributes(lt: number): void {
    const a = this.attrs, s = this.s, n = this.attrCount;
    if (n <= 16) {
      for (let i = 1; i < n; i++) {
        const si = a[i * 5], len = a[i * 5 + 2] - si;
        for (let j = 0; j < i; j++) {
          const sj = a[j * 5];
          if (a[j * 5 + 2] - sj !== len) continue;
          let k = 0;
          while (k < len && s.charCodeAt(si + k) === s.charCodeAt(sj + k)) k++;
          if (k === len) this.fail(`the attribute ${s.slice(si, si + len)} given twice`, lt);
        }
      }
      return;
    }
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      const name = this.attrName(i);
      if (seen.has(name)) this.fail(`the attribute ${name} given twice`, lt);
      seen.add(name);
    }
  }

  /** The current element's local name (without its prefix). */
  localName(): string {
    return this.s.slice(this.localStart, this.nameEnd);
  }

  /** Whether the current element's local name is `name`. */
  is(name: string): boolean {
    const n = name.length, at = this.localStart;
    if (this.nameEnd - at !== n) return false;
    for (let i = 0; i < n; i++) if (this.s.charCodeAt(at + i) !== name.charCodeAt(i)) return false;
    return true;
  }

  /** The i-th attribute's qualified name. */
  attrName(i: number): string {
    return this.s.slice(this.attrs[i * 5], this.attrs[i * 5 + 2]);
  }

  /** The i-th attribute's local name. */
  attrLocal(i: number): string {
    return this.s.slice(this.attrs[i * 5 + 1], this.attrs[i * 5 + 2]);
  }

  /** The i-th attribute's value, decoded. */
  attrValue(i: number): string {
    let raw = this.s.slice(this.attrs[i * 5 + 3], this.attrs[i * 5 + 4]);
    if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n?|[\t\n]/g, " ");
    return decodeEntities(raw, this.entities, this.budget);
  }

  /** The value of the unprefixed attribute `name` (or, with `anyPrefix`, one with any prefix), decoded; null if absent. */
  attr(name: string, anyPrefix = false): string | null {
    const a = this.attrs, s = this.s;
    for (let i = 0; i < this.attrCount; i++) {
      const k = i * 5;
      if (a[k + 2] - a[k + 1] !== name.length || !s.startsWith(name, a[k + 1])) continue;
      if (a[k] !== a[k + 1] && !anyPrefix) continue;
      if (anyPrefix && a[k] === a[k + 1]) continue;
      return this.attrValue(i);
    }
    return null;
  }

  /** set by plainText(): where the element's text lies in the source */
  textStart = 0;
  textEnd = 0;

  /**
   * After OPEN of an element that is not self-closing: when its content is character data only, directly followed by
   * its end tag, records where (textStart, textEnd; entities not yet decoded), consumes the end tag and returns true.
   * Otherwise moves nothing and returns false (use text()).
   */
  plainText(): boolean {
    const s = this.s;
    const lt = s.indexOf("<", this.pos);
    if (lt < 0 || s.charCodeAt(lt + 1) !== 47) return false;
    const gt = s.indexOf(">", lt);
    if (gt < 0) return false;
    this.textStart = this.pos;
    this.textEnd = lt;
    this.pos = gt + 1;
    this.depth--;
    return true;
  }

  /** Character data s[a..b) decoded: line ends normalised, references resolved. */
  decode(a: number, b: number): string {
    const raw = this.s.slice(a, b);
    return raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 ? raw : decodeEntities(normaliseText(raw), this.entities, this.budget);
  }

  /**
   * After OPEN: the element's whole text content (character data and CDATA, the text of child elements included,
   * comments and PIs left out), its end tag consumed. For a self-closing element, "".
   */
  text(): string {
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
      return "";
    }
    const s = this.s;
    const lt = s.indexOf("<", this.pos);
    if (lt >= 0 && s.charCodeAt(lt + 1) === 47) {
      // the common case: plain text, then the end tag
      const raw = s.slice(this.pos, lt);
      const gt = s.indexOf(">", lt);
      if (gt < 0) this.fail("an unterminated end tag", lt);
      this.pos = gt + 1;
      this.depth--;
      return raw.indexOf("&") < 0 && raw.indexOf("\r") < 0 ? raw : decodeEntities(normaliseText(raw), this.entities, this.budget);
    }
    return this.slowText();
  }

  private slowText(): string {
    const s = this.s, target = this.depth - 1;
    let out = "";
    for (;;) {
      const lt = s.indexOf("<", this.pos);
      if (lt < 0) this.fail("an unclosed element", this.pos);
      if (lt > this.pos) out += decodeEntities(normaliseText(s.slice(this.pos, lt)), this.entities, this.budget);
      const c = s.charCodeAt(lt + 1);
      if (c === 33 && s.startsWith("<![CDATA[", lt)) {
        const e = s.indexOf("]]>", lt + 9);
        if (e < 0) this.fail("an unterminated CDATA section", lt);
        out += normaliseText(s.slice(lt + 9, e));
        this.pos = e + 3;
      } else if (c === 33 || c === 63) {
        this.pos = this.skipMarkup(lt);
      } else {
        this.pos = lt;
        const t = this.next();
        if (t === CLOSE && this.depth === target) return out;
        if (t === OPEN && this.pendingClose) {
          this.pendingClose = false;
          this.depth--;
        }
      }
    }
  }

  /** After OPEN: skips the element's content and its end tag. */
  skip(): void {
    const target = this.depth - 1;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.depth--;
      return;
    }
    for (;;) {
      const t = this.next();
      if (t === END) return;
      if (t === CLOSE && this.depth === target) return;
    }
  }
}

/** An attribute of a start tag's text, with where `name="value"` lies in it (for rewriting the tag in place). */
export interface TagAttribute {
  name: string;
  value: string;
  start: number;
  end: number;
}

/** The attributes of one start (or empty) tag's text, `<name a="1" …>`, read by the scanner; [] for anything else. */
export function tagAttributes(tag: string): TagAttribute[] {
  const x = new XmlScanner(tag);
  if (x.next() !== OPEN) return [];
  const out: TagAttribute[] = [];
  for (let i = 0; i < x.attrCount; i++) out.push({ name: x.attrName(i), value: x.attrValue(i), start: x.attrs[i * 5], end: x.attrs[i * 5 + 4] + 1 });
  return out;
}
