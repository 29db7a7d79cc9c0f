"""A merge's source read before anything is written: is it another file than the ledger, where does its chain
stand against what an earlier merge saw, and what would it bring in (every case as `intake` reads one, every
text it holds). The rules are core's and the service's; this module only reads.

A merge records each source's head in `merge_sources` (ledger id, the hash of its last history row and that
row's id). A chain only grows, so a later copy of the same ledger holds that row with that hash: one whose last
row is before it is an older copy (a backup restored); one whose row there has another hash is another history
(a ledger with the same id swapped in, or a chain rewritten). Rolling a ledger back, or swapping another in, is
invisible from inside the file; the ledgers that merged it remember.
"""

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guside_cli.core.merge import bare
from guside_cli.storage.merge_rows import NATURAL, SYNCED, child_tables, columns, quoted


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths are one file (a hard link, a symbolic link, the same path): device and inode."""
    try:
        one, two = os.stat(a), os.stat(b)
    except OSError:
        return False
    return (one.st_dev, one.st_ino) == (two.st_dev, two.st_ino)


def chain_head(conn: sqlite3.Connection) -> tuple[int, str]:
    row = conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1] or "") if row else (0, "")


def ledger_id(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT ledger FROM merge_identity").fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None


def standing(mine: sqlite3.Connection, theirs: sqlite3.Connection) -> dict | None:
    """Where the source's chain stands against the head this ledger recorded when it last merged it: None when
    it holds that head (or was never merged), else {"kind": "behind" | "off", ...} with both heads and the day."""
    them = ledger_id(theirs)
    try:
        seen = mine.execute("SELECT head, head_id, merged_at FROM merge_sources WHERE ledger = ?", (them,)).fetchone()
    except sqlite3.OperationalError:  # a ledger from before merging had a table for it: nothing seen
        return None
    if seen is None or not seen[1]:
        return None
    seen_hash, seen_rows, merged_at = seen
    rows, digest = chain_head(theirs)
    found = {
        "rows": rows,
        "head": anchor(rows, digest),
        "seen_rows": seen_rows,
        "seen": anchor(seen_rows, seen_hash),
        "day": (merged_at or "")[:10],
    }
    if rows < seen_rows:
        return {"kind": "behind", **found}
    held = theirs.execute("SELECT hash FROM history WHERE id = ?", (seen_rows,)).fetchone()
    if held is None or held[0] != seen_hash:
        return {"kind": "off", "now": anchor(seen_rows, held[0] if held else ""), **found}
    return None


def anchor(rows: int, digest: str) -> str:
    from guside_cli.storage.verify import ANCHOR_HEX

    return f"{rows}:{(digest or '')[:ANCHOR_HEX]}"


def incoming_cases(conn: sqlite3.Connection, town: str) -> Iterator[tuple[str, dict]]:
    """Every case of the source as `intake` reads a new one (its number, uid and elements, as add or an import
    of a guside export would give them), with the number it is known by."""
    from guside_cli.storage.merge_rows import portable_rows

    for _, values, _, _ in portable_rows(conn, "petitions", town):
        number = bare(values["number"], values.get("town"))
        raw = {
            "number": number,
            "uid": values["uid"],
            "received": values["received_at"],
            "village": values["village"],
            "form": values.get("form"),
            "level": values["level"],
            "source": values.get("source"),
            "pollution": _listed(values.get("pollution")),
            "persons": str(values["persons"]) if values.get("persons") is not None else None,
            "key_persons": _listed(values.get("key_persons")),
            "is_key": bool(values.get("is_key")),
        }
        for name in ("subject", "cause", "unit", "enterprise", "petitioner", "phone", "id_number", "forecast"):
            raw[name] = values.get(name)
        raw["ref_no"] = values.get("ref_no")
        yield number, raw


def _listed(text) -> list:
    if text is None:
        return []
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return [text]
    return value if isinstance(value, list) else [text]


def incoming_texts(conn: sqlite3.Connection) -> Iterator[tuple[str, str, str, str]]:
    """(what, table, column, text) for every text the source would bring: its cases, their rows (steps,
    rewards, ...) and its registers (leaders, enterprises, persons); `what` names the case (its number) or the
    register's row (table:key)."""
    numbers = dict(conn.execute("SELECT id, number FROM petitions"))
    for table in [*SYNCED, *child_tables(conn)]:
        names = columns(conn, table)
        key = "id" if table == "petitions" else "petition_id" if "petition_id" in names else None
        natural = NATURAL.get(table)
        for row in conn.execute(f"SELECT * FROM {quoted(table)}"):
            values = dict(zip(names, row, strict=True))
            if key is not None:
                what = str(numbers.get(values[key], values[key]))
            else:
                what = f"{table}:{values.get(natural) if natural else values.get('id')}"
            for column, value in values.items():
                if isinstance(value, str):
                    yield what, table, column, value


def checked_state(conn: sqlite3.Connection) -> tuple[str, tuple[int, str]]:
    """What a vetting saw of a source: its schema's digest and its chain's head (a write compares them)."""
    from guside_cli.storage.seal import schema_digest

    return schema_digest(conn), chain_head(conn)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def foreign_objects(conn: sqlite3.Connection) -> list[str]:
    """Triggers and views guside never makes (its only triggers are the history's two guards), as 'type name'."""
    from guside_cli.storage.verify import GUARDS

    rows = conn.execute(
        "SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('trigger', 'view') AND name NOT IN "
        f"({', '.join('?' * len(GUARDS))}) ORDER BY 1",
        tuple(GUARDS),
    )
    return [r[0] for r in rows]


@contextmanager
def recorded_heads(path: Path) -> Iterator[sqlite3.Connection | None]:
    """The receiving ledger opened read-only for what its earlier merges recorded; None where it is not there or
    its own last write was cut off (then it is asked inside its write transaction)."""
    from contextlib import closing

    if not path.is_file():
        yield None
        return
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        yield None
        return
    with closing(conn):
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            yield None
            return
        yield conn


def case_id(conn: sqlite3.Connection, uid: str) -> int:
    return conn.execute("SELECT id FROM petitions WHERE uid = ?", (uid,)).fetchone()[0]
