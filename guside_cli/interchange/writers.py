"""Writing ledgers to files: CSV (UTF-8 with BOM by default, GB18030 on request), Excel .xlsx, JSON, JSON Lines.
Cells that a spreadsheet would run as a formula are neutralised; files are written atomically and privately."""

import csv
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from guside_cli.core.errors import InputError
from guside_cli.interchange.cells import cells
from guside_cli.messages import M


@contextmanager
def atomic_file(
    path: Path, *, binary: bool = False, encoding: str = "utf-8", ledger: Path | None = None, public: bool = False
) -> Iterator[Any]:
    """A file that appears under `path` only when complete, 0600 unless public: the one output module's
    (guside_cli.interchange.outfile), which also refuses the ledger, folders and devices."""
    from guside_cli.interchange import outfile

    with outfile.open_out(path, ledger=ledger, public=public, binary=binary, encoding=encoding) as f:
        yield f


def write_csv(
    out: IO[str], headers: list[str], rows: Iterable[list[Any]], *, notice: str | None = None, after=None
) -> int:
    """`after` shapes each row once its cells are safe (`excel_text`: numbers Excel must keep as text)."""
    if notice:
        out.write(f"# {notice}\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(cells(headers))
    count = 0
    for row in rows:
        writer.writerow(after(cells(row)) if after else cells(row))
        count += 1
    return count


def write_jsonl(out: IO[str], fields: list[str], rows: Iterable[list[Any]], *, notice: str | None = None) -> int:
    if notice:
        out.write(json.dumps({"_meta": {"notice": notice}}, ensure_ascii=False) + "\n")
    count = 0
    for row in rows:
        out.write(json.dumps(dict(zip(fields, row, strict=True)), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(out: IO[str], fields: list[str], rows: Iterable[list[Any]], *, notice: str | None = None) -> int:
    """{"cases": [...]} streamed one case at a time, with a notice beside them when there is one."""
    out.write("{")
    if notice:
        out.write(f'"_meta": {json.dumps({"notice": notice}, ensure_ascii=False)}, ')
    out.write('"cases": [')
    count = 0
    for row in rows:
        out.write(("," if count else "") + "\n  " + json.dumps(dict(zip(fields, row, strict=True)), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


def write_xlsx(*args, **kwargs) -> int:
    """`_write_xlsx` with openpyxl's own temp files (a write-only sheet is spooled to `openpyxl.*.xml`, rows
    with names and phones) kept in a private folder of this run, removed at the end, and swept by the next run
    when a kill -9 left it."""
    import shutil
    import tempfile

    from guside_cli.storage.filesystems import private_temp_folder

    folder = private_temp_folder("xlsx")
    before, tempfile.tempdir = tempfile.tempdir, str(folder)
    try:
        return _write_xlsx(*args, **kwargs)
    finally:
        tempfile.tempdir = before
        shutil.rmtree(folder, ignore_errors=True)


def _write_xlsx(
    path: Path | None,
    headers: list[str],
    rows: Iterable[list[Any]],
    *,
    notice: str | None = None,
    sheet: str = "台账",
    ledger: Path | None = None,
    public: bool = False,
    fields: list[str] | None = None,
    about=None,
    about_title: str = "说明",
    title: str | None = None,
    printed: str | None = None,
    pages: str | None = None,
) -> int:
    """An Excel file that opens well: real date cells, phone and ID numbers as text, columns as wide as their
    (CJK) text, a bold frozen header with an auto-filter, and a second sheet (说明) saying what the file holds:
    `about(count)` gives its (label, text) lines."""
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise InputError(M("export.needs_openpyxl")) from None
    from itertools import chain, islice

    fields = fields or list(headers)
    book = Workbook(write_only=True)
    data = book.create_sheet(sheet)
    rows = iter(rows)
    first = list(islice(rows, SAMPLE))  # the widths come from the header and the first rows
    for index, width in enumerate(column_widths(headers, fields, first), start=1):
        data.column_dimensions[get_column_letter(index)].width = width
    data.freeze_panes = "A2"
    _print_ready(data, title, printed, pages)
    bold = Font(bold=True)
    top = []
    for name in cells(headers):
        cell = WriteOnlyCell(data, value=name)
        cell.font = bold
        top.append(cell)
    data.append(top)
    shaped = _xlsx_shapes(fields)
    count = 0
    for row in chain(first, rows):
        values = cells(row)
        for index, shape in shaped:
            values[index] = shape(data, values[index], WriteOnlyCell)
        data.append(values)
        count += 1
    data.auto_filter.ref = f"A1:{get_column_letter(max(len(headers), 1))}{count + 1}"
    if title or printed or pages:  # the paper copy holds the office's own columns; the rest stay in the file
        from guside_cli.core.model import CANONICAL_FIELDS

        printed_columns = next((i for i, name in enumerate(fields) if name not in CANONICAL_FIELDS), len(fields))
        data.print_area = f"A1:{get_column_letter(max(printed_columns, 1))}{count + 1}"
    notes = book.create_sheet(about_title)
    if title or printed or pages:
        notes.page_setup.fitToWidth, notes.page_setup.fitToHeight, notes.page_setup.paperSize = 1, 0, "9"
        notes.sheet_properties.pageSetUpPr.fitToPage = True
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 80
    for line in about(count) if about else ([("", notice)] if notice else []):
        notes.append(cells(list(line)))
    try:
        with atomic_file(path, binary=True, ledger=ledger, public=public) as f:
            book.save(f)
    except BaseException:
        _discard(book)
        raise
    return count


def _print_ready(sheet: Any, title: str | None, printed: str | None, pages: str | None) -> None:
    """Printed as an office files it: landscape A4, every column on one page's width (as many pages down as the
    cases need), the header row again on every page (the number column first, so each page says its cases),
    the title (town, period) and the date printed in the page header, page numbers in the footer. The print
    area is the canonical columns (编号 … 原件编号): the ledger's own columns after them would shrink the
    page to unreadable type."""
    setup = sheet.page_setup
    setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight = "landscape", "9", 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.6
    margins.header = margins.footer = 0.25
    if title:
        sheet.oddHeader.center.text = title
        sheet.oddHeader.center.size = 12
    if printed:
        sheet.oddHeader.right.text = printed
        sheet.oddHeader.right.size = 8
    if pages:
        sheet.oddFooter.center.text = pages
        sheet.oddFooter.center.size = 8


def _discard(book: Any) -> None:
    """A write-only workbook whose save failed (a full disk) leaves half-run row generators and a zip file
    that print "Exception ignored ... closed file" when collected, after the error was reported (with lxml
    installed, as python-docx brings it, openpyxl's writer says "LxmlSyntaxError" instead): those, and only
    those, are silenced, so the user reads one error."""
    import sys

    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        value = unraisable.exc_value
        half_written = isinstance(value, ValueError) and "closed file" in str(value)
        if not (half_written or type(value).__name__ == "LxmlSyntaxError"):
            previous(unraisable)

    sys.unraisablehook = hook


SAMPLE = 500  # rows looked at to fit the column widths
DATE_FORMATS = {
    "received_on": "yyyy-mm-dd hh:mm",
    "received_at": "yyyy-mm-dd hh:mm:ss",
    "first_contact_at": "yyyy-mm-dd hh:mm:ss",
    "first_arrival_at": "yyyy-mm-dd hh:mm:ss",
    "first_mediation_at": "yyyy-mm-dd hh:mm:ss",
    "due_on": "yyyy-mm-dd",
    "closed_on": "yyyy-mm-dd",
    "accepted_on": "yyyy-mm-dd",
    "concluded_on": "yyyy-mm-dd",
    "review_requested_on": "yyyy-mm-dd",
    "review_decided_on": "yyyy-mm-dd",
    "re_review_requested_on": "yyyy-mm-dd",
    "re_review_decided_on": "yyyy-mm-dd",
    "served_on": "yyyy-mm-dd",
    "rehandle_from": "yyyy-mm-dd",
}
TEXT_FIELDS = ("phone", "id_number", "number", "ref_no", "repeat_of")  # digits that must stay as written


def _xlsx_shapes(fields: list[str]) -> list[tuple[int, Any]]:
    shapes = []
    for index, name in enumerate(fields):
        if name in DATE_FORMATS:
            shapes.append((index, _date_cell(DATE_FORMATS[name])))
        elif name in TEXT_FIELDS:
            shapes.append((index, _text_cell))
    return shapes


def _date_cell(number_format: str):
    from datetime import date, datetime

    def shape(sheet, value, make):
        if not isinstance(value, str) or not value[:4].isdigit():
            return value
        try:
            when = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            return value
        if isinstance(when, datetime):
            when = when.replace(tzinfo=None)  # China time, as the ledger shows it
        cell = make(sheet, value=when)
        cell.number_format = number_format
        return cell

    return shape


def _text_cell(sheet, value, make):
    if value == "" or value is None:
        return value
    cell = make(sheet, value=str(value))
    cell.number_format = "@"
    return cell


def display_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def column_widths(headers: list[str], fields: list[str], rows: list[list[Any]]) -> list[float]:
    """Each column as wide as its widest text among the header and the sampled rows (CJK counts double),
    between 6 and 60 characters; date columns as wide as their format."""
    widths = []
    for index, header in enumerate(headers):
        widest = display_width(str(header)) + 2  # room for the filter button
        name = fields[index] if index < len(fields) else ""
        if name in DATE_FORMATS:
            widest = max(widest, len(DATE_FORMATS[name]) + 2)
        else:
            for row in rows:
                value = row[index] if index < len(row) else None
                if value is not None:
                    text = ";".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
                    widest = max(widest, display_width(text))
        widths.append(min(max(widest + 1, 6), 60))
    return widths


def excel_text(fields: list[str]):
    """For `export --excel`: phone and ID numbers written ="0139…" so that a spreadsheet opening the CSV keeps
    them as text (no lost leading 0, no 1.39E+10); import reads them back as written."""
    positions = [i for i, name in enumerate(fields) if name in ("phone", "id_number")]

    def shape(row: list[Any]) -> list[Any]:
        for i in positions:
            if row[i]:
                row[i] = f'="{row[i]}"'
        return row

    return shape
