"""Every write sealed, every rule at every door: `check` stays whole after any sequence of legitimate commands on
one or several ledgers (merges in any order, the calendar switched both ways), fails after any change made outside
guside to any table, trigger, index or the history's tail, and names what changed; the plan's 包案 rule and the
statute's due-date limit hold whichever command writes the case."""

import json
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from conftest import snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def whole(cli, db: Path) -> list[dict]:
    """The checks that failed (none when the ledger is whole)."""
    result = cli("--db", db, "check", "--format", "json", ok=False)
    return [row for row in json.loads(result.stdout) if not row["ok"]]


def history(db: Path, case: str | None = None) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        if case is None:
            return conn.execute("SELECT action, field, old, new, note FROM history ORDER BY id").fetchall()
        return conn.execute(
            "SELECT h.action, h.field, h.old, h.new, h.note FROM history h JOIN petitions p ON p.id = h.petition_id "
            "WHERE p.number = ? ORDER BY h.id",
            (case,),
        ).fetchall()


# --- the calendar setting recomputes, and says so ---------------------------------------------------------------


def test_the_calendar_switched_both_ways_keeps_check_whole_and_each_moved_date_says_why(cli, db_path):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    # received 2018-06-02: 15 days to accept end on 06-17, inside the Dragon Boat holiday (official: 06-19)
    case = cli.add(received="2018-06-02 09:00", subject="夜间噪声")["number"]
    assert whole(cli, db_path) == []
    cli("config", "set", "deadline.calendar", "official")
    assert whole(cli, db_path) == [], "the README's own setting must not read as a change outside guside"
    moved = [row for row in history(db_path, case) if row[0] == "due"]
    assert ("due", "notice_due_on", "2018-06-17", "2018-06-19", "deadline.calendar 改为 official，时限重算") in moved
    cli("config", "set", "deadline.calendar", "plain")
    assert whole(cli, db_path) == []
    back = ("due", "notice_due_on", "2018-06-19", "2018-06-17", "deadline.calendar 改为 plain，时限重算")
    assert back in history(db_path, case)


# --- merges: ordinary round trips stay whole; identical reference rows unify --------------------------------------


def _desk(cli, db: Path, *, leader: bool = True) -> None:
    if leader:
        cli("--db", db, "leader", "add", "周建国", "--title", "镇长", "--rank", "town")
    else:
        cli("--db", db, "village", "list")  # nothing: the ledger is made by the next write


def test_a_round_trip_of_merges_keeps_every_ledger_whole_and_the_same_leader_is_no_conflict(cli, tmp_path):
    a, b, c = (tmp_path / f"{x}.db" for x in "abc")
    for db in (a, b, c):
        _desk(cli, db)
    cli("--db", a, "village", "add", "新村")
    cli("--db", a, "add", "--village", "新村", "--level", "town", "--subject", "烟尘扰民", "--received",
        "2018-06-01 09:00")  # fmt: skip
    for target, source in ((b, a), (c, b), (b, c), (a, b), (c, a)):
        result = cli("--db", target, "merge", source, ok=False)
        assert result.exit_code == 0, result.stdout + result.stderr  # no conflict: 周建国 镇长 is one person
        for db in (a, b, c):
            assert whole(cli, db) == [], (target.name, source.name, db.name)
    assert json.loads(cli("--db", b, "conflicts", "--format", "json").stdout) == []
    with closing(sqlite3.connect(b)) as conn:
        assert conn.execute("SELECT count(*) FROM leaders WHERE name = '周建国'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM villages WHERE name = '新村'").fetchone()[0] == 1


def test_the_same_leader_with_another_title_is_still_a_conflict(cli, tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    cli("--db", a, "leader", "add", "周建国", "--title", "镇长", "--rank", "town")
    cli("--db", b, "leader", "add", "周建国", "--title", "副镇长", "--rank", "town")
    assert cli("--db", b, "merge", a, ok=False).exit_code == 1
    fields = {c["field"] for c in json.loads(cli("--db", b, "conflicts", "--format", "json", ok=False).stdout)}
    assert "title" in fields and "created_at" not in fields


def test_a_county_keeps_its_own_town_name_and_stays_whole_after_merging_towns(cli, tmp_path):
    town, county = tmp_path / "顾山镇.db", tmp_path / "county.db"
    cli("--db", town, "add", "--village", "红豆村", "--level", "province", "--subject", "化工厂异味", "--received",
        "2018-06-01 09:00")  # fmt: skip
    cli("--db", county, "config", "set", "town.name", "江阴市")
    cli("--db", county, "merge", town)
    assert whole(cli, county) == [] and whole(cli, town) == []
    assert cli.json("--db", county, "config", "list")  # readable
    listed = {row["key"]: row["value"] for row in cli.json("--db", county, "config", "list")}
    assert listed["town.name"] == "江阴市"
    cli("--db", town, "merge", county)
    assert whole(cli, town) == [] and whole(cli, county) == []


# --- the rules at every door ----------------------------------------------------------------------------------


def test_assign_due_beyond_the_statute_is_refused_like_add_and_a_shorter_one_stands(cli, db_path):
    number = cli.add(received="2018-06-07 09:30")["number"]
    before = snapshot(db_path)
    refused = cli("assign", number, "--leader", "王镇长", "--due", "2018-12-31", ok=False)
    assert refused.exit_code in (1, 2)
    cli("leader", "add", "王镇长", "--title", "镇长", "--rank", "town")
    before = snapshot(db_path)
    refused = cli("assign", number, "--leader", "王镇长", "--due", "2018-12-31", ok=False)
    assert refused.exit_code == 1
    assert "2018-12-31" in refused.stderr and "2018-08-21" in refused.stderr  # both dates: given, latest lawful
    assert snapshot(db_path) == before
    cli("assign", number, "--leader", "王镇长", "--due", "2018-06-25")  # an inspection team's shorter limit
    assert cli.json("show", number)["due_on"] == "2018-06-25"
    assert whole(cli, db_path) == []


def test_the_two_key_marks_have_two_rules_for_a_handed_down_case(cli, db_path):
    # 重点交办 (edit --key) needs a town leader (四(三)); 重点重复信访 (key-cases mark) its village's head (三(三))
    cli("leader", "add", "村书记", "--title", "村党组织书记", "--rank", "village", "--village", "红豆村")
    cli("leader", "add", "王镇长", "--rank", "town")
    number = cli.add("--source", "上级交办", "--leader", "村书记")["number"]
    before = snapshot(db_path)
    refused = cli("edit", number, "--key", ok=False)
    assert refused.exit_code == 1 and "镇领导" in refused.stderr
    assert snapshot(db_path) == before
    cli("key-cases", "mark", number)  # the village's head holds a key repeat case
    shown = cli.json("show", number)
    assert (shown["is_key"], shown["key_repeat"]) == (False, True)
    refused = cli("assign", number, "--leader", "王镇长", ok=False)
    assert refused.exit_code == 1 and "属地村（社区）主要负责人" in refused.stderr
    refused = cli("key-cases", "mark", cli.add("--leader", "王镇长")["number"], ok=False)
    assert refused.exit_code == 1 and "属地村（社区）主要负责人" in refused.stderr


def test_a_change_written_past_the_commands_is_still_judged_at_the_writes_end(cli, db_path):
    """The rule is enforced where every write ends, not in each command: a service that forgot to ask (here, a
    raw UPDATE inside guside's own write transaction) is refused all the same."""
    from datetime import datetime

    from guside_cli.core.dates import CHINA
    from guside_cli.core.errors import RuleViolation
    from guside_cli.services.ledger import writing
    from guside_cli.storage.ledger import Ledger

    cli("leader", "add", "村书记", "--title", "村党组织书记", "--rank", "village", "--village", "红豆村")
    number = cli.add("--source", "上级交办", "--leader", "村书记")["number"]
    before = snapshot(db_path)

    class _Run:
        user, clock = "tester", datetime(2018, 6, 20, 9, 0, tzinfo=CHINA)
        today = clock.date()

    with Ledger.open(db_path) as ledger, pytest.raises(RuleViolation), writing(ledger, _Run()) as w:
        w.conn.execute("UPDATE petitions SET is_key = 1 WHERE number = ?", (number,))
    assert snapshot(db_path) == before


# --- any change outside guside is found and named --------------------------------------------------------------

# a row for each table a small ledger leaves empty: written outside guside, it must be named
FOREIGN_ROWS = {
    "persons": "INSERT INTO persons (name, created_at) VALUES ('外人', 'x')",
    "rewards": "INSERT INTO rewards (petition_id, amount, paid_on, created_at) VALUES (1, '100', '2018-07-01', 'x')",
    "former_numbers": "INSERT INTO former_numbers VALUES ('2018-9999', 1, 'x')",
    "campaign_phases": "INSERT INTO campaign_phases VALUES (2018, 'survey', '2018-01-01', '2018-02-01')",
    "campaign_reports": "INSERT INTO campaign_reports VALUES (2018, '红豆村', '2018-08-15', NULL, 'x')",
    "receptions": "INSERT INTO receptions (on_date, leader, created_at) VALUES ('2018-06-15', '王镇长', 'x')",
    "interviews": "INSERT INTO interviews (village, on_date, by_name, created_at) "
    "VALUES ('红豆村', '2018-07-01', 'x', 'x')",
    "interview_due": "INSERT INTO interview_due VALUES ('2018-07-01', '红豆村')",
    "exposures": "INSERT INTO exposures VALUES (1, '2018-07-01', 'x', NULL)",
    "periods": "INSERT INTO periods (period, start_on, end_on, figures, cases, closed_at, closed_by) "
    "VALUES ('2018-05', '2018-05-01', '2018-05-31', '{}', 'x', 'x', 'x')",
    "period_corrections": "INSERT INTO period_corrections (period, at, by_name, reason, changes) "
    "VALUES ('2018-05', 'x', 'x', 'x', '[]')",
    "extensions": "INSERT INTO extensions (petition_id, days, created_at) VALUES (1, 5, 'x')",
    "merge_conflicts": "INSERT INTO merge_conflicts (tbl, key, field, kind, theirs_clock, source, opened_at) "
    "VALUES ('petitions', 'u', 'subject', 'field', '{}', 's', 'x')",
}


@pytest.fixture(scope="module")
def busy_ledger(tmp_path_factory) -> Path:
    """A ledger with rows in as many tables as the commands fill: cases, steps, leaders, targets, a merge."""
    from typer.testing import CliRunner

    from guside_cli.app import app

    folder = tmp_path_factory.mktemp("busy")
    db, desk = folder / "ledger.db", folder / "desk.db"
    runner = CliRunner()
    env = {"GUSIDE_TODAY": "2018-12-31", "GUSIDE_USER": "tester", "HOME": str(folder), "COLUMNS": "200"}

    def run(*args: str, target: Path = db) -> None:
        result = runner.invoke(app, ["--db", str(target), *args], env=env)
        assert result.exit_code == 0, (args, result.stdout, result.stderr)

    run("leader", "add", "王镇长", "--title", "镇长", "--rank", "town")
    run("add", "--village", "红豆村", "--level", "province", "--subject", "化工厂异味", "--received",
        "2018-06-07 09:30", "--leader", "王镇长")  # fmt: skip
    run("step", "2018-0001", "--kind", "contact", "--at", "2018-06-07 11:00", "--note", "电话联系")
    run("target", "set", "--year", "2019", "--total", "20", "--escalated", "15")
    run("target", "set", "--village", "红豆村", "--year", "2018", "--total", "30", "--escalated", "25")
    run("config", "set", "deadline.calendar", "official")
    run("enterprise", "add", "某化工厂", "--village", "红豆村")
    run("key-cases", "mark", "2018-0001")
    run("add", "--village", "新龚村", "--level", "town", "--subject", "夜间噪声", "--received", "2018-07-01 09:00",
        target=desk)  # fmt: skip
    run("merge", str(desk))
    return db


def _tables(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]


def _tamper(conn: sqlite3.Connection, table: str) -> bool:
    """Change one row of `table` outside guside: delete its last row, or write one where it has none."""
    (count,) = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    if count == 0:
        if table not in FOREIGN_ROWS:
            return False
        conn.execute(FOREIGN_ROWS[table])
        return True
    first = conn.execute(f'PRAGMA table_info("{table}")').fetchone()[1]
    conn.execute(f'DELETE FROM "{table}" WHERE "{first}" = (SELECT max("{first}") FROM "{table}")')
    return True


def test_every_table_is_covered_a_change_to_any_of_them_fails_check_naming_it(cli, busy_ledger, tmp_path):
    assert whole(cli, busy_ledger) == []
    uncovered = []
    for table in _tables(busy_ledger):
        if table == "history":
            continue  # its guards and chain: tested below
        copy = tmp_path / f"{table}.db"
        shutil.copyfile(busy_ledger, copy)
        with closing(sqlite3.connect(copy)) as conn:
            conn.execute("PRAGMA foreign_keys = OFF")
            if not _tamper(conn, table):
                uncovered.append(table)
                continue
            conn.commit()
        failed = whole(cli, copy)
        assert failed, f"a row of {table} changed outside guside passed check"
        detail = " ".join(str(row["detail"]) for row in failed)
        named = table if table not in ("petitions", "steps", "rewards") else "id"
        assert named in detail, (table, detail)
    # a table the ledger leaves empty needs a row in FOREIGN_ROWS: a new table cannot go untested
    assert uncovered == [], f"no out-of-band change tried for {uncovered}: add a row to FOREIGN_ROWS"


@pytest.mark.parametrize(
    ("sql", "named"),
    [
        ("CREATE TRIGGER closes AFTER INSERT ON steps BEGIN UPDATE petitions SET status = 'closed'; END", "closes"),
        ("DROP INDEX petitions_number", "petitions_number"),
        ("CREATE VIEW v AS SELECT 1", "view v"),
        ("CREATE TABLE notes (x TEXT)", "notes"),
    ],
)
def test_a_schema_object_added_dropped_or_replaced_fails_check_naming_it(cli, busy_ledger, tmp_path, sql, named):
    copy = tmp_path / "copy.db"
    shutil.copyfile(busy_ledger, copy)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute(sql)
        conn.commit()
    detail = " ".join(str(row["detail"]) for row in whole(cli, copy))
    assert named in detail


def test_the_historys_tail_cut_fails_check(cli, busy_ledger, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(busy_ledger, copy)
    with closing(sqlite3.connect(copy)) as conn:
        guards = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'history'"
        ).fetchall()
        conn.execute("DROP TRIGGER history_no_delete")
        conn.execute("DELETE FROM history WHERE id > (SELECT max(id) - 3 FROM history)")
        conn.execute("DROP TRIGGER history_no_update")
        for (ddl,) in guards:
            conn.execute(ddl)
        conn.commit()
    assert whole(cli, copy)


def test_check_names_what_changed_in_the_users_language(cli, busy_ledger, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copyfile(busy_ledger, copy)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("UPDATE villages SET short = '豆' WHERE name = '红豆村'")
        conn.commit()
    zh = cli("--db", copy, "check", ok=False).stdout
    assert "表 villages 与其历史记录不符" in zh
    en = cli("--lang", "en", "--db", copy, "check", ok=False).stdout
    assert "table villages differs from its history" in en
    assert "table villages differs" in " ".join(str(r["detail"]) for r in whole(cli, copy))  # JSON: English


# --- random sequences: check after each command --------------------------------------------------------------

DESKS = {"a": "红豆村", "b": "新龚村"}
desk = st.sampled_from(sorted(DESKS))
op = st.one_of(
    st.tuples(st.just("add"), desk, st.sampled_from(["town", "province"])),
    st.tuples(st.just("leader"), desk, st.sampled_from(["周建国", "李明"])),
    st.tuples(st.just("calendar"), desk, st.sampled_from(["official", "plain"])),
    st.tuples(st.just("step"), desk, st.integers(0, 5)),
    st.tuples(st.just("assign"), desk, st.integers(0, 5)),
    st.tuples(st.just("village"), desk, st.sampled_from(["新村", "东村"])),
    st.tuples(st.just("merge"), desk, desk),
    st.tuples(st.just("edit"), desk, st.integers(0, 5)),
    st.tuples(st.just("path"), desk, st.integers(0, 5), st.sampled_from(["accept", "conclude", "close", "reopen"])),
)
PATH = {
    "accept": ("accept", "{case}", "--on", "2018-06-02"),
    "conclude": ("conclude", "{case}", "--outcome", "问题解决", "--on", "2018-06-05"),
    "close": ("close", "{case}", "--outcome", "问题解决", "--on", "2018-06-06"),
    "reopen": ("reopen", "{case}", "--reason", "误销号"),
}
SUBJECTS = ("化工厂异味", "夜间噪声", "河道污水")


def _settle(cli, db: Path) -> None:
    """Every open conflict settled as an office would, one `resolve` each (a write like any other)."""
    listed = cli("--db", db, "conflicts", "--format", "json", ok=False)
    for c in json.loads(listed.stdout or "[]"):
        ref = c["case"] if c["table"] == "petitions" else c["key"]
        cli("--db", db, "resolve", ref, c["field"], "--take", "theirs", ok=False)


@given(st.lists(op, min_size=1, max_size=10))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_check_passes_after_every_command_of_any_sequence(cli, ops):
    with tempfile.TemporaryDirectory() as folder:
        paths = {d: Path(folder) / f"{d}.db" for d in DESKS}
        day = 1
        for o in ops:
            kind, d = o[0], o[1]
            db = paths[d]
            if kind == "add":
                cli("--db", db, "add", "--village", DESKS[d], "--level", o[2], "--subject", "化工厂异味",
                    "--received", f"2018-05-{day:02d} 09:30")  # fmt: skip
                day = day % 28 + 1
            elif kind == "leader":
                cli("--db", db, "leader", "add", o[2], "--title", "镇长", "--rank", "town", ok=False)
            elif kind == "calendar":
                cli("--db", db, "config", "set", "deadline.calendar", o[2])
            elif kind == "village":
                cli("--db", db, "village", "add", o[2], ok=False)
            elif kind == "merge":
                if o[2] != d and paths[o[2]].exists():
                    cli("--db", db, "merge", paths[o[2]], ok=False)
                    _settle(cli, db)
            elif db.exists():
                with closing(sqlite3.connect(db)) as conn:
                    cases = [r[0] for r in conn.execute("SELECT number FROM petitions ORDER BY id")]
                if not cases:
                    continue
                case = cases[o[2] % len(cases)]
                if kind == "step":
                    cli("--db", db, "step", case, "--kind", "contact", "--at", "2018-06-01 10:00", "--note", "联系")
                elif kind == "path":  # the statute's path: a step the rules refuse leaves nothing behind
                    cli("--db", db, *(a.format(case=case) for a in PATH[o[3]]), ok=False)
                elif kind == "edit":
                    cli("--db", db, "edit", case, "--set", f"subject={SUBJECTS[(o[2] + len(case)) % 3]}")
                else:
                    cli("--db", db, "leader", "add", "周建国", "--title", "镇长", "--rank", "town", ok=False)
                    cli("--db", db, "assign", case, "--leader", "周建国")
            for x, path in paths.items():
                if path.exists():
                    assert whole(cli, path) == [], (o, x)


def test_two_towns_leaders_of_one_name_stay_two_people_in_the_county_and_each_comes_home_bare(cli, tmp_path):
    gushan, changjing, county = tmp_path / "gushan.db", tmp_path / "changjing.db", tmp_path / "county.db"
    cli("--db", changjing, "config", "set", "town.name", "长泾镇")
    cli("--db", changjing, "village", "add", "蒋家村")
    for db, village in ((gushan, "红豆村"), (changjing, "蒋家村")):
        cli("--db", db, "leader", "add", "周建国", "--title", "镇长", "--rank", "town")
        cli("--db", db, "add", "--village", village, "--level", "province", "--subject", "化工厂异味", "--received",
            "2018-06-01 09:00", "--leader", "周建国")  # fmt: skip
    cli("--db", county, "config", "set", "town.name", "江阴市")
    cli("--db", county, "merge", gushan, changjing)
    with closing(sqlite3.connect(county)) as conn:
        names = sorted(r[0] for r in conn.execute("SELECT name FROM leaders"))
        held = dict(conn.execute("SELECT p.town, l.name FROM petitions p JOIN leaders l ON l.id = p.leader_id"))
    assert names == ["长泾镇:周建国", "顾山镇:周建国"]
    assert held == {"顾山镇": "顾山镇:周建国", "长泾镇": "长泾镇:周建国"}
    assert json.loads(cli("--db", county, "conflicts", "--format", "json").stdout) == []
    cli("--db", gushan, "merge", county)  # the town takes the county's ledger back
    with closing(sqlite3.connect(gushan)) as conn:
        names = sorted(r[0] for r in conn.execute("SELECT name FROM leaders"))
    assert names == ["周建国", "长泾镇:周建国"]
    assert cli("--db", county, "merge", gushan, changjing).exit_code == 0  # and again: nothing new, no conflict
    for db in (gushan, changjing, county):
        assert whole(cli, db) == [], db.name


def _changed_outside(conn: sqlite3.Connection, table: str, how: str) -> bool:
    """One change of `how` (update, delete, insert) to `table`, made with plain SQL."""
    (count,) = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    if how == "insert" or count == 0:
        if table in FOREIGN_ROWS:
            conn.execute(FOREIGN_ROWS[table])
            return True
        if count == 0:
            return False
        how = "update"
    columns = list(conn.execute(f'PRAGMA table_info("{table}")'))
    first = columns[0][1]
    last = f'(SELECT max("{first}") FROM "{table}")'
    if how == "delete":
        conn.execute(f'DELETE FROM "{table}" WHERE "{first}" = {last}')
        return True
    for _, name, kind, _, _, pk in columns:
        if pk or kind.upper() not in ("TEXT", "INTEGER"):
            continue
        change = f"\"{name}\" || 'x'" if kind.upper() == "TEXT" else f'"{name}" + 1'
        before = conn.total_changes
        try:
            conn.execute(f'UPDATE "{table}" SET "{name}" = {change} WHERE "{first}" = {last} AND "{name}" IS NOT NULL')
        except sqlite3.IntegrityError:
            continue  # a CHECK refused this value: try the next column
        if conn.total_changes > before:
            return True
    return False


@given(st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_one_change_outside_guside_fails_check_and_is_named(cli, busy_ledger, data):
    tables = [t for t in _tables(busy_ledger) if t != "history"]
    table = data.draw(st.sampled_from(tables), label="table")
    how = data.draw(st.sampled_from(["update", "delete", "insert"]), label="how")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.db"
        shutil.copyfile(busy_ledger, copy)
        with closing(sqlite3.connect(copy)) as conn:
            conn.execute("PRAGMA foreign_keys = OFF")
            changed = _changed_outside(conn, table, how)
            conn.commit()
        if not changed:
            return  # nothing of that kind to change here (a table with no column that takes another value)
        failed = whole(cli, copy)
        assert failed, f"{how} on {table} outside guside passed check"
        detail = " ".join(str(row["detail"]) for row in failed)
        assert (table if table not in ("petitions", "steps", "rewards") else "20") in detail or "id" in detail
