import JSZip from "jszip";
import { CLOSE, END, OPEN, XmlError, XmlScanner, decodePart } from "../../src/xlsx/xml";
import { tags } from "../../src/xlsx/patch/xml";
import { LimitError } from "../../src/xlsx/limits";
import { resolveTarget } from "../../src/xlsx/package";
import { nodeInflate } from "../../src/xlsx/inflate-node";
import { browserInflate } from "../../src/xlsx/inflate-browser";
import { XlsxFormatError, readWorkbookBytes } from "../../src/xlsx/workbook-reader";
import { WorkbookSnapshot } from "../../src/core/snapshot";

/** The XML tokenizer, the package's part resolution, and the reader on hand-written parts for each legal construct. */
function events(xml: string): string[] {
  const x = new XmlScanner(xml);
  const out: string[] = [];
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === CLOSE) out.push("/");
    else if (t === OPEN) {
      const attrs = Array.from({ length: x.attrCount }, (_, i) => `${x.attrName(i)}=${x.attrValue(i)}`);
      out.push(`${x.localName()}${attrs.length ? `[${attrs.join(",")}]` : ""}${x.selfClosing ? "/" : ""}`);
      if (x.is("t")) out.push(`"${x.text()}"`);
    }
  }
  return out;
}

describe("the XML tokenizer", () => {
  test("quotes, spaces around =, > inside values, prefixes, self-closing tags", () => {
    expect(events(`<x:a b = 'x>y' c="it's"><x:t/><d e='"q"'/></x:a>`)).toEqual(["a[b=x>y,c=it's]", "t/", '""', "d[e=\"q\"]/", "/", "/"]);
  });

  test("comments, processing instructions, CDATA and references in text", () => {
    expect(events(`<?xml version="1.0"?><?pi x?><r><!-- <t>old</t> --><t>a&amp;b&#x9879;&#30446;<![CDATA[<c>&amp;]]><!--x-->z</t></r>`)).toEqual(["r", "t", '"a&b项目<c>&amp;z"', "/"]);
  });

  test("entities declared in the DOCTYPE, without recursive expansion", () => {
    const xml = `<!DOCTYPE r [ <!-- ] --> <!ENTITY co "项目&#49;"> <!ENTITY a "&co;&co;"> ]><r><t>&co;|&a;|&unknown;</t></r>`;
    expect(events(xml)).toEqual(["r", "t", '"项目1|&co;&co;|&unknown;"', "/"]);
  });

  test("line ends normalised in text, whitespace in attribute values", () => {
    expect(events(`<t a="x\r\ny\tz">1\r\n2\r3</t>`)).toEqual(["t[a=x y z]", '"1\n2\n3"']);
  });

  test.each([`<a><!-- open`, `<a b="1>`, `<a><![CDATA[x`, `<a b=1>`, `<!DOCTYPE a [`])("%s cannot be tokenized: XmlError", (xml) => {
    expect(() => events(xml)).toThrow(XmlError);
  });

  test("parts in UTF-8 (with or without BOM), UTF-16 LE/BE with or without BOM, and a declared legacy encoding", () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?><t>项目𠀀</t>`;
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(decodePart(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(text);
    expect(decodePart(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(decodePart(le)).toBe(text);
    expect(decodePart(be)).toBe(text);
    expect(decodePart(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<t>项目</t>")]))).toBe("<t>项目</t>");
    const gb = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="GB18030"?><t>'), Buffer.from([0xcf, 0xee, 0xc4, 0xbf]), Buffer.from("</t>")]);
    expect(decodePart(gb)).toBe('<?xml version="1.0" encoding="GB18030"?><t>项目</t>');
  });
});

describe("relationship targets", () => {
  test.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "./worksheets/../worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/book/wb.xml", "../tables/%E8%A1%A8%201.xml", "xl/tables/表 1.xml"],
    ["xl/workbook.xml", "worksheets\\sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["", "xl/workbook.xml#frag", "xl/workbook.xml"],
  ])("%s → %s = %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });
});

const CT = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
const REL = (k: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${k}`;

async function pkg(sheet: string, extra: Record<string, string> = {}, opts: { noRootRels?: boolean } = {}): Promise<Buffer> {
  const z = new JSZip();
  z.file("[Content_Types].xml", CT);
  if (!opts.noRootRels) z.file("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`);
  z.file("xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" rel:id="a"/><sheet name="图" sheetId="2" rel:id="b"/></sheets></workbook>`);
  z.file("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="${REL("worksheet")}" Target="s/one.xml"/><Relationship Id="b" Type="${REL("unknownKind")}" Target="s/two.xml"/><Relationship Id="c" Type="${REL("sharedStrings")}" Target="str.xml"/></Relationships>`);
  z.file("xl/s/one.xml", sheet);
  z.file("xl/s/two.xml", `<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`);
  z.file(
    "xl/str.xml",
    `<!DOCTYPE sst [<!ENTITY p "项目">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si/><si><t>&p;名称</t></si><si><r><t>a</t></r><r><t xml:space="preserve"/></r><r><t>b_x000D_c</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si></sst>`,
  );
  for (const [k, v] of Object.entries(extra)) z.file(k, v);
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

const S = (body: string) => `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
const grid = (snap: WorkbookSnapshot) => snap.sheets.map((s) => ({ name: s.name, top: s.top, left: s.left, values: s.values }));

describe("the reader on hand-written parts", () => {
  test("cells without r follow the previous cell, rows without r the previous row; lowercase and $ references", async () => {
    const bytes = await pkg(S(`<row r="2"><c r="b2"><v>1</v></c><c r="C2"/><c><v>2</v></c></row><row><c><v>3</v></c><c r="$D$3"><v>4</v></c><c t="s"><v>1</v></c></row>`));
    expect(grid(readWorkbookBytes(bytes, nodeInflate))).toEqual([{ name: "表", top: 1, left: 0, values: [["", 1, "", 2, ""], [3, "", "", 4, "项目名称"]] }]);
  });

  test("<si/> keeps its place, rich runs join with a self-closed <t/>, phonetic runs and _x000D_ escapes", async () => {
    const snap = readWorkbookBytes(await pkg(S(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`)), nodeInflate);
    expect(snap.sheets[0].values).toEqual([["项目名称", "ab\rc"]]);
    expect(snap.sheets[0].left).toBe(1);
  });

  test("cell types: booleans, errors, ISO dates, formula strings, inline strings; a comment's old cell is not read", async () => {
    const snap = readWorkbookBytes(
      await pkg(S(`<!-- <row r="1"><c r="A1"><v>999</v></c></row> --><row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="d"><v>2020-01-02T12:00:00</v></c><c r="D1" t="str"><f>A1</f><v>x&lt;y</v></c><c r="E1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c><c r="F1"><v> 1.5E2 </v></c></row>`)),
      nodeInflate,
    );
    expect(snap.sheets[0].values).toEqual([[true, "#DIV/0!", 43832.5, "x<y", "a<b", 150]]);
  });

  test("a part found without _rels/.rels (through the content types); a sheet of unknown kind whose root is a chartsheet is left out", async () => {
    const snap = readWorkbookBytes(await pkg(S(`<row r="1"><c r="A1"><v>5</v></c></row>`), {}, { noRootRels: true }), nodeInflate);
    expect(snap.sheets.map((s) => s.name)).toEqual(["表"]);
  });

  test("browser inflate and Node inflate read the same", async () => {
    const bytes = await pkg(S(`<row r="1"><c r="A1" t="s"><v>1</v></c></row>`));
    expect(readWorkbookBytes(bytes, browserInflate)).toEqual(readWorkbookBytes(bytes, nodeInflate));
  });

  test("a sheet that is not well-formed: a format error naming the part and the sheet", async () => {
    const bytes = await pkg(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><!-- never closed`);
    expect(() => readWorkbookBytes(bytes, nodeInflate)).toThrow(XlsxFormatError);
    expect(() => readWorkbookBytes(bytes, nodeInflate)).toThrow(/xl\/s\/one\.xml \(sheet 表\) is not well-formed XML/);
  });

  test("inflate refuses output past the declared size", () => {
    const zlib = require("zlib") as typeof import("zlib");
    const data = zlib.deflateRawSync(Buffer.alloc(1 << 20));
    expect(() => nodeInflate(data, 1000)).toThrow();
    expect(() => browserInflate(data, 1000)).toThrow(/more than its declared/);
    expect(browserInflate(data, 1 << 20).length).toBe(1 << 20);
  });
});

describe("the zip directory", () => {
  test("bytes before the zip (a self-extracting stub) move every offset; the workbook is still read", async () => {
    const bytes = await pkg(S(`<row r="1"><c r="A1"><v>5</v></c></row>`));
    const prefixed = Buffer.concat([Buffer.from("MZ stub ".repeat(100)), bytes]);
    expect(readWorkbookBytes(prefixed, nodeInflate)).toEqual(readWorkbookBytes(bytes, nodeInflate));
  });
});

describe("well-formedness at the document's edges (issue 28)", () => {
  const scan = (xml: string) => {
    const x = new XmlScanner(xml);
    let n = 0;
    for (let t = x.next(); t !== END; t = x.next()) n++;
    return n;
  };

  test("a document cut after a </row>, with elements still open, is an error; a whole one is not", () => {
    expect(scan("<worksheet><sheetData><row r=\"1\"></row></sheetData></worksheet>")).toBe(6);
    expect(() => scan("<worksheet><sheetData><row r=\"1\"></row>")).toThrow(/ends with 2 elements still open/);
    expect(() => scan("<a/></a>")).toThrow(/an end tag with no element open/);
  });

  test("an attribute given twice is an error, with or without a prefix, in short and long tags", () => {
    expect(() => scan('<c r="A1" s="1" r="B2"/>')).toThrow(/the attribute r given twice/);
    expect(() => scan('<c x:r="A1" x:r="B2"/>')).toThrow(/the attribute x:r given twice/);
    expect(scan('<c r="A1" x:r="B2"/>')).toBe(2);
    const many = Array.from({ length: 40 }, (_, i) => ` a${i}="${i}"`).join("");
    expect(scan(`<c${many}/>`)).toBe(2);
    expect(() => scan(`<c${many} a7="x"/>`)).toThrow(/the attribute a7 given twice/);
  });

  test("a scan from inside a document (the patcher's tags) is not held to the edges", () => {
    const xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"/></row></sheetData></worksheet>";
    const inner = [...tags(xml, xml.indexOf("<row"))].map((t) => `${t.kind}:${t.local}`);
    expect(inner).toEqual(["open:row", "empty:c", "close:row", "close:sheetData", "close:worksheet"]);
  });

  test("declared entities expand within a budget for the whole document", () => {
    const dtd = `<!DOCTYPE a [<!ENTITY e "${"x".repeat(1000)}">]>`;
    const ok = new XmlScanner(`${dtd}<a><t>${"&e;".repeat(999)}</t></a>`);
    ok.next();
    ok.next();
    expect(ok.text().length).toBe(999000);
    const over = new XmlScanner(`${dtd}<a><t>${"&e;".repeat(600)}</t><t>${"&e;".repeat(600)}</t></a>`);
    over.next();
    over.next();
    over.text();
    over.next();
    expect(() => over.text()).toThrow(LimitError);
  });
});
