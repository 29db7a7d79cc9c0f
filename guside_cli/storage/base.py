"""What every part of the Ledger shares: its connection, who writes and when, and the history it appends to.
The Ledger (storage/ledger.py) joins the mixins of each area; each mixin is a LedgerBase, so what one area asks
of another is declared here once, typed, and checked against the area that implements it."""

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from guside_cli.core.chain import GENESIS, row_hash
from guside_cli.core.errors import NotFound
from guside_cli.messages import M
from guside_cli.storage.rows import INSERT_HISTORY

if TYPE_CHECKING:
    from collections.abc import Container, Iterable, Iterator
    from datetime import date

    from guside_cli.core.deadlines import DeadlineRules
    from guside_cli.core.filters import CaseFilter
    from guside_cli.core.model import Leader, NewPetition, Petition, Step


class LedgerBase:
    conn: sqlite3.Connection
    path: Path
    actor: str
    at: str

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self.actor = "unknown"
        self.at = ""
        conn.row_factory = sqlite3.Row

    def begin_history(self) -> None:
        """A write transaction's own state: where the chain ends, what it touched."""
        self._chain_end: tuple[int, str] | None = None  # (id, hash) of the history's last row, read once
        self.noted: set[tuple[str, str]] = set()  # enterprises and key persons known to exist, this transaction
        self._touched: set[int] = set()  # petitions this transaction wrote history for: sealed at the end
        self.sealed_cases: set[int] = set()  # petitions whose history row carries their seal (an import's)

    @property
    def wrote_history(self) -> bool:
        """Whether this transaction has appended to the history so far."""
        return self._chain_end is not None

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
        seals: bool = False,
    ) -> tuple:
        """The next history row with its id and its link in the hash chain, for the caller to INSERT (a bulk
        load writes many at once). Rows may reach the table out of order within the transaction: the chain
        runs by id. `seals`: the row carries the case's seal itself (an import's row), so the transaction's end
        needs no seal row for the case unless something else touches it after."""
        if not self.conn.in_transaction:
            raise RuntimeError("history is written only inside Ledger.write()")
        if self._chain_end is None:
            last = self.conn.execute("SELECT id, hash FROM history ORDER BY id DESC LIMIT 1").fetchone()
            self._chain_end = (last[0], last[1]) if last else (0, GENESIS)
        # the write lock is ours (BEGIN IMMEDIATE): nobody else can append between our reads and writes
        previous_id, previous_hash = self._chain_end
        if petition_id is not None:
            if seals:
                self._touched.discard(petition_id)
                self.sealed_cases.add(petition_id)
            else:
                self._touched.add(petition_id)
        row = (previous_id + 1, petition_id, self.at, self.actor, action, field, _text(old), _text(new), note)
        digest = row_hash(previous_hash, row)
        self._chain_end = (row[0], digest)
        return (*row, previous_hash, digest)

    def village_short(self, name: str) -> str:
        row = self.conn.execute("SELECT short FROM villages WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFound(M("ledger.unknown_village", name=name))
        return row[0]

    if TYPE_CHECKING:  # what the areas ask of one another, implemented by the mixins the Ledger joins

        def get(self, ref: str) -> "Petition": ...
        def resolve(self, ref: str) -> int: ...
        def find(
            self,
            f: "CaseFilter",
            *,
            limit: int | None = None,
            offset: int = 0,
            order: str = "newest",
            extra_where: str = "",
            extra_params: tuple = (),
        ) -> "Iterator[Petition]": ...
        def count(
            self, f: "CaseFilter", *, extra_where: str = "", extra_params: tuple = (), source: str = "petitions p"
        ) -> int: ...
        def refresh_due(self, petition_id: int, reason: str | None = None) -> None: ...
        def leader(self, name: str) -> "Leader": ...
        def steps(self, petition_id: int) -> "tuple[Step, ...]": ...
        def reject(self, p: "Petition", on: "date", reason: str, *, again: bool = False) -> None: ...
        def renumber(self, p: "Petition", number: str) -> None: ...
        def note_enterprise(self, name: str | None, village: str) -> None: ...
        def note_key_persons(self, names: "Iterable[str]", village: str) -> None: ...
        def insert_petition(
            self, p: "NewPetition", *, leader_id: int | None, rules: "DeadlineRules", shorts: dict[str, str]
        ) -> tuple[int, str, int | None]: ...
        def _number_taken(self, number: str) -> bool: ...
        def _chain_root(self, petition_id: int) -> int: ...
        def _allocate_number(self, year: int, scope: str, pending: "Container[str]" = ()) -> str: ...


def _text(value) -> str | None:
    if value is None:
        return None
    return getattr(value, "code", None) or (value.isoformat() if hasattr(value, "isoformat") else str(value))
