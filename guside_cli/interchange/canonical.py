"""Plain CSV tables of the sample ledger that are not case files (leaders.csv, steps.csv); case files go
through `readers.open_source`, like any import."""

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def read_canonical_csv(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (file row number, raw values) — row 1 is the header, so data starts at row 2. Streams."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        for row_number, row in enumerate(reader, start=2):
            yield row_number, {k: (v if v != "" else None) for k, v in row.items() if k}
