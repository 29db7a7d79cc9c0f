"""Workbooks in every format an office keeps them — .xlsx, .xlsm, .xlsb, old .xls (BIFF8: WPS, older Excel, many
government systems), WPS .et and LibreOffice .ods — read through one reader, python-calamine (Rust calamine),
which also gives merged ranges (.xlsx, .xls) and which sheets are hidden.

A workbook is read whole: every sheet whose header is recognised, in order (a sheet per year or per month), each
with its own header found; the others are left and said (a 说明 sheet has no header, a 汇总 sheet is a summary,
a hidden sheet is read only when named). Sheets read together must name the same columns: one that differs is
refused with both headers. What cannot be imported as it is (a password, a damaged file, merged cells over data
rows, a formula with no value saved) is one line naming the place, and nothing is imported."""

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guside_cli.core.errors import InputError
from guside_cli.interchange import headers as cols
from guside_cli.interchange import sheets
from guside_cli.messages import M

FORMATS = ("xlsx", "xlsm", "xlsb", "xls", "et", "ods")
SUMMARY_WORDS = ("汇总", "统计", "合计", "总表", "分析")


@dataclass
class Part:
    """One sheet to read: its header found, its rows after the header."""

    name: str
    ordinal: int
    first: int  # the header's first row (1-based)
    last: int  # its last row
    header: list[Any]
    rows: Iterator[list[Any]]
    hidden: bool = False
    height: int = 0
    merges: list = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)


def open_book(path: Path):
    """The workbook, or one line saying why it cannot be read and what to do."""
    try:
        from python_calamine import CalamineWorkbook, PasswordError
    except ImportError:
        raise InputError(M("sheets.needs_calamine")) from None
    fmt = path.suffix.lower().lstrip(".")
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise InputError(M("sheets.password", file=path.name)) from None
    except Exception as e:  # calamine raises many kinds for a damaged or foreign file
        if _is_markup(path):
            raise InputError(M("sheets.markup", file=path.name, ext=fmt)) from None
        if fmt == "et":
            raise InputError(M("sheets.et_unreadable", file=path.name)) from None
        if "password" in str(e).lower() or "encrypt" in str(e).lower():
            raise InputError(M("sheets.password", file=path.name)) from None
        raise InputError(M("sheets.damaged", file=path.name, why=_short(e))) from None


def _is_markup(path: Path) -> bool:
    """A web page or an XML spreadsheet (Excel 2003) saved under a spreadsheet's name: what many systems'
    “导出 Excel” buttons write."""
    with open(path, "rb") as f:
        head = f.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and any(tag in head for tag in (b"<html", b"<table", b"<?xml", b"<!doctype"))


def _short(e: Exception) -> str:
    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return text[:120]


def parts(source, options) -> list[Part]:
    """The sheets to read, their headers found and checked against each other; sets `source.left` (sheet, why)
    for the sheets passed over."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    book = open_book(source.path)
    try:
        metas = [m for m in book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        names = [m.name for m in metas]
        wanted = list(options.sheets)
        chosen = [_by_name(source.path.name, w, names) for w in wanted]
        found: list[Part] = []
        left: list[tuple[str, str]] = []
        for ordinal, meta in enumerate(metas):
            if chosen and meta.name not in chosen:
                continue
            hidden = meta.visible != SheetVisibleEnum.Visible
            sheet = book.get_sheet_by_name(meta.name)
            part = _part(sheet, meta.name, ordinal, hidden, options.columns)
            recognised = part is not None and _recognised(part.header, options.columns)
            if chosen:
                if part is None:
                    raise _no_header(source.path.name, str(M("files.sheet", sheet=meta.name)))
                found.append(part)
            elif part is not None and recognised and hidden:
                left.append((meta.name, str(M("sheets.left_hidden"))))
            elif part is not None and recognised:
                found.append(part)
            else:
                left.append((meta.name, _why_left(meta.name, sheet, part)))
        if not found and len(metas) == 1:  # one sheet: read it, to say which columns it lacks
            sheet = book.get_sheet_by_name(metas[0].name)
            part = _part(sheet, metas[0].name, 0, False, options.columns)
            if part is None:
                raise _no_header(source.path.name, "")
            found, left = [part], []
        if not found:
            raise InputError(M("files.no_sheet_header", file=source.path.name, sheets="、".join(names)))
        _same_columns(source.path.name, found, options.columns)
        source.left = left
        if zipfile.is_zipfile(source.path):
            if _is_ods(source.path):
                _look_inside_ods(source.path, found)
            else:
                _look_inside(source.path, found)
        return found
    finally:
        book.close()


def _no_header(file: str, sheet: str) -> InputError:
    needed = "、".join(cols.ALIASES[f][0] for f in cols.REQUIRED)
    return InputError(M("files.no_header", file=file, sheet=sheet, scan=sheets.SCAN, needed=needed))


def _by_name(file: str, wanted: str, names: list[str]) -> str:
    wanted = str(wanted).strip()
    if wanted in names:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(names):
        return names[int(wanted) - 1]
    raise InputError(M("files.no_sheet", file=file, sheet=wanted, sheets="、".join(names)))


def _part(sheet, name: str, ordinal: int, hidden: bool, extra: dict[str, str]) -> Part | None:
    start, end = sheet.start or (0, 0), sheet.end or (-1, 0)
    left = start[1]  # calamine's rows start at the sheet's first row, its cells at the first column used
    merges = sheet.merged_cell_ranges
    pad = [""] * left

    def rows() -> Iterator[list[Any]]:
        if left:
            for row in sheet.iter_rows():
                yield pad + row
        else:
            yield from sheet.iter_rows()

    stream = rows()
    last, header, rest = sheets.find_header(stream, extra, merges)
    if not header:
        return None
    first = sheets.found_first(header, last)
    return Part(name, ordinal, first, last, list(header), rest, hidden, end[0] + 1, list(merges or []))


def _recognised(header: list[Any], extra: dict[str, str]) -> bool:
    mapping, _, _ = cols.match(header, extra)
    return all(f in mapping.values() for f in ("village", "subject"))


def _why_left(name: str, sheet, part: Part | None) -> str:
    if (sheet.height or 0) == 0:
        return str(M("sheets.left_empty"))
    if any(word in name for word in SUMMARY_WORDS):
        return str(M("sheets.left_summary"))
    return str(M("sheets.left_no_header"))


def _same_columns(file: str, found: list[Part], extra: dict[str, str]) -> None:
    """Sheets read together name the same fields (in any order): a sheet that differs is refused, both headers
    shown, never read differently or passed over in silence."""
    first = found[0]
    fields = set(cols.match(first.header, extra)[0].values())
    for part in found[1:]:
        theirs = set(cols.match(part.header, extra)[0].values())
        if theirs != fields:
            raise InputError(
                M(
                    "sheets.header_differs",
                    file=file,
                    sheet=part.name,
                    header=_shown(part.header),
                    first=first.name,
                    first_header=_shown(first.header),
                )
            )


def _shown(header: list[Any]) -> str:
    return " | ".join(str(h) for h in header if h)


def merged_over_rows(part: Part, mapping: dict[int, str]) -> dict[int, tuple[str, int]]:
    """Merged ranges that start below the header and span several rows over a column read: top row (1-based)
    -> (the range as Excel names it, rows spanned). Each data row would hold its value only in the first."""
    from openpyxl.utils import get_column_letter

    out: dict[int, tuple[str, int]] = {}
    for (r0, c0), (r1, c1) in part.merges:
        if r1 > r0 and r0 + 1 > part.last and any(c0 <= c <= c1 for c in mapping):
            ref = f"{get_column_letter(c0 + 1)}{r0 + 1}:{get_column_letter(c1 + 1)}{r1 + 1}"
            out[r0 + 1] = (ref, r1 - r0 + 1)
    return out


# --- what only the .xlsx's own XML tells: hidden rows, formulas saved without their value ---------------------

_ROW_HIDDEN = re.compile(
    rb'<row\b[^>]*?\br="(\d+)"[^>]*?\bhidden="(?:1|true)"|<row\b[^>]*?\bhidden="(?:1|true)"[^>]*?\br="(\d+)"'
)
_FORMULA_NO_VALUE = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*>\s*<f\b[^>]*?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


def _look_inside(path: Path, found: list[Part]) -> None:
    """Hidden rows (data all the same: read, and said) and formulas with no value saved (refused, by cell): one
    pass over each sheet's XML, in chunks, as a sheet may be large."""
    try:
        with zipfile.ZipFile(path) as archive:
            targets = _sheet_files(archive)
            for part in found:
                target = targets.get(part.name)
                if target is None or target not in archive.namelist():
                    continue
                with archive.open(target) as xml:
                    hidden, formula = _scan(xml)
                part.hidden_rows = [r for r in hidden if r > part.last]
                if formula is not None:
                    raise InputError(M("sheets.formula_no_value", sheet=part.name, cell=formula, file=path.name))
    except (zipfile.BadZipFile, KeyError, OSError):
        return  # calamine read it; what cannot be looked into here is not worth refusing the file for


def _sheet_files(archive: zipfile.ZipFile) -> dict[str, str]:
    book = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = {
        m.group(1).decode(): m.group(2).decode()
        for m in re.finditer(rb'<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"', rels)
    }
    targets.update(
        {
            m.group(2).decode(): m.group(1).decode()
            for m in re.finditer(rb'<Relationship\b[^>]*?\bTarget="([^"]+)"[^>]*?\bId="([^"]+)"', rels)
        }
    )
    out = {}
    for m in re.finditer(rb"<sheet\b[^>]*>", book):
        tag = m.group(0)
        name = re.search(rb'\bname="([^"]*)"', tag)
        rid = re.search(rb'\br:id="([^"]*)"', tag) or re.search(rb'\b\w+:id="([^"]*)"', tag)
        if name and rid and rid.group(1).decode() in targets:
            target = targets[rid.group(1).decode()].lstrip("/")
            out[_unescape(name.group(1).decode())] = target if target.startswith("xl/") else "xl/" + target
    return out


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def _scan(xml) -> tuple[list[int], str | None]:
    hidden: list[int] = []
    tail = b""
    for chunk in iter(lambda: xml.read(1 << 22), b""):
        data = tail + chunk
        cut = data.rfind(b"</row>")
        if cut < 0:
            tail = data
            continue
        body, tail = data[: cut + 6], data[cut + 6 :]
        if b"hidden=" in body:
            hidden.extend(int(m.group(1) or m.group(2)) for m in _ROW_HIDDEN.finditer(body))
        if b"<f" in body:
            m = _FORMULA_NO_VALUE.search(body)
            if m:
                return hidden, m.group(1).decode()
    return hidden, None


# --- the same of an .ods, whose reader gives no merged ranges either: one pass over content.xml ----------------

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_VALUES = tuple(f"{_OFFICE}{name}" for name in ("value", "date-value", "time-value", "boolean-value", "string-value"))


def _is_ods(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        try:
            return archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
        except KeyError:
            return False


def _look_inside_ods(path: Path, found: list[Part]) -> None:
    """Hidden rows (read, and said), cells merged down over rows (refused where they cover data, as in an .xlsx),
    formulas with no value saved (refused), from the sheets' XML: rows and cells counted with their repeats."""
    from xml.etree.ElementTree import iterparse

    parts = {part.name: part for part in found}
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as xml:
            part, row, col = None, 0, 0
            for event, element in iterparse(xml, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        part, row = parts.get(element.get(f"{_TABLE}name", "")), 0
                    elif tag == f"{_TABLE}table-row":
                        col = 0
                    continue
                if part is None:
                    if tag == f"{_TABLE}table-row":
                        element.clear()
                    continue
                if tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    span = int(element.get(f"{_TABLE}number-rows-spanned", "1"))
                    if span > 1:
                        wide = int(element.get(f"{_TABLE}number-columns-spanned", "1"))
                        part.merges.append(((row, col), (row + span - 1, col + wide - 1)))
                    if element.get(f"{_TABLE}formula") and not any(element.get(v) for v in _VALUES):
                        from openpyxl.utils import get_column_letter

                        cell = f"{get_column_letter(col + 1)}{row + 1}"
                        raise InputError(M("sheets.formula_no_value", sheet=part.name, cell=cell, file=path.name))
                    col += int(element.get(f"{_TABLE}number-columns-repeated", "1"))
                elif tag == f"{_TABLE}table-row":
                    repeated = int(element.get(f"{_TABLE}number-rows-repeated", "1"))
                    if element.get(f"{_TABLE}visibility") in ("collapse", "filter") and row + 1 > part.last:
                        part.hidden_rows.extend(range(row + 1, row + 1 + min(repeated, 1000)))
                    row += repeated
                    element.clear()
    except (zipfile.BadZipFile, KeyError, OSError, SyntaxError):
        return  # calamine read it; what cannot be looked into here is not worth refusing the file for
