"""`check`: what the ledger says about itself, read without writing a byte (the file is opened read-only).

Integrity, foreign keys, schema, the history's guards (their bodies, not their names), its hash chain, an
anchor kept outside the office, and the replay of the history's seals against the tables (storage/seal.py)."""

import re
import sqlite3
from collections.abc import Sequence
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
# An anchor is ROWS: and the first 32 hex digits (128 bits) of that row's hash: a forgery must match all of them.
# Reports printed before this version carry 8 (32 bits, ground in minutes by one core): still checked, and said
# to be weak, since an office cannot print last year's reports again.
ANCHOR_HEX = 32
ANCHORS_FILE_LIMIT = 1024 * 1024  # a file of anchors is a line a report; a megabyte is far beyond any


def _folded(sql: str | None) -> str:
    return " ".join((sql or "").split()).lower()


def head(conn: sqlite3.Connection) -> dict:
    """The chain's last row: how many rows (its id) and its hash. The anchor is ROWS:the first 32 hex of the hash
    (128 bits); `short` the first 8, for a glance, never for checking."""
    row = conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
    rows, digest = (row[0], row[1] or "") if row else (0, "")
    return {"rows": rows, "hash": digest, "anchor": f"{rows}:{digest[:ANCHOR_HEX]}", "short": f"{rows}:{digest[:8]}"}


def parse_anchor(text: str) -> tuple[int, str]:
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import shown
    from guside_cli.messages import M

    m = ANCHOR.match(text.strip().lower())
    if not m:
        raise InputError(M("trust.check.anchor_format", value=shown(text[:80])))
    return int(m.group(1)), m.group(2)


def anchors_given(value: str) -> list[tuple[str, str]]:
    """What `check --anchor` was given: one anchor (ROWS:HASH), or a file of them the office keeps elsewhere,
    one a line (blank lines and # comments skipped; a line may be the report's whole 账本校验 line, its last
    word the anchor). Returns (where, anchor) pairs; a file that cannot be read, or a line without an anchor, is
    refused before the ledger is read."""
    from pathlib import Path

    from guside_cli.core.errors import InputError
    from guside_cli.core.text import shown

    if ANCHOR.match(value.strip().lower()) or not Path(value).exists():
        parse_anchor(value)
        return [("", value.strip())]
    path = Path(value)
    out = []
    for number, line in enumerate(_anchors_text(path).splitlines(), 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if not ANCHOR.match(words[-1].lower()):
            raise InputError(M("anchor.file_line", file=shown(path.name), line=number, value=shown(line[:80])))
        out.append((f"{path.name}:{number}", words[-1].lower()))
    if not out:
        raise InputError(M("anchor.file_empty", file=shown(path.name)))
    return out


def _anchors_text(path: Path) -> str:
    """A regular file of at most ANCHORS_FILE_LIMIT bytes, checked on the descriptor read (a FIFO must not hang
    `check`, /dev/zero must not fill the memory)."""
    import os
    import stat

    from guside_cli.core.errors import InputError
    from guside_cli.core.text import shown

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise InputError(M("anchor.file_not_file", file=shown(path.name)))
            data = f.read(ANCHORS_FILE_LIMIT + 1)
    except OSError as e:
        why = e.strerror or type(e).__name__
        raise InputError(M("anchor.file_unreadable", file=shown(path.name), why=why)) from None
    if len(data) > ANCHORS_FILE_LIMIT:
        raise InputError(M("anchor.file_too_big", file=shown(path.name), limit=ANCHORS_FILE_LIMIT // 1024))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(M("anchor.file_unreadable", file=shown(path.name), why="UTF-8")) from None


def snapshot_findings(
    conn: sqlite3.Connection, *, latest: int, app_id_expected: int, anchors: Sequence[tuple[str, str]] = ()
) -> tuple[list[dict], dict]:
    """`findings` and the chain's head read in one read transaction: every statement sees the same ledger, so
    a desk adding meanwhile (its rows and their seals committed between two reads) is never taken for a change
    made outside guside."""
    if conn.in_transaction:  # a writer's own transaction (a merge vetting its source again): one snapshot already
        return findings(conn, latest=latest, app_id_expected=app_id_expected, anchors=anchors), head(conn)
    conn.execute("BEGIN")
    try:
        return findings(conn, latest=latest, app_id_expected=app_id_expected, anchors=anchors), head(conn)
    finally:
        conn.execute("ROLLBACK")


def findings(
    conn: sqlite3.Connection, *, latest: int, app_id_expected: int, anchors: Sequence[tuple[str, str]] = ()
) -> list[dict]:
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
    for where, anchor in anchors:
        out.append(_anchor_finding(conn, where, anchor, broken is None))
    return out


def _anchor_finding(conn: sqlite3.Connection, where: str, anchor: str, chain_whole: bool) -> dict:
    rows, prefix = parse_anchor(anchor)
    row = conn.execute("SELECT hash FROM history WHERE id = ?", (rows,)).fetchone()
    held = row is not None and (row[0] or "").startswith(prefix) and chain_whole
    if not held:
        detail = M("data.check_anchor_lost", row=rows, prefix=prefix)
    elif len(prefix) < ANCHOR_HEX:
        detail = M("anchor.weak", row=rows, prefix=prefix, bits=len(prefix) * 4)
    else:
        detail = M("data.check_anchor_held", row=rows, prefix=prefix)
    return {"check": f"anchor {where}" if where else "anchor", "ok": held, "detail": detail}


def open_read_only(path: Path) -> sqlite3.Connection:
    """The ledger opened without any write (no migration, no journal mode change, no -journal file)."""
    from guside_cli.storage.connection import check_file, refuse_missing
    from guside_cli.storage.filesystems import sweep_private_temp

    refuse_missing(path)
    check_file(path)
    sweep_private_temp("check")  # a `check` killed while it read a rolled-back copy left the copy behind
    for _ in range(3):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as e:
            # a hot journal (no writer holds the file) needs a rollback, which a read-only connection cannot do;
            # a journal beside a desk writing right now is that desk's, and SQLite reads past it
            conn.close()
            if "readonly" not in str(e) or not interrupted(path):
                raise
        try:
            return _rolled_back_copy(path)
        except FileNotFoundError:  # the journal went meanwhile: a desk opened the ledger and rolled it back
            continue
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def rolled_back(conn: sqlite3.Connection) -> bool:
    """Whether `conn` reads a rolled-back copy of a ledger whose last write was cut off."""
    return isinstance(conn, _CopyConnection)


def interrupted(path: Path) -> bool:
    """A write cut off (kill -9, a power cut) left its rollback journal: SQLite undoes it at the next opening
    for writing, which a read-only connection cannot do (it fails with 'attempt to write a readonly database')."""
    journal = Path(f"{path}-journal")
    return journal.is_file() and journal.stat().st_size > 0


def _rolled_back_copy(path: Path) -> sqlite3.Connection:
    """The ledger as it will be once SQLite has undone the interrupted write, read from a copy rolled back in a
    private (0700) temp folder of this run: the ledger itself stays untouched, as `check` promises. The folder
    goes when the connection is closed (or the process ends), and a `check` killed meanwhile leaves it to the
    next one, which sweeps it (storage/filesystems.py)."""
    import atexit
    import shutil

    from guside_cli.storage.filesystems import private_temp_folder

    folder = private_temp_folder("check")
    atexit.register(shutil.rmtree, folder, True)
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(f"{path}-journal", f"{copy}-journal")
    conn = sqlite3.connect(copy, factory=_CopyConnection)
    conn.folder = folder
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the first read rolls the journal back
    return conn


class _CopyConnection(sqlite3.Connection):
    """A connection to a rolled-back copy: closing it removes the copy (a name, phone and ID number in each row)."""

    folder: Path | None = None

    def close(self) -> None:
        import shutil

        super().close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
