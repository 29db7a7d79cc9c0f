"""The Ledger: every SQL statement of the tool lives in this package, most of it in this class's mixins."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guside_cli.core.chain import GENESIS, HASHED, first_break, row_hash
from guside_cli.core.errors import InputError, LedgerError, NotFound
from guside_cli.core.model import Village
from guside_cli.storage.bulk import BulkMixin
from guside_cli.storage.campaign import CampaignMixin
from guside_cli.storage.casepath import CasePathMixin
from guside_cli.storage.cases import CasesMixin
from guside_cli.storage.connection import connect, refuse_network_filesystem
from guside_cli.storage.judgement import JudgementMixin
from guside_cli.storage.lifecycle import LifecycleMixin
from guside_cli.storage.migrations import LATEST_VERSION
from guside_cli.storage.plan import PlanMixin
from guside_cli.storage.reports import ReportsMixin, SummaryMixin
from guside_cli.storage.rows import INSERT_HISTORY


class Ledger(
    CasesMixin,
    BulkMixin,
    LifecycleMixin,
    CasePathMixin,
    ReportsMixin,
    SummaryMixin,
    PlanMixin,
    JudgementMixin,
    CampaignMixin,
):
    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self.actor = "unknown"
        self.at = ""
        conn.row_factory = sqlite3.Row

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> "Ledger":
        try:
            return cls(connect(path, create=create), path)
        except sqlite3.DatabaseError as e:
            raise LedgerError(f"{path} cannot be opened as a guside ledger ({e}): check --db / GUSIDE_DB") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def write(self, *, actor: str, at: str) -> Iterator["Ledger"]:
        """One command's writes as one transaction, its history rows included. BEGIN IMMEDIATE takes the write
        lock up front, so two desks queue on the busy timeout instead of failing mid-transaction."""
        refuse_network_filesystem(self.path)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise LedgerError(
                    f"ledger busy: another desk has been writing to {self.path} too long; try again in a moment"
                ) from None
            raise
        self.actor, self.at = actor, at
        self._chain_end = None  # (id, hash) of the history's last row, read once per transaction
        self.noted: set[tuple[str, str]] = set()  # enterprises and key persons known to exist, this transaction
        try:
            yield self
        except BaseException:
            # SQLite rolls back by itself after some errors (a full disk): a second ROLLBACK would hide the first
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def log(self, petition_id: int | None, action: str, **details) -> None:
        """Append to the history (its triggers forbid UPDATE and DELETE); `details` are chain_row's field, old,
        new and note. Call inside `write()`."""
        self.conn.execute(INSERT_HISTORY, self.chain_row(petition_id, action, **details))

    def chain_row(
        self,
        petition_id: int | None,
        action: str,
        *,
        field: str | None = None,
        old=None,
        new=None,
        note: str | None = None,
    ) -> tuple:
        """The next history row with its id and its link in the hash chain, for the caller to INSERT (a bulk
        load writes many at once). Rows may reach the table out of order within the transaction: the chain
        runs by id."""
        if not self.conn.in_transaction:
            raise RuntimeError("history is written only inside Ledger.write()")
        if self._chain_end is None:
            last = self.conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
            self._chain_end = (last[0], last[1]) if last else (0, GENESIS)
        # the write lock is ours (BEGIN IMMEDIATE): nobody else can append between our reads and writes
        previous_id, previous_hash = self._chain_end
        row = (previous_id + 1, petition_id, self.at, self.actor, action, field, _text(old), _text(new), note)
        digest = row_hash(previous_hash, row)
        self._chain_end = (row[0], digest)
        return (*row, previous_hash, digest)

    # --- villages -------------------------------------------------------------------------------------

    def villages(self) -> list[Village]:
        rows = self.conn.execute("SELECT name, short, kind FROM villages ORDER BY id")
        return [Village(r["name"], r["short"], r["kind"]) for r in rows]

    def village_counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT village, count(*) FROM petitions GROUP BY village")
        return {village: n for village, n in rows}

    def add_village(self, village: Village) -> None:
        clash = self.conn.execute(
            "SELECT name FROM villages WHERE name = ? OR short = ?", (village.name, village.short)
        ).fetchone()
        if clash:
            raise InputError(f"village '{village.name}' clashes with '{clash[0]}' already in the list")
        self.conn.execute(
            "INSERT INTO villages (name, short, kind, created_at) VALUES (?, ?, ?, ?)",
            (village.name, village.short, village.kind, self.at),
        )
        self.log(None, "village.add", new=village.name)

    def village_short(self, name: str) -> str:
        row = self.conn.execute("SELECT short FROM villages WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFound(f"unknown village '{name}': see `guside village list`")
        return row[0]

    def backup_to(self, dest: Path) -> int:
        """SQLite's online backup into a temp file beside `dest`, then renamed: consistent even while other desks
        write, never a half-copied file under the final name, and private (0600)."""
        import os
        import tempfile

        folder = dest.parent if str(dest.parent) else Path(".")
        if not folder.is_dir():
            raise InputError(f"cannot write {dest}: the folder {folder} does not exist")
        fd, temp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
        os.fchmod(fd, 0o600)
        os.close(fd)
        try:
            target = sqlite3.connect(temp)
            try:
                self.conn.backup(target)
                pages = target.execute("PRAGMA page_count").fetchone()[0]
            finally:
                target.close()
            os.replace(temp, dest)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        return pages

    def check(self) -> list[dict]:
        """Integrity, foreign keys, schema version and the history's append-only guards."""
        from guside_cli.storage.tables import APPLICATION_ID

        one = self.conn.execute
        integrity = [r[0] for r in one("PRAGMA integrity_check")]
        foreign = one("PRAGMA foreign_key_check").fetchall()
        version = one("PRAGMA user_version").fetchone()[0]
        app_id = one("PRAGMA application_id").fetchone()[0]
        triggers = {r[0] for r in one("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        guards = {"history_no_update", "history_no_delete"}
        broken = first_break(one(f"SELECT {', '.join(HASHED)}, prev_hash, hash FROM history ORDER BY id"))
        return [
            {"check": "integrity", "ok": integrity == ["ok"], "detail": "; ".join(integrity[:5])},
            {
                "check": "foreign_keys",
                "ok": not foreign,
                "detail": "ok"
                if not foreign
                else f"{len(foreign)} rows point nowhere (first: table {foreign[0][0]}, row {foreign[0][1]})",
            },
            {
                "check": "schema",
                "ok": version == LATEST_VERSION and app_id == APPLICATION_ID,
                "detail": f"version {version} of {LATEST_VERSION}",
            },
            {
                "check": "history_guards",
                "ok": guards <= triggers,
                "detail": "append-only" if guards <= triggers else f"missing: {', '.join(sorted(guards - triggers))}",
            },
            {
                "check": "history_chain",
                "ok": broken is None,
                "detail": "whole" if broken is None else f"broken at history row {broken[0]}: {broken[1]}",
            },
        ]

    def info(self) -> dict:
        one = self.conn.execute
        return {
            "path": str(self.path),
            "schema_version": one("PRAGMA user_version").fetchone()[0],
            "schema_latest": LATEST_VERSION,
            "sqlite_version": sqlite3.sqlite_version,
            "journal_mode": one("PRAGMA journal_mode").fetchone()[0],
            "petitions": one("SELECT count(*) FROM petitions").fetchone()[0],
            "open": one("SELECT count(*) FROM petitions WHERE status = 'open'").fetchone()[0],
            "villages": one("SELECT count(*) FROM villages").fetchone()[0],
            "leaders": one("SELECT count(*) FROM leaders").fetchone()[0],
            "first_received": one("SELECT min(received_on) FROM petitions").fetchone()[0],
            "last_received": one("SELECT max(received_on) FROM petitions").fetchone()[0],
        }


def _text(value) -> str | None:
    if value is None:
        return None
    return getattr(value, "code", None) or (value.isoformat() if hasattr(value, "isoformat") else str(value))
