"""Registering a whole file's cases: one INSERT per case with everything it brings (leader, acceptance,
closing, counters), its carried steps, and one history row — instead of replaying each step as a command."""

import sqlite3
import uuid
from datetime import datetime, time, timedelta

from guside_cli.core.dates import CHINA
from guside_cli.core.deadlines import DeadlineRules, effective_due, notice_due
from guside_cli.core.errors import InputError, NotFound
from guside_cli.core.model import NewPetition
from guside_cli.core.numbering import sequence_scope
from guside_cli.storage.rows import names_json, pollution_json

BULK_TABLES = ("petitions", "steps", "history")


class BulkMixin:
    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM petitions)").fetchone()[0] == 1

    def drop_secondary_indexes(self) -> list[str]:
        """Inside a write transaction, before a bulk load into an empty ledger: building the secondary indexes
        once at the end is cheaper than keeping them up to date row by row. Returns their DDL, for
        `restore_indexes` in the same transaction (a rollback brings them back by itself)."""
        rows = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(BULK_TABLES))})",
            BULK_TABLES,
        ).fetchall()
        for name, _ in rows:
            self.conn.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in rows]

    def restore_indexes(self, ddl: list[str]) -> None:
        for sql in ddl:
            self.conn.execute(sql)

    def import_petition(
        self, p: NewPetition, *, leader_id: int | None, rules: DeadlineRules, shorts: dict[str, str], note: str
    ) -> int:
        """Register one case as recorded elsewhere (history taken as recorded: a case closed before the tool
        existed needs no steps). Returns its id. Call inside `write()`."""
        # import checked the number already (to tell a re-import from a new case)
        case_id, number, _ = self.insert_petition(
            p, leader_id=leader_id, rules=rules, shorts=shorts, number_checked=True
        )
        self.log(case_id, "import", new=number, note=note)
        return case_id

    def insert_petition(
        self,
        p: NewPetition,
        *,
        leader_id: int | None,
        rules: DeadlineRules,
        shorts: dict[str, str],
        number_checked: bool = False,
    ) -> tuple[int, str, int | None]:
        """The one INSERT of a case, shared by `add` and import: number (kept or drawn), repeat link, uid, due
        dates, carried closing and steps. Returns (id, number, id of the first petition it repeats)."""
        if p.number is not None:
            if not number_checked and self._number_taken(p.number):
                raise InputError(
                    f"case number {p.number} is already in the ledger: numbers never repeat", field="number"
                )
            number = p.number
        else:
            number = self._allocate_number(p.received_on.year, sequence_scope(p.level, shorts[p.village]))
        repeat_id = None
        if p.repeat_of:
            try:
                repeat_id = self._chain_root(self.resolve(p.repeat_of))
            except NotFound as e:
                raise NotFound(f"repeat of {e}", field="repeat_of") from None
        try:
            cur = self._insert(p, number, repeat_id, leader_id, rules)
        except sqlite3.IntegrityError as e:
            if "petitions.uid" in str(e):  # the UNIQUE constraint answers without a look-up per case
                raise InputError(
                    f"case uid {p.uid} is already in the ledger (the same case imported twice?)", field="uid"
                ) from None
            raise
        case_id = cur.lastrowid
        carried = []
        if p.first_contact_at:
            carried.append((case_id, "contact", p.first_contact_at.isoformat(), None, "imported", self.at))
        if p.accepted_on:
            notice = datetime.combine(p.accepted_on, time(0), CHINA).isoformat()
            carried.append((case_id, "notify", notice, None, "imported", self.at))
        if carried:
            self.conn.executemany(
                "INSERT INTO steps (petition_id, kind, at, by, note, created_at) VALUES (?, ?, ?, ?, ?, ?)", carried
            )
        self.note_enterprise(p.enterprise, p.village)
        self.note_key_persons(p.key_persons, p.village)
        return case_id, number, repeat_id

    def _insert(self, p: NewPetition, number: str, repeat_id: int | None, leader_id: int | None, rules: DeadlineRules):
        extension = p.extension_days
        given = p.due_on - timedelta(days=extension) if (p.due_on and extension) else p.due_on
        due = effective_due(p.received_on, rules, accepted_on=p.accepted_on, given=given, extension_days=extension)
        return self.conn.execute(
            """INSERT INTO petitions (uid, number, received_at, received_on, village, form, level, source, pollution,
                subject, cause, persons, unit, enterprise, petitioner, phone, id_number, key_persons, forecast, ref_no,
                due_on, due_given, notice_due_on, accepted_on, extension_days, extension_reason, status, closed_on,
                outcome, verified, satisfaction, reopened, leader_id, repeat_of, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                       ?, ?, ?)""",
            (
                p.uid or str(uuid.uuid4()),
                number,
                p.received_at.isoformat(),
                p.received_on.isoformat(),
                p.village,
                p.form.code if p.form else None,
                p.level.code,
                p.source.code,
                pollution_json(p.pollution),
                p.subject,
                p.cause,
                p.persons,
                p.unit,
                p.enterprise,
                p.petitioner,
                p.phone,
                p.id_number,
                names_json(p.key_persons),
                p.forecast,
                p.ref_no,
                due.isoformat(),
                given.isoformat() if given else None,
                notice_due(p.received_on, rules).isoformat(),
                p.accepted_on.isoformat() if p.accepted_on else None,
                extension,
                p.extension_reason,
                "closed" if p.closed else "open",
                p.closed_on.isoformat() if p.closed_on else None,
                p.outcome.code if p.outcome else None,
                int(p.verified),
                p.satisfaction.code if p.satisfaction else None,
                p.reopened,
                leader_id,
                repeat_id,
                self.at,
            ),
        )
