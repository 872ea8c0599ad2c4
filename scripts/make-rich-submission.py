#!/usr/bin/python3
"""
Builds test/writers-rich/rich-submission.xlsx: a real-looking submission of the 项目支出绩效自评表 (the 项目1 form of
test/fixtures/official.xlsx, laid out again with XlsxWriter) with everything a bureau's workbook may carry besides the
form: a chart of the scores, a logo, a drop-down list, conditional formatting, defined names, a print area, frozen
panes, a hyperlink, a reviewer's comment on a cell the check flags (and one on a cell it does not), a chartsheet, and a
second sheet with a table and formulas. Then, from it, the same workbook as LibreOffice and Gnumeric write it.

With --verify (after `npm run build:cli`) it also writes the copies (`fix`, `fix --indicator-scores`, `check --out`)
and opens each with openpyxl, with exceljs and — where LibreOffice is installed — converts one to CSV, to show the
copies are valid workbooks for other programs. `npm test` never runs this script; the files it makes are committed.

    /usr/bin/python3 scripts/make-rich-submission.py [--verify]
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import openpyxl
import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "test", "writers-rich")
OUT = os.path.join(OUT_DIR, "rich-submission.xlsx")
FORM = "自评表"


def png_logo(size=48):
    """A small red seal-like logo as PNG bytes (no image library needed)."""
    rows = []
    c = (size - 1) / 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            ring = c - 6 < d < c - 1 or (abs(x - c) < 3 and abs(y - c) < c - 10) or (abs(y - c) < 3 and abs(x - c) < c - 10)
            row += bytes((200, 30, 30, 255)) if ring else bytes((255, 255, 255, 0))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def build():
    src = openpyxl.load_workbook(os.path.join(ROOT, "test", "fixtures", "official.xlsx"))["项目1"]
    os.makedirs(OUT_DIR, exist_ok=True)
    wb = xlsxwriter.Workbook(OUT)
    wb.set_properties({"title": "项目支出绩效自评表", "author": "昌吉州工业和信息化局", "created": __import__("datetime").datetime(2021, 3, 1)})
    ws = wb.add_worksheet(FORM)
    detail = wb.add_worksheet("明细")

    cell = wb.add_format({"border": 1, "valign": "vcenter", "text_wrap": True, "font_name": "宋体", "font_size": 10})
    title = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter", "font_name": "宋体"})
    head = wb.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True, "bg_color": "#D9E1F2", "font_name": "宋体", "font_size": 10})
    pct = wb.add_format({"border": 1, "num_format": "0.00%", "font_name": "宋体", "font_size": 10})
    num = wb.add_format({"border": 1, "num_format": "0.00", "font_name": "宋体", "font_size": 10})
    header_rows = {5, 12, 13}

    merged = set()
    for rng in src.merged_cells.ranges:
        v = src.cell(rng.min_row, rng.min_col).value
        fmt = title if rng.min_row == 1 else head if rng.min_row in header_rows else cell
        ws.merge_range(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1, v if v is not None else "", fmt)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                merged.add((r, c))
    for row in src.iter_rows(min_row=1, max_row=src.max_row, max_col=9):
        for c in row:
            if (c.row, c.column) in merged or c.value is None:
                continue
            fmt = head if c.row in header_rows else num if isinstance(c.value, (int, float)) and c.column in (8, 9) else cell
            ws.write(c.row - 1, c.column - 1, c.value, fmt)
    # 执行率 as a formula with its cached result, percent-formatted (the check reads the cached value)
    ws.write_formula("H6", "=F6/E6", pct, 0.75)
    ws.set_column("A:A", 8)
    ws.set_column("B:C", 12)
    ws.set_column("D:D", 34)
    ws.set_column("E:H", 10)
    ws.set_column("I:I", 30)
    ws.set_row(0, 30)

    # a reviewer's comment on a cell the check flags (总分, written 90.5 for 91.5), and one on a cell it does not
    ws.write_comment("H26", "审核意见：总分请复核。——张审核", {"author": "张审核", "x_scale": 2})
    ws.write_comment("B3", "项目名称与预算批复一致。", {"author": "张审核"})
    # a drop-down list (data validation) for the reviewer's verdict, and its label
    ws.write("K1", "审核结论", head)
    ws.write("L1", "待审", cell)
    ws.data_validation("L1", {"validate": "list", "source": ["通过", "退回修改", "待审"], "input_title": "审核结论", "input_message": "请选择"})
    # conditional formatting: scores below their weight in red
    red = wb.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE"})
    ws.conditional_format("H14:H25", {"type": "formula", "criteria": "=H14<G14", "format": red})
    ws.conditional_format("F6:F6", {"type": "data_bar"})
    # a hyperlink
    ws.write_url("K2", "https://www.mof.gov.cn/", string="财政部网站", tip="填报说明")
    # frozen panes, print setup, a print area and titles
    ws.freeze_panes(4, 0)
    ws.print_area("A1:I26")
    ws.repeat_rows(11, 12)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_header("&C&\"宋体,Bold\"项目支出绩效自评表")
    ws.set_footer("&C第 &P 页，共 &N 页")
    # a logo
    tmp = tempfile.NamedTemporaryFile(suffix=".png", delete=False)
    tmp.write(png_logo())
    tmp.close()
    ws.insert_image("K4", tmp.name, {"x_scale": 1, "y_scale": 1, "description": "单位标识"})
    # a chart of the scores
    chart = wb.add_chart({"type": "column"})
    chart.add_series({"name": "得分", "categories": f"='{FORM}'!$D$14:$D$25", "values": f"='{FORM}'!$H$14:$H$25"})
    chart.add_series({"name": "分值", "categories": f"='{FORM}'!$D$14:$D$25", "values": f"='{FORM}'!$G$14:$G$25"})
    chart.set_title({"name": "各指标得分"})
    ws.insert_chart("K8", chart, {"x_scale": 1.3, "y_scale": 1.2})
    # defined names
    wb.define_name("总分", f"='{FORM}'!$H$26")
    wb.define_name("指标得分", f"='{FORM}'!$H$14:$H$25")
    wb.define_name(f"'{FORM}'!填报单位", f"='{FORM}'!$B$4")

    # the second sheet: a table with a formula column, a totals row and formulas outside it
    detail.write_row("A1", ["资金明细"], title)
    data = [["安全执法检查", 6.0, 4.1], ["安全生产培训", 5.0, 0.23], ["远程监控平台", 9.0, 10.0]]
    detail.add_table("A3:D6", {
        "name": "资金明细表",
        "data": data,
        "total_row": False,
        "style": "Table Style Medium 2",
        "columns": [
            {"header": "项目"}, {"header": "预算（万元）"}, {"header": "执行（万元）"},
            {"header": "执行率", "formula": "=[@[执行（万元）]]/[@[预算（万元）]]", "format": pct},
        ],
    })
    detail.write("A8", "合计")
    detail.write_formula("B8", "=SUM(B4:B6)", num, 20)
    detail.write_formula("C8", "=SUM(C4:C6)", num, 14.33)
    detail.write_formula("D8", "=IF(B8=0,\"\",C8/B8)", pct, 0.7165)
    detail.write_formula("B9", f"='{FORM}'!H26", num, 90.5)
    detail.set_column("A:A", 16)
    detail.set_column("B:D", 14)
    detail.activate()
    ws.activate()

    # a chartsheet of the execution
    cs = wb.add_chartsheet("执行图")
    pie = wb.add_chart({"type": "bar"})
    pie.add_series({"name": "执行", "categories": "='明细'!$A$4:$A$6", "values": "='明细'!$C$4:$C$6"})
    cs.set_chart(pie)
    wb.close()
    os.unlink(tmp.name)
    print("wrote", os.path.relpath(OUT, ROOT))


def convert(tool, out_name):
    """The same workbook as another program writes it (LibreOffice, Gnumeric), where that program is installed."""
    target = os.path.join(OUT_DIR, out_name)
    with tempfile.TemporaryDirectory() as d:
        if tool == "soffice" and shutil.which("soffice"):
            subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{d}/profile", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", d, OUT], check=True, capture_output=True, timeout=180)
            shutil.copy(os.path.join(d, "rich-submission.xlsx"), target)
        elif tool == "ssconvert" and shutil.which("ssconvert"):
            subprocess.run(["ssconvert", "--export-type=Gnumeric_Excel:xlsx2", OUT, target], check=True, capture_output=True, timeout=180)
        else:
            print("skipped", out_name, "(", tool, "not installed )")
            return
    print("wrote", os.path.relpath(target, ROOT))


def verify():
    """The copies open in openpyxl, exceljs and LibreOffice (run once by hand; npm test checks them part by part)."""
    cli = os.path.join(ROOT, "bin", "selfeval.js")
    with tempfile.TemporaryDirectory() as d:
        runs = [("fix", ["fix", OUT, "--out", f"{d}/fix"], f"{d}/fix/rich-submission.fixed.xlsx"),
                ("fix --indicator-scores", ["fix", OUT, "--out", f"{d}/fixi", "--indicator-scores"], f"{d}/fixi/rich-submission.fixed.xlsx"),
                ("check --out", ["check", OUT, "--out", f"{d}/chk"], f"{d}/chk/rich-submission.checked.xlsx")]
        for label, argv, path in runs:
            r = subprocess.run(["node", cli, *argv], capture_output=True, text=True)
            assert r.returncode in (0, 1), (label, r.returncode, r.stderr)
            wb = openpyxl.load_workbook(path)
            form = wb[FORM]
            print(f"[openpyxl] {label}: sheets {wb.sheetnames}; H26={form['H26'].value!r}; comment H26={form['H26'].comment.text if form['H26'].comment else None!r}")
            e14 = form["E14"]
            print(f"[openpyxl] {label}: E14 fill={e14.fill.fgColor.rgb}; comment E14={e14.comment.text if e14.comment else None!r}; chart/image on 自评表: {len(form._charts)}/{len(form._images)}")
            js = ("const E=require('exceljs');(async()=>{const w=new E.Workbook();await w.xlsx.load(require('fs').readFileSync(process.argv[1]));"
                  "const s=w.getWorksheet('自评表');console.log('[exceljs] '+w.worksheets.map(x=>x.name).join(',')+'; H26='+JSON.stringify(s.getCell('H26').value)+'; note='+JSON.stringify(s.getCell('H26').note))})()"
                  ".catch(e=>{console.error(e.message);process.exit(1)})")
            r = subprocess.run(["node", "-e", js, path], capture_output=True, text=True, cwd=ROOT)
            assert r.returncode == 0, ("exceljs", label, r.stderr)
            print(r.stdout.strip())
        if shutil.which("soffice"):
            for label, _, path in runs:
                subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{d}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", f"{d}/csv", path], check=True, capture_output=True, timeout=180)
                csv = os.path.join(d, "csv", os.path.basename(path).replace(".xlsx", ".csv"))
                with open(csv, encoding="utf-8", errors="replace") as f:
                    lines = f.read().splitlines()
                total = [l for l in lines if "总分" in l.split(",")[0]]
                print(f"[LibreOffice] {label}: {len(lines)} CSV lines; {total[0] if total else 'no 总分 row'}")


if __name__ == "__main__":
    if "--verify" not in sys.argv or not os.path.exists(OUT):
        build()
        convert("soffice", "rich-submission.libreoffice.xlsx")
        convert("ssconvert", "rich-submission.gnumeric.xlsx")
    if "--verify" in sys.argv:
        verify()
