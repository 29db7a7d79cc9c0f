"""Reading ledgers from files, streamed: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK detected), spreadsheets of every
format an office keeps (.xlsx, .xlsm, .xlsb, .xls, .et, .ods: `workbook`), JSON and JSON Lines. Every reader
yields (file row number, {canonical field: text}); a CSV is never held whole."""

import codecs
import csv
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path
from typing import IO, Any

from guside_cli.core.errors import InputError
from guside_cli.core.text import shown
from guside_cli.interchange import headers as cols
from guside_cli.interchange import sheets
from guside_cli.interchange import workbook as books
from guside_cli.interchange.cells import FORMULA_STARTS
from guside_cli.interchange.values import DATE_ONLY_FIELDS as DATE_ONLY
from guside_cli.interchange.values import Values, Yearless
from guside_cli.messages import M

FORMATS = ("csv", *books.FORMATS, "json", "jsonl")
DATE_FIELDS = (
    *("received_on", "received_at", "closed_on", "due_on", "accepted_on"),
    *("first_contact_at", "first_arrival_at", "first_mediation_at"),
)
NEUTRALISED = tuple("'" + start for start in FORMULA_STARTS)  # what export wrote to stop spreadsheet formulas


@dataclass
class ReadOptions:
    """What the office told about its file: its own column names (folded header -> field, or '-' to leave a
    column out), its own words for values, the sheet to read."""

    columns: dict[str, str] = field(default_factory=dict)
    values: Values = field(default_factory=Values)
    sheets: list[str] = field(default_factory=list)  # --sheet, as often as given (names or numbers)


@dataclass
class Source:
    """An open input file: its rows, and what was learnt reading its header."""

    path: Path
    format: str
    encoding: str | None = None
    unknown: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> the file's header
    header: list[str] = field(default_factory=list)
    header_row: int = 1
    sheet: str | None = None
    rows: int = 0  # data rows read (cases and skipped rows)
    skipped: dict[str, list[int]] = field(default_factory=dict)  # why ('blank', 'total', 'note') -> rows
    received_from: str | None = None  # the header taken as the receipt date when the file has no other
    size: int = 0
    position: Any = None  # a callable giving how far the reading is, for the progress bar (of `size`)
    # a CSV's last row when no line break follows it: (its row, its cells, the cells of the row before) (`_ended`)
    unterminated: tuple[int, int, int] | None = None
    header_first: int = 0  # the header's first row where it starts above `header_row` (a two-row header); 0: the same
    read: list[tuple[str, int, int, int]] = field(default_factory=list)  # a workbook's sheets read: name, rows
    left: list[tuple[str, str]] = field(default_factory=list)  # a workbook's sheets left, and why
    hidden_rows: list[int] = field(default_factory=list)  # hidden rows read as data, as every row is
    approximate: dict[str, list[int]] = field(default_factory=dict)  # 人数 written 约20人 (as written) -> rows
    due_earlier: list[int] = field(default_factory=list)  # a due date kept that is earlier than the statute's


def format_of(path: Path, given: str | None) -> str:
    fmt = (given or path.suffix.lower().lstrip(".")).lower()
    if fmt not in FORMATS:
        raise InputError(M("import.unknown_format", file=path.name, format=fmt))
    return fmt


def detect_encoding(path: Path) -> str:
    """UTF-8 with BOM, UTF-8, else GB18030 (a superset of GBK and GB2312, what Chinese Excel writes)."""
    with open(path, "rb") as f:
        head = f.read(1 << 20)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


ENCODINGS = ("utf-8", "gb18030", "big5", "utf-16")


def encoding_problem(path: Path, tried: str) -> M:
    """Where the file stops being `tried` text (its line), and an encoding that reads it all — never the one
    that just failed. Streamed, as the file may be large."""
    line = _first_bad_line(path, tried) if _known(tried) else 1
    base = codecs.lookup(tried).name if _known(tried) else tried
    others = [name for name in ENCODINGS if codecs.lookup(name).name != base.replace("-sig", "")]
    other = next((name for name in others if _first_bad_line(path, name) is None), None)
    hint = M("files.encoding_try", other=other) if other else M("files.encoding_none", others=", ".join(others))
    shown_as = "utf-8" if tried.lower() == "utf-8-sig" else tried  # UTF-8 with or without its mark, as typed
    return M("files.encoding", file=path.name, line=line or 1, encoding=shown_as, hint=str(hint))


def _first_bad_line(path: Path, encoding: str) -> int | None:
    """The line holding the first byte that is not `encoding` text, or None when all of it is."""
    decoder = codecs.getincrementaldecoder(encoding)()
    lines = 1
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as e:
                return lines + chunk.count(b"\n", 0, max(e.start, 0))
            except UnicodeError:  # e.g. UTF-16 without its byte-order mark
                return lines
            lines += chunk.count(b"\n")
        try:
            decoder.decode(b"", final=True)
        except UnicodeError:
            return lines
    return None


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


def unneutralise(value: str) -> str:
    return value[1:] if value.startswith(NEUTRALISED) else value


def open_source(
    path: Path, fmt: str | None = None, encoding: str | None = None, options: ReadOptions | None = None
) -> tuple[Source, Iterator]:
    if not path.is_file():
        if path.is_dir():
            raise InputError(M("import.is_folder", file=shown(path)))
        if path.exists():
            raise InputError(M("import.not_a_file", file=shown(path)))
        raise InputError(M("import.no_file", file=shown(path)))
    if encoding and not _known(encoding):
        raise InputError(M("files.unknown_encoding", encoding=encoding))
    fmt = format_of(path, fmt)
    source = Source(path=path, format=fmt, size=path.stat().st_size)
    options = options or ReadOptions()
    if fmt in ("json", "jsonl"):
        reader = {"json": _json_rows, "jsonl": _jsonl_rows}[fmt]
        return source, _objects(source, reader(source, encoding), options)
    return source, _table_rows(source, encoding, options)


def for_intake(cells: dict[str, Any]) -> dict[str, Any]:
    """File fields as `core.intake` names them (in place): the receipt is `received`, its full timestamp
    winning."""
    received_at = cells.pop("received_at", None)
    received_on = cells.pop("received_on", None)
    cells["received"] = received_at or received_on
    return cells


def _with_header(source: Source, header: list[Any], first_row: int, extra: dict[str, str]) -> dict[int, str]:
    texts = [h if isinstance(h, cols.Grouped) else ("" if h is None else str(h).strip()) for h in header]
    mapping, unknown, ignored = cols.match(texts, extra)
    fields = mapping.values()
    if "received_on" not in fields and "received_at" not in fields and "accepted_on" in fields:
        # 受理日期 is the acceptance date; a file with no other date took it as the day the case came in
        index = next(i for i, f in mapping.items() if f == "accepted_on")
        mapping[index] = "received_on"
        source.received_from = texts[index]
    source.unknown, source.ignored, source.header, source.header_row = unknown, ignored, texts, first_row
    source.columns = {f: texts[i] for i, f in mapping.items()}
    missing = [f for f in cols.REQUIRED if f not in mapping.values()]
    if missing and not ("received_on" in missing and "received_at" in mapping.values()):
        names = "、".join(f"{f} ({cols.ALIASES[f][0]})" for f in missing)
        shown = " | ".join(t for t in texts if t)
        hints = [
            str(M("files.closest", header=h, fields=", ".join(cols.closest(h)))) for h in unknown if cols.closest(h)
        ]
        unknown_text = str(M("files.unknown_headers", headers="、".join(hints))) if hints else ""
        first = source.header_first if 0 < source.header_first < first_row else first_row
        raise InputError(
            M(
                "files.missing_columns",
                file=source.path.name,
                row=f"{first}–{first_row}" if first != first_row else first_row,
                header=shown,
                names=names,
                unknown=unknown_text,
            )
        )
    return mapping


def _text_cells(mapping: dict[int, str]):
    """`_cells` for rows that are all text (CSV), as one tight loop: a million rows pass through it."""
    pairs = list(mapping.items())
    width = max(mapping, default=-1) + 1

    def cells(row: list[str]) -> dict[str, Any]:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        out = {}
        for index, name in pairs:
            value = row[index].strip()
            if value[:1] in MARKS:
                value = _unmarked(value)
            out[name] = value or None
        return out

    return cells


MARKS = frozenset("'=")


def _unmarked(value: str) -> str:
    """A cell without what export added for spreadsheets: the apostrophe before a formula-like text, or the
    ="0139…" that keeps a number as text (export --excel)."""
    if value[0] == "'":
        return value[1:] if value.startswith(NEUTRALISED) else value
    return value[2:-1] if value[:2] == '="' and value[-1:] == '"' and len(value) > 3 else value


def _excel_cells(mapping: dict[int, str]):
    pairs = list(mapping.items())

    def cells(row: list[Any]) -> dict[str, Any]:
        out = {}
        for index, name in pairs:
            value = row[index] if index < len(row) else None
            if value.__class__ is str:
                value = unneutralise(value.strip()) or None
            elif value is not None:
                value = _excel_value(name, value)
            out[name] = value
        return out

    return cells


def _table_rows(source: Source, encoding: str | None, options: ReadOptions) -> Iterator[tuple[int, dict[str, Any]]]:
    """CSV and spreadsheets alike: find the header, then yield the cases, skipping (and counting) rows that hold
    none. A workbook is read sheet by sheet (`workbook.parts`); with more than one sheet, rows are named with
    their sheet (sheets.SheetRow)."""
    raw = None
    lines = None
    at = [0, 0]  # the row being read (a CSV's own errors name it), and the rows read so far (the progress bar)
    try:
        if source.format == "csv":
            source.encoding = encoding or detect_encoding(source.path)
            raw = open(source.path, "rb")  # noqa: SIM115 - closed in the finally below
            lines, rows = _csv_lines(source, raw)
            header_row, header, rest = sheets.find_header(rows, options.columns)
            if not header:
                needed = "、".join(cols.ALIASES[f][0] for f in cols.REQUIRED)
                raise InputError(M("files.no_header", file=source.path.name, sheet="", scan=sheets.SCAN, needed=needed))
            first = sheets.found_first(header, header_row)
            yield from _part_rows(source, options, header, first, header_row, rest, _text_cells, None, at)
        else:
            parts = books.parts(source, options)
            several = len(parts) > 1
            if len(parts) == 1 and (parts[0].ordinal > 0 or source.left):
                source.sheet = parts[0].name
            source.size = sum(part.height for part in parts)
            source.position = lambda: at[1]  # the bar counts rows here
            for part in parts:
                name, ordinal = part.name, part.ordinal
                number_of = (
                    (lambda n, name=name, ordinal=ordinal: sheets.SheetRow(name, n, ordinal)) if several else None
                )
                before = source.rows
                yield from _part_rows(
                    source,
                    options,
                    part.header,
                    part.first,
                    part.last,
                    part.rows,
                    _excel_cells,
                    number_of,
                    at,
                    part=part,
                )
                source.read.append((name, part.first, part.last, source.rows - before))
        if source.unterminated is not None:
            _cut_short(source, source.header)
    except Yearless as e:  # no date can be read once one has no year: the whole file waits for --year
        column = source.columns.get(e.field, e.field)
        raise InputError(M("files.yearless", file=source.path.name, row=e.row, column=column, text=e.text)) from None
    except UnicodeError as e:  # a byte that is not text in the encoding, or UTF-16 without its mark
        if getattr(e, "reason", "") in ("unexpected end of data", "incomplete multibyte sequence"):
            # the last character cut in two: the file ends in the middle of it (a copy or download interrupted)
            raise InputError(M("files.cut_character", file=source.path.name, encoding=source.encoding)) from None
        raise InputError(encoding_problem(source.path, source.encoding or "utf-8")) from None
    except csv.Error as e:  # a cell beyond csv's limit, a NUL in a quoted cell: named by the line it ends on
        row = getattr(lines, "line_num", at[0] + 1)
        if "field limit" in str(e):
            why = M("files.cell_too_long", file=source.path.name, row=row, limit=csv.field_size_limit())
        else:
            why = M("files.csv_broken", file=source.path.name, row=row, why=str(e))
        raise InputError(why) from None
    finally:
        if raw is not None:
            raw.close()


def _part_rows(
    source: Source,
    options: ReadOptions,
    header: list[Any],
    first: int,
    header_row: int,
    rest: Iterator[list[Any]],
    cells_of,
    number_of,
    at: list[int],
    part: "books.Part | None" = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The cases of one table (a CSV, or one sheet) below its header."""
    unknown, ignored = list(source.unknown), list(source.ignored)
    source.header_first = first
    mapping = _with_header(source, header, header_row, options.columns)
    if part is not None:  # a workbook's sheets: what any of them left out is said once
        source.unknown = list(dict.fromkeys([*unknown, *source.unknown]))
        source.ignored = list(dict.fromkeys([*ignored, *source.ignored]))
    merged = books.merged_over_rows(part, mapping) if part is not None and part.merges else {}
    hidden = frozenset(part.hidden_rows) if part is not None else frozenset()  # said where they hold a case
    cells = cells_of(mapping)
    apply, skipped = options.values.apply, source.skipped
    persons = "persons" in mapping.values()
    number = header_row
    shown = header_row
    for number, row in enumerate(rest, start=header_row + 1):
        at[0] = number
        at[1] += 1
        shown = number_of(number) if number_of else number
        out = cells(row)
        if out.get("subject") is None or out.get("village") is None:
            kind = sheets.row_kind(row, out)
            if kind is not None:
                skipped.setdefault(kind, []).append(shown)
                continue
        if hidden and number in hidden:
            source.hidden_rows.append(shown)
        if number in merged:
            ref, span = merged[number]
            raise InputError(M("sheets.merged_rows", file=source.path.name, sheet=part.name if part else "",
                               ref=ref, rows=span))  # fmt: skip
        if persons and out.get("persons").__class__ is str and not out["persons"].isdigit():
            out["persons"] = _persons(source, shown, out["persons"])
        yield shown, for_intake(apply(shown, out))
    source.rows += (
        number - header_row - sum(1 for rows in skipped.values() for r in rows if _in_part(r, number_of, shown))
    )
    _drop_trailing_blanks(source, shown)


def _in_part(row: int, number_of, last: int) -> bool:
    """Whether a skipped row belongs to the part just read (a workbook's rows carry their sheet)."""
    if number_of is None:
        return True
    return int(row) // sheets.SheetRow.SPAN == int(last) // sheets.SheetRow.SPAN


def _persons(source: Source, row: int, text: str) -> str:
    """人数 as offices write it: 6人（集体访） and 六人 are 6, 约20人 is 20 (and said: an estimate)."""
    from guside_cli.core.numbers import count_of

    number, approximate = count_of(text)
    if number is None:
        return text
    if approximate:
        source.approximate.setdefault(text, []).append(row)
    return str(number)


def _cut_short(source: Source, header: list[Any]) -> None:
    """A CSV whose last row has no line break after it and fewer cells than the header and the row before it is a
    file cut off (a copy or download interrupted: Excel, WPS and guside end every row): refused, as importing the
    row as it is would store a case with its last elements lost. A last row as long as the others is only noted."""
    width = max((i + 1 for i, h in enumerate(header) if h not in (None, "")), default=0)
    row, cells, previous = source.unterminated or (0, 0, 0)
    if cells < width and cells < previous:
        raise InputError(M("files.csv_cut_row", file=source.path.name, row=row, cells=cells, width=width))


def _drop_trailing_blanks(source: Source, last: int) -> None:
    """Blank rows after the last case are the sheet's end, not skipped rows worth mentioning."""
    blanks = source.skipped.get("blank")
    while blanks and blanks[-1] == last:
        blanks.pop()
        last -= 1
    if blanks == []:
        del source.skipped["blank"]


def _csv_lines(source: Source, raw: IO[bytes]):
    """The CSV reader (for its line numbers) and its rows, read with a line of our own after the file's last
    (unguessable: no file can hold it): a row of its own at the end, unless a quoted cell is still open there — a
    file cut off, which csv would close silently, importing the cut row as if it were whole (`_ended`)."""
    source.position = raw.tell
    end = "\ue000" + os.urandom(8).hex() + "\ue000"
    ends_line = _ends_with_line_break(raw)
    text = io.TextIOWrapper(raw, encoding=source.encoding, newline="")
    reader = csv.reader(chain(_without_comments(text), (end,)))
    return reader, _ended(reader, source, end, ends_line)


def _ends_with_line_break(raw: IO[bytes]) -> bool:
    """Whether the file's last byte ends a line (what Excel, WPS and guside write); a file that cannot be read
    from its end (a pipe) or is empty counts as whole."""
    try:
        if os.fstat(raw.fileno()).st_size == 0:
            return True
        raw.seek(-1, os.SEEK_END)
        last = raw.read(1)
        raw.seek(0)
    except (OSError, ValueError):
        return True
    return last in (b"\n", b"\r")


def _ended(lines, source: Source, end: str, ends_line: bool) -> Iterator[list[str]]:
    """The rows of `_csv_lines` up to the line `end` it put after them; a cell still open there is the file's end
    cut off, named by the row where it opens."""
    cells = previous = 0
    for count, row in enumerate(lines):  # rows numbered as everywhere: a cell's line breaks aside
        if row and row[-1].endswith(end):
            if row == [end]:
                if not ends_line and cells:  # no line break after the last row: perhaps cut (_cut_short)
                    source.unterminated = (count, cells, previous)
                return
            raise InputError(M("files.csv_cut", file=source.path.name, row=count + 1))
        cells, previous = len(row), cells
        yield row


def _without_comments(text: IO[str]) -> Iterator[str]:
    """Lines of a CSV, the '#' lines an export puts above the header (e.g. the redaction notice) read as blank
    rows, so row numbers stay the rows a spreadsheet shows. The rest is the file itself, with no step per line."""
    head = []
    for line in text:
        if not line.startswith("#"):
            head.append(line)
            break
        head.append("\r\n")
    return chain(head, text)


def from_excel(serial: float) -> "datetime":
    """An Excel serial number as the moment it stands for (the 1900 date system; day 60 is Excel's own 1900-02-29)."""
    return EPOCH + timedelta(days=serial if serial >= 61 else serial + 1)


EPOCH = datetime(1899, 12, 30)


def _excel_value(name: str, value: Any) -> str | None:
    """An Excel cell as the text intake reads: dates (real, or serial numbers in a date column; a date-only
    column keeps the day), whole numbers without '.0', everything else as written."""
    if name in DATE_FIELDS and isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 2958466:
        value = from_excel(value)
    if hasattr(value, "hour"):
        if name in DATE_ONLY or (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()  # a date cell shows 00:00; a date-only column keeps the day
        return value.isoformat(sep=" ")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return None if value is None else str(value)


def _objects(
    source: Source, items: Iterator[tuple[int, Any]], options: ReadOptions
) -> Iterator[tuple[int, dict[str, Any]]]:
    """JSON objects as rows: keys matched like headers (with the office's --map), values mapped alike."""
    extra, values = options.columns, options.values
    checked = False
    for number, item in items:
        if not isinstance(item, dict):
            raise InputError(M("import.json_item", file=source.path.name, item=number))
        if "_meta" in item:
            continue  # the note an export puts first (e.g. that the copy is redacted)
        if not checked:
            _with_header(source, list(item), number, extra)
            checked = True
        out: dict[str, Any] = {}
        for key, value in item.items():
            name = "received_on" if key == source.received_from else extra.get(cols.key(key)) or cols.field_of(key)
            if name and name != cols.IGNORE and name not in out:
                out[name] = _json_value(value)
        yield number, for_intake(values.apply(number, out))


def _json_value(value: Any) -> Any:
    if isinstance(value, list):  # a list of names or codes; of objects: the extensions (core.extensions)
        return [v if isinstance(v, dict) else str(v) for v in value]
    if isinstance(value, str):
        return unneutralise(value.strip()) or None
    return None if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _json_encoding(path: Path, given: str | None) -> str:
    """JSON is UTF-8; a file saved as UTF-16 or UTF-32 with its byte-order mark (Windows' "Unicode") is read as
    such, not refused."""
    if given:
        return given
    with open(path, "rb") as f:
        head = f.read(4)
    for mark, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(mark):
            return name
    return "utf-8-sig"


def _whole_text(value: Any, file: str, row: int) -> Any:
    r"""A JSON string may spell half a UTF-16 pair (\ud800) that no text holds: refused, naming its row."""
    if isinstance(value, str):
        if any("\ud800" <= ch <= "\udfff" for ch in value):
            raise InputError(M("import.json_surrogate", file=file, row=row))
    elif isinstance(value, dict):
        for k, v in value.items():
            _whole_text(k, file, row)
            _whole_text(v, file, row)
    elif isinstance(value, list):
        for v in value:
            _whole_text(v, file, row)
    return value


def _json_rows(source: Source, encoding: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
    chosen = _json_encoding(source.path, encoding)
    try:
        with open(source.path, encoding=chosen) as f:
            data = json.load(f)
    except json.JSONDecodeError as e:
        raise InputError(M("import.json_invalid", file=source.path.name, line=e.lineno, why=e.msg)) from None
    except UnicodeError:
        raise InputError(encoding_problem(source.path, chosen)) from None
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        data = data["cases"]
    if not isinstance(data, list):
        raise InputError(M("import.json_not_list", file=source.path.name))
    for number, item in enumerate(data, start=1):
        yield number, _whole_text(item, source.path.name, number)


def _jsonl_rows(source: Source, encoding: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
    chosen = _json_encoding(source.path, encoding)

    def items():
        try:
            with open(source.path, encoding=chosen) as f:
                for number, line in enumerate(f, start=1):
                    if line.strip():
                        try:
                            yield number, _whole_text(json.loads(line), source.path.name, number)
                        except json.JSONDecodeError as e:
                            raise InputError(
                                M("import.jsonl_invalid", file=source.path.name, line=number, why=e.msg)
                            ) from None
        except UnicodeError:
            raise InputError(encoding_problem(source.path, chosen)) from None

    yield from items()
