"""A redacted copy (`export --redact`) is no import source: its names are 欧** and its numbers 139****5678, and
`import --update` would write them over the office's record. Such a file says what it is — a first line
`# 已脱敏副本…` in a CSV, a `_meta` notice in JSON, a line of the 说明 sheet in Excel — and is known by it."""

from pathlib import Path

from guside_cli.messages import LANGUAGES, text

_HEAD = 64 * 1024  # the notice is the first line (CSV, JSONL) or the first key (JSON)


def _notices() -> tuple[str, ...]:
    return tuple(text("export.redaction_notice", lang) for lang in LANGUAGES)


def is_redacted_copy(path: Path, fmt: str) -> bool:
    """Whether the file at `path` (of format `fmt`) carries the redaction notice an export writes."""
    try:
        if fmt == "xlsx":
            return _xlsx_redacted(path)
        with open(path, "rb") as f:
            head = f.read(_HEAD)
    except Exception:  # unreadable here: the reader says why, in its own words
        return False
    for encoding in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            decoded = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        if fmt == "csv":
            first = next((line for line in decoded.splitlines() if line.strip(", \t")), "")
            return first.lstrip().startswith("#") and any(n in first for n in _notices())
        return '"_meta"' in decoded and any(n in decoded for n in _notices())
    return False


def _xlsx_redacted(path: Path) -> bool:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets[1:]:  # the 说明 sheet follows the cases
            for row in sheet.iter_rows(max_row=40, max_col=4, values_only=True):
                if any(isinstance(cell, str) and cell in _notices() for cell in row):
                    return True
    finally:
        book.close()
    return False
