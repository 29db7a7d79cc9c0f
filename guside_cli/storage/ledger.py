"""The Ledger: every SQL statement of the tool lives here (or in its helpers), nowhere else."""

import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from guside_cli.core.enums import Form, Level, Pollution, Source, Status
from guside_cli.core.errors import InputError, LedgerError, NotFound
from guside_cli.core.filters import CaseFilter
from guside_cli.core.model import NewPetition, Petition, Village
from guside_cli.core.numbering import format_number, sequence_scope
from guside_cli.storage.connection import connect
from guside_cli.storage.migrations import LATEST_VERSION

_SELECT = """
SELECT p.*, r.number AS repeat_number
FROM petitions p LEFT JOIN petitions r ON r.id = p.repeat_of
"""


class Ledger:
    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
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
    def write(self) -> Iterator["Ledger"]:
        """One command's writes as one transaction. BEGIN IMMEDIATE takes the write lock up front, so two
        desks queue on the busy timeout instead of failing with 'database is locked' mid-transaction."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise LedgerError(
                    f"ledger busy: another desk has been writing to {self.path} too long; try again in a moment"
                ) from None
            raise
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    # --- villages -------------------------------------------------------------------------------------

    def villages(self) -> list[Village]:
        rows = self.conn.execute("SELECT name, short, kind FROM villages ORDER BY id")
        return [Village(r["name"], r["short"], r["kind"]) for r in rows]

    def village_counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT village, count(*) FROM petitions GROUP BY village")
        return {village: n for village, n in rows}

    def add_village(self, village: Village, created_at: str) -> None:
        clash = self.conn.execute(
            "SELECT name FROM villages WHERE name = ? OR short = ?", (village.name, village.short)
        ).fetchone()
        if clash:
            raise InputError(f"village '{village.name}' clashes with '{clash[0]}' already in the list")
        self.conn.execute(
            "INSERT INTO villages (name, short, kind, created_at) VALUES (?, ?, ?, ?)",
            (village.name, village.short, village.kind, created_at),
        )

    def village_short(self, name: str) -> str:
        row = self.conn.execute("SELECT short FROM villages WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise NotFound(f"unknown village '{name}': see `guside village list`")
        return row[0]

    # --- petitions ------------------------------------------------------------------------------------

    def _allocate_number(self, year: int, scope: str) -> str:
        """Next number in a sequence. Runs inside the write transaction, so two desks never draw the same
        one and a rolled-back command leaves no gap; numbers given by hand are stepped over."""
        while True:
            (seq,) = self.conn.execute(
                "INSERT INTO sequences (scope, year, last) VALUES (?, ?, 1) "
                "ON CONFLICT (scope, year) DO UPDATE SET last = last + 1 RETURNING last",
                (scope, year),
            ).fetchone()
            number = format_number(year, scope, seq)
            if not self._number_taken(number):
                return number

    def _number_taken(self, number: str) -> bool:
        return self.conn.execute("SELECT 1 FROM petitions WHERE number = ?", (number,)).fetchone() is not None

    def add_petition(self, p: NewPetition, *, due_on: date | None, created_at: str) -> Petition:
        """Register one petition; call inside `write()`."""
        if p.number is not None:
            if self._number_taken(p.number):
                raise InputError(f"case number {p.number} is already in the ledger: numbers never repeat")
            number = p.number
        else:
            scope = sequence_scope(p.level, self.village_short(p.village))
            number = self._allocate_number(p.received_on.year, scope)
        repeat_id = self.resolve(p.repeat_of) if p.repeat_of else None
        cur = self.conn.execute(
            """INSERT INTO petitions (uid, number, received_at, received_on, village, form, level, source,
                pollution, subject, cause, persons, unit, enterprise, petitioner, phone, id_number, key_persons,
                forecast, ref_no, due_on, status, repeat_of, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)""",
            (
                str(uuid.uuid4()),
                number,
                p.received_at.isoformat(),
                p.received_on.isoformat(),
                p.village,
                p.form.code if p.form else None,
                p.level.code,
                p.source.code,
                json.dumps([x.code for x in p.pollution]),
                p.subject,
                p.cause,
                p.persons,
                p.unit,
                p.enterprise,
                p.petitioner,
                p.phone,
                p.id_number,
                json.dumps(list(p.key_persons), ensure_ascii=False),
                p.forecast,
                p.ref_no,
                (p.due_on or due_on).isoformat() if (p.due_on or due_on) else None,
                repeat_id,
                created_at,
            ),
        )
        return self.get(str(cur.lastrowid))

    def resolve(self, ref: str) -> int:
        """A case's id from its number or its integer id."""
        ref = ref.strip()
        row = self.conn.execute("SELECT id FROM petitions WHERE number = ?", (ref,)).fetchone()
        if row is None and ref.isascii() and ref.isdigit():
            row = self.conn.execute("SELECT id FROM petitions WHERE id = ?", (int(ref),)).fetchone()
        if row is None:
            raise NotFound(f"no case '{ref}' in the ledger: give its number (2018-0042) or id; see `guside list`")
        return row[0]

    def get(self, ref: str) -> Petition:
        row = self.conn.execute(_SELECT + " WHERE p.id = ?", (self.resolve(ref),)).fetchone()
        return _petition(row)

    def find(self, f: CaseFilter, *, limit: int | None = None, offset: int = 0) -> Iterator[Petition]:
        where, params = _where(f)
        sql = f"{_SELECT} WHERE {where} ORDER BY p.received_at DESC, p.id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        for row in self.conn.execute(sql, params):
            yield _petition(row)

    def count(self, f: CaseFilter) -> int:
        where, params = _where(f)
        return self.conn.execute(f"SELECT count(*) FROM petitions p WHERE {where}", params).fetchone()[0]

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
            "first_received": one("SELECT min(received_on) FROM petitions").fetchone()[0],
            "last_received": one("SELECT max(received_on) FROM petitions").fetchone()[0],
        }


def _where(f: CaseFilter) -> tuple[str, list]:
    clauses, params = ["1"], []
    if f.start:
        clauses.append("p.received_on >= ?")
        params.append(f.start.isoformat())
    if f.end:
        clauses.append("p.received_on <= ?")
        params.append(f.end.isoformat())
    for column, value in (
        ("village", f.village),
        ("level", f.level),
        ("form", f.form),
        ("source", f.source),
        ("status", f.status),
    ):
        if value is not None:
            clauses.append(f"p.{column} = ?")
            params.append(getattr(value, "code", value))
    if f.escalated is not None:
        clauses.append(f"p.level {'' if f.escalated else 'NOT '}IN ('province', 'national')")
    if f.text:
        like = "%" + f.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = ("p.number", "p.subject", "p.cause", "p.unit", "p.enterprise", "p.ref_no")
        clauses.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
        params.extend([like] * len(columns))
    return " AND ".join(clauses), params


def _petition(row: sqlite3.Row) -> Petition:
    return Petition(
        id=row["id"],
        uid=row["uid"],
        number=row["number"],
        received_at=datetime.fromisoformat(row["received_at"]),
        village=row["village"],
        level=Level(row["level"]),
        subject=row["subject"],
        form=Form(row["form"]) if row["form"] else None,
        source=Source(row["source"]),
        pollution=tuple(Pollution(x) for x in json.loads(row["pollution"])),
        cause=row["cause"],
        persons=row["persons"],
        unit=row["unit"],
        enterprise=row["enterprise"],
        petitioner=row["petitioner"],
        phone=row["phone"],
        id_number=row["id_number"],
        key_persons=tuple(json.loads(row["key_persons"])),
        forecast=row["forecast"],
        ref_no=row["ref_no"],
        due_on=date.fromisoformat(row["due_on"]) if row["due_on"] else None,
        status=Status(row["status"]),
        created_at=row["created_at"],
        closed_on=date.fromisoformat(row["closed_on"]) if row["closed_on"] else None,
        outcome=row["outcome"],
        repeat_of=row["repeat_number"],
    )
