import { XlsxPackage } from "./package";
import { attr, attrLocal, child, children, escapeAttr, prefixFor, q, root, splice } from "./xml";

/**
 * The package's structure, found the way Office finds it: `_rels/.rels` → the workbook part → its relationships →
 * the sheets; each sheet's relationships → its comments and VML drawing. Targets may be relative, absolute or
 * percent-encoded. New parts are registered in their relationships and in [Content_Types].xml.
 */
export const NS = {
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  comments: `${REL}/comments`,
  vmlDrawing: `${REL}/vmlDrawing`,
};
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

export interface Relationship {
  id: string;
  type: string;
  /** the part it points to (resolved, no leading slash), or the raw target when external */
  target: string;
  external: boolean;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) → "_rels/.rels" */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function dirOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash + 1);
}

/** A relationship target resolved against the part that holds it. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* a stray % stays as written */
  }
  t = t.replace(/\\/g, "/").replace(/[?#].*$/, "");
  const joined = t.startsWith("/") ? t.slice(1) : dirOf(source) + t;
  const out: string[] = [];
  for (const p of joined.split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** A target for a relationship from `source` to `part`, relative to the source's folder. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export function readRels(pkg: XlsxPackage, part: string): Relationship[] {
  const xml = pkg.text(relsPathOf(part));
  if (!xml) return [];
  const out: Relationship[] = [];
  const r = root(xml);
  for (const el of children(xml, r, "Relationship")) {
    const tag = xml.slice(el.tag.start, el.tag.end);
    const id = attr(tag, "Id");
    const type = attr(tag, "Type") ?? "";
    const target = attr(tag, "Target") ?? "";
    const external = (attr(tag, "TargetMode") ?? "").toLowerCase() === "external";
    if (id) out.push({ id, type, target: external ? target : resolveTarget(part, target), external });
  }
  return out;
}

/** Adds a relationship from `part` to `target` (a part name); returns its id. Creates the .rels part when missing. */
export function addRel(pkg: XlsxPackage, part: string, type: string, target: string): string {
  const path = relsPathOf(part);
  let xml = pkg.text(path);
  if (!xml) xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const existing = new Set(readRelsFrom(xml).map((r) => r.id));
  let n = existing.size + 1;
  while (existing.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const r = root(xml);
  const prefix = r.tag.prefix;
  const el = `<${q(prefix, "Relationship")} Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(part, target))}"/>`;
  if (r.tag.kind === "empty") {
    const open = xml.slice(r.tag.start, r.tag.end).replace(/\s*\/>$/, ">");
    pkg.write(path, splice(xml, [{ start: r.tag.start, end: r.tag.end, text: `${open}${el}</${r.tag.qname}>` }]));
  } else pkg.write(path, splice(xml, [{ start: r.innerEnd, end: r.innerEnd, text: el }]));
  return id;
}

function readRelsFrom(xml: string): Array<{ id: string }> {
  const r = root(xml);
  return children(xml, r, "Relationship")
    .map((el) => attr(xml.slice(el.tag.start, el.tag.end), "Id"))
    .filter((x): x is string => !!x)
    .map((id) => ({ id }));
}

/** Registers a part's content type (an Override), or an extension's (a Default) when `ext` is given. */
export function ensureContentType(pkg: XlsxPackage, part: string, contentType: string, ext?: string): void {
  const path = "[Content_Types].xml";
  const xml = pkg.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.ct}"></Types>`;
  const r = root(xml);
  const prefix = r.tag.prefix;
  if (ext) {
    for (const d of children(xml, r, "Default")) if ((attr(xml.slice(d.tag.start, d.tag.end), "Extension") ?? "").toLowerCase() === ext.toLowerCase()) return;
  } else {
    for (const o of children(xml, r, "Override")) if ((attr(xml.slice(o.tag.start, o.tag.end), "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()) return;
  }
  const el = ext
    ? `<${q(prefix, "Default")} Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(contentType)}"/>`
    : `<${q(prefix, "Override")} PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`;
  if (r.tag.kind === "empty") {
    const open = xml.slice(r.tag.start, r.tag.end).replace(/\s*\/>$/, ">");
    pkg.write(path, splice(xml, [{ start: r.tag.start, end: r.tag.end, text: `${open}${el}</${r.tag.qname}>` }]));
    return;
  }
  // Defaults first, as Office writes them (any order is legal)
  const firstOverride = ext ? children(xml, r, "Override")[0] : undefined;
  const at = firstOverride ? firstOverride.tag.start : r.innerEnd;
  pkg.write(path, splice(xml, [{ start: at, end: at, text: el }]));
}

/** A part name not yet used: `${stem}${n}${ext}` with the smallest n ≥ 1. */
export function freePartName(pkg: XlsxPackage, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = `${stem}${n}${ext}`;
    if (!pkg.has(name)) return name;
  }
}

export interface SheetEntry {
  name: string;
  /** the sheet's part, or null when its relationship is missing */
  part: string | null;
  sheetId: string | null;
  /** a worksheet (not a chartsheet or dialog sheet) */
  worksheet: boolean;
}

export interface WorkbookParts {
  /** the workbook part, e.g. xl/workbook.xml */
  workbook: string;
  sheets: SheetEntry[];
  styles: string | null;
  rels: Relationship[];
}

export function workbookParts(pkg: XlsxPackage): WorkbookParts {
  const top = readRels(pkg, "");
  const doc = top.find((r) => r.type === REL_TYPE.officeDocument || r.type.endsWith("/officeDocument"));
  const workbook = doc && pkg.has(doc.target) ? pkg.find(doc.target)! : pkg.find("xl/workbook.xml");
  if (!workbook) throw new Error("the workbook part is missing: not an Excel workbook");
  const rels = readRels(pkg, workbook);
  const xml = pkg.text(workbook)!;
  const r = root(xml);
  const sheetsEl = child(xml, r, "sheets");
  const sheets: SheetEntry[] = [];
  if (sheetsEl)
    for (const s of children(xml, sheetsEl, "sheet")) {
      const tag = xml.slice(s.tag.start, s.tag.end);
      const rid = attrLocal(tag, "id");
      const rel = rels.find((x) => x.id === rid);
      sheets.push({
        name: attr(tag, "name") ?? "",
        part: rel && !rel.external ? pkg.find(rel.target) : null,
        sheetId: attr(tag, "sheetId"),
        worksheet: !rel || rel.type.endsWith("/worksheet"),
      });
    }
  const stylesRel = rels.find((x) => x.type.endsWith("/styles"));
  return { workbook, sheets, styles: stylesRel ? pkg.find(stylesRel.target) : pkg.find("xl/styles.xml"), rels };
}

/** The prefix bound to the relationships namespace on a part's root; adds `xmlns:r` (or a free prefix) when absent. */
export function relPrefix(xml: string): { prefix: string; xml: string } {
  const r = root(xml);
  const tag = xml.slice(r.tag.start, r.tag.end);
  const found = prefixFor(tag, NS.rel);
  if (found) return { prefix: found, xml };
  let p = "r";
  for (let i = 1; new RegExp(`\\sxmlns:${p}\\s*=`).test(tag); i++) p = `r${i}`;
  const newTag = tag.replace(/^(<[^\s/>]+)/, `$1 xmlns:${p}="${NS.rel}"`);
  return { prefix: p, xml: xml.slice(0, r.tag.start) + newTag + xml.slice(r.tag.end) };
}
