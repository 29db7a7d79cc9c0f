"""Writing cases: the one INSERT of a case (shared by `add` and import) with everything it brings (leader,
acceptance, closing, counters) and its carried steps; and `BulkLoad`, which writes a file's cases in batches
with their history rows — instead of replaying each step as a command."""

import os
import sqlite3
from array import array
from datetime import datetime, time, timedelta

from guside_cli.core.casepath import arrival
from guside_cli.core.dates import CHINA
from guside_cli.core.deadlines import DeadlineRules, effective_due, notice_due, review_due
from guside_cli.core.errors import InputError, NotFound
from guside_cli.core.ids import uuid7
from guside_cli.core.model import HandedCase, NewPetition
from guside_cli.core.numbering import sequence_scope
from guside_cli.messages import M
from guside_cli.storage.base import LedgerBase
from guside_cli.storage.rows import INSERT_EXTENSION, INSERT_HISTORY, extension_row, names_json, pollution_json
from guside_cli.storage.seal import IMPORT, SEALED, Sealer, leave_case_inserts

BULK_TABLES = ("petitions", "steps", "history")
# kept while a load writes: rows are looked up by number (duplicates, repeats, drawn numbers), and numbers of an
# office's file arrive in order, so they land near the index's right edge; the uid index is built after the rows
KEPT = ("petitions_number",)
PETITION_NAMES = [
    *("id", "uid", "number", "received_at", "received_on", "village", "form", "level", "source", "pollution"),
    *("subject", "cause", "persons", "unit", "enterprise", "petitioner", "phone", "id_number", "key_persons"),
    *("forecast", "ref_no", "due_on", "due_given", "notice_due_on", "accepted_on", "extension_days"),
    *("extension_reason", "status", "closed_on", "outcome", "verified", "satisfaction", "reopened", "leader_id"),
    *("repeat_of", "created_at", "stage", "is_key", "concluded_on", "conclusion", "closed_from"),
    *("not_accepted_reason", "review_requested_on", "review_due_on", "review_decided_on", "review_outcome"),
    *("re_review_requested_on", "re_review_due_on", "re_review_decided_on", "re_review_outcome"),
    *("extension_approved_by", "key_repeat", "served_on", "rehandle_from"),
]  # the values `petition_values` gives, in this order
INSERT_PETITION = f"INSERT INTO petitions ({', '.join(PETITION_NAMES)}) VALUES ({', '.join('?' * len(PETITION_NAMES))})"
# what only the writer knows of a prepared row, with its id and a drawn number
LEADER, REPEAT = PETITION_NAMES.index("leader_id"), PETITION_NAMES.index("repeat_of")
STEP_COLUMNS = ("id", "petition_id", "kind", "at", "by", "note", "created_at")
INSERT_STEP = "INSERT INTO steps (petition_id, kind, at, by, note, created_at) VALUES (?, ?, ?, ?, ?, ?)"
INSERT_STEP_WITH_ID = f"INSERT INTO steps ({', '.join(STEP_COLUMNS)}) VALUES ({', '.join('?' * len(STEP_COLUMNS))})"


class BulkMixin(LedgerBase):
    def is_empty(self) -> bool:
        return self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM petitions)").fetchone()[0] == 1

    def drop_secondary_indexes(self) -> list[str]:
        """Inside a write transaction, before a bulk load into an empty ledger: building the secondary indexes
        once at the end is cheaper than keeping them up to date row by row. Returns their DDL, for
        `restore_indexes` in the same transaction (a rollback brings them back by itself)."""
        rows = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(BULK_TABLES))}) AND name NOT IN ({', '.join('?' * len(KEPT))})",
            (*BULK_TABLES, *KEPT),
        ).fetchall()
        for name, _ in rows:
            self.conn.execute(f'DROP INDEX "{name}"')
        return [sql for _, sql in rows]

    def restore_indexes(self, ddl: list[str]) -> None:
        """Build the indexes a load dropped. SQLite's sorter may use the machine's other cores for it (the
        reading process has ended by then): `PRAGMA threads`, for this only."""
        self.conn.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
        try:
            for sql in ddl:
                self.conn.execute(sql)
        finally:
            self.conn.execute("PRAGMA threads = 0")

    def insert_petition(
        self,
        p: NewPetition,
        *,
        leader_id: int | None,
        rules: DeadlineRules,
        shorts: dict[str, str],
    ) -> tuple[int, str, int | None]:
        """The one INSERT of a case, shared by `add` and import: number (kept or drawn), repeat link, uid, due
        dates, carried closing and steps. Returns (id, number, id of the first petition it repeats)."""
        if p.number is not None:
            if self._number_taken(p.number):
                raise InputError(M("ledger.number_used", number=p.number), field="number")
            number = p.number
        else:
            number = self._allocate_number(p.received_on.year, sequence_scope(p.level, shorts[p.village]))
        repeat_id = None
        if p.repeat_of:
            try:
                target = self.resolve(p.repeat_of)
                repeat_id = self._chain_root(target)
            except NotFound as e:
                raise NotFound(M("ledger.repeat_of", why=e.message), field="repeat_of") from None
            later = self.conn.execute(
                "SELECT number, received_at FROM petitions WHERE id = ? AND received_at > ?",
                (target, p.received_at.isoformat()),
            ).fetchone()
            if later:
                raise InputError(M("trust.repeat.later", number=later[0], when=later[1][:16]), field="repeat_of")
        uid = p.uid or uuid7()
        try:
            cur = self.conn.execute(
                INSERT_PETITION, self.petition_values(None, p, uid, number, repeat_id, leader_id, rules)
            )
        except sqlite3.IntegrityError as e:
            if "petitions.uid" in str(e):
                raise refusal(e, uid=uid, number=number) from None
            raise
        case_id = cur.lastrowid
        assert case_id is not None  # an INSERT into a rowid table
        carried = carried_steps(case_id, p, self.at)
        if carried:
            self.conn.executemany(INSERT_STEP, carried)
        if p.extensions:
            self.conn.executemany(INSERT_EXTENSION, [extension_row(case_id, e, self.at) for e in p.extensions])
        self.note_enterprise(p.enterprise, p.village)
        self.note_key_persons(p.key_persons, p.village)
        return case_id, number, repeat_id

    def petition_values(
        self,
        case_id: int | None,
        p: NewPetition,
        uid: str,
        number: str,
        repeat_id: int | None,
        leader_id: int | None,
        rules: DeadlineRules,
    ) -> tuple:
        """The row INSERT_PETITION writes (its id None for SQLite to choose)."""
        stage, concluded_on, conclusion, closed_from = arrival(p)
        extension = p.extension_days
        given = p.due_on - timedelta(days=extension) if (p.due_on and extension) else p.due_on
        due = effective_due(
            p.received_on,
            rules,
            accepted_on=p.accepted_on,
            given=given,
            extension_days=extension,
            rehandle_from=p.rehandle_from,
        )
        return (
            case_id,
            uid,
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
            stage.code,
            int(p.is_key),
            concluded_on.isoformat() if concluded_on else None,
            conclusion.code if conclusion else None,
            closed_from.code if closed_from else None,
            p.not_accepted_reason,
            *_review(p.review_requested_on, p.review_decided_on, p.review_outcome, rules),
            *_review(p.re_review_requested_on, p.re_review_decided_on, p.re_review_outcome, rules),
            p.extension_approved_by,
            int(p.key_repeat),
            p.served_on.isoformat() if p.served_on else None,
            p.rehandle_from.isoformat() if p.rehandle_from else None,
        )


def _review(requested, decided, outcome, rules: DeadlineRules) -> tuple:
    """A 复查 or 复核 carried by a file: its dates, the decision due from the request, its outcome."""
    if requested is None and decided is None and outcome is None:
        return _NO_REVIEW  # most cases
    due = review_due(requested, rules) if requested else None
    dates = (d.isoformat() if d else None for d in (requested, due, decided))
    return (*dates, outcome.code if outcome else None)


_NO_REVIEW = (None, None, None, None)


def prepare(ledger, p: NewPetition, rules: DeadlineRules) -> tuple:
    """A case's row as far as its values alone decide it (the reading process makes it): the writer puts in
    the id, the number when drawn, the leader and the repeated case (`BulkLoad.add`)."""
    return ledger.petition_values(None, p, p.uid or uuid7(), p.number, None, None, rules)


def carried_steps(case_id: int, p: NewPetition | HandedCase, at: str) -> list[tuple]:
    """The steps a case brings from an older ledger: its 三个第一 (first contact, arrival and mediation) and its
    acceptance notice."""
    carried = []
    for kind, moment in (("contact", p.first_contact_at), ("arrive", p.first_arrival_at),
                         ("mediate", p.first_mediation_at)):  # fmt: skip
        if moment:
            carried.append((case_id, kind, moment.isoformat(), None, "imported", at))
    if p.accepted_on:
        notice = datetime.combine(p.accepted_on, time(0), CHINA).isoformat()
        carried.append((case_id, "notify", notice, None, "imported", at))
    return carried


class BulkLoad:
    """A file's new cases, written in batches inside the caller's write transaction.

    Each case gets its id here (the write lock is held: nobody else can take one), so its petition row, carried
    steps and history row go to SQLite in one `executemany` per table per batch rather than four statements
    per case. The history row of each case is its import and its seal at once (`storage.seal.Sealer`: the
    digest of the values written, equal to what `check` computes from the tables). Cases waiting in the batch
    are remembered by number, so a later row that repeats one, or draws a number, sees them. A batch the ledger
    refuses (a number or uid already there) is written again row by row inside a savepoint, so each problem
    names its row. Into an empty ledger the uid index is built after the rows, and a uid given twice is found by
    one query at the end (`duplicate_uids`). Measured: see bench/README.md.
    """

    BATCH = 2000

    def __init__(self, ledger, *, rules: DeadlineRules, shorts: dict[str, str]):
        self.ledger, self.rules, self.shorts = ledger, rules, shorts
        conn = ledger.conn
        self.next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM petitions").fetchone()[0]
        self.next_step = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM steps").fetchone()[0]
        self.first_id = self.next_id  # cases from this id on were written by this load
        self.sealer = Sealer(conn, PETITION_NAMES, STEP_COLUMNS)
        leave_case_inserts(conn)
        self.petitions: list[tuple] = []
        self.steps: list[tuple] = []
        self.extensions: list[tuple] = []  # sealed with their table at the write's end (storage/seal.py)
        self.history: list[tuple] = []
        self.rows: list[int] = []
        self.row_by_id = array("i")  # the file row of case first_id + i
        self.pending: dict[str, tuple[int, int]] = {}  # number -> (id, id of its chain's first petition)
        self.held: set[str] = set()  # numbers of the rows looked up last (`look_up`) that the ledger holds
        self.added: set[str] = set()  # numbers this load wrote since
        self.problems: list[tuple[int, InputError]] = []  # (row, why) for rows the ledger refused
        self.matched: set[int] = set()  # cases already in the ledger that a row of this load was found to be
        self.empty_before = ledger.is_empty()

    def row_of(self, case_id: int) -> int | None:
        """The file row a case of this load came from."""
        index = case_id - self.first_id
        return self.row_by_id[index] if 0 <= index < len(self.row_by_id) else None

    def look_up(self, numbers: list[str]) -> None:
        """Which of the next rows' numbers the ledger holds (now or once), in one query for the lot instead of
        one per row; `taken` answers from it."""
        import json

        self.flush()
        self.added = set()
        given = json.dumps(numbers, ensure_ascii=False)
        self.held = {
            number
            for (number,) in self.ledger.conn.execute(
                "SELECT p.number FROM json_each(?1) j JOIN petitions p ON p.number = j.value "
                "UNION SELECT f.number FROM json_each(?1) j JOIN former_numbers f ON f.number = j.value",
                (given,),
            )
        }

    def taken(self, number: str) -> bool:
        """Whether the ledger holds `number`: one of the numbers looked up, or one this load wrote since (call
        `look_up` first for the rows to come, and `flush` before asking about a number still pending)."""
        return number in self.held or number in self.added

    def already_there(self, p: NewPetition | HandedCase) -> bool:
        """Whether a row given without a number is a case the ledger held before this load: the same receipt time,
        village, subject and petitioner (a file of an office's own 台账 imported again). Each case stands for one
        row only, so two such rows (two people on one day) need two such cases."""
        if self.empty_before:
            return False
        found = self.ledger.conn.execute(
            "SELECT id FROM petitions WHERE received_on = ? AND village = ? AND received_at = ? AND subject = ?"
            " AND petitioner IS ? AND id < ? ORDER BY id",
            (p.received_on.isoformat(), p.village, p.received_at.isoformat(), p.subject, p.petitioner, self.first_id),
        )
        for (case_id,) in found:
            if case_id not in self.matched:
                self.matched.add(case_id)
                return True
        return False

    def holds(self, number: str | None) -> bool:
        return number in self.pending

    def add(
        self, row: int, p: NewPetition | HandedCase, *, leader_id: int | None, note: str, prepared: tuple | None = None
    ) -> None:
        """Queue a case. `prepared`: its row as `prepare` made it (in the reading process), completed here."""
        ledger = self.ledger
        if p.number is not None:
            number = p.number
        else:
            scope = sequence_scope(p.level, self.shorts[p.village])
            number = ledger._allocate_number(p.received_on.year, scope, pending=self.pending)
        repeat_id = self._repeat_root(p.repeat_of) if p.repeat_of else None
        case_id = self.next_id
        self.next_id += 1
        if prepared is None:
            values = ledger.petition_values(case_id, p, p.uid or uuid7(), number, repeat_id, leader_id, self.rules)
        else:
            completed = list(prepared)
            completed[0], completed[2], completed[LEADER], completed[REPEAT] = case_id, number, leader_id, repeat_id
            values = tuple(completed)
        steps = []
        for carried in carried_steps(case_id, p, ledger.at):
            steps.append((self.next_step, *carried))
            self.next_step += 1
        self.petitions.append(values)
        self.steps.extend(steps)
        if p.extensions:
            self.extensions.extend(extension_row(case_id, e, ledger.at) for e in p.extensions)
        digest = self.sealer.digest(values, steps)
        self.history.append(ledger.chain_row(case_id, IMPORT, field=SEALED, new=digest, note=note, seals=True))
        ledger.note_enterprise(p.enterprise, p.village)
        ledger.note_key_persons(p.key_persons, p.village)
        self.pending[number] = (case_id, repeat_id or case_id)
        self.added.add(number)
        self.rows.append(row)
        self.row_by_id.append(row)
        if len(self.petitions) >= self.BATCH:
            self.flush()

    def _repeat_root(self, ref: str) -> int:
        if ref in self.pending:
            return self.pending[ref][1]
        try:
            return self.ledger._chain_root(self.ledger.resolve(ref))
        except NotFound as e:
            if self.pending:  # given by id, perhaps, of a case still waiting in the batch
                self.flush()
                return self._repeat_root(ref)
            raise NotFound(M("ledger.repeat_of", why=e.message), field="repeat_of") from None

    def flush(self) -> None:
        if not self.petitions:
            return
        conn = self.ledger.conn
        conn.execute("SAVEPOINT bulk_load")
        try:
            conn.executemany(INSERT_PETITION, self.petitions)
        except sqlite3.IntegrityError:
            conn.execute("ROLLBACK TO bulk_load")
            self._find_refused()
        else:
            conn.executemany(INSERT_STEP_WITH_ID, self.steps)
            conn.executemany(INSERT_EXTENSION, self.extensions)
            conn.executemany(INSERT_HISTORY, self.history)
        conn.execute("RELEASE bulk_load")
        self.petitions, self.steps, self.extensions, self.history, self.rows = [], [], [], [], []
        self.pending.clear()

    def _find_refused(self) -> None:
        """The batch was refused: which rows, and why (nothing more is written: the load will roll back)."""
        for row, values in zip(self.rows, self.petitions, strict=True):
            try:
                self.ledger.conn.execute(INSERT_PETITION, values)
            except sqlite3.IntegrityError as e:
                self.problems.append((row, self._twice(values[1], row) or refusal(e, uid=values[1], number=values[2])))

    def _twice(self, uid: str, row: int) -> InputError | None:
        """A uid refused because a case of this load has it: the file gives it twice, at these rows."""
        found = self.ledger.conn.execute("SELECT id FROM petitions WHERE uid = ? AND id >= ?", (uid, self.first_id))
        first = next((self.row_of(case_id) for (case_id,) in found), None)
        return None if first is None else InputError(M("files.uid_twice", uid=uid, first=first, row=row), field="uid")

    def duplicate_uids(self) -> list[tuple[int, InputError]]:
        """With the uid index built after the rows: every case whose uid an earlier case has, named by its file
        row, from one query (run when building the index failed, or when other rows have problems anyway)."""
        problems = []
        found = self.ledger.conn.execute(
            "SELECT uid, group_concat(id) FROM (SELECT uid, id FROM petitions WHERE uid IN "
            "(SELECT uid FROM petitions GROUP BY uid HAVING count(*) > 1) ORDER BY uid, id) GROUP BY uid"
        )
        for uid, ids in found:
            first, *later = (int(i) for i in ids.split(","))
            for case_id in later:
                row = self.row_of(case_id) or 0
                if self.row_of(first) is None:
                    problems.append((row, InputError(M("ledger.uid_used", uid=uid), field="uid")))
                else:
                    why = M("files.uid_twice", uid=uid, first=self.row_of(first), row=row)
                    problems.append((row, InputError(why, field="uid")))
        return problems


def refusal(e: sqlite3.IntegrityError, *, uid: str, number: str) -> InputError:
    """What a refused INSERT of a case means, for the clerk."""
    if "petitions.uid" in str(e):  # the UNIQUE constraint answers without a look-up per case
        return InputError(M("ledger.uid_used", uid=uid), field="uid")
    if "petitions.number" in str(e):
        return InputError(M("ledger.number_used", number=number), field="number")
    return InputError(M("ledger.refused", why=str(e)), field="row")
