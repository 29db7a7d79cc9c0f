"""Trust: concurrent desks, crashes, signals, a full disk, network file systems, schema safety, the history's
hash chain, and personal data. Real processes on real files. The long ones run a smaller count by default;
`pytest --runslow` runs the full count (4 × 100 adds, kills during a 100,000-row import)."""

import csv
import json
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import snapshot
from tests.test_cli import guside_executable


def run(args, env, **kw):
    return subprocess.run(
        [guside_executable(), *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        stdin=subprocess.DEVNULL,
        **kw,
    )


@pytest.fixture
def env(isolated):
    return {**os.environ, "GUSIDE_DB": str(isolated / "ledger.db")}


def count(db: Path, sql: str = "SELECT count(*) FROM petitions") -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchone()[0]


# --- several desks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("desks", [2, 4])
def test_desks_adding_at_once_never_collide(env, isolated, slow, desks):
    each = 100 if slow else 15
    run(["village", "list"], env)  # one ledger, created before the desks start
    loop = (
        f"for i in $(seq {each}); do {guside_executable()} add --village 红豆 --level 省 --subject s "
        f">/dev/null || exit 1; done"
    )
    procs = [subprocess.Popen(["bash", "-c", loop], env=env, stderr=subprocess.PIPE, text=True) for _ in range(desks)]
    for proc in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err
        assert "locked" not in err and "busy" not in err
    with sqlite3.connect(isolated / "ledger.db") as conn:
        numbers = sorted(n for (n,) in conn.execute("SELECT number FROM petitions"))
        histories = conn.execute("SELECT count(*) FROM history WHERE action = 'add'").fetchone()[0]
    year = numbers[0][:4]
    assert numbers == [f"{year}-{i:04d}" for i in range(1, desks * each + 1)]  # unique and gap-free
    assert histories == desks * each


def test_a_desk_that_waits_too_long_gets_a_clear_error_and_writes_nothing(env, isolated):
    run(["village", "list"], env)
    db = isolated / "ledger.db"
    before = snapshot(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another desk in the middle of a long write
    try:
        done = run(
            ["add", "--village", "红豆", "--level", "镇", "--subject", "s"], {**env, "GUSIDE_BUSY_TIMEOUT": "0.3"}
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 2
    assert done.stderr.strip() == (f"错误：台账正忙：另一台电脑写入 {db} 的时间过长；请稍后再试")
    assert snapshot(db) == before


def test_a_ledger_on_a_network_file_system_is_refused_for_writing(cli, db_path, monkeypatch):
    cli.add()
    monkeypatch.setattr("guside_cli.storage.filesystems.filesystem_type", lambda path: "nfs4")
    before = snapshot(db_path)
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", ok=False)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"错误：{db_path} 位于网络文件系统（nfs4）上：SQLite 在其上加锁不可靠")
    assert snapshot(db_path) == before
    assert len(cli.json("list")) == 1  # reading is fine


def test_filesystem_type_reads_the_mount_table():
    from guside_cli.storage.filesystems import filesystem_type

    mounts = (
        "/dev/sda1 / ext4 rw 0 0\nserver:/export /srv/share nfs4 rw 0 0\n"
        "//nas/office /mnt/office\\040files cifs rw 0 0\n"
    )
    assert filesystem_type(Path("/srv/share/guside/ledger.db"), mounts) == "nfs4"
    assert filesystem_type(Path("/mnt/office files/ledger.db"), mounts) == "cifs"
    assert filesystem_type(Path("/srv/shared.db"), mounts) == "ext4"


# --- crashes and signals ---------------------------------------------------------------------------------


def big_csv(path: Path, rows: int) -> Path:
    villages = ["红豆村", "顾山社区", "李家桥村", "漍东村"]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["number", "received_on", "village", "level", "subject", "phone"])
        for i in range(rows):
            writer.writerow(
                [
                    f"IMP-{i:06d}",
                    f"2017-{i % 12 + 1:02d}-{i % 28 + 1:02d} 09:00",
                    villages[i % 4],
                    "省" if i % 10 == 0 else "镇",
                    f"第{i}件",
                    f"1390000{i % 10000:04d}",
                ]
            )
    return path


def import_rows(db: Path) -> tuple[int, int]:
    return count(db, "SELECT count(*) FROM petitions WHERE number LIKE 'IMP-%'"), count(
        db, "SELECT count(*) FROM history WHERE action = 'import'"
    )


def test_kill_9_during_an_import_leaves_none_or_all(env, isolated, slow):
    rows = 100_000 if slow else 8_000
    source = big_csv(isolated / "big.csv", rows)
    db = isolated / "ledger.db"
    run(["add", "--village", "红豆", "--level", "镇", "--subject", "已有"], env)
    rng = random.Random(9)
    full_time = 30.0 if slow else 3.0
    for _ in range(10):
        proc = subprocess.Popen(
            [guside_executable(), "import", str(source)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.2, full_time))
        proc.kill()
        proc.wait()
        assert left_behind(source) == []  # a reading worker ends with its import
        imported, logged = import_rows(db)
        assert (imported, logged) in ((0, 0), (rows, rows))
        assert count(db) in (1, rows + 1)
        checked = run(["check"], env)
        assert checked.returncode == 0, checked.stdout
        if imported:
            break
    if import_rows(db)[0] == 0:
        assert run(["import", source], env).returncode == 0
    assert import_rows(db) == (rows, rows)
    assert run(["check"], env).returncode == 0


def left_behind(source: Path) -> list[int]:
    """Processes still reading `source` (a reading worker outliving its import), after a moment to exit."""
    deadline = time.monotonic() + 5
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and str(source).encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.mark.parametrize("rows", [30_000, 90_000], ids=["read here", "read by a worker"])  # a worker from 4 MiB
@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGINT, 130, "已中断"), (signal.SIGTERM, 143, "已终止")])
def test_sigint_and_sigterm_roll_back_and_exit_non_zero(env, isolated, sig, code, word, rows):
    source = big_csv(isolated / "big.csv", rows)
    assert (source.stat().st_size >= 4 * 2**20) == (rows > 30_000)
    db = isolated / "ledger.db"
    run(["add", "--village", "红豆", "--level", "镇", "--subject", "已有"], env)
    before = snapshot(db)
    proc = subprocess.Popen(
        [guside_executable(), "import", str(source)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    # signalled once the import is writing (its rollback journal exists), however slow the machine is today
    journals = [db.with_name(db.name + suffix) for suffix in ("-journal", "-wal")]
    deadline = time.monotonic() + 60
    while not any(j.exists() for j in journals) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    assert err.strip() == f"错误：{word}：本次命令的修改已撤销"
    assert snapshot(db) == before
    assert left_behind(source) == []


def test_export_killed_mid_write_leaves_no_partial_file(env, isolated):
    source = big_csv(isolated / "big.csv", 20_000)
    assert run(["import", source], env).returncode == 0
    out = isolated / "export.csv"
    for delay in (0.25, 0.35, 0.45, 0.6, 0.8):
        out.unlink(missing_ok=True)
        proc = subprocess.Popen([guside_executable(), "export", "--out", str(out)], env=env)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        # absent, or whole: a temp file may remain beside it, never a partial one under the final name
        assert not out.exists() or len(out.read_text(encoding="utf-8-sig").splitlines()) == 20_001
    assert run(["export", "--out", out], env).returncode == 0
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 20_001


def test_atomic_write_failing_midway_keeps_the_old_file(isolated):
    from guside_cli.interchange.writers import atomic_file

    target = isolated / "weekly.txt"
    target.write_text("last week", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_file(target) as f:
        f.write("half of this wee")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "last week"
    assert [p.name for p in isolated.iterdir() if p.name.startswith(".weekly")] == []


def test_a_full_disk_during_an_import_is_a_clear_error_and_changes_nothing(isolated):
    mount = isolated / "small"
    mount.mkdir()
    if (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        env = {**os.environ, "GUSIDE_DB": str(mount / "ledger.db")}
        assert run(["add", "--village", "红豆", "--level", "镇", "--subject", "已有"], env).returncode == 0
        before = snapshot(mount / "ledger.db")
        done = run(["import", big_csv(isolated / "big.csv", 5_000)], env)
        assert done.returncode == 2  # could not run
        assert done.stderr.strip() == "错误：台账所在磁盘已满：未写入任何内容；请释放空间后重试"
        assert snapshot(mount / "ledger.db") == before
        assert run(["check"], env).returncode == 0
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(mount)], check=False)  # lazily, should a file still be open


# --- files and schema ------------------------------------------------------------------------------------


def test_ledger_backup_and_exports_are_private_whatever_the_umask(cli, isolated):
    old = os.umask(0)
    try:
        cli.add()
        cli("backup", isolated / "b.db")
        cli("export", "--out", isolated / "e.csv")
        cli("export", "--format", "xlsx", "--out", isolated / "e.xlsx")
        cli("summary", "--out", isolated / "s.txt")
    finally:
        os.umask(old)
    for name in ("ledger.db", "b.db", "e.csv", "e.xlsx", "s.txt"):
        assert stat.S_IMODE((isolated / name).stat().st_mode) == 0o600, name


def test_a_failed_migration_leaves_the_previous_version_intact(cli, db_path, monkeypatch):
    from guside_cli.storage import migrations

    cli.add()
    before = snapshot(db_path)
    with sqlite3.connect(db_path) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]

    def m999_broken(db):
        db.conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m999_broken])
    monkeypatch.setattr("guside_cli.storage.connection.LATEST_VERSION", version + 1)
    result = cli("list", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"错误：{db_path} 从第 {version} 版结构升级到第 {version + 1} 版失败"
        "（RuntimeError：disk trouble）；台账未作改动"
    )
    assert snapshot(db_path) == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version


# --- the history's hash chain ----------------------------------------------------------------------------


def tamper(db: Path, sql: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TRIGGER history_no_update")
        conn.execute("DROP TRIGGER history_no_delete")
        conn.execute(sql)
        conn.execute(
            "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
            "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END"
        )
        conn.execute(
            "CREATE TRIGGER history_no_delete BEFORE DELETE ON history "
            "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END"
        )


@pytest.mark.parametrize(
    ("sql", "row", "why"),
    [
        ("UPDATE history SET actor = 'someone else' WHERE id = 2", 2, "its content does not match its hash"),
        ("DELETE FROM history WHERE id = 2", 3, "its link to the row before does not match"),
    ],
)
def test_check_names_the_first_history_row_changed_or_removed(cli, db_path, sql, row, why):
    for _ in range(4):
        cli.add()
    assert all(f["ok"] for f in cli.json("check"))
    tamper(db_path, sql)
    result = cli("check", "--format", "json", ok=False)
    assert result.exit_code == 1
    chain = next(f for f in json.loads(result.stdout) if f["check"] == "history_chain")
    assert chain["ok"] is False and chain["detail"].startswith(f"broken at history row {row}: {why}")


def test_history_chain_survives_a_long_session_of_commands(cli, db_path):
    cli("leader", "add", "王镇长", "--rank", "town")
    number = cli.add(level="省")["number"]
    cli("assign", number, "--leader", "王镇长")
    cli("step", number, "--kind", "notify", "--note", "告知")
    cli("step", number, "--kind", "inspect", "--note", "检查")
    cli("close", number, "--outcome", "resolved")
    cli("reopen", number, "--reason", "反弹")
    assert all(f["ok"] for f in cli.json("check"))


# --- personal data ---------------------------------------------------------------------------------------


def test_reveal_is_recorded_with_who_asked(cli):
    number = cli.add(phone="13900001234")["number"]
    cli("show", number, "--reveal")
    cli("list", "--reveal", "--village", "红豆")
    reveals = [h for h in cli.json("history", number) if h["action"] == "reveal"]
    assert [(h["actor"], h["note"]) for h in reveals] == [("tester", "show")]
    with sqlite3.connect(os.environ["GUSIDE_DB"]) as conn:
        notes = [n for (n,) in conn.execute("SELECT note FROM history WHERE action = 'reveal' ORDER BY id")]
    assert notes == ["show", "list: 1 case(s); village=红豆"]


CANARIES = {
    "petitioner": "卡纳里甲",
    "phone": "13912345678",
    "id_number": "11010519491231002X",
    "key_person": "卡纳里乙",
}


def test_canaries_never_reach_public_or_summary_output(cli, isolated):
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    number = cli.add(
        level="省",
        received="2018-06-11",
        subject="电话13912345678、身份证11010519491231002X反映",
        **{k.replace("_", "-"): v for k, v in CANARIES.items()},
    )["number"]
    cli("person", "add", "卡纳里丙", "--village", "红豆", "--phone", "13912345679", "--id-number", "110105194912310038")
    cli("assign", number, "--leader", "王镇长")
    cli.add(level="镇", received="2017-06-11", petitioner="卡纳里丁", phone="13912345670")
    outputs = []
    for fmt in ("markdown", "csv", "html", "json"):
        outputs.append(cli("publish", "--format", fmt).stdout)
        outputs.append(
            cli(
                "--today", "2018-12-31", "bulletin", "--year", "2018", "--format", fmt if fmt != "csv" else "text"
            ).stdout
        )
    for fmt in ("text", "markdown", "json", "csv"):
        outputs.append(
            cli("--today", "2018-12-31", "report", "--year", "2018", "--format", fmt, "--by", "leader").stdout
        )
    for fmt in ("text", "markdown", "json"):
        outputs.append(cli("--today", "2018-06-20", "summary", "--on", "2018-06-12", "--format", fmt).stdout)
    outputs.append(cli("export", "--redact").stdout)
    text = "\n".join(outputs)
    for canary in (*CANARIES.values(), "卡纳里丙", "卡纳里丁", "13912345679", "110105194912310038", "13912345670"):
        assert canary not in text, canary
    assert number in text  # the outputs did cover the case


# --- hostile and messy input -----------------------------------------------------------------------------


def test_text_fields_are_bounded(cli, db_path):
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "长" * 2001, ok=False)
    assert result.stderr.strip() == "错误：反映问题：反映问题有 2001 个字，最多保留 2000 个：请删减"
    number = cli.add()["number"]
    note = cli("step", number, "--kind", "contact", "--note", "x" * 10_001, ok=False)
    assert note.stderr.strip() == "错误：说明共 10001 字，最多保留 10000 字"


def test_terminal_escapes_are_never_echoed(cli):
    result = cli("add", "--village", "红豆\x1b[2J村", "--level", "镇", "--subject", "s", ok=False)
    assert "\x1b" not in result.stderr and result.exit_code == 2


def test_full_width_digits_are_folded_and_other_digits_refused(cli):
    added = cli.add(phone="１３９００００１２３４", id_number="３２０２８１１９９００５０８９５３Ｘ")
    shown = cli.json("show", added["number"], "--reveal")
    assert (shown["phone"], shown["id_number"]) == ("13900001234", "32028119900508953X")
    arabic = "١٣٩٠٠٠٠١٢٣٤"  # Arabic-Indic digits: str.isdigit() says yes, a phone number they are not
    result = cli("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--phone", arabic, ok=False)
    assert result.exit_code == 2 and arabic not in result.stderr


def test_invalid_personal_values_are_never_echoed_in_errors(cli, isolated):
    result = cli(
        "add", "--village", "红豆", "--level", "镇", "--subject", "s", "--id-number", "320281199005089531", ok=False
    )
    assert "320281199005089531" not in result.stderr


def test_importing_another_desks_ledger_with_the_same_numbers_is_refused(cli, isolated):
    cli.add()
    other = isolated / "other.db"
    cli("--db", other, "add", "--village", "红豆", "--level", "镇", "--subject", "另一台电脑登记")
    cli("--db", other, "export", "--out", isolated / "other.csv")
    result = cli("import", isolated / "other.csv", ok=False)
    assert "编号 2018-红豆-001 已被台账中另一件使用（唯一标识不同）" in result.stderr


def test_a_report_during_an_import_sees_before_or_after_never_half(env, isolated):
    rows = 15_000
    source = big_csv(isolated / "big.csv", rows)
    run(["add", "--village", "红豆", "--level", "镇", "--subject", "已有", "--received", "2017-05-01"], env)
    readers_env = {**env, "GUSIDE_BUSY_TIMEOUT": "60", "GUSIDE_TODAY": "2018-01-10"}
    proc = subprocess.Popen(
        [guside_executable(), "import", str(source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen = []
    while proc.poll() is None:
        done = run(["report", "--year", "2017", "--format", "json"], readers_env)
        assert done.returncode == 0, done.stderr
        seen.append(json.loads(done.stdout)["total"]["current"])
    assert proc.returncode == 0, proc.stderr.read()
    assert seen and set(seen) <= {1, rows + 1}


def test_check_after_a_write_cut_off_reads_the_ledger_as_its_next_opening_leaves_it(env, isolated):
    """kill -9 (or a power cut) in the middle of a write leaves a rollback journal that only a writing connection
    can undo; `check` opens read-only, so it read 'attempt to write a readonly database' and called the ledger
    damaged. It now checks a rolled-back copy, says so, and leaves the ledger and its journal as they were."""
    db = isolated / "ledger.db"
    run(["add", "--village", "红豆", "--level", "镇", "--subject", "已有"], env)
    cut = (  # a write whose pages spill into the file before it is killed: the journal is then needed to undo it
        "import os, signal, sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA cache_size = 2')\n"
        "conn.execute('BEGIN IMMEDIATE')\n"
        "conn.execute(\"UPDATE petitions SET subject = '半途'\")\n"
        "conn.execute('CREATE TABLE spill (x)')\n"
        "conn.executemany('INSERT INTO spill VALUES (?)', [(os.urandom(2000),) for _ in range(500)])\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", cut, str(db)], check=False)
    journal = Path(f"{db}-journal")
    if not (journal.exists() and journal.stat().st_size > 0):
        pytest.skip("this SQLite keeps no rollback journal here (WAL)")
    before = (db.read_bytes(), journal.read_bytes())
    checked = run(["check", "--format", "json"], env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    found = {f["check"]: f for f in json.loads(checked.stdout)}
    assert found["interrupted"]["ok"] and found["integrity"]["ok"] and found["history_replay"]["ok"]
    assert (db.read_bytes(), journal.read_bytes()) == before  # check wrote nothing, and left the journal
    assert "已有" in run(["list", "--format", "csv"], env).stdout  # a reader sees the write undone
    run(["add", "--village", "红豆", "--level", "镇", "--subject", "之后"], env)  # the next writer clears the journal
    again = json.loads(run(["check", "--format", "json"], env).stdout)
    assert "interrupted" not in {f["check"] for f in again}


def test_a_reading_worker_killed_is_one_line_and_nothing_written(env, isolated):
    """Killed from outside (or by the out-of-memory killer), the worker's end is said as such, in one line."""
    source = big_csv(isolated / "big.csv", 90_000)
    db = isolated / "ledger.db"
    run(["add", "--village", "红豆", "--level", "镇", "--subject", "已有"], env)
    before = snapshot(db)
    proc = subprocess.Popen([guside_executable(), "import", str(source)], env=env, stderr=subprocess.PIPE, text=True)
    deadline, child = time.monotonic() + 60, None
    while child is None and proc.poll() is None and time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and (entry / "stat").read_text().split(") ")[1].split()[1] == str(proc.pid):
                    child = int(entry.name)
            except (OSError, IndexError):
                continue
        time.sleep(0.02)
    assert child is not None, "no reading worker was started"
    os.kill(child, signal.SIGKILL)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and "读取文件的进程意外结束" in err, err
    assert snapshot(db) == before
