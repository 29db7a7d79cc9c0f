"""Reading ledgers from files, streamed: CSV (UTF-8, UTF-8 with BOM, GB18030/GBK detected), Excel .xlsx,
JSON and JSON Lines. Every reader yields (file row number, {canonical field: text}) and never holds the file."""

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from guside_cli.core.errors import InputError
from guside_cli.interchange import headers as cols
from guside_cli.interchange.cells import FORMULA_STARTS

FORMATS = ("csv", "xlsx", "json", "jsonl")
DATE_FIELDS = ("received_on", "received_at", "closed_on", "due_on", "accepted_on", "first_contact_at")
NEUTRALISED = tuple("'" + start for start in FORMULA_STARTS)  # what export wrote to stop spreadsheet formulas


@dataclass
class Source:
    """An open input file: its rows, and what was learnt reading its header."""

    path: Path
    format: str
    encoding: str | None = None
    unknown: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # canonical field -> the file's header
    size: int = 0
    position: Any = None  # a callable giving bytes read so far, for the progress bar


def format_of(path: Path, given: str | None) -> str:
    fmt = (given or path.suffix.lower().lstrip(".")).lower()
    if fmt == "xls":
        raise InputError(f"{path.name}: old .xls files cannot be read; save it as .xlsx (Excel: 另存为 .xlsx)")
    if fmt not in FORMATS:
        raise InputError(f"{path.name}: unknown format '{fmt}': use --format csv, xlsx, json or jsonl")
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


def unneutralise(value: str) -> str:
    return value[1:] if value.startswith(NEUTRALISED) else value


def open_source(path: Path, fmt: str | None = None, encoding: str | None = None) -> tuple[Source, Iterator]:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = format_of(path, fmt)
    source = Source(path=path, format=fmt, size=path.stat().st_size)
    reader = {"csv": _csv_rows, "xlsx": _xlsx_rows, "json": _json_rows, "jsonl": _jsonl_rows}[fmt]
    return source, reader(source, encoding)


def for_intake(cells: dict[str, Any]) -> dict[str, Any]:
    """File fields as `core.intake` names them (in place): the receipt is `received`, its full timestamp
    winning."""
    received_at = cells.pop("received_at", None)
    received_on = cells.pop("received_on", None)
    cells["received"] = received_at or received_on
    return cells


def _with_header(source: Source, header: list[Any], first_row: int) -> dict[int, str]:
    mapping, unknown = cols.match([("" if h is None else str(h)) for h in header])
    source.unknown = unknown
    source.columns = {f: str(header[i]) for i, f in mapping.items()}
    missing = [f for f in cols.REQUIRED if f not in mapping.values()]
    if missing:
        names = ", ".join(f"{f} ({cols.ALIASES[f][0]})" for f in missing)
        raise InputError(f"{source.path.name} row {first_row}: no column for {names}; the header row names the columns")
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
            if value[:1] == "'" and value.startswith(NEUTRALISED):
                value = value[1:]
            out[name] = value or None
        return for_intake(out)

    return cells


def _cells(mapping: dict[int, str], row: list[Any]) -> dict[str, Any]:
    out = {}
    for index, name in mapping.items():
        value = row[index] if index < len(row) else None
        if isinstance(value, str):
            value = unneutralise(value.strip()) or None
        out[name] = value
    return out


def _csv_rows(source: Source, encoding: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
    source.encoding = encoding or detect_encoding(source.path)
    raw = open(source.path, "rb")  # noqa: SIM115 - closed by the generator's finally
    source.position = raw.tell
    try:
        text = io.TextIOWrapper(raw, encoding=source.encoding, newline="")
        lines = _skip_comments(text)
        reader = csv.reader(lines)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(f"{source.path.name}: the file is empty") from None
        except UnicodeDecodeError:
            raise InputError(f"{source.path.name}: not readable as {source.encoding}; try --encoding gb18030") from None
        cells = _text_cells(_with_header(source, header, reader.line_num))
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                raise InputError(
                    f"{source.path.name} near row {reader.line_num + 1}: not {source.encoding} text; "
                    "give --encoding gb18030 or utf-8"
                ) from None
            if any(cell.strip() for cell in row):
                yield reader.line_num + source_offset(lines), cells(row)
    finally:
        raw.close()


class _skip_comments:
    """Lines of a CSV, without the '#' lines an export puts above the header (e.g. the redaction notice)."""

    def __init__(self, text: IO[str]):
        self.text, self.skipped, self.started = text, 0, False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self.text)
        while not self.started and line.startswith("#"):
            self.skipped += 1
            line = next(self.text)
        self.started = True
        return line


def source_offset(lines: _skip_comments) -> int:
    return lines.skipped


def _xlsx_rows(source: Source, encoding: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        from openpyxl import load_workbook
        from openpyxl.utils.datetime import from_excel
    except ImportError:
        raise InputError("reading .xlsx needs openpyxl: pip install openpyxl") from None
    try:
        book = load_workbook(source.path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise InputError(f"{source.path.name} is not a readable .xlsx file ({type(e).__name__})") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        number, mapping = 0, None
        for number, row in enumerate(rows, start=1):
            if mapping is None:
                if any(v not in (None, "") for v in row):
                    mapping = _with_header(source, list(row), number)
                continue
            if all(v in (None, "") for v in row):
                continue
            cells = {name: _excel_value(name, value, from_excel) for name, value in _cells(mapping, list(row)).items()}
            yield number, for_intake(cells)
        if mapping is None:
            raise InputError(f"{source.path.name}: the first sheet is empty")
    finally:
        book.close()


def _excel_value(name: str, value: Any, from_excel) -> str | None:
    """An Excel cell as the text intake reads: dates (real, or serial numbers in a date column), whole numbers
    without '.0', everything else as written."""
    if name in DATE_FIELDS and isinstance(value, int | float) and not isinstance(value, bool):
        value = from_excel(value)
    if hasattr(value, "hour"):
        return value.isoformat(sep=" ")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None if value is None else str(value)


def _objects(source: Source, items: Iterator[tuple[int, Any]]) -> Iterator[tuple[int, dict[str, Any]]]:
    checked = False
    for number, item in items:
        if not isinstance(item, dict):
            raise InputError(f"{source.path.name} item {number}: expected an object with the case's fields")
        if "_meta" in item:
            continue  # the note an export puts first (e.g. that the copy is redacted)
        if not checked:
            _with_header(source, list(item), number)
            checked = True
        out: dict[str, Any] = {}
        for key, value in item.items():
            name = cols.field_of(key)
            if name and name not in out:
                out[name] = _json_value(value)
        yield number, for_intake(out)


def _json_value(value: Any) -> Any:
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str):
        return unneutralise(value.strip()) or None
    return None if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _json_rows(source: Source, encoding: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(source.path, encoding=encoding or "utf-8-sig") as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError as e:
            raise InputError(f"{source.path.name}: not valid JSON (line {e.lineno}): {e.msg}") from None
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        data = data["cases"]
    if not isinstance(data, list):
        raise InputError(f'{source.path.name}: expected a list of cases (or an object with "cases")')
    yield from _objects(source, enumerate(data, start=1))


def _jsonl_rows(source: Source, encoding: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
    def items():
        with open(source.path, encoding=encoding or "utf-8-sig") as f:
            for number, line in enumerate(f, start=1):
                if line.strip():
                    try:
                        yield number, json.loads(line)
                    except json.JSONDecodeError as e:
                        raise InputError(f"{source.path.name} line {number}: not valid JSON: {e.msg}") from None

    yield from _objects(source, items())
