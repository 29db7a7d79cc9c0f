"""Writing ledgers to files: CSV (UTF-8 with BOM by default, GB18030 on request), Excel .xlsx, JSON, JSON Lines.
Cells that a spreadsheet would run as a formula are neutralised; files are written atomically and privately."""

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from guside_cli.core.errors import GusideError, InputError
from guside_cli.interchange.cells import cells


@contextmanager
def atomic_file(path: Path, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[Any]:
    """A file that appears under `path` only when complete (temp file in the same folder, fsync, rename),
    mode 0600 whatever the umask. A crash or kill leaves no partial file under the final name."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise GusideError(f"cannot write {path}: the folder {folder} does not exist")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.fchmod(fd, 0o600)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_csv(out: IO[str], headers: list[str], rows: Iterable[list[Any]], *, notice: str | None = None) -> int:
    if notice:
        out.write(f"# {notice}\n")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
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
    path: Path, headers: list[str], rows: Iterable[list[Any]], *, notice: str | None = None, sheet: str = "台账"
) -> int:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise InputError("writing .xlsx needs openpyxl: pip install openpyxl") from None
    book = Workbook(write_only=True)
    data = book.create_sheet(sheet)
    data.append(headers)
    count = 0
    for row in rows:
        data.append(cells(row))
        count += 1
    if notice:
        book.create_sheet("说明").append([notice])
    with atomic_file(path, binary=True) as f:
        book.save(f)
    return count
