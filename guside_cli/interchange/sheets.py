"""Tables as offices keep them: the header row found (not assumed) below title lines, rows that are not cases
(blank, 合计 / 小计, signatures) told apart and counted, and Excel workbooks with several sheets."""

from collections.abc import Iterator
from itertools import chain
from typing import Any

from guside_cli.interchange import headers as cols

SCAN = 30  # rows looked at for the header: title lines, 填报单位 / 填报日期 lines, a blank row or two
TOTAL_WORDS = ("合计", "小计", "总计", "共计", "累计", "总数", "total", "subtotal")
NOTE_WORDS = ("填表人", "填报人", "制表人", "审核人", "审核", "负责人", "联系人", "注：", "注:", "说明", "备注：")


DEEPEST = 3  # header rows combined at most: a group over its sub-headers, rarely a group over groups


def find_header(
    rows: Iterator[list[Any]], extra: dict[str, str], merges: list | None = None, offset: int = 0
) -> tuple[int, list[Any], Iterator[list[Any]]]:
    """(row number of the header's last row, the header, the rows after it) — the header is the row among the
    first SCAN that names the most fields (the first such row), or a block of two or three rows around it that
    names more together (`header_block`); the rows above it are titles. (0, [], …) when none names at least two
    fields. `merges`: the sheet's merged ranges ((row, column), (row, column)), 0-based, the first row read
    being `offset`; None where the format has none (CSV, .ods), and a group cell is taken to cover the empty
    cells to its right. The block's first row is `found_first(header)`."""
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
    first, last, header = best, best, list(seen[best])
    for depth in range(2, DEEPEST + 1):
        for top in range(best - depth + 1, best + 1):
            bottom = top + depth - 1
            if top < 0 or bottom >= len(seen) or not _all_text(seen[top : bottom + 1]):
                continue
            combined = header_block(seen, top, bottom, merges, offset)
            found = cols.score(combined, extra)
            if found > best_score:
                first, last, header, best_score = top, bottom, combined, found
    return last + 1, _Header(header, first + 1), chain(seen[last + 1 :], rows)


class _Header(list):
    """A header found, with the row its block starts on (1-based, as the sheet shows it)."""

    def __init__(self, cells: list[Any], first: int):
        super().__init__(cells)
        self.first = first


def found_first(header: list[Any], last: int) -> int:
    return getattr(header, "first", last)


def _all_text(rows: list[list[Any]]) -> bool:
    """Header rows hold names: no dates, no numbers (a data row below a one-row header is not a sub-header)."""
    return all(
        value is None or (isinstance(value, str) and not value.strip()[:1].isdigit()) for row in rows for value in row
    )


def header_block(seen: list[list[Any]], top: int, bottom: int, merges: list | None, offset: int = 0) -> list[Any]:
    """The column names of header rows `top`..`bottom` (indexes into `seen`) read together: a cell merged down
    over the rows names its column alone (序号, 登记时间); a group cell merged across (信访人情况) goes over each
    sub-cell below it (姓名, 联系电话, 人数), giving Grouped(信访人情况, 姓名)."""
    block = [[_text(v) for v in seen[r]] for r in range(top, bottom + 1)]
    width = max(len(r) for r in block)
    grid = [r + [""] * (width - len(r)) for r in block]
    if merges is not None:
        for (r0, c0), (r1, c1) in merges:
            r0, r1 = r0 - offset, r1 - offset
            if r1 < top or r0 > bottom or not 0 <= r0 < len(seen) or c0 >= width:
                continue
            value = _text(seen[r0][c0]) if c0 < len(seen[r0]) else ""
            for r in range(max(r0, top), min(r1, bottom) + 1):
                for c in range(c0, min(c1, width - 1) + 1):
                    grid[r - top][c] = value
    else:  # no merged ranges known: a group cell covers the empty cells to its right that have a sub-cell
        for r in range(len(grid) - 1):
            lower = grid[r + 1 :]
            group = ""
            for c in range(width):
                below = any(row[c] for row in lower)
                if grid[r][c]:
                    group = grid[r][c] if below else ""
                elif below and group:
                    grid[r][c] = group
    header: list[Any] = []
    for c in range(width):
        parts: list[str] = []
        for row in grid:
            if row[c] and (not parts or parts[-1] != row[c]):
                parts.append(row[c])
        header.append(cols.Grouped(parts[-2], parts[-1]) if len(parts) > 1 else parts[0] if parts else "")
    return header


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


class SheetRow(int):
    """A row of a workbook read sheet by sheet: said with its sheet (2018!12) and ordered by sheet, then row, so
    that problems sort and group as the workbook reads."""

    SPAN = 10_000_000  # more rows than any sheet holds (Excel: 1,048,576)
    sheet: str
    row: int

    def __new__(cls, sheet: str, row: int, ordinal: int) -> "SheetRow":
        made = super().__new__(cls, ordinal * cls.SPAN + row)
        made.sheet, made.row = sheet, row
        return made

    def __str__(self) -> str:
        return f"{self.sheet}!{self.row}"

    __repr__ = __str__

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __reduce__(self):  # handed between processes (services/checking.py) as what it was made of
        return SheetRow, (self.sheet, self.row, int(self) // self.SPAN)


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
