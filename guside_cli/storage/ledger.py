"""The Ledger: every SQL statement of the tool lives in this package, most of it in this class's mixins."""

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from guside_cli.core.errors import InputError, LedgerError
from guside_cli.core.model import Village
from guside_cli.core.text import shown
from guside_cli.messages import M
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
    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> "Ledger":
        try:
            return cls(connect(path, create=create), path)
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise LedgerError(M("error.busy")) from None
            raise LedgerError(M("ledger.cannot_open", path=shown(path), why=str(e))) from None
        except sqlite3.DatabaseError as e:
            raise LedgerError(M("ledger.cannot_open", path=shown(path), why=str(e))) from None

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
                raise LedgerError(M("ledger.busy_long", path=shown(self.path))) from None
            raise
        self.actor, self.at = actor, at
        self.begin_history()
        from guside_cli.storage import writes
        from guside_cli.storage.periods import track_days
        from guside_cli.storage.seal import schema_digest, seal_rows, track

        try:
            track(self.conn)
            track_days(self.conn)
            schema_before = schema_digest(self.conn)
            yield self
            seal_rows(self, self._touched, schema_before)
        except BaseException:
            # SQLite rolls back by itself after some errors (a full disk): a second ROLLBACK would hide the first
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            writes.ended(saved=False)
            raise
        else:
            self.conn.execute("COMMIT")
            writes.ended(saved=True)
            _private(self.path)  # after the write succeeded: a refused write never changes the file's mode

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
            raise InputError(M("ledger.village_clash", name=village.name, other=clash[0]))
        self.conn.execute(
            "INSERT INTO villages (name, short, kind, created_at) VALUES (?, ?, ?, ?)",
            (village.name, village.short, village.kind, self.at),
        )
        self.log(None, "village.add", new=village.name)

    def backup_to(self, dest: Path) -> int:
        """SQLite's online backup into `dest`, a temp file the caller renames when complete (the output module's
        `temp_beside`): consistent even while other desks write. A full disk is an OSError naming `dest`, so
        the message names the backup's disk, not the ledger's."""
        import errno
        import os

        try:
            target = sqlite3.connect(dest)
            try:
                self.conn.backup(target)
                pages = target.execute("PRAGMA page_count").fetchone()[0]
                verdict = [r[0] for r in target.execute("PRAGMA quick_check")]
            finally:
                target.close()
        except sqlite3.OperationalError as e:
            if "full" in str(e):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dest)) from None
            raise
        for suffix in ("-journal", "-wal", "-shm"):
            Path(f"{dest}{suffix}").unlink(missing_ok=True)
        if verdict != ["ok"]:  # a copy of a damaged ledger is no backup: say so, keep nothing
            from guside_cli.core.text import shown
            from guside_cli.messages import M

            raise LedgerError(M("trust.error.malformed", path=shown(self.path), why="; ".join(verdict[:2])))
        return pages

    def check(self, anchors: Sequence[tuple[str, str]] = ()) -> tuple[list[dict], dict]:
        """Integrity, foreign keys, schema, the history's guards and chain, anchors, the history replay, and the
        chain's head, all read in one snapshot."""
        from guside_cli.storage.tables import APPLICATION_ID
        from guside_cli.storage.verify import snapshot_findings

        return snapshot_findings(self.conn, latest=LATEST_VERSION, app_id_expected=APPLICATION_ID, anchors=anchors)

    def sound(self) -> None:
        """Every page readable (PRAGMA quick_check), else the one-line refusal of a damaged ledger. A ledger that
        passed and has not changed since is not read again (storage/soundness.py)."""
        from guside_cli.storage.soundness import known_sound, remember_sound, state

        before = state(self.path)
        if known_sound(self.path, before):
            return
        verdict = [r[0] for r in self.conn.execute("PRAGMA quick_check")]
        if verdict == ["ok"]:
            remember_sound(self.path, before)
        else:
            from guside_cli.core.text import shown
            from guside_cli.messages import M

            raise LedgerError(M("trust.error.malformed", path=shown(self.path), why="; ".join(verdict[:2])))

    def head(self) -> dict:
        from guside_cli.storage.verify import head

        return head(self.conn)

    @classmethod
    def open_read_only(cls, path: Path) -> "Ledger":
        from guside_cli.storage.verify import open_read_only

        try:
            return cls(open_read_only(path), path)
        except sqlite3.DatabaseError as e:
            raise LedgerError(M("ledger.cannot_open", path=shown(path), why=str(e))) from None

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


def _private(path: Path) -> None:
    """A ledger file made readable by others (copied in, created by another tool) is made the owner's only on
    its first write that succeeds: it holds names, phone and ID numbers. Only the others' bits go: the owner's
    own (a 0444 file stays unwritable) are the owner's choice."""
    import os

    try:
        info = path.stat()
        if info.st_mode & 0o077 and info.st_uid == os.getuid():
            os.chmod(path, info.st_mode & 0o700)
    except OSError:
        pass
