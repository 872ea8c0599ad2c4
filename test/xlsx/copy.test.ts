import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_SETTINGS } from "../../src/addin/host";
import { parseAddress } from "../../src/core/a1";
import { main } from "../../src/cli/main";
import { runCheck } from "../../src/core/engine";
import { Severity } from "../../src/core/findings";
import { SEVERITY_FILL } from "../../src/core/labels";
import { NOTE_PREFIX, flaggedCells } from "../../src/core/marks";
import { resolveOptions } from "../../src/core/options";
import { WorkbookSnapshot } from "../../src/core/snapshot";
import { DEFAULT_HIGHLIGHT, annotateCopy, fixCopy } from "../../src/xlsx/annotate";
import { allFindings } from "../../src/core/present";
import { readXlsxSnapshotSync } from "../../src/xlsx/fast-read";
import { NOTE_SEPARATOR } from "../../src/xlsx/patch/notes";
import { XlsxPackage } from "../../src/xlsx/patch/package";
import { SheetPatcher } from "../../src/xlsx/patch/sheet";
import { children, root, tags } from "../../src/xlsx/patch/xml";
import { ROOT, fixturePath } from "../support/workbooks";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zipTools = require("../../scripts/zip-tools");
import { Parts, cellValue, elements, parseStrict, rawChildren, rels, sharedStrings, sheetCells, text, unzip } from "./package-diff";

const RICH = path.join(ROOT, "test/writers-rich/rich-submission.xlsx");
const RICH_ALL = ["rich-submission.xlsx", "rich-submission.libreoffice.xlsx", "rich-submission.gnumeric.xlsx"].map((f) => path.join(ROOT, "test/writers-rich", f));

async function run(...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s + "\n"), err: (s) => (err += s + "\n"), isTTY: false });
  return { code, out, err };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-copy-"));

/** Sheet name → worksheet part, read from the package with the test's own parser. */
function sheetParts(parts: Parts): Map<string, string> {
  const top = rels(text(parts.get("_rels/.rels")));
  const wbPart = [...top.values()].find((r) => r.type.endsWith("/officeDocument"))!.target.replace(/^\//, "");
  const dir = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const wbRels = rels(text(parts.get(`${dir}_rels/${wbPart.slice(dir.length)}.rels`)));
  const out = new Map<string, string>();
  for (const s of elements(text(parts.get(wbPart)), "sheets", "sheet")) {
    const r = wbRels.get(s.id);
    if (r && r.type.endsWith("/worksheet")) out.set(s.name, r.target.startsWith("/") ? r.target.slice(1) : path.posix.normalize(dir + r.target));
  }
  return out;
}

interface Expect {
  /** "sheet!A1" cells whose value may (and must) change */
  values: Set<string>;
  /** "sheet!A1" cells whose style index must change (others must not), and the fill they must show */
  fills: Map<string, string>;
  /** cells whose style may change along with their value (a percent format) */
  formatOk?: boolean;
  report: boolean;
}

/**
 * Input and copy compared part by part: nothing lost; in every sheet only the expected cells changed (cell by cell);
 * the sheet's XML around its cells unchanged (but an added legacyDrawing); styles only appended to; a person's
 * notes kept; workbook.xml, content types and relationships only added to; every other part byte for byte.
 */
function comparePackages(input: Uint8Array, output: Uint8Array, want: Expect): { newParts: string[] } {
  const a = unzip(input);
  const b = unzip(output);
  for (const name of a.keys()) expect({ name, present: b.has(name) }).toEqual({ name, present: true });
  const sheetsA = sheetParts(a);
  const sheetsB = sheetParts(b);
  for (const [name, part] of sheetsA) expect(sheetsB.get(name)).toBe(part);
  const sstA = sharedStrings(text(a.get("xl/sharedStrings.xml")));
  const sstB = sharedStrings(text(b.get("xl/sharedStrings.xml")));
  const stylesA = text(a.get("xl/styles.xml"));
  const stylesB = text(b.get("xl/styles.xml"));
  const xfsA = rawChildren(stylesA, "cellXfs", "xf");
  const xfsB = rawChildren(stylesB, "cellXfs", "xf");
  const fillsB = rawChildren(stylesB, "fills", "fill");
  const valueChanged = new Set<string>();
  const styleChanged = new Set<string>();
  const sheetPartSet = new Set(sheetsA.values());
  for (const [name, part] of sheetsA) {
    const xa = text(a.get(part));
    const xb = text(b.get(part));
    const ca = sheetCells(xa);
    const cb = sheetCells(xb);
    for (const key of new Set([...ca.keys(), ...cb.keys()])) {
      const p = ca.get(key);
      const q = cb.get(key);
      if (cellValue(p, sstA) !== cellValue(q, sstB) || (p?.f ?? "") !== (q?.f ?? "")) valueChanged.add(`${name}!${key}`);
      if ((p?.s ?? "0") !== (q?.s ?? "0")) {
        styleChanged.add(`${name}!${key}`);
        // the new format is the old one with our fill (or, for a write, a number format) — nothing else differs
        const before = xfsA[Number(p?.s ?? 0)] ?? xfsA[0] ?? "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";
        const after = xfsB[Number(q!.s)];
        if (!after) throw new Error(`${name}!${key}: style ${q?.s} is not in the copy's styles (${xfsB.length} formats)`);
        const strip = (x: string) => x.replace(/\s(fillId|applyFill|numFmtId|applyNumberFormat)="[^"]*"/g, "").replace(/\s*\/?>[\s\S]*$/, "");
        expect(strip(after)).toBe(strip(before));
        const fill = want.fills.get(`${name}!${key}`);
        if (fill) {
          const fillId = Number(/fillId="(\d+)"/.exec(after)![1]);
          expect(fillsB[fillId]).toContain(`rgb="${fill}"`);
        }
      }
    }
    // around the cells, the sheet's XML is as it was (an added legacyDrawing and its namespace aside)
    const around = (x: string) =>
      x
        .replace(/<(\w+:)?sheetData\b(?:[^>]*\/>|[\s\S]*?<\/(\w+:)?sheetData>)/, "")
        .replace(/<(\w+:)?legacyDrawing\b[^>]*\/>/, "")
        .replace(/\sxmlns:r\d*="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships"/, "");
    expect(around(xb)).toBe(around(xa));
  }
  expect([...valueChanged].sort()).toEqual([...want.values].sort());
  const styledOk = new Set([...want.fills.keys(), ...(want.formatOk ? want.values : [])]);
  for (const s of styleChanged) expect({ cell: s, expected: styledOk.has(s) }).toEqual({ cell: s, expected: true });
  for (const s of want.fills.keys()) expect({ cell: s, styled: styleChanged.has(s) }).toEqual({ cell: s, styled: true });

  for (const [part, bytesA] of a) {
    if (sheetPartSet.has(part)) continue;
    const xa = text(bytesA);
    const xb = text(b.get(part));
    if (part === "xl/styles.xml") {
      // appended to only: every record keeps its index
      for (const [parent, local] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellStyleXfs", "xf"], ["cellXfs", "xf"], ["cellStyles", "cellStyle"], ["dxfs", "dxf"]])
        expect(rawChildren(xb, parent, local).slice(0, rawChildren(xa, parent, local).length)).toEqual(rawChildren(xa, parent, local));
      expect(xb.replace(/<(\w+:)?(numFmts|fonts|fills|cellXfs)\b[\s\S]*?<\/(\w+:)?\2>/g, "")).toBe(xa.replace(/<(\w+:)?(numFmts|fonts|fills|cellXfs)\b[\s\S]*?<\/(\w+:)?\2>/g, ""));
    } else if (/comments\d*\.xml$/.test(part)) {
      // a person's note is kept: its text is where it was, ours (if any) after it
      const notes = (x: string) => {
        const out = new Map<string, string>();
        let ref = "";
        let inT = false;
        parseStrict(x, (ev) => {
          if (ev.open?.local === "comment") ref = ev.open.attrs.ref;
          else if (ev.open?.local === "t") inT = true;
          else if (ev.close === "t") inT = false;
          else if (ev.text !== undefined && ref && inT) out.set(ref, (out.get(ref) ?? "") + ev.text);
          else if (ev.close === "comment") ref = "";
        });
        return out;
      };
      const na = notes(xa);
      const nb = notes(xb);
      for (const [ref, t] of na) expect(nb.get(ref)?.startsWith(t)).toBe(true);
    } else if (/^xl\/(threadedComments|persons)\//.test(part)) {
      // threads and persons only added to
      expect(xb.startsWith(xa.slice(0, xa.lastIndexOf("</")))).toBe(true);
    } else if (part.endsWith(".vml")) {
      expect(xb.startsWith(xa.slice(0, xa.lastIndexOf("</xml>")))).toBe(true);
    } else if (/(^|\/)workbook\.xml$/.test(part)) {
      const strip = (x: string) => x.replace(/<(\w+:)?sheets\b[\s\S]*?<\/(\w+:)?sheets>/, "").replace(/\sfullCalcOnLoad="1"/, "").replace(/<(\w+:)?calcPr fullCalcOnLoad="1"\/>/, "").replace(/\sxmlns:r\d*="[^"]*"/, "");
      expect(strip(xb)).toBe(strip(xa));
      const sa = elements(xa, "sheets", "sheet");
      const sb = elements(xb, "sheets", "sheet");
      expect(sb.slice(0, sa.length)).toEqual(sa);
      expect(sb.length).toBe(sa.length + (want.report && !sa.some((s) => s.name === "校验报告") ? 1 : 0));
    } else if (part === "[Content_Types].xml" || part.endsWith(".rels")) {
      const entries = (x: string) => [...x.matchAll(/<(\w+:)?(Default|Override|Relationship)\b[^>]*>/g)].map((m) => m[0].replace(/\s*\/?>$/, ""));
      const eb = new Set(entries(xb));
      for (const e of entries(xa)) expect({ part, entry: e, kept: eb.has(e) }).toEqual({ part, entry: e, kept: true });
    } else {
      expect({ part, same: Buffer.from(b.get(part)!).equals(Buffer.from(bytesA)) }).toEqual({ part, same: true });
    }
  }
  // every part of the copy is well-formed XML (VML may legally not be), and every relationship points at a part
  for (const [part, bytes] of b) {
    if (/\.(xml|rels)$/.test(part)) expect(() => parseStrict(text(bytes))).not.toThrow();
    if (part.endsWith(".rels")) {
      const dir = part.replace(/_rels\/[^/]*$/, "");
      for (const r of rels(text(bytes)).values()) {
        if (/^[a-z]+:/i.test(r.target) || r.type.endsWith("/hyperlink")) continue;
        const target = r.target.startsWith("/") ? r.target.slice(1) : path.posix.normalize(dir + r.target);
        expect({ part, target, exists: b.has(target) }).toEqual({ part, target, exists: true });
      }
    }
  }
  return { newParts: [...b.keys()].filter((k) => !a.has(k)) };
}

function readSnapshot(bytes: Uint8Array): WorkbookSnapshot {
  return readXlsxSnapshotSync(Buffer.from(bytes));
}

function findingsOf(bytes: Uint8Array) {
  return runCheck(readSnapshot(bytes), resolveOptions({})).report;
}

const key = (c: { sheet: string; address: string }) => `${c.sheet}!${c.address}`;

describe("copies of the rich submission (chart, logo, drop-down, conditional formats, names, print setup, comments, table)", () => {
  const input = new Uint8Array(fs.readFileSync(RICH));

  test("the fixture carries everything the issue lists", () => {
    const parts = unzip(input);
    const names = [...parts.keys()];
    expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/media\/image\d+\.png$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/chartsheets\//.test(n))).toBe(true);
    expect(names.some((n) => /comments\d*\.xml$/.test(n))).toBe(true);
    const form = text(parts.get("xl/worksheets/sheet1.xml"));
    for (const el of ["dataValidation", "conditionalFormatting", "hyperlink", "pane", "pageSetup", "drawing", "legacyDrawing", "headerFooter"]) expect({ el, present: form.includes(`<${el}`) }).toEqual({ el, present: true });
    const wb = text(parts.get("xl/workbook.xml"));
    expect(wb).toContain("_xlnm.Print_Area");
    expect(wb).toContain("_xlnm.Print_Titles");
    expect(wb).toContain('name="总分"');
    expect(text(parts.get("xl/worksheets/sheet2.xml"))).toContain("<f>SUM(B4:B6)</f>");
  });

  test.each([
    ["fix", [] as string[]],
    ["fix --indicator-scores", ["--indicator-scores"]],
  ])("%s: only the proposed cells change; every other part is kept", async (_label, extra) => {
    const dir = tmp();
    const r = await run("fix", RICH, "--out", dir, "--json", ...extra);
    expect(r.code).toBe(0);
    const changes: Array<{ sheet: string; cell: string }> = JSON.parse(r.out).files[0].changes;
    expect(changes.length).toBeGreaterThan(0);
    const output = new Uint8Array(fs.readFileSync(path.join(dir, "rich-submission.fixed.xlsx")));
    const { newParts } = comparePackages(input, output, { values: new Set(changes.map((c) => `${c.sheet}!${c.cell}`)), fills: new Map(), formatOk: true, report: false });
    expect(newParts).toEqual([]);
    // the copy checks clean of what was fixed
    const rules = allFindings(findingsOf(output)).map((f) => f.rule);
    expect(rules).not.toContain("total-score");
    if (extra.length) expect(rules).not.toContain("indicator-score");
  });

  test("check --out: the cells the pane marks (errors and warnings), our notes, the report sheet; nothing else", async () => {
    const dir = tmp();
    const r = await run("check", RICH, "--out", dir);
    expect(r.code).toBe(1);
    const output = new Uint8Array(fs.readFileSync(path.join(dir, "rich-submission.checked.xlsx")));
    const report = findingsOf(input);
    // the same planner and the same default as the add-in
    expect([...DEFAULT_HIGHLIGHT]).toEqual(DEFAULT_SETTINGS.highlight);
    const cells = flaggedCells(allFindings(report), DEFAULT_SETTINGS.highlight);
    expect(cells.map(key).sort()).toEqual(["自评表!E14", "自评表!H22", "自评表!H26", "自评表!I14"]);
    expect(allFindings(report).some((f) => f.severity === "info" && f.cell === "H20")).toBe(true); // info: not marked
    const fills = new Map(cells.map((c) => [key(c), SEVERITY_FILL[c.severity]]));
    const { newParts } = comparePackages(input, output, { values: new Set(), fills, report: true });
    expect(newParts).toEqual(["xl/worksheets/sheet3.xml"]);
    // the reviewer's comment is kept, ours follows it under the separator; the others carry the pane's note
    const b = unzip(output);
    const comments = text(b.get("xl/comments1.xml"));
    expect(comments).toContain("审核意见：总分请复核。——张审核");
    expect(comments).toContain(`${NOTE_SEPARATOR}\n总分填写为 90.5`);
    expect(comments).toContain("项目名称与预算批复一致。");
    expect(comments).toContain(`${NOTE_PREFIX}\n「开展安全生产培训费用`);
    // the copy reads back the same, plus the report sheet, which lists the kept comment
    const snapA = readSnapshot(input);
    const snapB = readSnapshot(output);
    expect(snapB.sheets.slice(0, snapA.sheets.length)).toEqual(snapA.sheets);
    const reportSheet = snapB.sheets[snapB.sheets.length - 1];
    expect(reportSheet.name).toBe("校验报告");
    const flat = reportSheet.values.flat().map(String);
    expect(flat.some((v) => v.includes("审核意见：总分请复核"))).toBe(true);
    // the problem by its Chinese name; no column of English rule ids beside it (issue 32)
    expect(flat).toContain("总分填写为 90.5，但各项得分之和为 91.5。");
    expect(flat).not.toContain("total-score");
    expect(JSON.stringify(allFindings(findingsOf(output)))).toBe(JSON.stringify(allFindings(report)));
  });

  test("checking a checked copy again replaces our notes instead of piling them up", async () => {
    const once = annotateCopy(input, findingsOf(input), { lang: "zh", checkedAt: new Date(0), options: resolveOptions({}) }).bytes;
    const twice = annotateCopy(once, findingsOf(once), { lang: "zh", checkedAt: new Date(0), options: resolveOptions({}) }).bytes;
    const t1 = text(unzip(once).get("xl/comments1.xml"));
    const t2 = text(unzip(twice).get("xl/comments1.xml"));
    expect(t2.split(NOTE_SEPARATOR).length).toBe(2);
    expect(t2.split(NOTE_PREFIX).length).toBe(t1.split(NOTE_PREFIX).length);
    // the chartsheet 执行图 stays in the workbook; the reader lists worksheets only, as Office.js does
    expect(readSnapshot(twice).sheets.map((s) => s.name)).toEqual(["自评表", "明细", "校验报告"]);
    expect(text(unzip(twice).get("xl/workbook.xml"))).toMatch(/<sheet [^>]*name="执行图"/);
  });

  test("the severities saved with the workbook choose the cells, as in the pane", () => {
    const report = findingsOf(input);
    for (const sev of [["error"], ["error", "warning", "info"]] as Severity[][]) {
      const out = annotateCopy(input, report, { lang: "zh", checkedAt: new Date(0), options: resolveOptions({}), severities: sev });
      expect(out.marked).toBe(flaggedCells(allFindings(report), sev).length);
    }
  });
});

describe("copies from other writers and shapes", () => {
  const corpus = [
    ...fs.readdirSync(path.join(ROOT, "test/fixtures")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(ROOT, "test/fixtures", f)),
    path.join(ROOT, "samples/seed-forms.xlsx"),
    ...RICH_ALL,
    // the robustness corpus, but for the files that are not readable workbooks at all
    ...fs
      .readdirSync(path.join(ROOT, "test/corpus"))
      .filter((f) => f.endsWith(".xlsx") && !["encrypted.xlsx", "not-a-zip.xlsx", "truncated-zip.xlsx", "zip-bomb.xlsx", "zip-size-lie.xlsx"].includes(f))
      // of the files from strangers (test/robustness/hostile.test.ts), those that are readable workbooks
      .filter((f) => !f.startsWith("hostile-") || ["hostile-400-digits.xlsx", "hostile-merges-disjoint.xlsx", "hostile-merges-identical.xlsx", "hostile-merges-nested.xlsx"].includes(f))
      .map((f) => path.join(ROOT, "test/corpus", f)),
  ];

  test.each(corpus.map((f) => [path.relative(ROOT, f)]))("%s: fix --indicator-scores and check --out write valid copies that change only what they mean to", async (rel) => {
    const file = path.join(ROOT, rel);
    const input = new Uint8Array(fs.readFileSync(file));
    const base = path.basename(file, ".xlsx");
    const dir = tmp();
    const fx = await run("fix", file, "--out", dir, "--json", "--indicator-scores");
    expect(fx.code).toBe(0);
    const changes: Array<{ sheet: string; cell: string }> = JSON.parse(fx.out).files[0].changes;
    comparePackages(input, new Uint8Array(fs.readFileSync(path.join(dir, `${base}.fixed.xlsx`))), { values: new Set(changes.map((c) => `${c.sheet}!${c.cell}`)), fills: new Map(), formatOk: true, report: false });
    const ck = await run("check", file, "--out", dir);
    expect(ck.code).not.toBe(2);
    const report = findingsOf(input);
    const cells = flaggedCells(allFindings(report), DEFAULT_HIGHLIGHT);
    const out = new Uint8Array(fs.readFileSync(path.join(dir, `${base}.checked.xlsx`)));
    comparePackages(input, out, { values: new Set(), fills: new Map(cells.map((c) => [key(c), SEVERITY_FILL[c.severity]])), report: true });
    expect(readSnapshot(out).sheets.slice(0, -1)).toEqual(readSnapshot(input).sheets);
  });
});

/** A fixture rewritten as the Open XML SDK writes (every element `x:`-prefixed), without `r` attributes, and with inline strings. */
function handMade(file: string, opts: { prefix: boolean; noRefs: boolean; inline: boolean; noStyles?: boolean }): Uint8Array {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  if (opts.noStyles) {
    // a minimal package: no styles part at all (cells without s, no relationship, no content type)
    delete parts["xl/styles.xml"];
    parts["xl/_rels/workbook.xml.rels"] = strToU8(text(parts["xl/_rels/workbook.xml.rels"]).replace(/<Relationship [^>]*Target="styles.xml"\/>/, ""));
    parts["[Content_Types].xml"] = strToU8(text(parts["[Content_Types].xml"]).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ""));
    for (const name of Object.keys(parts)) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) parts[name] = strToU8(text(parts[name]).replace(/(<(?:c|row|col)\b[^>]*?)\s(?:s|style)="\d+"/g, "$1"));
  }
  const sst = sharedStrings(text(parts["xl/sharedStrings.xml"]));
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  for (const name of Object.keys(parts)) {
    if (!/^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+)\.xml$/.test(name)) continue;
    let x = text(parts[name]);
    if (opts.inline && name.startsWith("xl/worksheets/"))
      x = x.replace(/<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_m, a: string, b: string, i: string) => `<c${a} t="inlineStr"${b}><is><t xml:space="preserve">${esc(sst[Number(i)])}</t></is></c>`);
    if (opts.noRefs && name.startsWith("xl/worksheets/")) {
      // r left out wherever a cell or row follows the previous one, as writers without r do; kept after a gap
      let nextRow = 0;
      let nextCol = 0;
      x = x.replace(/<(c|row)\b([^>]*?)\sr="([^"]*)"/g, (m, el: string, before: string, ref: string) => {
        if (el === "row") {
          const r = Number(ref) - 1;
          const keep = r !== nextRow;
          nextRow = r + 1;
          nextCol = 0;
          return keep ? m : `<row${before}`;
        }
        const at = parseAddress(ref)!;
        const keep = at.col !== nextCol;
        nextCol = at.col + 1;
        return keep ? m : `<c${before}`;
      });
    }
    if (opts.prefix) {
      x = x.replace(`xmlns="${main}"`, `xmlns:x="${main}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, (m, slash: string, n: string) => (n.includes(":") ? m : `<${slash}x:${n}`));
    }
    parts[name] = strToU8(x);
  }
  return zipSync(parts);
}

describe("hand-made packages the reader reads (x:-prefixed, r-less, inline strings)", () => {
  test.each([
    ["x:-prefixed", { prefix: true, noRefs: false, inline: false }],
    ["r-less", { prefix: false, noRefs: true, inline: false }],
    ["x:-prefixed, r-less, inline strings", { prefix: true, noRefs: true, inline: true }],
    ["x:-prefixed, without a styles part", { prefix: true, noRefs: false, inline: false, noStyles: true }],
  ])("%s: fix and check --out", async (_label, opts) => {
    const input = handMade(fixturePath("official"), opts);
    expect(readSnapshot(input)).toEqual(readSnapshot(new Uint8Array(fs.readFileSync(fixturePath("official"))))); // the stand-in reads the same
    const dir = tmp();
    const file = path.join(dir, "made.xlsx");
    fs.writeFileSync(file, input);
    const fx = await run("fix", file, "--out", dir, "--json", "--indicator-scores");
    expect(fx.code).toBe(0);
    const changes: Array<{ sheet: string; cell: string }> = JSON.parse(fx.out).files[0].changes;
    expect(changes.map((c) => `${c.sheet}!${c.cell}`)).toEqual(["项目1!H20", "项目1!H22", "项目1!H26"]);
    const fixed = new Uint8Array(fs.readFileSync(path.join(dir, "made.fixed.xlsx")));
    comparePackages(input, fixed, { values: new Set(changes.map((c) => `${c.sheet}!${c.cell}`)), fills: new Map(), formatOk: true, report: false });
    const sheet = text(unzip(fixed).get("xl/worksheets/sheet2.xml"));
    if (opts.prefix) expect(sheet).not.toMatch(/<(c|v|row|is|t)[\s>]/); // what we wrote carries the part's prefix
    expect(allFindings(findingsOf(fixed)).map((f) => f.rule)).not.toContain("total-score");

    const ck = await run("check", file, "--out", dir);
    expect(ck.code).toBe(1);
    const out = new Uint8Array(fs.readFileSync(path.join(dir, "made.checked.xlsx")));
    const cells = flaggedCells(allFindings(findingsOf(input)), DEFAULT_HIGHLIGHT);
    const { newParts } = comparePackages(input, out, { values: new Set(), fills: new Map(cells.map((c) => [key(c), SEVERITY_FILL[c.severity]])), report: true });
    // notes where the sheets had none: comments, VML, registered in the sheets' relationships and content types
    expect(newParts.filter((p) => /comments\d+\.xml$/.test(p)).length).toBeGreaterThan(0);
    expect(newParts.filter((p) => /vmlDrawing\d+\.vml$/.test(p)).length).toBe(newParts.filter((p) => /comments\d+\.xml$/.test(p)).length);
    const ct = text(unzip(out).get("[Content_Types].xml"));
    for (const p of newParts.filter((n) => n.endsWith(".xml") && !n.includes("_rels"))) expect(ct).toContain(`PartName="/${p}"`);
    expect(ct).toMatch(/Extension="vml"/);
    const form = text(unzip(out).get("xl/worksheets/sheet2.xml"));
    expect(form).toMatch(opts.prefix ? /<x:legacyDrawing r:id="rId\d+"\/>/ : /<legacyDrawing r:id="rId\d+"\/>/);
    expect(readSnapshot(out).sheets.slice(0, -1)).toEqual(readSnapshot(input).sheets);
  });
});

describe("shared formulas", () => {
  test("indicator scores held by a shared formula are left alone, and the total then counts them as they are", async () => {
    // 项目1!H20:H22 as one shared formula (master and two dependents), with the values the form shows cached
    const parts = unzipSync(new Uint8Array(fs.readFileSync(fixturePath("official"))));
    parts["xl/worksheets/sheet2.xml"] = strToU8(
      text(parts["xl/worksheets/sheet2.xml"])
        .replace('<c r="H20" s="1"><v>3</v></c>', '<c r="H20" s="1"><f t="shared" ref="H20:H22" si="0">G20*0.6</f><v>3</v></c>')
        .replace('<c r="H21" s="1"><v>5</v></c>', '<c r="H21" s="1"><f t="shared" si="0"/><v>5</v></c>')
        .replace('<c r="H22" s="1"><v>1</v></c>', '<c r="H22" s="1"><f t="shared" si="0"/><v>1</v></c>'),
    );
    const input = zipSync(parts);
    expect(text(unzipSync(input)["xl/worksheets/sheet2.xml"]).match(/t="shared"/g)?.length).toBe(3);
    const dir = tmp();
    const file = path.join(dir, "shared.xlsx");
    fs.writeFileSync(file, input);
    const fx = await run("fix", file, "--out", dir, "--json", "--indicator-scores");
    expect(fx.code).toBe(0);
    const json = JSON.parse(fx.out).files[0];
    expect(json.skipped.map((x: { cell: string }) => x.cell)).toEqual(["H20", "H22"]);
    // the total as if the indicator scores had not been ticked: the sum of the scores as written
    expect(json.changes).toEqual([expect.objectContaining({ sheet: "项目1", cell: "H26", old: 90.5, new: 91.5 })]);
    const fixed = new Uint8Array(fs.readFileSync(path.join(dir, "shared.fixed.xlsx")));
    comparePackages(input, fixed, { values: new Set(["项目1!H26"]), fills: new Map(), formatOk: true, report: false });
    // --out marks the formula cells and keeps their formulas
    await run("check", file, "--out", dir);
    const out = new Uint8Array(fs.readFileSync(path.join(dir, "shared.checked.xlsx")));
    const cells = flaggedCells(allFindings(findingsOf(input)), DEFAULT_HIGHLIGHT);
    expect(cells.map(key)).toContain("项目1!H22");
    comparePackages(input, out, { values: new Set(), fills: new Map(cells.map((c) => [key(c), SEVERITY_FILL[c.severity]])), report: true });
    expect(text(unzip(out).get("xl/worksheets/sheet2.xml"))).toMatch(/<c r="H22" s="\d+"><f t="shared" si="0"\/><v>1<\/v><\/c>/);
  });
});

describe("a copy that cannot be made", () => {
  test("is said in one line, with the check's report still given, and nothing half-written", async () => {
    // a part the check never reads (docProps/app.xml) stored with a wrong CRC-32: the check reads the sheets, the copy
    // would carry the damaged entry on, so it is refused (Python's zipfile and openpyxl refuse such an entry)
    const dir = tmp();
    const file = path.join(dir, "bad-crc.xlsx");
    fs.writeFileSync(file, zipTools.withCrc(fs.readFileSync(fixturePath("official")), "docProps/app.xml"));
    const r = await run("check", file, "--out", path.join(dir, "out"), "--json");
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out).files[0];
    expect(json.forms.length).toBe(4);
    expect(json.error).toMatch(/^无法写出副本（.*docProps\/app\.xml.*CRC-32.*）；原文件未改动。$/);
    expect(r.err).toContain("无法写出副本");
    expect(fs.readdirSync(path.join(dir, "out"))).toEqual([]);
  });
});

describe("threaded comments (Excel 365)", () => {
  /** The rich submission with a thread (a comment and a reply) on 总分, as Excel 365 writes one. */
  function withThread(): Uint8Array {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(RICH)));
    const ns = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments";
    parts["xl/threadedComments/threadedComment1.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="${ns}" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<threadedComment ref="H26" dT="2021-03-02T09:00:00.00" personId="{11111111-1111-4111-8111-111111111111}" id="{AAAAAAAA-0000-4000-8000-000000000001}"><text>审核意见：总分请复核。</text></threadedComment>` +
        `<threadedComment ref="H26" dT="2021-03-02T10:00:00.00" personId="{22222222-2222-4222-8222-222222222222}" id="{AAAAAAAA-0000-4000-8000-000000000002}" parentId="{AAAAAAAA-0000-4000-8000-000000000001}"><text>已核对。</text></threadedComment>` +
        `</ThreadedComments>`,
    );
    parts["xl/persons/person.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="${ns}" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        `<person displayName="张审核" id="{11111111-1111-4111-8111-111111111111}" userId="zhang" providerId="None"/><person displayName="李填报" id="{22222222-2222-4222-8222-222222222222}" userId="li" providerId="None"/></personList>`,
    );
    const addRel = (relsPart: string, rel: string) => {
      parts[relsPart] = strToU8(text(parts[relsPart]).replace("</Relationships>", `${rel}</Relationships>`));
    };
    addRel("xl/worksheets/_rels/sheet1.xml.rels", `<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`);
    addRel("xl/_rels/workbook.xml.rels", `<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>`);
    parts["[Content_Types].xml"] = strToU8(
      text(parts["[Content_Types].xml"]).replace(
        "</Types>",
        `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/><Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>`,
      ),
    );
    return zipSync(parts);
  }

  test("our text is a reply in the cell's thread, by our own person; the thread is kept; a second run replaces the reply", () => {
    const input = withThread();
    const report = findingsOf(input);
    const once = annotateCopy(input, report, { lang: "zh", checkedAt: new Date(0), options: resolveOptions({}) }).bytes;
    const cells = flaggedCells(allFindings(report), DEFAULT_HIGHLIGHT);
    comparePackages(input, once, { values: new Set(), fills: new Map(cells.map((c) => [key(c), SEVERITY_FILL[c.severity]])), report: true });
    const threadA = text(unzip(input).get("xl/threadedComments/threadedComment1.xml"));
    const threadB = text(unzip(once).get("xl/threadedComments/threadedComment1.xml"));
    const items = elements(threadB, "ThreadedComments", "threadedComment");
    expect(items.length).toBe(3);
    expect(threadB.startsWith(threadA.slice(0, threadA.indexOf("</ThreadedComments>")))).toBe(true);
    const persons = elements(text(unzip(once).get("xl/persons/person.xml")), "personList", "person");
    const ours = persons.find((p) => p.displayName === "绩效自评校验")!;
    expect(persons.length).toBe(3);
    expect(items[2]).toMatchObject({ ref: "H26", parentId: "{AAAAAAAA-0000-4000-8000-000000000001}", personId: ours.id });
    expect(threadB).toContain(`${NOTE_PREFIX}\n总分填写为 90.5`);
    // the legacy note (what other programs show) carries it too
    expect(text(unzip(once).get("xl/comments1.xml"))).toContain(`${NOTE_SEPARATOR}\n总分填写为 90.5`);
    const twice = annotateCopy(once, findingsOf(once), { lang: "zh", checkedAt: new Date(0), options: resolveOptions({}) }).bytes;
    expect(elements(text(unzip(twice).get("xl/threadedComments/threadedComment1.xml")), "ThreadedComments", "threadedComment").length).toBe(3);
    expect(elements(text(unzip(twice).get("xl/persons/person.xml")), "personList", "person").length).toBe(3);
  });
});

describe("the package patcher", () => {
  test("untouched parts are copied as their original compressed bytes", () => {
    const input = new Uint8Array(fs.readFileSync(RICH));
    const pkg = new XlsxPackage(input);
    pkg.write("xl/worksheets/sheet2.xml", pkg.text("xl/worksheets/sheet2.xml")!);
    const out = pkg.toBytes();
    // the image's compressed bytes appear unchanged in the copy
    const raw = (bytes: Uint8Array, name: string) => {
      const at = Buffer.from(bytes).indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4])]), 0);
      void at;
      const b = Buffer.from(bytes);
      for (let p = 0; p < b.length - 30; p++)
        if (b.readUInt32LE(p) === 0x04034b50 && b.toString("utf8", p + 30, p + 30 + b.readUInt16LE(p + 26)) === name) {
          const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
          return b.subarray(start, start + b.readUInt32LE(p + 18));
        }
      throw new Error(`no ${name}`);
    };
    expect(raw(out, "xl/media/image1.png").equals(raw(input, "xl/media/image1.png"))).toBe(true);
    expect(raw(out, "xl/charts/chart1.xml").equals(raw(input, "xl/charts/chart1.xml"))).toBe(true);
    expect(Object.keys(unzipSync(out))).toEqual(Object.keys(unzipSync(input)));
  });

  test("a VBA project and custom XML survive a copy byte for byte (an .xlsm stays an .xlsm)", async () => {
    const parts = unzipSync(new Uint8Array(fs.readFileSync(fixturePath("official"))));
    const vba = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    parts["xl/vbaProject.bin"] = vba;
    parts["customXml/item1.xml"] = strToU8('<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>');
    parts["[Content_Types].xml"] = strToU8(
      text(parts["[Content_Types].xml"])
        .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    parts["xl/_rels/workbook.xml.rels"] = strToU8(text(parts["xl/_rels/workbook.xml.rels"]).replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    const input = zipSync(parts);
    const dir = tmp();
    const file = path.join(dir, "宏.xlsm");
    fs.writeFileSync(file, input);
    expect((await run("check", file, "--out", dir)).code).toBe(1);
    expect((await run("fix", file, "--out", dir)).code).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(["宏.checked.xlsm", "宏.fixed.xlsm", "宏.xlsm"]);
    for (const name of ["宏.checked.xlsm", "宏.fixed.xlsm"]) {
      const b = unzipSync(new Uint8Array(fs.readFileSync(path.join(dir, name))));
      expect(Buffer.from(b["xl/vbaProject.bin"]).equals(Buffer.from(vba))).toBe(true);
      expect(text(b["customXml/item1.xml"])).toBe(text(parts["customXml/item1.xml"]));
      expect(text(b["[Content_Types].xml"])).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    }
  });

  test("the tag scanner is not fooled by comments, CDATA, quotes or a '>' inside a value", () => {
    const xml = `<?xml version="1.0"?><!-- <c r="A1"><v>1</v></c> --><worksheet a='x>y' b = "<c>"><sheetData><![CDATA[<row r="9">]]><row r="2"><c r="B2"><v>5</v></c></row></sheetData></worksheet>`;
    expect([...tags(xml)].filter((t) => t.kind !== "close").map((t) => t.local)).toEqual(["worksheet", "sheetData", "row", "c", "v"]);
    const r = root(xml);
    expect(children(xml, r).map((c) => c.tag.local)).toEqual(["sheetData"]);
  });

  test("cells and rows are inserted in order, in r-less rows too, and self-closed rows and sheetData open up", () => {
    const p = new SheetPatcher(`<worksheet xmlns="m"><sheetData><row><c><v>1</v></c><c t="s"><v>0</v></c><c r="E1"><v>3</v></c></row><row r="3"/></sheetData></worksheet>`);
    expect(p.info(0, 1)).toMatchObject({ exists: true, type: "s" });
    expect(p.info(0, 4)).toMatchObject({ exists: true, type: "n" });
    p.set(0, 2, { value: { t: "n", v: 7 } }); // between B1 and E1
    p.set(2, 0, { value: { t: "str", v: "a<b" } }); // into the self-closed row 3
    p.set(1, 3, { style: 4 }); // a new row 2
    p.set(5, 0, { value: { t: "n", v: 1 } }); // a row after the last
    expect(p.result()).toBe(
      `<worksheet xmlns="m"><sheetData><row><c><v>1</v></c><c t="s"><v>0</v></c><c r="C1"><v>7</v></c><c r="E1"><v>3</v></c></row><row r="2"><c r="D2" s="4"/></row><row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c></row><row r="6"><c r="A6"><v>1</v></c></row></sheetData></worksheet>`,
    );
    const empty = new SheetPatcher(`<x:worksheet xmlns:x="m"><x:sheetData/></x:worksheet>`);
    empty.set(0, 0, { value: { t: "n", v: 2 } });
    expect(empty.result()).toBe(`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`);
  });

  test("single quotes, spaces around '=', and an old cell inside an XML comment: only the live cell is patched", () => {
    const p = new SheetPatcher(`<worksheet xmlns="m"><sheetData><row r='1'><!-- <c r="A1" s="9"><v>7</v></c> --><c r='A1' s = '2' t='s'><v>0</v></c></row></sheetData></worksheet>`);
    expect(p.info(0, 0)).toMatchObject({ exists: true, style: 2, type: "s" });
    p.set(0, 0, { style: 5, value: { t: "n", v: 3 } });
    expect(p.result()).toBe(`<worksheet xmlns="m"><sheetData><row r='1'><!-- <c r="A1" s="9"><v>7</v></c> --><c r='A1' s="5"><v>3</v></c></row></sheetData></worksheet>`);
  });

  test("a percent written into an empty cell becomes a number with a percent format; text stays text; formulas stay", () => {
    const input = new Uint8Array(fs.readFileSync(fixturePath("official")));
    const out = fixCopy(input, [
      { form: 0, sheet: "项目1", address: "J6", rule: "execution-rate", kind: "rate", old: "", new: "75.00%", optional: false, label: "" },
      { form: 0, sheet: "项目1", address: "H6", rule: "execution-rate", kind: "rate", old: "75%", new: "80.00%", optional: false, label: "" },
    ]);
    expect(out.written.length).toBe(2);
    const snap = readSnapshot(out.bytes).sheets.find((s) => s.name === "项目1")!;
    const at = (r: number, c: number) => [snap.values[r - snap.top][c - snap.left], snap.formats[r - snap.top][c - snap.left]];
    expect(at(5, 9)).toEqual([0.75, "0.00%"]);
    expect(at(5, 7)).toEqual(["80.00%", "General"]);
    const shifted = new Uint8Array(fs.readFileSync(fixturePath("shifted")));
    const f = fixCopy(shifted, [{ form: 0, sheet: "安全生产", address: "J10", rule: "execution-rate", kind: "rate", old: 0.75, new: 0.8, optional: false, label: "" }]);
    expect(f.written).toEqual([]);
    expect(f.skipped.map((s) => s.reason)).toEqual(["formula"]);
  });
});
