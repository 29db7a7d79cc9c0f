"""What a merge takes from another ledger (issue 29): nothing written before the source is vetted; a source
behind or off the head an earlier merge saw is refused with both heads and the day; a source that fails its own
check, or holds what add/import would refuse, is refused naming what; a hard link to the ledger is the ledger;
conflicts are masked unless --reveal, which is recorded; `resolve --take VALUE` is checked as add/edit would."""

import json
import os
import re
import shutil
import sqlite3
import tempfile
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import TODAY, rows, snapshot
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from guside_cli.core.records import field_label
from guside_cli.core.text import is_invisible
from guside_cli.storage.ledger import Ledger


def _add(cli, db, **fields) -> str:
    values = {"village": "红豆村", "level": "town", "subject": "化工厂异味", "received": "2018-06-07 09:30"}
    values.update(fields)
    return cli.json("--db", db, "add", *[x for k, v in values.items() for x in (f"--{k}", v)])["number"]


def _whole(cli, db: Path) -> bool:
    return all(f["ok"] for f in cli.json("--db", db, "check"))


def _head(cli, db: Path) -> str:
    return cli.json("--db", db, "check")[-1]["detail"]


def _sealed_sql(db: Path, *statements: str, params: tuple = ()) -> None:
    """SQL run in a write transaction of the tool (sealed at its end, as a migration's or an older guside's
    writes are): the source passes its own check, and only the input rules stand between it and the town."""
    with Ledger.open(db) as ledger, ledger.write(actor="older-desk", at="2018-06-20T10:00:00+08:00"):
        for sql in statements:
            ledger.conn.execute(sql, params if "?" in sql else ())


def _refused(cli, town: Path, source: Path, *words: str):
    """The merge refused in one line naming `words`, with nothing written to either ledger."""
    before = snapshot(town), snapshot(source)
    result = cli("--db", town, "merge", source, ok=False)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "意外错误" not in line and "Traceback" not in line, line
    for word in words:
        assert word in line, (word, line)
    assert (snapshot(town), snapshot(source)) == before, "a refused merge writes nothing, to either ledger"
    return line


# --- 1. merge-head anchoring ---------------------------------------------------------------------------------


def test_a_source_restored_from_an_older_backup_is_refused_naming_both_heads_and_the_day(cli, tmp_path):
    desk, backup, town = tmp_path / "desk.db", tmp_path / "desk-old.db", tmp_path / "town.db"
    cli("--db", desk, "config", "set", "town.name", "顾山镇")
    _add(cli, desk)
    cli("--db", desk, "backup", backup)
    _add(cli, desk, subject="夜间噪声")
    cli("--db", town, "merge", desk)
    seen = _head(cli, desk)
    shutil.copyfile(backup, desk)  # the desk's disk died; last week's backup put back
    older = _head(cli, desk)
    assert _whole(cli, desk), "a restored backup is a whole ledger: nothing inside it tells"
    (merged_at,) = rows(town, "SELECT merged_at FROM merge_sources")[0]
    line = _refused(cli, town, desk, "更旧", older, seen, merged_at[:10], "顾山镇")
    assert "恢复了旧备份" in line
    english = cli("--lang", "en", "--db", town, "merge", desk, ok=False).stderr
    assert "is older than the copy this ledger merged on" in english
    assert _whole(cli, town)


def test_another_ledger_with_the_same_id_swapped_in_is_refused_naming_both_histories(cli, tmp_path):
    desk, other, town = tmp_path / "desk.db", tmp_path / "other.db", tmp_path / "town.db"
    _add(cli, desk)
    shutil.copyfile(desk, other)  # a file copy: the same ledger id, then two histories
    _add(cli, desk, subject="甲")
    for subject in ("乙", "丙", "丁"):
        _add(cli, other, subject=subject)
    cli("--db", town, "merge", desk)
    seen = _head(cli, desk)
    shutil.copyfile(other, desk)
    line = _refused(cli, town, desk, "历史与本台账", seen.split(":")[0], "换成了另一本同号台账")
    assert re.search(r"现在是 \d+:[0-9a-f]{32}", line)
    assert _whole(cli, town) and _whole(cli, desk)


def test_a_source_that_moved_on_along_its_chain_is_merged(cli, tmp_path):
    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    _add(cli, desk)
    cli("--db", town, "merge", desk)
    _add(cli, desk, subject="夜间噪声")
    cli("--db", town, "merge", desk)
    cli("--db", desk, "merge", town)
    cli("--db", town, "merge", desk)
    assert len(cli.json("--db", town, "list")) == 2
    assert rows(town, "SELECT head_id FROM merge_sources")[0][0] == int(_head(cli, desk).split(":")[0])
    assert _whole(cli, town) and _whole(cli, desk)


# --- 3. merge takes what no other door would -------------------------------------------------------------------


def test_a_hard_link_to_the_ledger_is_the_ledger_and_nothing_is_written(cli, tmp_path):
    town = tmp_path / "town.db"
    _add(cli, town)
    link = tmp_path / "link.db"
    os.link(town, link)
    line = _refused(cli, town, link, "同一个文件")
    assert str(link) in line
    symlink = tmp_path / "sym.db"
    symlink.symlink_to(town)
    _refused(cli, town, symlink, "同一个文件")
    assert rows(town, "SELECT count(*) FROM merge_sync") == [(0,)]
    assert _whole(cli, town)


def _drop_guards(conn) -> None:
    conn.execute("DROP TRIGGER history_no_update")


TAMPERINGS = {
    # a trigger that would rewrite what the town takes, the moment the merge writes to the source
    "trigger": (
        "CREATE TRIGGER sneaky AFTER INSERT ON merge_sync BEGIN UPDATE petitions SET subject = '已解决'; END",
        "history_replay",
    ),
    "rows changed by SQL": ("UPDATE petitions SET subject = '群众满意'", "history_replay"),
    "a forged history": (
        "DROP TRIGGER history_no_update; UPDATE history SET new = '群众满意' WHERE id = 2; "
        "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, "
        "'history is append-only'); END",
        "history_chain",
    ),
    "petitions replaced by a view": (
        "PRAGMA foreign_keys = OFF; ALTER TABLE petitions RENAME TO cases_kept; "
        "CREATE VIEW petitions AS SELECT * FROM cases_kept",
        "history_replay",
    ),
    "a table of the case path dropped": ("DROP TABLE steps", "history_replay"),
}


@pytest.mark.parametrize("kind", sorted(TAMPERINGS))
def test_a_source_that_fails_its_own_check_is_refused_naming_what_failed(cli, tmp_path, kind):
    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    n = _add(cli, desk)
    cli("--db", desk, "step", n, "--kind", "contact", "--at", "2018-06-07 10:00", "--note", "电话联系")
    _add(cli, town, village="新龚村")
    sql, named = TAMPERINGS[kind]
    with closing(sqlite3.connect(desk)) as conn:
        conn.executescript(sql)
    _refused(cli, town, desk, str(desk), named, "自身校验未通过", "未写入")
    assert rows(town, "SELECT count(*) FROM petitions") == [(1,)]
    assert _whole(cli, town)


@pytest.mark.parametrize("dropped", ["history", "merge_identity", "petitions", "settings", "villages"])
def test_a_source_with_a_table_dropped_is_one_line_in_chinese(cli, tmp_path, dropped):
    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    _add(cli, desk)
    _add(cli, town, village="新龚村")
    with closing(sqlite3.connect(desk)) as conn:
        conn.executescript(f"PRAGMA foreign_keys = OFF; DROP TABLE {dropped}")
    line = _refused(cli, town, desk, str(desk))
    assert "未合并" in line and re.search(r"[\u4e00-\u9fff]{4}", line)
    assert "no such" not in line and (dropped != "history" or "缺少表 history" in line)
    assert _whole(cli, town)


def _templates(tmp_path: Path) -> tuple[Path, Path, str]:
    """A desk with a case and a step, and a town, made once per test (the same tmp_path for every generated
    example) and copied for each."""
    folder = tmp_path / "templates"
    desk, town = folder / "desk.db", folder / "town.db"
    if not folder.exists():
        from conftest import Cli

        folder.mkdir()
        cli = Cli()
        n = _add(cli, desk)
        cli("--db", desk, "step", n, "--kind", "contact", "--at", "2018-06-07 10:00", "--note", "电话联系")
        _add(cli, town, village="新龚村")
        (folder / "number").write_text(n, encoding="utf-8")
    return desk, town, (folder / "number").read_text(encoding="utf-8")


def _example(tmp_path: Path) -> tuple[Path, Path, str, tempfile.TemporaryDirectory]:
    desk, town, n = _templates(tmp_path)
    folder = tempfile.TemporaryDirectory()
    d, t = Path(folder.name) / "desk.db", Path(folder.name) / "town.db"
    shutil.copyfile(desk, d)
    shutil.copyfile(town, t)
    return d, t, n, folder


GENERATED = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
INVISIBLE = st.characters(categories=["Cc", "Cf", "Co", "Zl", "Zp"]).filter(lambda c: c != "\n")
TEXT_COLUMNS = [
    ("petitions", "subject"),
    ("petitions", "cause"),
    ("petitions", "unit"),
    ("petitions", "enterprise"),
    ("petitions", "petitioner"),
    ("petitions", "forecast"),
    ("petitions", "ref_no"),
    ("steps", "note"),
]


@GENERATED
@example(column=("petitions", "subject"), before="", hidden="\x1f", after="a")  # str.strip() takes U+001F
@example(column=("steps", "note"), before="a", hidden="\x1c", after="")
@given(
    column=st.sampled_from(TEXT_COLUMNS),
    before=st.text(alphabet="化工厂夜间异味噪声abc 123", max_size=8),
    hidden=st.lists(INVISIBLE, min_size=1, max_size=3).map("".join),
    after=st.text(alphabet="化工厂夜间异味噪声abc", min_size=1, max_size=8),
)
def test_a_source_text_with_invisible_or_control_characters_is_refused_naming_source_case_and_field(
    cli, tmp_path, column, before, hidden, after
):
    """Generated: any invisible or control character (ESC, U+202E, zero-width, soft hyphen, private use...) in
    any free text of a case or its steps, written by a desk the input rules did not hold (sealed, so the source
    passes its own check)."""
    d, t, n, folder = _example(tmp_path)
    with folder:
        table, field = column
        value = before.strip() + hidden + after
        assert any(is_invisible(c) for c in value)
        _sealed_sql(d, f"UPDATE {table} SET {field} = ?", params=(value,))
        line = _refused(cli, t, d, str(d), n, field_label(field, "zh"))
        assert "不可见或控制字符" in line and not any(is_invisible(c) for c in line)


def test_a_30_mb_subject_is_refused_naming_the_field(cli, tmp_path):
    d, t, n, folder = _example(tmp_path)
    with folder:
        _sealed_sql(d, "UPDATE petitions SET subject = hex(randomblob(15000000))")
        line = _refused(cli, t, d, n, "反映问题", "30000000")
        assert len(line) < 400


@GENERATED
@given(
    day=st.one_of(
        st.dates(min_value=date(1800, 1, 1), max_value=date(1948, 12, 31)),
        st.dates(min_value=date.fromisoformat(TODAY) + timedelta(days=1), max_value=date(2100, 12, 31)),
    )
)
def test_a_receipt_before_1949_or_after_today_is_refused_naming_source_case_and_field(cli, tmp_path, day):
    d, t, n, folder = _example(tmp_path)
    with folder:
        _sealed_sql(
            d,
            "UPDATE petitions SET received_at = ? || substr(received_at, 11), received_on = ?",
            params=(day.isoformat(), day.isoformat()),
        )
        line = _refused(cli, t, d, str(d), n, "登记时间")
        assert day.isoformat()[:4] in line


@pytest.mark.parametrize(
    "sql, named",
    [
        ("UPDATE petitions SET phone = 'not a phone'", "联系电话"),
        ("UPDATE petitions SET number = '2017-红豆-001'", "2017"),
        ("UPDATE petitions SET id_number = '320281199001011235'", "身份证"),
        ("UPDATE petitions SET persons = 200000", "人数"),
    ],
)
def test_a_source_case_add_would_refuse_is_refused_naming_the_field(cli, tmp_path, sql, named):
    d, t, _, folder = _example(tmp_path)
    with folder:
        _sealed_sql(d, sql)
        _refused(cli, t, d, str(d), named)


# --- 4. the conflict table masks personal data unless --reveal -------------------------------------------------


def _conflicting(cli, tmp_path) -> tuple[Path, Path, str]:
    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    n = _add(cli, desk, petitioner="王小明", phone="13812345678")
    cli("--db", town, "merge", desk)
    cli("--db", desk, "edit", n, "--set", "phone=13911112222", "--set", "petitioner=王大明", "--set",
        "subject=异味，联系 13733334444")  # fmt: skip
    cli("--db", town, "edit", n, "--set", "phone=13655556666", "--set", "petitioner=王二明", "--set",
        "subject=异味，联系 13577778888")  # fmt: skip
    return desk, town, n


CLEAR = ("13911112222", "13655556666", "王大明", "王二明", "13733334444", "13577778888")


def _reveals(db: Path) -> list[tuple]:
    return rows(db, "SELECT actor, note FROM history WHERE action = 'reveal' ORDER BY id")


def test_the_conflict_table_masks_phones_names_and_numbers_in_text_unless_reveal_which_is_recorded(cli, tmp_path):
    desk, town, _ = _conflicting(cli, tmp_path)
    shown = cli("--db", town, "merge", desk, ok=False)
    assert shown.exit_code == 1
    for value in CLEAR:
        assert value not in shown.stdout, value
    assert "139****2222" in shown.stdout and "王**" in shown.stdout and "137****4444" in shown.stdout
    for args in (("conflicts",), ("conflicts", "--format", "json"), ("conflicts", "--format", "csv")):
        listed = cli("--db", town, *args, ok=False)
        assert listed.exit_code == 1 and not any(value in listed.stdout for value in CLEAR), args
    assert _reveals(town) == []
    revealed = cli("--db", town, "conflicts", "--reveal", ok=False)
    assert all(value in revealed.stdout for value in CLEAR)
    assert _reveals(town) == [("tester", "conflicts")]
    merged = cli("--db", town, "merge", desk, "--reveal", "--by", "张科员", ok=False)
    assert "13911112222" in merged.stdout
    assert _reveals(town)[-1] == ("张科员", "merge conflicts")
    assert _whole(cli, town) and _whole(cli, desk)


def test_a_key_persons_register_conflict_masks_the_persons_name_and_phone(cli, tmp_path):
    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    for db, plan, phone in ((desk, "每周走访", "13911112222"), (town, "每月谈心，联系 13733334444", "13655556666")):
        _add(cli, db)
        cli("--db", db, "person", "add", "赵铁柱", "--village", "红豆村", "--plan", plan, "--phone", phone)
    assert cli("--db", town, "merge", desk, ok=False).exit_code == 1
    listed = cli("--db", town, "conflicts", "--format", "json", ok=False).stdout
    assert json.loads(listed), "the two plans and phones conflict"
    for value in ("赵铁柱", "13911112222", "13655556666", "13733334444"):
        assert value not in listed, value
    assert "赵**" in listed
    assert "赵铁柱" in cli("--db", town, "conflicts", "--reveal", ok=False).stdout


# --- 5. resolve --take VALUE is checked as add/edit would ------------------------------------------------------

RESOLVE_FAMILY = [
    # field, desk's value, town's value, refused values, a value taken
    ("phone", "13911112222", "13655556666", ["not a phone", "1234", "139111122223"], "13800001111"),
    ("id_number", "320281199001011233", "110101199003074514", ["320281199001011235", "身份证"], "11010519491231002X"),
    ("level", "county", "prefecture", ["not a level", "村级"], "市"),
    ("village", "新龚村", "顾北村", ["不存在村", ""], "东岐村"),
    ("persons", "3", "5", ["many", "0", "200000"], "4"),
    ("form", "letter", "visit", ["not a form", "飞鸽"], "电话"),
    ("unit", "镇综合执法局", "镇环保办", ["x" * 201], "村委会"),
    ("subject", "甲说法", "乙说法", ["\u202e", "x" * 2001], "丙说法"),
]


@pytest.mark.parametrize("field, theirs, mine, refused, taken", RESOLVE_FAMILY, ids=[f[0] for f in RESOLVE_FAMILY])
def test_resolve_take_value_is_checked_as_add_and_edit_would(cli, tmp_path, field, theirs, mine, refused, taken):
    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    n = _add(cli, desk)
    cli("--db", town, "merge", desk)
    cli("--db", desk, "edit", n, "--set", f"{field}={theirs}")
    cli("--db", town, "edit", n, "--set", f"{field}={mine}")
    assert cli("--db", town, "merge", desk, ok=False).exit_code == 1
    (conflict,) = json.loads(cli("--db", town, "conflicts", "--format", "json", ok=False).stdout)
    before = snapshot(town)
    for value in refused:
        value = value.encode().decode("unicode_escape") if value.startswith("\\u") else value
        result = cli("--db", town, "resolve", n, conflict["field"], "--take", value, ok=False)
        assert result.exit_code in (1, 2) and len(result.stderr.strip().splitlines()) == 1, (value, result.stderr)
        assert "意外错误" not in result.stderr
        assert snapshot(town) == before, f"{field} {value!r}: nothing written on a refusal"
    cli("--db", town, "resolve", n, conflict["field"], "--take", taken)
    assert cli("--db", town, "conflicts").exit_code == 0
    assert _whole(cli, town)


def test_resolve_take_number_is_of_the_cases_year_and_sequence(cli, tmp_path):
    a, b, town = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "town.db"
    # two desks drew 2018-红豆-001 from the same village's sequence
    assert _add(cli, a, subject="甲") == _add(cli, b, subject="乙") == "2018-红豆-001"
    cli("--db", town, "merge", a)
    assert cli("--db", town, "merge", b, ok=False).exit_code == 1
    before = snapshot(town)
    for number, word in (
        ("2017-红豆-101", "2017"),  # another year
        ("2018-0101", "镇级编号"),  # a town number on a village case
        ("2018-新龚-101", "新龚"),  # another village's
        ("not a number", "编号"),
        ("../../etc/passwd", "编号"),
    ):
        refused = cli("--db", town, "resolve", "2018-红豆-001", "number", "--take", number, ok=False)
        assert refused.exit_code in (1, 2) and word in refused.stderr, (number, refused.stderr)
        assert len(refused.stderr.strip().splitlines()) == 1
        assert snapshot(town) == before
    cli("--db", town, "resolve", "2018-红豆-001", "number", "--take", "2018-红豆-101")
    assert sorted(r[0] for r in rows(town, "SELECT number FROM petitions")) == ["2018-红豆-001", "2018-红豆-101"]
    assert _whole(cli, town)


def test_a_source_of_the_previous_release_is_upgraded_checked_and_merged(cli, tmp_path):
    """A desk still on the previous release: its ledger (schema 12) fails today's check only by its version, is
    upgraded when the merge opens it for writing, checked again there, and merged."""
    from test_import_scale_migration import VERSION_BEFORE, by_previous_release

    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    by_previous_release(desk, tmp_path)
    assert rows(desk, "PRAGMA user_version") == [(VERSION_BEFORE,)]
    cli("--db", town, "config", "set", "town.name", "顾山镇")
    cli("--db", town, "--today", "2018-12-31", "merge", desk)
    assert rows(town, "SELECT count(*) FROM petitions")[0][0] > 10
    assert _whole(cli, town) and _whole(cli, desk)


def test_a_source_of_the_previous_release_holding_a_trigger_is_refused_before_its_upgrade_runs(cli, tmp_path):
    from test_import_scale_migration import VERSION_BEFORE, by_previous_release

    desk, town = tmp_path / "desk.db", tmp_path / "town.db"
    by_previous_release(desk, tmp_path)
    with closing(sqlite3.connect(desk)) as conn:
        conn.execute(
            "CREATE TRIGGER sneaky AFTER UPDATE ON petitions BEGIN UPDATE petitions SET subject = '已解决'; END"
        )
        conn.commit()
    _add(cli, town, village="新龚村")
    _refused(cli, town, desk, "trigger sneaky", "自身校验未通过")
    assert rows(desk, "PRAGMA user_version") == [(VERSION_BEFORE,)], "not upgraded: nothing written to it"
