"""Workbooks as offices keep them, made at test time in each format: .xlsx (openpyxl), old .xls (xlwt, the BIFF8
that WPS and government systems save), .ods (odfpy). A ledger is a title row, a 填报单位 line, a two-row header
(groups merged over their sub-headers, stand-alone columns merged down), the cases and a 小计 row; a workbook is
a 说明 sheet, a sheet per year, and a 汇总 sheet."""

from datetime import date, datetime
from pathlib import Path
from typing import Any

# the two header rows: None where a merged cell covers the place
TOP = ["序号", "来访日期", "信访人情况", None, None, "村（社区）", "来访形式", "层级", "来源", "反映问题", None,
       "办理情况", None, None, None]  # fmt: skip
SUB = [None, None, "姓名", "联系电话", "人数", None, None, None, None, "问题类型", "主要内容", "包案领导", "办理进度",
       "时间", "办理结果"]  # fmt: skip
GROUPS = [(2, 4), (9, 10), (11, 14)]  # columns under one group cell
ALONE = [0, 1, 5, 6, 7, 8]  # columns merged down over both rows
WIDTH = len(TOP)

# a sheet per year, with the habits of real files: persons with a note or an estimate, the sources, statuses and
# levels of other templates, a date cell, a serial number, text dates, a 小计 row
YEARS: dict[str, list[list[Any]]] = {
    "2017": [
        [1, date(2017, 3, 5), "张三", "13912345678", "6人（集体访）", "红豆", "来访", "赴省", "群众直接反映", "大气",
         "化工厂异味", "周建国", "已息访", "2017年3月20日", "停诉息访"],
        [2, "2017年4月1日", "李四", "", "约20人", "北漍", "来电", "到市", "12345转办", "噪声", "夜间施工",
         "陈志明", "正在调处", "", ""],
        [3, 42893, "王五", "", "2人", "南曹庄", "来信", "镇", "上级交办", "水", "河道发黑", "陈志明", "已办结",
         "2017/6/30", "问题解决"],
    ],
    "2018": [
        [1, date(2018, 1, 10), "赵六", "13800000000", 1, "红豆村", "电话", "进京", "来电", "固废", "倾倒垃圾",
         "周建国", "待反馈", "", ""],
        [2, "2018/6/7", "钱七", "", "3", "北漍社区", "网上信访", "县级", "12345转办", "大气", "油烟扰民",
         "周建国", "已息访", date(2018, 6, 20), "问题解决"],
    ],
}  # fmt: skip


def sheet_rows(year: str, cases: list[list[Any]]) -> list[list[Any]]:
    """The cells of one year's sheet, top to bottom (the merged places empty)."""
    return [
        [f"顾山镇环境信访件登记台账（{year}年度）"] + [None] * (WIDTH - 1),
        ["填报单位（盖章）：顾山镇人民政府信访办公室"] + [None] * (WIDTH - 1),
        TOP,
        SUB,
        *cases,
        [None] * WIDTH,
        ["小计", f"{len(cases)}件"] + [None] * (WIDTH - 2),
    ]


HEADER_ROW = 3  # the header's first row (1-based); its second is 4, the cases start on 5


def merges(header_row: int = HEADER_ROW) -> list[tuple[int, int, int, int]]:
    """(first row, last row, first column, last column), 0-based: the title, and the header's merged cells."""
    top = header_row - 1
    out = [(0, 0, 0, WIDTH - 1), (1, 1, 0, WIDTH - 1)]
    out += [(top, top, first, last) for first, last in GROUPS]
    out += [(top, top + 1, c, c) for c in ALONE]
    return out


def xls_book(path: Path, years: dict[str, list[list[Any]]] = YEARS, *, hidden: tuple[str, ...] = ()) -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    about = book.add_sheet("说明")
    about.write(0, 0, "本台账按年度分表登记；赴省、进京即到部去省。")
    for year, cases in years.items():
        sheet = book.add_sheet(year)
        if year in hidden:
            sheet.visibility = 1
        rows = sheet_rows(year, cases)
        starts = {(r0, c0): (r1, c1) for r0, r1, c0, c1 in merges()}
        covered = {(r, c) for r0, r1, c0, c1 in merges() for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if (r, c) in starts:
                    r1, c1 = starts[(r, c)]
                    sheet.write_merge(r, r1, c, c1, value)
                elif (r, c) in covered or value is None or value == "":
                    continue
                elif isinstance(value, date):
                    sheet.write(r, c, datetime(value.year, value.month, value.day), day)
                else:
                    sheet.write(r, c, value)
    summary = book.add_sheet("汇总")
    summary.write(0, 0, "年度")
    summary.write(0, 1, "件数")
    for r, (year, cases) in enumerate(years.items(), start=1):
        summary.write(r, 0, f"{year}年")
        summary.write(r, 1, len(cases))
    book.save(str(path))
    return path


def xlsx_book(path: Path, years: dict[str, list[list[Any]]] = YEARS, **extra) -> Path:
    """The same workbook as .xlsx; `extra`: a callable `shape(sheet, year)` to add a habit (hidden rows...)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本台账按年度分表登记。"])
    for year, cases in years.items():
        sheet = book.create_sheet(year)
        for row in sheet_rows(year, cases):
            sheet.append([None if v == "" else v for v in row])
        for r0, r1, c0, c1 in merges():
            sheet.merge_cells(start_row=r0 + 1, end_row=r1 + 1, start_column=c0 + 1, end_column=c1 + 1)
        if "shape" in extra:
            extra["shape"](sheet, year)
    summary = book.create_sheet("汇总")
    summary.append(["年度", "件数"])
    book.save(path)
    return path


def ods_book(
    path: Path,
    years: dict[str, list[list[Any]]] = YEARS,
    *,
    hidden_rows: tuple[int, ...] = (),
    spans: tuple[tuple[int, int, int, int], ...] = (),
    formula: tuple[int, int] | None = None,
) -> Path:
    """The same workbook as LibreOffice saves it: merged cells spanned, the places they cover covered cells. On
    the first year's sheet: `hidden_rows` (0-based) hidden, `spans` (first row, last row, first column, last
    column; 0-based) merged, a `formula` (row, column) saved without its value."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()

    def add_table(name: str, rows: list[list[Any]], spans: list[tuple[int, int, int, int]], habits=False) -> None:
        table = Table(name=name)
        starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, r1, c0, c1 in spans}
        covered = {(r, c) for r0, r1, c0, c1 in spans for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        for r, row in enumerate(rows):
            tr = TableRow(visibility="collapse") if habits and r in hidden_rows else TableRow()
            for c, value in enumerate(row):
                if habits and (r, c) == formula:
                    tr.addElement(TableCell(formula="of:=1+1"))
                    continue
                if (r, c) in covered and (r, c) not in starts:
                    tr.addElement(CoveredTableCell())
                    continue
                attrs: dict[str, Any] = {}
                if (r, c) in starts:
                    attrs["numberrowsspanned"], attrs["numbercolumnsspanned"] = starts[(r, c)]
                if value is None or value == "":
                    tr.addElement(TableCell(**attrs))
                    continue
                if isinstance(value, date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attrs)
                elif isinstance(value, int | float):
                    cell = TableCell(valuetype="float", value=value, **attrs)
                else:
                    cell = TableCell(valuetype="string", **attrs)
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)

    add_table("说明", [["本台账按年度分表登记。"]], [])
    for index, (year, cases) in enumerate(years.items()):
        add_table(year, sheet_rows(year, cases), [*merges(), *(spans if index == 0 else ())], habits=index == 0)
    add_table("汇总", [["年度", "件数"], *[[f"{y}年", len(c)] for y, c in years.items()]], [])
    doc.save(str(path))
    return path
