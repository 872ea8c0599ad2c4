import { Relationship, contentTypes, findWorkbookPart, readRelationships, relativeTarget, relsPartOf, resolveTarget } from "../package";
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

export type { Relationship };
/** the relationships part of a part (the shared definition: ../package.ts) */
export const relsPathOf = relsPartOf;
export { relativeTarget, resolveTarget };

/** A part's relationships, as the reader reads them (../package.ts), through the package's current text; each with an id. */
export function readRels(pkg: XlsxPackage, part: string): Relationship[] {
  // read once per text of the relationships part (a part's relationships are asked for once per sheet, note, person…)
  const text = pkg.text(relsPathOf(part));
  let perPkg = relsCache.get(pkg);
  if (!perPkg) relsCache.set(pkg, (perPkg = new Map()));
  const hit = perPkg.get(part);
  if (hit && hit.text === text) return hit.rels;
  const rels = readRelationships(pkg, part).filter((r) => r.id !== "");
  perPkg.set(part, { text, rels });
  return rels;
}
const relsCache = new WeakMap<XlsxPackage, Map<string, { text: string | null; rels: Relationship[] }>>();

/** Adds a relationship from `part` to `target` (a part name); returns its id. Creates the .rels part when missing. */
export function addRel(pkg: XlsxPackage, part: string, type: string, target: string): string {
  const path = relsPathOf(part);
  let xml = pkg.text(path);
  if (!xml) xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const existing = new Set(readRels(pkg, part).map((r) => r.id));
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

/** Registers a part's content type (an Override), or an extension's (a Default) when `ext` is given. */
export function ensureContentType(pkg: XlsxPackage, part: string, contentType: string, ext?: string): void {
  const path = "[Content_Types].xml";
  const xml = pkg.text(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${NS.ct}"></Types>`;
  const r = root(xml);
  const prefix = r.tag.prefix;
  if (ext) {
    for (const d of children(xml, r, "Default")) if ((attr(xml.slice(d.tag.start, d.tag.end), "Extension") ?? "").toLowerCase() === ext.toLowerCase()) return;
  } else if (contentTypes(pkg).has(part.toLowerCase())) return;
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
  const found = findWorkbookPart(pkg);
  const workbook = found === null ? null : pkg.find(found);
  if (!workbook) throw new Error("the workbook part is missing: not an Excel workbook");
  const rels = readRels(pkg, workbook);
  const byId = new Map<string, Relationship>();
  for (const x of rels) if (!byId.has(x.id)) byId.set(x.id, x);
  const xml = pkg.text(workbook)!;
  const r = root(xml);
  const sheetsEl = child(xml, r, "sheets");
  const sheets: SheetEntry[] = [];
  if (sheetsEl)
    for (const s of children(xml, sheetsEl, "sheet")) {
      const tag = xml.slice(s.tag.start, s.tag.end);
      const rid = attrLocal(tag, "id");
      const rel = rid === null ? undefined : byId.get(rid);
      sheets.push({
        name: attr(tag, "name") ?? "",
        part: rel && !rel.external ? pkg.find(rel.target) : null,
        sheetId: attr(tag, "sheetId"),
        worksheet: !rel || rel.kind === "worksheet",
      });
    }
  const stylesRel = rels.find((x) => x.kind === "styles");
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
