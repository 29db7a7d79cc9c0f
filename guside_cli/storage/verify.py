"""`check`: what the ledger says about itself, read without writing a byte (the file is opened read-only).

Integrity, foreign keys, schema, the history's guards (their bodies, not their names), its hash chain, an
anchor kept outside the office, and the replay of the history's seals against the tables (storage/seal.py)."""

import re
import sqlite3
from pathlib import Path

from guside_cli.core.chain import HASHED, first_break
from guside_cli.messages import M, Several

# the guards as migrations create them, whitespace and case folded: a guard of the same name that does
# something else (`WHEN 0`, no RAISE) is not a guard
GUARDS = {
    "history_no_update": "create trigger history_no_update before update on history begin select "
    "raise(abort, 'history is append-only'); end",
    "history_no_delete": "create trigger history_no_delete before delete on history begin select "
    "raise(abort, 'history is append-only'); end",
}
ANCHOR = re.compile(r"^(\d{1,12}):([0-9a-f]{8,64})$")


def _folded(sql: str | None) -> str:
    return " ".join((sql or "").split()).lower()


def head(conn: sqlite3.Connection) -> dict:
    """The chain's last row: how many rows (its id) and its hash. The short anchor is ROWS:first 8 of the hash."""
    row = conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
    rows, digest = (row[0], row[1] or "") if row else (0, "")
    return {"rows": rows, "hash": digest, "anchor": f"{rows}:{digest[:8]}"}


def parse_anchor(text: str) -> tuple[int, str]:
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import shown
    from guside_cli.messages import M

    m = ANCHOR.match(text.strip().lower())
    if not m:
        raise InputError(M("trust.check.anchor_format", value=shown(text[:80])))
    return int(m.group(1)), m.group(2)


def findings(conn: sqlite3.Connection, *, latest: int, app_id_expected: int, anchor: str | None = None) -> list[dict]:
    from guside_cli.storage.seal import replay

    one = conn.execute
    integrity = [r[0] for r in one("PRAGMA integrity_check")]
    if integrity != ["ok"]:  # nothing else can be trusted on a damaged file
        return [{"check": "integrity", "ok": False, "detail": "; ".join(integrity[:5])}]
    foreign = one("PRAGMA foreign_key_check").fetchall()
    version = one("PRAGMA user_version").fetchone()[0]
    app_id = one("PRAGMA application_id").fetchone()[0]
    triggers = {r[0]: r[1] for r in one("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    bad_guards = sorted(name for name, sql in GUARDS.items() if _folded(triggers.get(name)) != sql)
    broken = first_break(one(f"SELECT {', '.join(HASHED)}, prev_hash, hash FROM history ORDER BY id"))
    replayed = replay(conn) if broken is None else [M("trust.replay.not_replayed")]
    out = [
        {"check": "integrity", "ok": True, "detail": M("data.check_ok")},
        {
            "check": "foreign_keys",
            "ok": not foreign,
            "detail": M("data.check_ok")
            if not foreign
            else M("data.check_dangling", count=len(foreign), table=foreign[0][0], row=foreign[0][1]),
        },
        {
            "check": "schema",
            "ok": version == latest and app_id == app_id_expected,
            "detail": M("data.check_version", version=version, latest=latest),
        },
        {
            "check": "history_guards",
            "ok": not bad_guards,
            "detail": M("data.check_guarded")
            if not bad_guards
            else M("data.check_guards_altered", names=", ".join(bad_guards)),
        },
        {
            "check": "history_chain",
            "ok": broken is None,
            "detail": M("data.check_chain_whole")
            if broken is None
            else M("data.check_chain_broken", row=broken[0], why=broken[1]),
        },
        {
            "check": "history_replay",
            "ok": not replayed,
            "detail": M("data.check_replayed") if not replayed else Several(replayed),
        },
    ]
    if anchor is not None:
        rows, prefix = parse_anchor(anchor)
        row = one("SELECT hash FROM history WHERE id = ?", (rows,)).fetchone()
        held = row is not None and (row[0] or "").startswith(prefix) and broken is None
        out.append(
            {
                "check": "anchor",
                "ok": held,
                "detail": M("data.check_anchor_held", row=rows, prefix=prefix)
                if held
                else M("data.check_anchor_lost", row=rows, prefix=prefix),
            }
        )
    return out


def open_read_only(path: Path) -> sqlite3.Connection:
    """The ledger opened without any write (no migration, no journal mode change, no -journal file)."""
    from guside_cli.storage.connection import check_file, refuse_missing

    refuse_missing(path)
    check_file(path)
    if interrupted(path):
        return _rolled_back_copy(path)
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def interrupted(path: Path) -> bool:
    """A write cut off (kill -9, a power cut) left its rollback journal: SQLite undoes it at the next opening
    for writing, which a read-only connection cannot do (it fails with 'attempt to write a readonly database')."""
    journal = Path(f"{path}-journal")
    return journal.is_file() and journal.stat().st_size > 0


def _rolled_back_copy(path: Path) -> sqlite3.Connection:
    """The ledger as it will be once SQLite has undone the interrupted write, read from a copy rolled back in a
    temp folder: the ledger itself stays untouched, as `check` promises. The folder goes when the process ends."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="guside-check-"))
    atexit.register(shutil.rmtree, folder, True)
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(f"{path}-journal", f"{copy}-journal")
    conn = sqlite3.connect(copy)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the first read rolls the journal back
    return conn
