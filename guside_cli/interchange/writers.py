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


@contextmanager
def atomic_file(
    path: Path, *, binary: bool = False, encoding: str = "utf-8", ledger: Path | None = None, public: bool = False
) -> Iterator[Any]:
    """A file that appears under `path` only when complete, 0600 unless public: the one output module's
    (guside_cli.interchange.outfile), which also refuses the ledger, folders and devices."""
    from guside_cli.interchange import outfile

    with outfile.open_out(path, ledger=ledger, public=public, binary=binary, encoding=encoding) as f:
        yield f


def write_csv(out: IO[str], headers: list[str], rows: Iterable[list[Any]], *, notice: str | None = None) -> int:
    if notice:
        out.write(f"# {notice}\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(cells(headers))
    count = 0
    for row in rows:
        writer.writerow(cells(row))
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


def write_xlsx(
    path: Path | None,
    headers: list[str],
    rows: Iterable[list[Any]],
    *,
    notice: str | None = None,
    sheet: str = "台账",
    ledger: Path | None = None,
    public: bool = False,
) -> int:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise InputError("writing .xlsx needs openpyxl: pip install openpyxl") from None
    book = Workbook(write_only=True)
    data = book.create_sheet(sheet)
    data.append(cells(headers))
    count = 0
    for row in rows:
        data.append(cells(row))
        count += 1
    if notice:
        book.create_sheet("说明").append(cells([notice]))
    try:
        with atomic_file(path, binary=True, ledger=ledger, public=public) as f:
            book.save(f)
    except BaseException:
        _discard(book)
        raise
    return count


def _discard(book: Any) -> None:
    """A write-only workbook whose save failed (a full disk) leaves half-run row generators and a zip file
    that print "Exception ignored ... closed file" when collected, after the error was reported: those, and
    only those, are silenced, so the user reads one error."""
    import sys

    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        value = unraisable.exc_value
        if not (isinstance(value, ValueError) and "closed file" in str(value)):
            previous(unraisable)

    sys.unraisablehook = hook
