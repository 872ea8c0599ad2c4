import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";
import { parseAddress, address } from "../../src/core/a1";

/**
 * Compares two packages part by part, with a reader of its own (saxes, namespace-aware, strict) rather than the
 * scanner the writer patches with: a sheet's cells are compared cell by cell, the rest of the sheet's XML as text,
 * every other part byte for byte.
 */
export type Parts = Map<string, Uint8Array>;

export function unzip(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([k]) => !k.endsWith("/")));
}

export const text = (b: Uint8Array | undefined): string => (b ? strFromU8(b) : "");

export interface XCell {
  s: string;
  t: string;
  v: string;
  f: string;
  is: string;
}

/** Parses a part strictly (namespaces checked): throws on anything not well-formed. */
export function parseStrict(xml: string, on: (ev: { open?: { local: string; attrs: Record<string, string> }; close?: string; text?: string }) => void = () => undefined): void {
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => {
    throw e;
  });
  p.on("opentag", (t) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(t.attributes)) attrs[(a as { local: string }).local] = (a as { value: string }).value;
    on({ open: { local: t.local, attrs } });
  });
  p.on("closetag", (t) => on({ close: t.local }));
  p.on("text", (x) => on({ text: x }));
  p.on("cdata", (x) => on({ text: x }));
  p.write(xml).close();
}

/** The cells of a worksheet part, placed as Excel places them (r attributes, or position where they are left out). */
export function sheetCells(xml: string): Map<string, XCell> {
  const out = new Map<string, XCell>();
  let inData = false;
  let row = -1;
  let nextCol = 0;
  let cur: { key: string; cell: XCell } | null = null;
  let into: "v" | "f" | "is" | null = null;
  parseStrict(xml, (ev) => {
    if (ev.open) {
      const { local, attrs } = ev.open;
      if (local === "sheetData") inData = true;
      else if (inData && local === "row") {
        row = attrs.r ? Number(attrs.r) - 1 : row + 1;
        nextCol = 0;
      } else if (inData && local === "c") {
        const at = attrs.r ? parseAddress(attrs.r)! : { row, col: nextCol };
        nextCol = at.col + 1;
        cur = { key: address(at.row, at.col), cell: { s: attrs.s ?? "0", t: attrs.t ?? "n", v: "", f: "", is: "" } };
      } else if (cur && (local === "v" || local === "f")) {
        into = local;
        if (local === "f") cur.cell.f += JSON.stringify(attrs);
      } else if (cur && local === "t") into = "is";
    } else if (ev.close) {
      if (ev.close === "sheetData") inData = false;
      else if (ev.close === "c" && cur) {
        out.set(cur.key, cur.cell);
        cur = null;
      } else if (ev.close === "v" || ev.close === "f" || ev.close === "t") into = null;
    } else if (ev.text !== undefined && cur && into) cur.cell[into] += ev.text;
  });
  return out;
}

/** A cell's value as the reader would see it: shared strings resolved, inline strings read, numbers normalised. */
export function cellValue(c: XCell | undefined, sst: string[]): string {
  if (!c || (c.v === "" && c.is === "" && c.t !== "inlineStr")) return "";
  if (c.t === "s") return `str:${sst[Number(c.v)] ?? ""}`;
  if (c.t === "inlineStr") return `str:${c.is}`;
  if (c.t === "str") return `str:${c.v}`;
  if (c.t === "n" && c.v !== "") return `num:${Number(c.v)}`;
  return `${c.t}:${c.v}`;
}

export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let depth = 0;
  let inT = false;
  let inPh = false;
  parseStrict(xml, (ev) => {
    if (ev.open?.local === "si") {
      out.push("");
      depth++;
    } else if (ev.open?.local === "rPh") inPh = true;
    else if (ev.open?.local === "t") inT = true;
    else if (ev.close === "t") inT = false;
    else if (ev.close === "rPh") inPh = false;
    else if (ev.text !== undefined && inT && !inPh && depth) out[out.length - 1] += ev.text;
  });
  return out;
}

/** The workbook part's relationships, from a .rels part: id → target. */
export function rels(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  parseStrict(xml, (ev) => {
    if (ev.open?.local === "Relationship") out.set(ev.open.attrs.Id, { type: ev.open.attrs.Type, target: ev.open.attrs.Target });
  });
  return out;
}

/** The children of an element (by local name) as attribute maps, in order. */
export function elements(xml: string, parent: string, local: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  let inside = 0;
  let depth = 0;
  parseStrict(xml, (ev) => {
    if (ev.open) {
      depth++;
      if (ev.open.local === parent && !inside) inside = depth;
      else if (inside && depth === inside + 1 && ev.open.local === local) out.push(ev.open.attrs);
    } else if (ev.close) {
      if (inside === depth) inside = 0;
      depth--;
    }
  });
  return out;
}

/** The raw XML of each child of `parent` named `local` (for comparing style records exactly). */
export function rawChildren(xml: string, parent: string, local: string): string[] {
  const m = new RegExp(`<(\\w+:)?${parent}\\b[^>]*>([\\s\\S]*?)</(\\w+:)?${parent}>`).exec(xml);
  if (!m) return [];
  const body = m[2];
  const re = new RegExp(`<(\\w+:)?${local}\\b(?:[^>]*?/>|[\\s\\S]*?</(\\w+:)?${local}>)`, "g");
  return [...body.matchAll(re)].map((x) => x[0]);
}
