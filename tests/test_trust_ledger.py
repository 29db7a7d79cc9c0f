"""Family 4: the ledger tells the truth about itself. `check` replays the history against the tables, compares
the guards' bodies, holds anchors, never writes; a damaged file is refused cleanly by every command."""

import json
import os
import sqlite3
import stat
from contextlib import closing

import pytest

from tests.conftest import snapshot


def _sql(db, sql, *params):
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(sql, params)
        conn.commit()


def _check(cli):
    result = cli("check", "--format", "json", ok=False)
    return result.exit_code, {f["check"]: f for f in json.loads(result.stdout)}


@pytest.fixture
def ledger(cli, db_path):
    number = cli.add(subject="化工厂异味")["number"]
    cli("step", number, "--kind", "contact", "--note", "电话联系")
    cli("leader", "add", "张三", "--title", "副镇长", "--rank", "town")
    code, found = _check(cli)
    assert code == 0 and found["history_replay"]["ok"], found
    return number


@pytest.mark.parametrize(
    "sql, named",
    [
        ("UPDATE petitions SET subject = '已改' WHERE id = 1", "2018-红豆-001"),
        ("UPDATE petitions SET status = 'closed', closed_on = '2018-06-20', outcome = 'resolved'", "2018-红豆-001"),
        ("UPDATE steps SET note = '从未联系'", "2018-红豆-001"),
        ("DELETE FROM steps", "2018-红豆-001"),
        ("UPDATE leaders SET title = '镇长'", "leaders"),
        (
            "INSERT INTO petitions (uid, number, received_at, received_on, village, level, subject, status, "
            "created_at, due_on) SELECT 'x-uid', '2018-红豆-099', received_at, received_on, village, level, "
            "'伪造', status, created_at, due_on FROM petitions WHERE id = 1",
            "2018-红豆-099",
        ),
    ],
)
def test_check_replays_the_history_and_names_what_was_changed_outside(cli, db_path, ledger, sql, named):
    _sql(db_path, sql)
    code, found = _check(cli)
    assert code == 1 and not found["history_replay"]["ok"]
    assert named in found["history_replay"]["detail"]


def test_a_guard_of_the_same_name_neutered_is_found(cli, db_path, ledger):
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("DROP TRIGGER history_no_update")
        conn.execute(
            "CREATE TRIGGER history_no_update BEFORE UPDATE ON history WHEN 0 "
            "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END"
        )
        conn.commit()
    code, found = _check(cli)
    assert code == 1 and "history_no_update" in found["history_guards"]["detail"]


def test_anchor_fails_after_tail_truncation_or_full_rewrite(cli, db_path, ledger):
    _, found = _check(cli)
    anchor = found["head"]["detail"]
    rows, prefix = anchor.split(":")
    assert int(rows) == found["head"]["head"]["rows"] and found["head"]["head"]["hash"].startswith(prefix)
    assert f"账本校验 {anchor}" in cli("summary").stdout
    assert f"账本校验 {anchor}" in cli("report").stdout
    assert f"账本校验 {anchor}" in cli("publish").stdout
    assert cli("check", "--anchor", anchor).exit_code == 0
    with closing(sqlite3.connect(db_path)) as conn:  # cut the tail off: the rest of the chain stays whole
        conn.execute("DROP TRIGGER history_no_delete")
        conn.execute("DELETE FROM history WHERE id > ?", (int(rows) - 3,))
        conn.commit()
    result = cli("check", "--anchor", anchor, ok=False)
    assert result.exit_code == 1 and "anchor" in result.stdout
    assert cli("check", "--anchor", "nonsense", ok=False).exit_code == 2


def test_check_never_writes(cli, db_path, ledger):
    _sql(db_path, "PRAGMA user_version = 0")
    before = db_path.read_bytes()
    mtime = db_path.stat().st_mtime_ns
    code, found = _check(cli)
    assert code == 1 and not found["schema"]["ok"]
    assert db_path.read_bytes() == before and db_path.stat().st_mtime_ns == mtime
    assert not os.path.exists(f"{db_path}-journal")


def _zero_a_page(db_path, table="petitions"):
    size = 4096
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    with open(db_path, "r+b") as f:
        f.seek((root - 1) * size)
        f.write(b"\0" * size)


@pytest.mark.parametrize(
    "args",
    [
        ("check",),
        ("list",),
        ("show", "1"),
        ("report",),
        ("summary",),
        ("bulletin",),
        ("backup", "BACKUP"),
        ("export",),
        ("publish",),
        ("add", "--village", "红豆", "--level", "镇", "--subject", "s"),
    ],
    ids=lambda a: a[0],
)
@pytest.mark.parametrize("table", ["petitions", "history"])
def test_a_damaged_ledger_is_refused_in_one_line_by_every_command(cli, db_path, isolated, args, table):
    if table == "history" and args[0] in ("list", "show", "add"):
        pytest.skip("reading cases does not touch the history's pages; writing one is covered by petitions")
    number = cli.add()["number"]
    cli("step", number, "--kind", "contact", "--note", "电话联系")
    _zero_a_page(db_path, table)
    args = tuple(str(isolated / "b.db") if a == "BACKUP" else a for a in args)
    result = cli(*args, ok=False)
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if args[0] == "check":
        assert "integrity" in result.stdout
    else:
        assert result.stderr.count("\n") == 1, result.stderr
    assert not (isolated / "b.db").exists()


def test_today_sets_the_business_date_only(cli, db_path):
    cli(
        "--today",
        "2016-03-01",
        "add",
        "--village",
        "红豆",
        "--level",
        "镇",
        "--subject",
        "s",
        "--received",
        "2016-02-29",
    )
    rows = [r for r in snapshot(db_path)["history"]]
    years = {r[2][:4] for r in rows}
    assert "2016" not in years  # history timestamps are the real clock's
    business = [r for r in rows if r[4] == "business_date"]
    assert business and business[0][7] == "2016-03-01"  # and the business date is recorded beside them
    assert cli("check").exit_code == 0


def test_a_pre_existing_ledger_file_gets_0600_on_first_write(cli, db_path):
    cli.add()
    os.chmod(db_path, 0o644)
    cli.add()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_the_config_folder_is_created_0700(cli, isolated, monkeypatch):
    monkeypatch.delenv("GUSIDE_DB")
    old = os.umask(0o022)
    try:
        cli.add()
    finally:
        os.umask(old)
    folder = isolated / "home" / ".config" / "guside"
    assert (folder / "ledger.db").exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_as_the_ledger_is_refused_without_opening(cli, isolated, monkeypatch, kind):
    if kind == "fifo":
        target = isolated / "fifo.db"
        os.mkfifo(target)
    else:
        target = "/dev/null"
    monkeypatch.setenv("GUSIDE_DB", str(target))
    for args in (("list",), ("check",), ("add", "--village", "红豆", "--level", "镇", "--subject", "s")):
        result = cli(*args, ok=False)  # a FIFO opened would hang here
        assert result.exit_code in (1, 2) and result.stderr.count("\n") == 1
    assert not os.path.exists("/dev/null-journal")


def test_busy_timeout_is_said_as_busy(cli, db_path, monkeypatch):
    cli.add()
    monkeypatch.setenv("GUSIDE_BUSY_TIMEOUT", "0.2")
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute("BEGIN EXCLUSIVE")
        result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", ok=False)
        conn.rollback()
    assert result.exit_code != 0 and ("busy" in result.stderr or "正忙" in result.stderr), result.stderr
    assert "cannot be opened" not in result.stderr


def test_an_empty_ledger_file_is_refused_by_every_reader_and_never_rebuilt(cli, db_path):
    """A ledger truncated to 0 bytes (a failed copy, a full disk) must not come back as an empty ledger whose
    weekly summary says every target is met: readers refuse it, exit 2, and leave it as it is."""
    db_path.write_bytes(b"")
    for args in (("summary", "--week"), ("report", "--year", "2018"), ("list",), ("info",), ("export",)):
        result = cli(*args, ok=False)
        assert result.exit_code == 2, args
        assert (
            result.stderr.strip() == f"错误：台账文件 {db_path} 是空的（0 字节）：台账可能已丢失或被截断；"
            "请从备份恢复，或用 --db 指向正确的台账"
        )
        assert db_path.stat().st_size == 0
