"""`guside merge`, `conflicts`, `resolve`: ledgers merged by uid, field by field; every conflict kind; numbers."""

import json
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from conftest import rows, snapshot

from guside_cli.storage.ledger import Ledger
from guside_cli.storage.merge_rows import SYNCED, child_tables, portable_rows
from guside_cli.storage.settings import get_setting


def content(db: Path) -> dict:
    """What a ledger holds, as merging compares it: rows by their natural keys (local ids left out)."""
    with Ledger.open(db) as ledger:
        town = get_setting(ledger, "town.name")
        out = {}
        for table in (*SYNCED, *child_tables(ledger.conn)):
            rows = [
                json.dumps(v, ensure_ascii=False, sort_keys=True)
                for _, v, _, _ in portable_rows(ledger.conn, table, town)
            ]
            out[table] = sorted(rows)
        out["numbers"] = sorted(r[0] for r in ledger.conn.execute("SELECT number FROM petitions"))
        return out


def whole(cli, db: Path) -> bool:
    return all(row["ok"] for row in cli.json("--db", db, "check"))


def _add(cli, db, **fields) -> str:
    values = {"village": "红豆村", "level": "town", "subject": "化工厂异味", "received": "2018-06-07 09:30"}
    values.update(fields)
    options = [x for k, v in values.items() for x in (f"--{k}", v)]
    return cli.json("--db", db, "add", *options)["number"]


def test_desks_merge_into_the_town_once_however_often(cli, tmp_path):
    a, b, town = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "town.db"
    n1 = _add(cli, a, village="红豆村")
    cli("--db", a, "step", n1, "--kind", "contact", "--at", "2018-06-07 10:00", "--note", "电话联系")
    cli("--db", a, "leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    cli("--db", a, "assign", n1, "--leader", "王镇长")
    n2 = _add(cli, b, village="新龚村", subject="夜间噪声")
    cli("--db", town, "merge", a, b)
    first = content(town)
    assert first["numbers"] == sorted([n1, n2])
    assert any("王镇长" in r for r in first["petitions"])
    assert len(first["steps"]) == 1
    before = snapshot(town)
    again = cli("--db", town, "merge", a, b)
    assert snapshot(town) == before, "a second merge of unchanged sources changes nothing, history included"
    assert "新增案件 0" in again.stdout
    assert whole(cli, town) and whole(cli, a) and whole(cli, b)


def test_a_change_on_one_side_since_the_last_merge_is_taken_both_ways(cli, tmp_path):
    a, town = tmp_path / "a.db", tmp_path / "town.db"
    n = _add(cli, a)
    cli("--db", town, "merge", a)
    cli("--db", a, "edit", n, "--set", "subject=化工厂夜间异味")
    cli("--db", town, "leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    cli("--db", town, "assign", n, "--leader", "王镇长", "--unit", "镇综合执法局")
    cli("--db", town, "merge", a)
    case = cli.json("--db", town, "show", n)
    assert case["subject"] == "化工厂夜间异味" and case["leader"] == "王镇长"
    cli("--db", a, "merge", town)  # the desk takes the town's assignment back, the leader with it
    case = cli.json("--db", a, "show", n)
    assert case["leader"] == "王镇长" and case["unit"] == "镇综合执法局"
    assert content(a)["petitions"] == content(town)["petitions"]
    history = cli.json("--db", town, "history", n)
    assert any(h["action"] == "merge" and h["field"] == "subject" for h in history)


def test_the_same_field_changed_on_both_sides_is_a_conflict_listed_and_settled(cli, tmp_path):
    a, town = tmp_path / "a.db", tmp_path / "town.db"
    n = _add(cli, a)
    cli("--db", town, "merge", a)
    cli("--db", a, "--today", "2018-06-21", "edit", n, "--set", "subject=甲说法", "--by", "desk")
    cli("--db", town, "edit", n, "--set", "subject=乙说法", "--by", "clerk")
    before = snapshot(town)["petitions"]
    result = cli("--db", town, "merge", a, ok=False)
    assert result.exit_code == 1
    assert "甲说法" in result.stdout and "乙说法" in result.stdout and "desk" in result.stdout
    assert snapshot(town)["petitions"] == before, "nothing overwritten"
    listed = cli("--db", town, "conflicts", "--format", "json", ok=False)
    assert listed.exit_code == 1
    (conflict,) = json.loads(listed.stdout)
    assert (conflict["case"], conflict["field"], conflict["mine"], conflict["theirs"]) == (
        n,
        "subject",
        "乙说法",
        "甲说法",
    )
    assert conflict["mine_actor"] == "clerk" and conflict["theirs_actor"] == "desk"
    cli("--db", town, "merge", a, ok=False)  # met again: still one open conflict, no second history row
    assert len(json.loads(cli("--db", town, "conflicts", "--format", "json", ok=False).stdout)) == 1
    cli("--db", town, "resolve", n, "反映问题", "--take", "theirs")  # the field as `conflicts` shows it
    assert cli.json("--db", town, "show", n)["subject"] == "甲说法"
    assert cli("--db", town, "conflicts").exit_code == 0
    assert any(h["action"] == "resolve" for h in cli.json("--db", town, "history", n))
    assert cli("--db", town, "merge", a).exit_code == 0
    cli("--db", a, "merge", town)
    assert cli.json("--db", a, "show", n)["subject"] == "甲说法"
    cli("--db", a, "edit", n, "--set", "subject=丙说法")  # a change made after seeing the settlement wins
    cli("--db", town, "merge", a)
    assert cli.json("--db", town, "show", n)["subject"] == "丙说法"
    assert whole(cli, town) and whole(cli, a)


def test_resolve_with_a_value_and_refusals(cli, tmp_path):
    a, town = tmp_path / "a.db", tmp_path / "town.db"
    n = _add(cli, a)
    cli("--db", town, "merge", a)
    cli("--db", a, "edit", n, "--set", "persons=3")
    cli("--db", town, "edit", n, "--set", "persons=5")
    assert cli("--db", town, "merge", a, ok=False).exit_code == 1
    before = snapshot(town)
    for args in (("--take", "many"), ("--take", "0")):
        refused = cli("--db", town, "resolve", n, "persons", *args, ok=False)
        assert refused.exit_code != 0 and len(refused.stderr.strip().splitlines()) == 1
        assert snapshot(town) == before
    assert cli("--db", town, "resolve", n, "subject", "--take", "x", ok=False).exit_code == 1
    cli("--db", town, "resolve", n, "persons", "--take", "4")
    assert cli.json("--db", town, "show", n)["persons"] == 4
    cli("--db", a, "merge", town)
    assert cli.json("--db", a, "show", n)["persons"] == 4, "the settlement wins on the desk too"


def test_the_same_leader_made_differently_on_two_desks_is_a_conflict(cli, tmp_path):
    a, b, town = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "town.db"
    cli("--db", a, "leader", "add", "李书记", "--title", "党委书记", "--rank", "town")
    cli("--db", b, "leader", "add", "李书记", "--title", "副书记", "--rank", "town")
    _add(cli, a)
    cli("--db", town, "merge", a)
    result = cli("--db", town, "merge", b, ok=False)
    assert result.exit_code == 1 and "副书记" in result.stdout
    cli("--db", town, "resolve", "李书记", "title", "--take", "党委副书记")
    with closing(sqlite3.connect(town)) as conn:
        assert conn.execute("SELECT title FROM leaders WHERE name = '李书记'").fetchone()[0] == "党委副书记"


def test_one_number_for_two_cases_is_a_conflict_never_a_renumbering(cli, tmp_path):
    a, b, town = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "town.db"
    # both desks drew from the town sequence (province level): 2018-0001 twice
    na = _add(cli, a, level="province", subject="甲")
    nb = _add(cli, b, level="province", subject="乙")
    assert na == nb == "2018-0001"
    cli("--db", town, "merge", a)
    before = snapshot(town)["petitions"]
    result = cli("--db", town, "merge", b, ok=False)
    assert result.exit_code == 1 and "number" in result.stdout
    assert snapshot(town)["petitions"] == before
    (conflict,) = json.loads(cli("--db", town, "conflicts", "--format", "json", ok=False).stdout)
    assert conflict["kind"] == "number" and conflict["case"] == "2018-0001"
    refused = cli("--db", town, "resolve", "2018-0001", "number", "--take", "theirs", ok=False)
    assert refused.exit_code != 0
    assert cli("--db", town, "resolve", "2018-0001", "number", "--take", "2018-0001", ok=False).exit_code != 0
    cli("--db", town, "resolve", "2018-0001", "number", "--take", "2018-0101")
    assert cli.json("--db", town, "show", "2018-0101")["subject"] == "乙"
    assert cli("--db", town, "merge", a, b).exit_code == 0
    assert len(content(town)["petitions"]) == 2
    cli("--db", b, "merge", town)
    assert cli.json("--db", b, "show", "2018-0101")["subject"] == "乙", "the desk takes the settled number"
    assert all(whole(cli, x) for x in (a, b, town))


def test_the_merge_is_in_the_receiving_chain_and_refusals_change_nothing(cli, tmp_path):
    a, town = tmp_path / "a.db", tmp_path / "town.db"
    _add(cli, a)
    cli("--db", town, "merge", a)
    with closing(sqlite3.connect(a)) as conn:
        source_id = conn.execute("SELECT ledger FROM merge_identity").fetchone()[0]
        head = conn.execute("SELECT hash FROM history ORDER BY id DESC LIMIT 1").fetchone()[0]
    with closing(sqlite3.connect(town)) as conn:
        row = conn.execute("SELECT field, new FROM history WHERE action = 'merge.ledger'").fetchone()
    assert row == (source_id, head)
    before = snapshot(town)
    for args in ((tmp_path / "missing.db",), (town,)):
        refused = cli("--db", town, "merge", *args, ok=False)
        assert refused.exit_code != 0 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    copy = tmp_path / "copy.db"
    copy.write_bytes(town.read_bytes())
    refused = cli("--db", town, "merge", copy, ok=False)
    assert refused.exit_code != 0 and "同一本台账" in refused.stderr
    not_a_ledger = tmp_path / "notes.db"
    not_a_ledger.write_text("hello")
    assert cli("--db", town, "merge", not_a_ledger, ok=False).exit_code != 0
    assert snapshot(town) == before


def _sealed_sql(db: Path, sql: str) -> None:
    """SQL run in a write transaction of the tool, as a migration's is: its changes are sealed at its end."""
    with Ledger.open(db) as ledger, ledger.write(actor="migration", at="2018-06-20T10:00:00+08:00"):
        ledger.conn.execute(sql)


def test_a_column_added_by_a_later_migration_is_merged_with_no_change_to_the_merge(cli, tmp_path):
    """Columns are read from the schema: a new column (here `later_field`, as a later migration would add one)
    travels, changes and conflicts like any other; a source with a column this ledger lacks is refused. The
    column is added and set in a write of the tool (sealed, as a migration's is): a source changed by SQL
    outside the tool fails its own check and is refused (tests/test_merge_sources.py)."""
    a, town = tmp_path / "a.db", tmp_path / "town.db"
    n = _add(cli, a)
    cli("--db", town, "config", "set", "town.name", "顾山镇")  # creates it
    for db in (a, town):
        _sealed_sql(db, "ALTER TABLE petitions ADD COLUMN later_field TEXT")
    _sealed_sql(a, "UPDATE petitions SET later_field = 'verify'")
    cli("--db", town, "merge", a)
    assert rows(town, "SELECT later_field FROM petitions") == [("verify",)]
    _sealed_sql(a, "UPDATE petitions SET later_field = 'handle'")
    cli("--db", town, "merge", a)
    assert rows(town, "SELECT later_field FROM petitions") == [("handle",)]
    assert any(h["field"] == "later_field" for h in cli.json("--db", town, "history", n))
    b, fresh = tmp_path / "b.db", tmp_path / "fresh.db"
    _add(cli, b)
    cli("--db", fresh, "config", "set", "town.name", "顾山镇")
    _sealed_sql(b, "ALTER TABLE petitions ADD COLUMN later_field TEXT")
    before = snapshot(fresh)
    refused = cli("--db", fresh, "merge", b, ok=False)
    assert refused.exit_code != 0 and len(refused.stderr.strip().splitlines()) == 1
    assert snapshot(fresh) == before


def test_serve_without_the_web_extra_says_how_to_install_it(cli, monkeypatch):
    _add(cli, Path(os.environ["GUSIDE_DB"]))
    monkeypatch.setitem(sys.modules, "datasette", None)  # as if the extra were not installed
    result = cli("serve", ok=False)
    from guside_cli.resources import install_command

    assert result.exit_code != 0 and install_command("web") in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_install_advice_fits_where_guside_came_from(tmp_path, monkeypatch):
    """A clone (installed `pip install -e .`) is told to install the extra from itself; a release from PyPI."""
    from guside_cli import resources

    checkout = Path(resources.__file__).resolve().parent.parent
    assert resources.install_command("docs") == f'pip install -e "{checkout}[docs]"'
    released = tmp_path / "site-packages" / "guside_cli"
    released.mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE", released)
    assert resources.install_command("web") == 'pip install "guside[web]"'
