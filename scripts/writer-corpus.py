#!/usr/bin/python3
"""The openpyxl and XlsxWriter files of the writer corpus (scripts/make-writer-corpus.js runs this with Debian's
python3): the same sheet plans (JSON: name, cells [{r, c, v, numFmt?}], merges [[r1, c1, r2, c2]]) written by each
library the way an exporter would."""
import json
import sys


def with_openpyxl(plans, out):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for p in plans:
        ws = wb.create_sheet(p["name"])
        for cell in p["cells"]:
            c = ws.cell(row=cell["r"] + 1, column=cell["c"] + 1, value=cell["v"])
            if cell.get("numFmt"):
                c.number_format = cell["numFmt"]
        for r1, c1, r2, c2 in p["merges"]:
            ws.merge_cells(start_row=r1 + 1, start_column=c1 + 1, end_row=r2 + 1, end_column=c2 + 1)
    wb.properties.created = wb.properties.modified = __import__("datetime").datetime(2021, 3, 31)
    wb.save(out)


def with_openpyxl_write_only(plans, out):
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    wb = openpyxl.Workbook(write_only=True)
    for p in plans:
        ws = wb.create_sheet(p["name"])
        rows = {}
        for cell in p["cells"]:
            rows.setdefault(cell["r"], {})[cell["c"]] = cell
        width = max(c["c"] for c in p["cells"]) + 1
        for r in range(max(rows) + 1):
            line = []
            for c in range(width):
                cell = rows.get(r, {}).get(c)
                if cell is None:
                    line.append(None)
                    continue
                wc = WriteOnlyCell(ws, value=cell["v"])
                if cell.get("numFmt"):
                    wc.number_format = cell["numFmt"]
                line.append(wc)
            ws.append(line)
        # (write-only sheets take no merged areas: the values alone, as streaming exporters write them)
    wb.save(out)


def with_xlsxwriter(plans, out, constant_memory):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"constant_memory": constant_memory, "strings_to_numbers": False})
    wb.set_properties({"created": __import__("datetime").datetime(2021, 3, 31)})
    fmts = {}
    for p in plans:
        ws = wb.add_worksheet(p["name"])
        masters = {(m[0], m[1]): m for m in p["merges"]}
        # constant_memory writes row by row (inline strings, each row flushed): cells in row order, merges recorded
        for cell in sorted(p["cells"], key=lambda x: (x["r"], x["c"])):
            f = None
            if cell.get("numFmt"):
                f = fmts.setdefault(cell["numFmt"], wb.add_format({"num_format": cell["numFmt"]}))
            m = None if constant_memory else masters.pop((cell["r"], cell["c"]), None)
            if m:
                ws.merge_range(m[0], m[1], m[2], m[3], cell["v"], f)
            elif isinstance(cell["v"], str):
                ws.write_string(cell["r"], cell["c"], cell["v"], f)
            else:
                ws.write_number(cell["r"], cell["c"], cell["v"], f)
        if constant_memory:
            ws.merge.extend([list(m) for m in p["merges"]])
        else:
            for m in masters.values():
                ws.merge_range(m[0], m[1], m[2], m[3], "")
    wb.close()


if __name__ == "__main__":
    kind, plans_file, out = sys.argv[1:4]
    plans = json.load(open(plans_file, encoding="utf-8"))
    if kind == "openpyxl":
        with_openpyxl(plans, out)
    elif kind == "openpyxl-write-only":
        with_openpyxl_write_only(plans, out)
    elif kind == "xlsxwriter":
        with_xlsxwriter(plans, out, False)
    elif kind == "xlsxwriter-constant-memory":
        with_xlsxwriter(plans, out, True)
    else:
        raise SystemExit("unknown writer " + kind)
