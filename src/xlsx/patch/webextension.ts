import { XlsxPackage } from "./package";
import { NS, addRel, ensureContentType, freePartName, readRels } from "./parts";
import { attr, child, children, escapeAttr, root, setAttr, splice } from "./xml";

/**
 * The add-in's document settings in a copy, where Excel reads them. Office.context.document.settings are the
 * properties of the add-in's web-extension part ([MS-OWEXML] CT_OsfWebExtension), and Excel reads a part only when it
 * is linked as Excel links it and names the add-in as Excel knows it:
 *
 *   _rels/.rels ──webextensiontaskpanes──▶ xl/webextensions/taskpanes.xml  (wetp:taskpanes, one wetp:taskpane each)
 *   xl/webextensions/_rels/taskpanes.xml.rels ──webextension──▶ xl/webextensions/webextensionN.xml
 *   [Content_Types].xml: an Override for each (…webextensiontaskpanes+xml, …webextension+xml)
 *   we:reference id = the manifest's <Id>, version = its <Version>, store/storeType = "developer"/"Registry"
 *
 * (Microsoft, "Automatically open a task pane with a document": Registry — a sideloaded add-in — has the manifest's
 * GUID and store "developer"; FileSystem — a shared-folder catalog — the GUID and the share's path, which a copy
 * cannot know; EXCatalog — centralized deployment — the GUID and store "EXCatalog"; OMEX — Microsoft Marketplace — an
 * asset id. So a part Excel wrote already, whatever its store, is the one written into; only a workbook the pane never
 * saved in gets a new one.) The new taskpane is not forced open: visibility="0".
 */
export const ADDIN = {
  /** manifest.xml <Id> (test/xlsx/webextension.test.ts checks it is) */
  id: "6f1c2b7e-3d4a-4e59-9b8c-5a7d2e1f0c93",
  /** manifest.xml <Version> */
  version: "0.1.0.0",
};

export const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
export const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
export const WE_REL_TYPE = {
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
};
export const WE_CONTENT_TYPE = {
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
};

/** The instance id of a part a copy adds ([MS-OWEXML]: a GUID unique in the document; Excel matches the add-in by its reference). */
const INSTANCE_ID = "{8E0D2C4A-5B3F-4A61-9C7E-2F1D3B5A7C90}";
/** The reference the first version of the copy wrote (issue 34): a part with it is ours, relinked when written to. */
const LEGACY_REFERENCE_ID = "selfeval";

const WEB_EXTENSION_PART = /(^|\/)webextensions?\/webextension[^/]*\.xml$/i;

const bare = (id: string | null): string => (id ?? "").replace(/^\{|\}$/g, "").toLowerCase();

export function referenceTag(): string {
  return `<we:reference id="${ADDIN.id}" version="${ADDIN.version}" store="developer" storeType="Registry"/>`;
}

/** The web-extension parts of a package, in name order. */
export function webExtensionParts(pkg: XlsxPackage): string[] {
  return pkg.names().filter((f) => WEB_EXTENSION_PART.test(f)).sort();
}

/** The reference id of a web-extension part (null when it has none or does not parse). */
export function referenceIdOf(xml: string): string | null {
  try {
    const r = root(xml);
    const ref = child(xml, r, "reference");
    return ref ? attr(xml.slice(ref.tag.start, ref.tag.end), "id") : null;
  } catch {
    return null;
  }
}

/** Is this part's reference our add-in's (or the reference the first version of the copy wrote)? */
export function isOurs(xml: string): boolean {
  const id = bare(referenceIdOf(xml));
  return id === ADDIN.id || id === LEGACY_REFERENCE_ID;
}

/** The parts some relationship of the package names as a web extension (a taskpane's, or a content add-in's drawing). */
function linkedWebExtensions(pkg: XlsxPackage): Set<string> {
  const out = new Set<string>();
  for (const rels of pkg.names()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
    if (!m) continue;
    const source = m[1] + m[2];
    for (const r of readRels(pkg, source)) if (!r.external && r.type === WE_REL_TYPE.webextension) out.add(pkg.find(r.target) ?? r.target);
  }
  return out;
}

/** The package's taskpanes part (through the root relationship), or null. */
function taskpanesPart(pkg: XlsxPackage): string | null {
  const rel = readRels(pkg, "").find((r) => !r.external && r.type === WE_REL_TYPE.taskpanes);
  return rel ? (pkg.find(rel.target) ?? rel.target) : null;
}

/**
 * Links a web-extension part as Excel does: a taskpane for it in the package's taskpanes part (made, with its root
 * relationship and content type, when the package has none), the taskpane's relationship to it, both content types.
 */
export function linkWebExtension(pkg: XlsxPackage, part: string): void {
  let panes = taskpanesPart(pkg);
  let xml = panes ? pkg.text(panes) : null;
  if (!panes || xml === null) {
    if (!panes) {
      panes = pkg.has("xl/webextensions/taskpanes.xml") ? freePartName(pkg, "xl/webextensions/taskpanes", ".xml") : "xl/webextensions/taskpanes.xml";
      addRel(pkg, "", WE_REL_TYPE.taskpanes, panes);
    }
    xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${WETP_NS}"></wetp:taskpanes>`;
  }
  ensureContentType(pkg, panes, WE_CONTENT_TYPE.taskpanes);
  ensureContentType(pkg, part, WE_CONTENT_TYPE.webextension);
  const rid = addRel(pkg, panes, WE_REL_TYPE.webextension, part);
  const r = root(xml);
  const rootTag = xml.slice(r.tag.start, r.tag.end);
  // the root's own prefix when it is bound to the taskpanes namespace; else one declared on the new element
  const bound = r.tag.prefix ? attr(rootTag, `xmlns:${r.tag.prefix}`) === WETP_NS : attr(rootTag, "xmlns") === WETP_NS;
  const p = bound ? (r.tag.prefix ? `${r.tag.prefix}:` : "") : "wetp:";
  const decl = bound ? "" : ` xmlns:wetp="${WETP_NS}"`;
  const rows = children(xml, r, "taskpane").map((t) => Number(attr(xml!.slice(t.tag.start, t.tag.end), "row")) || 0);
  const row = rows.length ? Math.max(...rows) + 1 : 0;
  const pane =
    `<${p}taskpane${decl} dockstate="right" visibility="0" width="350" row="${row}">` +
    `<${p}webextensionref xmlns:r="${NS.rel}" r:id="${escapeAttr(rid)}"/></${p}taskpane>`;
  if (r.tag.kind === "empty") {
    const open = rootTag.replace(/\s*\/>$/, ">");
    pkg.write(panes, splice(xml, [{ start: r.tag.start, end: r.tag.end, text: `${open}${pane}</${r.tag.qname}>` }]));
  } else pkg.write(panes, splice(xml, [{ start: r.innerEnd, end: r.innerEnd, text: pane }]));
}

/**
 * Sets one document setting (its value JSON already): in the part that holds the key, its value replaced (nothing
 * else of the part changes); else in our add-in's part, a property added; else a part of our own, linked. A part of
 * ours (by its reference) that nothing links is linked, and the first version's reference replaced by the manifest's.
 * Another add-in's part is never touched. Nothing is written when the value is what the part holds already.
 */
export function setWebExtensionProperty(pkg: XlsxPackage, key: string, json: string, same: (stored: string) => boolean): void {
  const parts = webExtensionParts(pkg);
  const texts = new Map<string, string>();
  for (const part of parts) {
    const xml = pkg.text(part);
    if (xml !== null) texts.set(part, xml);
  }
  // 1. the part that holds the key
  for (const [part, xml] of texts) {
    let r;
    try {
      r = root(xml);
    } catch {
      continue;
    }
    const props = child(xml, r, "properties");
    for (const p of props ? children(xml, props, "property") : []) {
      const tag = xml.slice(p.tag.start, p.tag.end);
      if (attr(tag, "name") !== key) continue;
      const old = attr(tag, "value");
      const edits = old !== null && same(old) ? [] : [{ start: p.tag.start, end: p.tag.end, text: setAttr(tag, "value", json) }];
      if (isOurs(xml)) edits.push(...ourReference(xml));
      if (edits.length) pkg.write(part, splice(xml, edits));
      if (isOurs(xml) && !linkedWebExtensions(pkg).has(part)) linkWebExtension(pkg, part);
      return;
    }
  }
  // 2. our add-in's part (Excel's, whatever store it names), the property added
  const linked = linkedWebExtensions(pkg);
  const ours = [...texts].filter(([, xml]) => isOurs(xml)).sort(([a], [b]) => Number(linked.has(b)) - Number(linked.has(a)));
  for (const [part, xml] of ours) {
    let r;
    try {
      r = root(xml);
    } catch {
      continue;
    }
    const prefix = r.tag.prefix ? `${r.tag.prefix}:` : "";
    const prop = `<${prefix}property name="${escapeAttr(key)}" value="${escapeAttr(json)}"/>`;
    const props = child(xml, r, "properties");
    let edits: Array<{ start: number; end: number; text: string }>;
    if (props && props.tag.kind === "empty") edits = [{ start: props.tag.start, end: props.tag.end, text: `${xml.slice(props.tag.start, props.tag.end).replace(/\s*\/>$/, ">")}${prop}</${props.tag.qname}>` }];
    else if (props) edits = [{ start: props.innerEnd, end: props.innerEnd, text: prop }];
    else {
      // [MS-OWEXML] order: reference, alternateReferences, properties, bindings, snapshot
      const after = children(xml, r).filter((c) => c.tag.local === "reference" || c.tag.local === "alternateReferences").pop();
      const at = after ? after.end : r.innerStart;
      if (r.tag.kind === "empty") continue;
      edits = [{ start: at, end: at, text: `<${prefix}properties>${prop}</${prefix}properties>` }];
    }
    edits.push(...ourReference(xml));
    pkg.write(part, splice(xml, edits));
    if (!linked.has(part)) linkWebExtension(pkg, part);
    return;
  }
  // 3. a part of our own
  const part = freePartName(pkg, "xl/webextensions/webextension", ".xml");
  pkg.write(
    part,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="${WE_NS}" id="${INSTANCE_ID}">${referenceTag()}<we:alternateReferences/><we:properties><we:property name="${escapeAttr(key)}" value="${escapeAttr(json)}"/></we:properties><we:bindings/><we:snapshot xmlns:r="${NS.rel}"/></we:webextension>`,
  );
  linkWebExtension(pkg, part);
}

/** The edit that replaces the first version's reference with the manifest's (none for any other reference). */
function ourReference(xml: string): Array<{ start: number; end: number; text: string }> {
  const r = root(xml);
  const ref = child(xml, r, "reference");
  if (!ref || bare(attr(xml.slice(ref.tag.start, ref.tag.end), "id")) !== LEGACY_REFERENCE_ID) return [];
  const tag = xml.slice(ref.tag.start, ref.tag.end);
  let out = setAttr(tag, "id", ADDIN.id);
  out = setAttr(out, "version", ADDIN.version);
  out = setAttr(out, "store", "developer");
  out = setAttr(out, "storeType", "Registry");
  return [{ start: ref.tag.start, end: ref.tag.end, text: out }];
}
