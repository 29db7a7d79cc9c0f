"""One rule, two languages, one definition: on random ledgers, each rule of core.rules judged in Python on a case
read back from the ledger agrees with its SQL predicate (storage.rules) over the same rows."""

import sqlite3
from datetime import date, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guside_cli.core import rules
from guside_cli.core.dates import CHINA
from guside_cli.storage import rules as sql
from guside_cli.storage.connection import create_file, ensure_schema
from guside_cli.storage.rows import SELECT_CASES, petition_from

START = date(2016, 12, 1)
LEVELS = ("town", "county", "prefecture", "province", "national")
SOURCES = ("direct", "hotline_12345", "central_inspection", "provincial_inspection", "campaign_263", "superior")
FORMS = (None, "letter", "visit", "online", "phone")
STEP_KINDS = ("contact", "arrive", "mediate", "notify", "other")

days = st.integers(min_value=0, max_value=900)
maybe_day = st.one_of(st.none(), days)

DATED = (
    "due_on",
    "notice_due_on",
    "accepted_on",
    "concluded_on",
    "closed_on",
    "rehandle_from",
    "review_requested_on",
    "review_due_on",
    "review_decided_on",
    "re_review_requested_on",
    "re_review_due_on",
    "re_review_decided_on",
)
case = st.fixed_dictionaries(
    {
        "received": days,
        "hour": st.integers(min_value=0, max_value=23),
        "level": st.sampled_from(LEVELS),
        "source": st.sampled_from(SOURCES),
        "form": st.sampled_from(FORMS),
        "persons": st.integers(min_value=1, max_value=8),
        "status": st.sampled_from(("open", "closed")),
        "led": st.booleans(),
        # each date a number of days after receipt, or none
        **{name: maybe_day for name in DATED},
        "steps": st.lists(
            st.tuples(st.sampled_from(STEP_KINDS), st.integers(min_value=0, max_value=72 * 60)), max_size=3
        ),
    }
)


def _ledger(path) -> sqlite3.Connection:
    create_file(path)
    conn = sqlite3.connect(path)
    ensure_schema(conn, path)
    conn.row_factory = sqlite3.Row
    conn.execute("INSERT INTO leaders (name, rank, created_at) VALUES ('王镇长', 'town', 'x')")
    return conn


def _fill(conn: sqlite3.Connection, cases: list[dict]) -> None:
    conn.execute("DELETE FROM steps")
    conn.execute("DELETE FROM petitions")
    village = conn.execute("SELECT name FROM villages LIMIT 1").fetchone()[0]
    for i, c in enumerate(cases, start=1):
        received = datetime.combine(START + timedelta(days=c["received"]), datetime.min.time(), CHINA)
        received += timedelta(hours=c["hour"])

        def day(name, c=c, received=received):
            return None if c[name] is None else (received.date() + timedelta(days=c[name])).isoformat()

        dated = DATED
        columns = ", ".join(dated)
        conn.execute(
            f"INSERT INTO petitions (id, uid, number, received_at, received_on, village, level, source, form, persons,"
            f" subject, status, leader_id, created_at, {columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 's', ?, ?, 'x',"
            f" {', '.join('?' for _ in dated)})",
            (
                i,
                f"u{i}",
                f"N{i}",
                received.isoformat(),
                received.date().isoformat(),
                village,
                c["level"],
                c["source"],
                c["form"],
                c["persons"],
                c["status"],
                1 if c["led"] else None,
                *(day(n) for n in dated),
            ),
        )
        for kind, minutes in c["steps"]:
            at = received + timedelta(minutes=minutes)
            conn.execute(
                "INSERT INTO steps (petition_id, kind, at, created_at) VALUES (?, ?, ?, 'x')", (i, kind, at.isoformat())
            )


def _sql_ids(conn, predicate: str, **params) -> set[int]:
    return {r[0] for r in conn.execute(f"SELECT p.id FROM petitions p WHERE {predicate}", params)}


def _steps(conn, case_id: int) -> list[tuple[str, datetime]]:
    rows = conn.execute("SELECT kind, at FROM steps WHERE petition_id = ?", (case_id,))
    return [(k, datetime.fromisoformat(at)) for k, at in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.lists(case, min_size=1, max_size=12), on=days, until=st.integers(min_value=0, max_value=30))
def test_every_rule_in_python_agrees_with_its_sql(tmp_path_factory, cases, on, until):
    conn = _ledger(tmp_path_factory.mktemp("agree") / "ledger.db")
    try:
        _fill(conn, cases)
        read = [petition_from(r) for r in conn.execute(SELECT_CASES)]
        day = START + timedelta(days=on)
        last = day + timedelta(days=until)
        params = {"day": day.isoformat(), "until": last.isoformat()}

        def python(check) -> set[int]:
            return {p.id for p in read if check(p)}

        checks = {
            "escalated": (sql.escalated(), lambda p: rules.ESCALATED.holds(p)),
            "handed_down": (sql.handed_down(), lambda p: rules.HANDED_DOWN.holds(p)),
            "group_visit": (sql.group_visit(), lambda p: rules.GROUP_VISIT.holds(p)),
            "joint_letter": (sql.joint_letter(), lambda p: rules.JOINT_LETTER.holds(p)),
            "overdue": (sql.overdue(":day"), lambda p: p.status.code == "open" and rules.is_overdue(p, day)),
            "overdue_as_it_stood": (
                sql.overdue(":day", as_it_stood=True),
                lambda p: rules.is_overdue(p, day, now=False),
            ),
            "due_soon": (
                sql.due_soon(":day", ":until"),
                lambda p: p.status.code == "open" and rules.due_between(p, day, last),
            ),
            "needs_holder": (sql.needs_holder(), rules.needs_holder),
        }
        for clock in rules.CLOCKS:
            checks[f"{clock.name} running"] = (clock.running_sql(), lambda p, c=clock: c.running(p))
            checks[f"{clock.name} running on the day"] = (
                clock.running_sql(":day"),
                lambda p, c=clock: c.running(p, day),
            )
        for kind in ("contact", "arrive", "mediate"):
            checks[f"{kind} within 24 hours"] = (
                sql.within_24h(kind),
                lambda p, k=kind: rules.within_hours(
                    p.received_at, min((at for s, at in _steps(conn, p.id) if s == k), default=None)
                ),
            )
        checks["has records"] = (
            sql.has_records(),
            lambda p: rules.has_records([type("S", (), {"kind": k}) for k, _ in _steps(conn, p.id)]),
        )
        for name, (predicate, check) in checks.items():
            assert _sql_ids(conn, predicate, **params) == python(check), name
        # the first running deadline, for ordering
        earliest = {r[0]: r[1] for r in conn.execute(f"SELECT p.id, {sql.earliest_due()} FROM petitions p")}
        for p in read:
            due = rules.earliest_due(p)
            assert earliest[p.id] == (due.isoformat() if due else "9999-12-31"), p.id
    finally:
        conn.close()
