import { LimitError, limits } from "./limits";
import { OPEN, END, XmlScanner, decodePart } from "./xml";

/**
 * The Open Packaging Conventions side of a workbook: parts found through relationships (`_rels/.rels` → the office
 * document → its worksheets, shared strings, styles), targets absolute or relative, percent-encoded or not, part
 * names matched case-insensitively as Office does.
 */
export interface Relationship {
  id: string;
  /** the relationship type as written (a URI) */
  type: string;
  /** the last segment of the relationship type, lower case: "officedocument", "worksheet", "sharedstrings"… */
  kind: string;
  /** the target part's name (no leading slash), or the raw target for an external one */
  target: string;
  external: boolean;
}

/**
 * What the package side needs of a package: its parts by name (case-insensitive, as Office finds them). The reader's
 * ZipArchive is one; the copy writer's XlsxPackage (patch/package.ts), which sees its own changes, is another.
 */
export interface PartSource {
  read(name: string): Uint8Array | null;
  has(name: string): boolean;
  /** a part's text when the source keeps it decoded (else read() is decoded here) */
  text?(name: string): string | null;
}

function textOf(zip: PartSource, name: string): string | null {
  if (zip.text) return zip.text(name);
  const b = zip.read(name);
  return b === null ? null : decodePart(b);
}

/** A part's text, or null when the package has no such part. */
export function partText(zip: PartSource, name: string): string | null {
  const b = textOf(zip, name);
  if (b !== null) return b;
  // a target may be written percent-encoded while the zip item is not, or the other way round
  let alt: string;
  try {
    alt = name.includes("%") ? decodeURIComponent(name) : encodeURI(name);
  } catch {
    return null;
  }
  if (alt === name) return null;
  return textOf(zip, alt);
}

/** The relationships part of a part: dir/_rels/name.rels ("" is the package itself: _rels/.rels). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part into a part name (no leading slash). */
export function resolveTarget(source: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  const cut = t.search(/[?#]/);
  if (cut >= 0) t = t.slice(0, cut);
  try {
    t = decodeURIComponent(t);
  } catch {
    // a lone % is kept as written
  }
  const base = t.startsWith("/") ? "" : source.slice(0, source.lastIndexOf("/") + 1);
  const out: string[] = [];
  for (const p of (base + t).split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The relationships of a part ("" for the package's own), targets resolved; one without a Target is left out. */
export function readRelationships(zip: PartSource, source: string): Relationship[] {
  const relsPart = relsPartOf(source);
  const xml = partText(zip, relsPart);
  if (xml === null) return [];
  const out: Relationship[] = [];
  const x = new XmlScanner(xml);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN || !x.is("Relationship")) continue;
    const id = x.attr("Id") ?? "";
    const type = x.attr("Type") ?? "";
    const target = x.attr("Target");
    if (target === null) continue;
    const external = (x.attr("TargetMode") ?? "").toLowerCase() === "external";
    const kind = type.slice(type.lastIndexOf("/") + 1).toLowerCase();
    out.push({ id, type, kind, target: external ? target : resolveTarget(source, target), external });
    if (out.length > limits().maxRelationships) throw new LimitError("maxRelationships", relsPart, null);
  }
  return out;
}

/** The content types part's overrides: part name (no leading slash, lower case) → content type. */
export function contentTypes(zip: PartSource): Map<string, string> {
  const out = new Map<string, string>();
  const xml = partText(zip, "[Content_Types].xml");
  if (xml === null) return out;
  const x = new XmlScanner(xml);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN || !x.is("Override")) continue;
    const name = x.attr("PartName");
    const type = x.attr("ContentType");
    if (name && type) out.set(resolveTarget("", name).toLowerCase(), type);
  }
  return out;
}

/** The workbook part: the package's office document relationship, else the content types, else xl/workbook.xml. */
export function findWorkbookPart(zip: PartSource): string | null {
  for (const r of readRelationships(zip, "")) if (!r.external && r.kind === "officedocument" && zip.has(r.target)) return r.target;
  for (const [name, type] of contentTypes(zip)) if (/spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template)\.macroEnabled\.main\+xml$/i.test(type) && zip.has(name)) return name;
  return zip.has("xl/workbook.xml") ? "xl/workbook.xml" : null;
}

/** A target for a relationship from `source` to `part` (a part name), relative to the source's folder: resolveTarget's inverse. */
export function relativeTarget(source: string, part: string): string {
  const from = source.slice(0, source.lastIndexOf("/") + 1).split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
