"""Tables as offices keep them: the header row found (not assumed) below title lines, rows that are not cases
(blank, 合计 / 小计, signatures) told apart and counted, and Excel workbooks with several sheets."""

from collections.abc import Iterator
from itertools import chain
from typing import Any

from guside_cli.core.errors import InputError
from guside_cli.interchange import headers as cols
from guside_cli.messages import M

SCAN = 30  # rows looked at for the header: title lines, 填报单位 / 填报日期 lines, a blank row or two
TOTAL_WORDS = ("合计", "小计", "总计", "共计", "累计", "总数", "total", "subtotal")
NOTE_WORDS = ("填表人", "填报人", "制表人", "审核人", "审核", "负责人", "联系人", "注：", "注:", "说明", "备注：")


def find_header(rows: Iterator[list[Any]], extra: dict[str, str]) -> tuple[int, list[Any], Iterator[list[Any]]]:
    """(row number of the header, the header, the rows after it) — the header is the row among the first SCAN
    that names the most fields (the first such row); the rows above it are titles. (0, [], …) when none names
    at least two fields."""
    seen: list[list[Any]] = []
    for row in rows:
        seen.append(row)
        if len(seen) >= SCAN:
            break
    best, best_score = -1, 1
    for index, row in enumerate(seen):
        found = cols.score(row, extra)
        if found > best_score:
            best, best_score = index, found
    if best < 0:
        return 0, [], chain(seen, rows)
    return best + 1, seen[best], chain(seen[best + 1 :], rows)


def row_kind(row: list[Any], cells: dict[str, Any]) -> str | None:
    """Why a row holding no case is skipped: 'total' (合计/小计…), 'note' (填表人…) or 'blank' (nothing in the
    columns read: a template row with only its 序号 is blank too); None for a case. Called only for rows missing
    an element a case needs, so the common row pays nothing."""
    texts = [str(v).strip() for v in row if v is not None and str(v).strip() != ""]
    if texts:
        first = cols.key(texts[0])
        if any(first.startswith(word) for word in TOTAL_WORDS):
            return "total"
        if any(texts[0].startswith(word) for word in NOTE_WORDS) and len(texts) <= 2:
            return "note"
    if all(value is None for value in cells.values()):
        return "blank"
    return None


def pick_sheet(book, path_name: str, wanted: str | None, extra: dict[str, str]):
    """The sheet to read: `wanted` (a name, or a number counted from 1), else the first whose header row is
    recognised (a 说明 or 统计 sheet beside the 台账 is passed over)."""
    sheets = book.worksheets
    names = "、".join(s.title for s in sheets)
    if wanted:
        for sheet in sheets:
            if sheet.title == wanted.strip():
                return sheet
        if wanted.strip().isdigit() and 1 <= int(wanted) <= len(sheets):
            return sheets[int(wanted) - 1]
        raise InputError(M("files.no_sheet", file=path_name, sheet=wanted, sheets=names))
    for sheet in sheets:
        rows = sheet.iter_rows(values_only=True, max_row=SCAN)
        _, header, _ = find_header((list(r) for r in rows), extra)
        if header:
            mapping, _, _ = cols.match([_header_text(h) for h in header], extra)
            if all(f in mapping.values() for f in ("village", "subject")):
                return sheet
    if len(sheets) == 1:
        return sheets[0]
    raise InputError(M("files.no_sheet_header", file=path_name, sheets=names))


def _header_text(value: Any) -> str:
    return "" if value is None else str(value)


def xlsx_rows(source, options) -> Iterator[list[Any]]:
    """The rows of the chosen sheet as lists, the workbook closed at the end."""
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise InputError(M("import.needs_openpyxl")) from None
    try:
        book = load_workbook(source.path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise InputError(M("import.bad_xlsx", file=source.path.name, kind=type(e).__name__)) from None
    try:
        sheet = pick_sheet(book, source.path.name, options.sheet, options.columns)
        if len(book.worksheets) > 1:
            source.sheet = sheet.title
        read = [0]
        source.size, source.position = sheet.max_row or 0, lambda: read[0]  # the bar counts rows here
        for row in sheet.iter_rows(values_only=True):
            read[0] += 1
            yield list(row)
    finally:
        book.close()
