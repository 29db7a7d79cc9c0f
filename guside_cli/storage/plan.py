"""Enterprises, key persons, rewards, and the bulletin's and element check's queries."""

from datetime import date, timedelta

from guside_cli.core.enums import Rating
from guside_cli.core.errors import InputError, NotFound
from guside_cli.messages import M
from guside_cli.storage import rules
from guside_cli.storage.base import LedgerBase

INSPECTION = "('central_inspection', 'provincial_inspection')"

IN_CHAIN = "(p.repeat_of IS NOT NULL OR p.id IN (SELECT repeat_of FROM petitions WHERE repeat_of IS NOT NULL))"


class PlanMixin(LedgerBase):
    # --- enterprises ----------------------------------------------------------------------------------

    def note_enterprise(self, name: str | None, village: str) -> None:
        """Cases name their enterprise; an unknown one is created on first use."""
        if name and ("enterprise", name) not in self.noted:
            self.conn.execute(
                "INSERT INTO enterprises (name, village, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                (name, village, self.at),
            )
            self.noted.add(("enterprise", name))

    def note_key_persons(self, names, village: str) -> None:
        for name in names:
            if ("person", name) not in self.noted:
                self.conn.execute(
                    "INSERT INTO persons (name, village, created_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                    (name, village, self.at),
                )
                self.noted.add(("person", name))

    def enterprise(self, name: str):
        row = self.conn.execute("SELECT * FROM enterprises WHERE name = ?", (name.strip(),)).fetchone()
        if row is None:
            raise NotFound(M("enterprise.not_found", name=name))
        return _enterprise(row)

    def add_enterprise(self, e) -> None:
        if self.conn.execute("SELECT 1 FROM enterprises WHERE name = ?", (e.name,)).fetchone():
            raise InputError(M("enterprise.exists", name=e.name))
        self.conn.execute(
            "INSERT INTO enterprises (name, village, rating, compliant, created_at) VALUES (?, ?, ?, ?, ?)",
            (e.name, e.village, e.rating.code if e.rating else None, _flag(e.compliant), self.at),
        )
        self.log(None, "enterprise.add", field=e.name, new=e.rating.code if e.rating else None)

    def rate_enterprise(self, e, rating: Rating | None, compliant: bool | None, reason: str | None) -> None:
        if rating is not None and rating != e.rating:
            self.conn.execute("UPDATE enterprises SET rating = ? WHERE name = ?", (rating.code, e.name))
            self.log(None, "enterprise.rate", field=e.name, old=e.rating, new=rating, note=reason)
        if compliant is not None and compliant != e.compliant:
            self.conn.execute("UPDATE enterprises SET compliant = ? WHERE name = ?", (_flag(compliant), e.name))
            self.log(
                None, "enterprise.compliant", field=e.name, old=_flag(e.compliant), new=_flag(compliant), note=reason
            )

    def blockers(self, name: str, compliant: bool | None):
        from guside_cli.core.plan import Blockers

        inspection = [
            n
            for (n,) in self.conn.execute(
                f"SELECT number FROM petitions p WHERE enterprise = ? AND status = 'open' AND source IN {INSPECTION} "
                "ORDER BY received_on",
                (name,),
            )
        ]
        repeats = [
            n
            for (n,) in self.conn.execute(
                f"SELECT number FROM petitions p WHERE enterprise = ? AND status = 'open' AND {rules.escalated('p')} "
                f"AND {IN_CHAIN} ORDER BY received_on",
                (name,),
            )
        ]
        return Blockers(compliant=compliant, inspection_cases=tuple(inspection), escalated_repeats=tuple(repeats))

    def enterprise_table(self) -> list[dict]:
        rows = self.conn.execute(
            """SELECT e.name, e.village, e.rating, e.compliant,
                   count(p.id) FILTER (WHERE p.status = 'open') AS open,
                   count(p.id) FILTER (WHERE p.status = 'closed') AS closed
               FROM enterprises e LEFT JOIN petitions p ON p.enterprise = e.name
               GROUP BY e.id ORDER BY open DESC, e.name"""
        )
        return [dict(r) for r in rows]

    def stale_ratings(self) -> list[dict]:
        """Enterprises rated green or blue that the plan's rule now forbids, with the rating to fall to
        (`enterprise check` and the bulletin)."""
        from guside_cli.core.plan import should_be

        out = []
        for e in self.all_enterprises():
            if e.rating is None or not e.rating.good:
                continue
            blockers = self.blockers(e.name, e.compliant)
            target = should_be(e.rating, blockers)
            if target:
                out.append(
                    {
                        "enterprise": e.name,
                        "rating": e.rating.code,
                        "should_be": target.code,
                        "reasons": blockers.reasons(),
                        "cases": list(blockers.cases),
                    }
                )
        return out

    def all_enterprises(self) -> list:
        return [_enterprise(r) for r in self.conn.execute("SELECT * FROM enterprises ORDER BY name")]

    # --- key persons (重点人员, 一人一策) ---------------------------------------------------------------

    def add_person(
        self,
        name: str,
        *,
        village: str,
        plan: str | None,
        leader_id: int | None,
        phone: str | None,
        id_number: str | None,
        group: bool,
        members: int | None,
    ) -> None:
        if self.conn.execute("SELECT 1 FROM persons WHERE name = ?", (name,)).fetchone():
            raise InputError(M("person.exists", name=name))
        self.conn.execute(
            "INSERT INTO persons (name, village, is_group, members, plan, leader_id, phone, id_number, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (name, village, int(group), members, plan, leader_id, phone, id_number, self.at),
        )
        self.log(None, "person.add", field=name, new=plan)

    def person(self, name: str) -> dict:
        row = self.conn.execute(
            "SELECT s.*, l.name AS leader FROM persons s LEFT JOIN leaders l ON l.id = s.leader_id WHERE s.name = ?",
            (name.strip(),),
        ).fetchone()
        if row is None:
            raise NotFound(M("person.not_found", name=name))
        return dict(row)

    def set_plan(self, name: str, plan: str) -> None:
        old = self.person(name)["plan"]
        self.conn.execute("UPDATE persons SET plan = ? WHERE name = ?", (plan, name))
        self.log(None, "person.plan", field=name, old=old, new=plan)

    def person_table(self, today: date, name: str | None = None) -> list[dict]:
        """Each key person or group: village, leader, petitions in the last 12 months (of which escalated), the
        last petition date, open cases, and the plan."""
        since = (today - timedelta(days=365)).isoformat()
        where = "WHERE s.name = :name" if name else ""
        rows = self.conn.execute(
            f"""SELECT s.name, s.village, s.is_group, s.members, l.name AS leader, s.plan, s.phone, s.id_number,
                   count(p.id) FILTER (WHERE p.received_on BETWEEN :since AND :today) AS last_12_months,
                   count(p.id) FILTER (WHERE p.received_on BETWEEN :since AND :today
                                       AND {rules.escalated("p")}) AS escalated,
                   max(p.received_on) AS last_petition,
                   count(p.id) FILTER (WHERE p.status = 'open') AS open
               FROM persons s
               LEFT JOIN leaders l ON l.id = s.leader_id
               LEFT JOIN (SELECT p.*, j.value AS person FROM petitions p, json_each(p.key_persons) j) p
                   ON p.person = s.name
               {where}
               GROUP BY s.id ORDER BY last_12_months DESC, s.name""",
            {"since": since, "today": today.isoformat(), **({"name": name} if name else {})},
        )
        return [dict(r) for r in rows]

    # --- rewards (有奖举报) ----------------------------------------------------------------------------

    def add_reward(self, petition_id: int, amount, paid_on: date, note: str | None) -> None:
        self.conn.execute(
            "INSERT INTO rewards (petition_id, amount, paid_on, note, created_at) VALUES (?, ?, ?, ?, ?)",
            (petition_id, str(amount), paid_on.isoformat(), note, self.at),
        )
        self.log(petition_id, "reward", field="amount", new=str(amount), note=note)

    def rewards(self, start: date, end: date) -> list[dict]:
        rows = self.conn.execute(
            """SELECT r.paid_on, r.amount, r.note, p.number, p.village, p.petitioner FROM rewards r
               JOIN petitions p ON p.id = r.petition_id WHERE r.paid_on BETWEEN ? AND ? ORDER BY r.paid_on, r.id""",
            (start.isoformat(), end.isoformat()),
        )
        return [dict(r) for r in rows]

    # --- the bulletin and the element check -----------------------------------------------------------

    def village_case_lists(self, start: date, end: date) -> dict[str, dict[str, list[str]]]:
        """Per village, the numbers behind the bulletin's reasons: all petitions of the period, the escalated
        ones, the escalated ones open past their handling limit, and those still open."""
        found: dict[str, dict[str, list[str]]] = {}
        rows = self.conn.execute(
            f"""SELECT village, number, {rules.escalated("p")} AS escalated, status = 'open' AS open,
                   coalesce({rules.overdue(":end", as_it_stood=True)}, 0) AS late
               FROM petitions p WHERE received_on BETWEEN :start AND :end ORDER BY village, received_on, id""",
            {"start": start.isoformat(), "end": end.isoformat()},
        )
        for village, number, escalated, is_open, late in rows:
            lists = found.setdefault(village, {"all": [], "escalated": [], "late_escalated": [], "open": []})
            lists["all"].append(number)
            if escalated:
                lists["escalated"].append(number)
                if late:
                    lists["late_escalated"].append(number)
            if is_open:
                lists["open"].append(number)
        return found

    def missing_elements(self) -> list[dict]:
        """Cases missing any of the plan's 建档 elements: cause, responsible unit, forecast; and key persons for
        group petitions (5 or more people). Village and persons involved are required by the schema itself."""
        rows = self.conn.execute(
            f"""SELECT number, village, persons, cause IS NULL AS cause, unit IS NULL AS unit,
                   forecast IS NULL AS forecast, {rules.many_persons()} AND key_persons = '[]' AS key_persons,
                   {rules.needs_holder()} AS leader
               FROM petitions p WHERE NOT ({rules.elements_complete()}) OR {rules.needs_holder()}
               ORDER BY received_on, id"""
        )
        return [
            {
                "number": r["number"],
                "village": r["village"],
                "missing": [k for k in ("cause", "unit", "forecast", "key_persons", "leader") if r[k]],
            }
            for r in rows
        ]

    def survey_list(self) -> list[dict]:
        """排查 (三(二)): every 到部去省 or handed-down case since 2017 with no 包案 leader (open or 销号)."""
        rows = self.conn.execute(
            f"""SELECT number, village, level, source, received_on, status FROM petitions p
                WHERE {rules.needs_holder()} ORDER BY received_on, id"""
        )
        return [dict(r) for r in rows]


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _enterprise(row):
    from guside_cli.core.plan import Enterprise

    return Enterprise(
        name=row["name"],
        village=row["village"],
        rating=Rating(row["rating"]) if row["rating"] else None,
        compliant=None if row["compliant"] is None else bool(row["compliant"]),
    )
