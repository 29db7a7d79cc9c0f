"""Spreadsheet-safe cell values, for every CSV and Excel file guside writes."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cells(row: list[Any]) -> list[Any]:
    """A row as it goes into a CSV or Excel file: None empty, lists joined with ';', booleans true/false, and
    text that a spreadsheet would run as a formula ('=SUM(A1)') given a leading apostrophe so it shows as text
    (CSV/formula injection); the reader strips it again, so import reads back what was stored. One comprehension
    for speed: an export calls it a million times."""
    return [
        ""
        if value is None
        else ("'" + value if value[:1] in _FORMULA_FIRST else value)
        if value.__class__ is str
        else value
        if value.__class__ is int
        else _other(value)
        for value in row
    ]


_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def _other(value: Any) -> Any:
    kind = value.__class__
    if kind is list or kind is tuple:
        return ";".join(str(v) for v in value)
    if kind is bool:
        return "true" if value else "false"
    return value
