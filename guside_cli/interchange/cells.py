"""Spreadsheet-safe cell values, for every CSV and Excel file guside writes."""

from typing import Any

# a spreadsheet runs these as a formula; the full-width forms too (Excel and WPS fold them), and U+2212 minus
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠", "\u2212", "\ufe62", "\ufe63", "\ufe66")


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
        return neutral(";".join(str(v) for v in value))
    if kind is bool:
        return "true" if value else "false"
    return value


def neutral(value: str) -> str:
    """One text cell, neutralised: a formula start gets a leading apostrophe."""
    return "'" + value if value[:1] in _FORMULA_FIRST else value
