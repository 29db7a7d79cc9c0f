"""Registering, finding and correcting cases."""

from collections.abc import Container, Iterator
from datetime import date, timedelta

from guside_cli.core.deadlines import effective_due, notice_due
from guside_cli.core.errors import NotFound
from guside_cli.core.filters import CaseFilter
from guside_cli.core.model import EDITABLE_FIELDS, NewPetition, Petition
from guside_cli.core.numbering import format_number
from guside_cli.messages import M
from guside_cli.storage import rules
from guside_cli.storage.base import LedgerBase
from guside_cli.storage.rows import (
    SELECT_CASES,
    SELECT_EXPORT,
    SELECT_EXPORT_ROWS,
    names_json,
    petition_from,
    pollution_json,
)

# how the editable elements are held on a Petition (and named as columns)
ATTRIBUTE = {"received": "received_at", "due_on": "due_given"}
REPEAT_WINDOW_DAYS = 365
# the first deadline still running on a case (storage/casepath.py), cases with no clock running last
EARLIEST_DUE = rules.earliest_due()


class CasesMixin(LedgerBase):
    def _allocate_number(self, year: int, scope: str, pending: Container[str] = ()) -> str:
        """Next number in a sequence. Runs inside the write transaction, so two desks never draw the same
        one and a rolled-back command leaves no gap; numbers given by hand are stepped over, and so are the
        `pending` ones a bulk load holds but has not written yet."""
        while True:
            (seq,) = self.conn.execute(
                "INSERT INTO sequences (scope, year, last) VALUES (?, ?, 1) "
                "ON CONFLICT (scope, year) DO UPDATE SET last = last + 1 RETURNING last",
                (scope, year),
            ).fetchone()
            number = format_number(year, scope, seq)
            if number not in pending and not self._number_taken(number):
                return number

    def number_taken(self, number: str) -> bool:
        return self._number_taken(number)

    def _number_taken(self, number: str) -> bool:
        """Taken by a case now, or once (a number left behind when the level crossed the line is never reused)."""
        return (
            self.conn.execute(
                "SELECT 1 FROM petitions WHERE number = ? UNION ALL SELECT 1 FROM former_numbers WHERE number = ?",
                (number, number),
            ).fetchone()
            is not None
        )

    def add_petition(self, p: NewPetition) -> Petition:
        """Register one petition; call inside `write()`."""
        from guside_cli.storage.settings import deadline_rules

        case_id, number, repeat_id = self.insert_petition(
            p, leader_id=None, rules=deadline_rules(self), shorts={p.village: self.village_short(p.village)}
        )
        self.log(case_id, "add", new=number)
        if repeat_id:
            root = self.get(str(repeat_id)).number
            self.log(
                case_id,
                "repeat",
                field="repeat_of",
                new=root,
                note=None if root == p.repeat_of else f"given {p.repeat_of}; linked to the first petition",
            )
            from guside_cli.core.casepath import final_decision

            final = final_decision([c for c in self.repeat_chain(case_id) if c.id != case_id])
            if final is not None:  # the matter's 复核 is decided: 不再受理 at once
                reason = f"{final.number} 复核终结 {final.re_review_decided_on}"
                self.reject(self.get(str(case_id)), p.received_on, reason, again=True)
        return self.get(str(case_id))

    def _chain_root(self, petition_id: int) -> int:
        """Repeats link to the first petition on the matter, so a chain is one level deep and each first
        petition knows how many times the matter came back."""
        return self.conn.execute(
            "SELECT coalesce(repeat_of, id) FROM petitions WHERE id = ?", (petition_id,)
        ).fetchone()[0]

    def possible_repeats(self, p: NewPetition) -> list[tuple[str, str]]:
        """Earlier cases that look like the same matter ("同人+同事"): same phone or ID number, or the same
        village and enterprise, received within the 12 months before. Returns (number, why) pairs, `why` being
        phone, id_number or enterprise."""
        since = (p.received_on - timedelta(days=REPEAT_WINDOW_DAYS)).isoformat()
        found: dict[str, str] = {}
        checks = (
            ("phone", p.phone, "phone"),
            ("id_number", p.id_number, "id_number"),
        )
        for column, value, why in checks:
            if value:
                for (number,) in self.conn.execute(
                    f"SELECT number FROM petitions WHERE {column} = ? AND received_on BETWEEN ? AND ? ORDER BY id",
                    (value, since, p.received_on.isoformat()),
                ):
                    found.setdefault(number, why)
        if p.enterprise:
            for (number,) in self.conn.execute(
                "SELECT number FROM petitions WHERE village = ? AND enterprise = ? AND received_on BETWEEN ? AND ? "
                "ORDER BY id",
                (p.village, p.enterprise, since, p.received_on.isoformat()),
            ):
                found.setdefault(number, "enterprise")
        return list(found.items())

    def find_number(self, number: str) -> Petition | None:
        row = self.conn.execute(SELECT_CASES + " WHERE p.number = ?", (number,)).fetchone()
        return petition_from(row) if row else None

    def resolve(self, ref: str) -> int:
        """A case's id from its number or its integer id."""
        ref = ref.strip()
        row = self.conn.execute("SELECT id FROM petitions WHERE number = ?", (ref,)).fetchone()
        if row is None:  # a number it had before its level crossed the numbering line
            row = self.conn.execute("SELECT petition_id FROM former_numbers WHERE number = ?", (ref,)).fetchone()
        if row is None and ref.isascii() and ref.isdigit() and len(ref) <= 18:
            row = self.conn.execute("SELECT id FROM petitions WHERE id = ?", (int(ref),)).fetchone()
        if row is None:
            raise NotFound(M("case.not_found", ref=ref))
        return row[0]

    def set_upstream_id(self, p: Petition, upstream_id: str) -> None:
        """The upstream system's id of a case (信访件编号), found by `reconcile --apply`."""
        self.conn.execute("UPDATE petitions SET upstream_id = ? WHERE id = ?", (upstream_id, p.id))
        self.log(p.id, "upstream_id", field="upstream_id", new=upstream_id)

    def by_id(self, case_id: int) -> Petition:
        return petition_from(self.conn.execute(SELECT_CASES + " WHERE p.id = ?", (case_id,)).fetchone())

    def get(self, ref: str) -> Petition:
        row = self.conn.execute(SELECT_CASES + " WHERE p.id = ?", (self.resolve(ref),)).fetchone()
        return petition_from(row)

    def find(
        self,
        f: CaseFilter,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "newest",
        extra_where: str = "",
        extra_params: tuple = (),
    ) -> Iterator[Petition]:
        where, params = case_where(f)
        if extra_where:
            where += f" AND ({extra_where})"
            params += list(extra_params)
        order_by = {"newest": "p.received_at DESC, p.id DESC", "due": f"{EARLIEST_DUE}, p.id"}[order]
        sql = f"{SELECT_CASES} WHERE {where} ORDER BY {order_by}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        for row in self.conn.execute(sql, params):
            yield petition_from(row)

    def export_rows(self, f: CaseFilter) -> Iterator[tuple]:
        """Every case the filter selects, in registration order, as the export's columns (EXPORT_FIELDS), computed
        by SQL so that a million cases stream without building a model of each. Lists stay JSON text."""
        where, params = case_where(f)
        yield from self.conn.execute(f"{SELECT_EXPORT_ROWS} WHERE {where} ORDER BY p.id", params)

    def export(self, f: CaseFilter) -> Iterator[tuple[Petition, str | None]]:
        """Every case the filter selects, in registration order, with its first contact time; streamed."""
        where, params = case_where(f)
        for row in self.conn.execute(f"{SELECT_EXPORT} WHERE {where} ORDER BY p.id", params):
            yield petition_from(row), row["first_contact"]

    def count(
        self, f: CaseFilter, *, extra_where: str = "", extra_params: tuple = (), source: str = "petitions p"
    ) -> int:
        """How many cases the filter selects; `source` may name the index to read (see LifecycleMixin)."""
        where, params = case_where(f)
        if extra_where:
            where += f" AND ({extra_where})"
            params += list(extra_params)
        return self.conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]

    def repeat_chain(self, petition_id: int) -> list[Petition]:
        """The chain a case belongs to: the first petition on the matter and every repeat linked to it."""
        (root,) = self.conn.execute(
            "SELECT coalesce(repeat_of, id) FROM petitions WHERE id = ?", (petition_id,)
        ).fetchone()
        rows = self.conn.execute(
            f"{SELECT_CASES} WHERE p.id = ? OR p.repeat_of = ? ORDER BY p.received_at, p.id", (root, root)
        )
        return [petition_from(r) for r in rows]

    def update_elements(self, p: Petition, new: NewPetition) -> list[str]:
        """Correct a case's elements (guside edit); each changed field goes to the history. Returns them."""
        changed = []
        for field in EDITABLE_FIELDS:
            name = ATTRIBUTE.get(field, field)
            before = getattr(p, name)
            after = getattr(new, field if field != "received" else "received_at")
            if before == after:
                continue
            if name == "due_given" and before is None and after == p.due_on:
                continue  # the date the case is due by already (an export's due_on, imported again): no given date
            changed.append(name)
            value = _column_value(name, after)
            if name == "received_at":  # one statement: the CHECK ties received_on to received_at
                self.conn.execute(
                    "UPDATE petitions SET received_at = ?, received_on = ? WHERE id = ?",
                    (value, after.date().isoformat(), p.id),
                )
            else:
                self.conn.execute(f"UPDATE petitions SET {name} = ? WHERE id = ?", (value, p.id))
            self.log(p.id, "edit", field=name, old=_column_value(name, before), new=value)
        if changed:
            self.renumber_across_line(p, new)
            self.note_enterprise(new.enterprise, new.village)
            self.note_key_persons(new.key_persons, new.village)
            self.refresh_due(p.id)
        return changed

    def renumber_across_line(self, p: Petition, new: NewPetition) -> None:
        """A level corrected across the 镇级编号 / 属地编号 line: a number from the other sequence."""
        from guside_cli.core.numbering import sequence_scope

        before = sequence_scope(p.level, self.village_short(p.village))
        after = sequence_scope(new.level, self.village_short(new.village))
        if p.level.escalated != new.level.escalated and before != after:
            self.renumber(p, self._allocate_number(new.received_on.year, after))

    def refresh_due(self, petition_id: int, reason: str | None = None) -> None:
        """Recompute the stored due dates from their inputs (receipt, acceptance, given date, extension); each
        date that moves is a history row, with `reason` when a setting moved it."""
        from guside_cli.core.deadlines import review_due
        from guside_cli.storage.settings import deadline_rules

        p = self.get(str(petition_id))
        rules = deadline_rules(self)
        due = effective_due(
            p.received_on,
            rules,
            accepted_on=p.accepted_on,
            given=p.due_given,
            extension_days=p.extension_days,
            rehandle_from=p.rehandle_from,
        )
        reviews = [review_due(d, rules) if d else None for d in (p.review_requested_on, p.re_review_requested_on)]
        notice = notice_due(p.received_on, rules)
        self.conn.execute(
            "UPDATE petitions SET due_on = ?, notice_due_on = ?, review_due_on = ?, re_review_due_on = ? WHERE id = ?",
            (due.isoformat(), notice.isoformat(), *(d.isoformat() if d else None for d in reviews), petition_id),
        )
        moved = (
            ("due_on", p.due_on, due),
            ("notice_due_on", p.notice_due_on, notice),
            ("review_due_on", p.review_due_on, reviews[0]),
            ("re_review_due_on", p.re_review_due_on, reviews[1]),
        )
        for column, old, new in moved:
            if old != new and (column == "due_on" or reason is not None):
                self.log(petition_id, "due", field=column, old=old, new=new, note=reason)


def _column_value(name: str, value):
    if value is None:
        return None
    if name == "pollution":
        return pollution_json(value)
    if name == "key_persons":
        return names_json(value)
    if hasattr(value, "code"):
        return value.code
    if isinstance(value, date):
        return value.isoformat()
    return value


def case_where(f: CaseFilter) -> tuple[str, list]:
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
            params.append(str(getattr(value, "code", value)))
    for column, codes in f.any_of:
        if column not in ("village", "level", "form", "source", "status"):
            raise ValueError(f"not a filter column: {column}")
        clauses.append(f"p.{column} IN (" + ", ".join("?" for _ in codes) + ")")
        params.extend(codes)
    if f.exposed_by is not None:
        clauses.append("p.id IN (SELECT petition_id FROM exposures WHERE scheduled_on <= ?)")
        params.append(f.exposed_by.isoformat())
    if f.carried_over is not None:
        clauses.append(rules.carried_over("?"))
        params.extend([f.carried_over.isoformat()] * 2)
    if f.escalated is not None:
        clauses.append(rules.escalated() if f.escalated else rules.not_escalated())
    if f.leader is not None:
        clauses.append("p.leader_id = (SELECT id FROM leaders WHERE name = ?)")
        params.append(f.leader)
    if f.enterprise is not None:
        clauses.append("p.enterprise = ?")
        params.append(f.enterprise)
    if f.repeats:
        clauses.append("(p.repeat_of IS NOT NULL OR EXISTS (SELECT 1 FROM petitions x WHERE x.repeat_of = p.id))")
    if f.text:
        like = "%" + f.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = ("p.number", "p.subject", "p.cause", "p.unit", "p.enterprise", "p.ref_no")
        former = "EXISTS (SELECT 1 FROM former_numbers f WHERE f.petition_id = p.id AND f.number LIKE ? ESCAPE '\\')"
        clauses.append("(" + " OR ".join([*(f"{c} LIKE ? ESCAPE '\\'" for c in columns), former]) + ")")
        params.extend([like] * (len(columns) + 1))
    return " AND ".join(clauses), params
