"""Names for shell completion (villages, leaders, case numbers), read from the ledger without writing to it:
completion runs at every Tab, must never migrate, lock or create a ledger, and says nothing when it cannot read."""

import sqlite3
from contextlib import closing
from pathlib import Path

_QUERIES = {
    "village": "SELECT name FROM villages UNION ALL SELECT short FROM villages",
    "leader": "SELECT name FROM leaders ORDER BY name",
    "case": "SELECT number FROM petitions ORDER BY id DESC LIMIT 2000",  # the newest first
}


def completion_names(path: Path, kind: str) -> list[str]:
    """Every name of `kind` in the ledger at `path`, or [] when there is no ledger or it cannot be read."""
    if not path.is_file():
        return []
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)) as conn:
            return [row[0] for row in conn.execute(_QUERIES[kind]) if row[0]]
    except sqlite3.Error:
        return []
