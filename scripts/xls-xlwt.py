#!/usr/bin/python3
"""A second .xls writer for the reader's tests: every fixture workbook (test/fixtures/*.xlsx) read with openpyxl
(cached values, number formats, merges, column widths) and written as BIFF8 by xlwt (Debian's python3-xlwt and
python3-openpyxl; run by scripts/make-xls.sh). Usage: xls-xlwt.py OUT_DIR FIXTURE.xlsx..."""
import datetime
import os
import sys

import openpyxl
import xlwt

EPOCH = datetime.datetime(1899, 12, 30)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for src in sys.argv[2:]:
        wb = openpyxl.load_workbook(src, data_only=True)
        book = xlwt.Workbook(encoding="utf-8")
        styles = {}
        for ws in wb.worksheets:
            sh = book.add_sheet(ws.title, cell_overwrite_ok=True)
            for row in ws.iter_rows():
                for c in row:
                    v = c.value
                    if v is None:
                        continue
                    if isinstance(v, datetime.datetime):
                        v = (v - EPOCH).total_seconds() / 86400
                    elif isinstance(v, datetime.date):
                        v = (datetime.datetime(v.year, v.month, v.day) - EPOCH).days
                    fmt = c.number_format or "General"
                    if fmt not in styles:
                        st = xlwt.XFStyle()
                        st.num_format_str = fmt
                        styles[fmt] = st
                    sh.write(c.row - 1, c.column - 1, v, styles[fmt])
            for m in ws.merged_cells.ranges:
                sh.merge(m.min_row - 1, m.max_row - 1, m.min_col - 1, m.max_col - 1)
            for key, dim in ws.column_dimensions.items():
                if dim.width:
                    for col in range(dim.min, dim.max + 1):
                        if col <= 256:
                            sh.col(col - 1).width = int(dim.width * 256)
        name = os.path.splitext(os.path.basename(src))[0] + ".xls"
        book.save(os.path.join(out, name))


if __name__ == "__main__":
    main()
