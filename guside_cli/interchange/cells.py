"""Spreadsheet-safe cell values, for every CSV and Excel file guside writes."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cells(row: list[Any]) -> list[Any]:
    """A row as it goes into a CSV or Excel file: None empty, lists joined with ';', booleans true/false, and
    text that a spreadsheet would run as a formula ('=SUM(A1)') given a leading apostrophe so it shows as text
    (CSV/formula injection); the reader strips it again, so import reads back what was stored. Written out for
    speed: an export calls it a million times."""
    out = []
    append = out.append
    for value in row:
        kind = value.__class__
        if value is None:
            append("")
        elif kind is str:
            append("'" + value if value.startswith(FORMULA_STARTS) else value)
        elif kind is list or kind is tuple:
            append(";".join(str(v) for v in value))
        elif kind is bool:
            append("true" if value else "false")
        else:
            append(value)
    return out
