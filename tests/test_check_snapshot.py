"""`check` reads one snapshot and leaves nothing behind; anchors are 128 bits, old short ones are said to be weak,
and a file of anchors kept elsewhere is checked line by line (issue 29)."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

GUSIDE = [sys.executable, "-m", "guside_cli"]


def _env(db: Path, **extra: str) -> dict:
    return {**os.environ, "GUSIDE_DB": str(db), **extra}


def _checks(cli, db: Path) -> list[dict]:
    result = cli("--db", db, "check", "--format", "json", ok=False)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_check_while_another_desk_adds_never_raises_a_false_alarm(cli, tmp_path):
    """Before: the history and the tables were read in separate transactions, and a desk's add committed between
    them read as a case changed outside guside (3 false alarms in 66). Now: one read transaction."""
    db = tmp_path / "town.db"
    cli("--db", db, "add", "--village", "红豆村", "--level", "town", "--subject", "异味", "--received", "2018-06-07")
    adds = 20
    adder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom typer.testing import CliRunner\nfrom guside_cli.app import app\nr = CliRunner()\n"
            f"for i in range({adds}):\n"
            "    x = r.invoke(app, ['add', '--village', '新龚村', '--level', 'town', '--subject', f'噪声{i}',"
            " '--received', '2018-06-08', '--cause', 'c' * 50, '--unit', '镇执法局'])\n"
            "    assert x.exit_code == 0, x.stderr\n",
        ],
        env=_env(db),
    )
    alarms, runs = [], 0
    while adder.poll() is None or runs < 5:
        found = _checks(cli, db)
        runs += 1
        failed = [f for f in found if not f["ok"]]
        if failed:
            alarms.append(failed)
    assert adder.wait() == 0
    assert runs >= 5
    assert alarms == [], f"{len(alarms)} false alarms in {runs} checks: {alarms[:2]}"
    assert all(f["ok"] for f in _checks(cli, db))
    assert len(cli.json("--db", db, "list")) == adds + 1


def _interrupted_ledger(cli, tmp_path) -> Path:
    """A ledger whose last write was cut off (its hot journal left beside it)."""
    db = tmp_path / "cut.db"
    cli("--db", db, "add", "--village", "红豆村", "--level", "town", "--subject", "异味", "--received", "2018-06-07")
    script = (
        "import sqlite3, os\n"
        f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1')\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "c.execute('UPDATE petitions SET subject = subject || hex(randomblob(400000))')\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", script], check=False)
    return db


def test_a_check_killed_while_it_reads_an_interrupted_ledger_leaves_no_copy_behind(cli, tmp_path):
    db = _interrupted_ledger(cli, tmp_path)
    journal = Path(f"{db}-journal")
    if not (journal.exists() and journal.stat().st_size > 0):
        pytest.skip("this SQLite wrote no hot journal for the cut-off write")
    temp = Path(tempfile.gettempdir())

    def copies() -> set[str]:
        return {p.name for p in temp.glob("guside-check-*")}

    before = copies()
    # a check killed once its rolled-back copy is on disk
    slow = subprocess.Popen([*GUSIDE, "check"], env=_env(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (copies() - before) and slow.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(slow.pid, signal.SIGKILL)
    slow.wait()
    left = copies() - before
    assert left, "the check never made its rolled-back copy"
    assert all(oct((temp / name).stat().st_mode & 0o777) == "0o700" for name in left)
    found = _checks(cli, db)  # the next check sweeps what the killed one left
    assert found[0]["check"] == "interrupted" and all(f["ok"] for f in found)
    assert not (copies() - before), "the killed check's copy of the ledger survived the next check"
    assert journal.exists(), "check leaves the ledger and its journal as they are"


def test_the_anchor_is_128_bits_under_reports_and_check_takes_only_what_it_prints(cli, db_path):
    cli.add()
    found = _checks(cli, db_path)
    anchor = found[-1]["detail"]
    rows, digest = anchor.split(":")
    assert len(digest) == 32 and found[-1]["head"]["hash"].startswith(digest)
    for command in ("summary", "report", "publish"):
        assert f"账本校验 {anchor}" in cli(command).stdout
    assert cli("check", "--anchor", anchor).exit_code == 0
    forged = f"{rows}:{digest[:8]}{'0' * 24 if digest[8] != '0' else '1' * 24}"  # the short form matches, the rest not
    result = cli("check", "--anchor", forged, ok=False)
    assert result.exit_code == 1 and "未通过" in result.stdout


def test_an_old_short_anchor_is_still_checked_and_said_to_be_weak(cli, db_path):
    cli.add()
    anchor = _checks(cli, db_path)[-1]["detail"]
    rows, digest = anchor.split(":")
    result = cli("check", "--anchor", f"{rows}:{digest[:8]}")
    assert result.exit_code == 0 and "旧式短锚（32 位）" in result.stdout
    assert cli("--lang", "en", "check", "--anchor", f"{rows}:{digest[:8]}").stdout.count("old short anchor") == 1
    lost = cli("check", "--anchor", f"{rows}:{'0' if digest[0] != '0' else '1'}{digest[1:8]}", ok=False)
    assert lost.exit_code == 1 and "旧式短锚" not in lost.stdout
    assert cli("check", "--anchor", f"{rows}:{digest[:7]}", ok=False).exit_code == 2  # under 32 bits: refused


def test_a_file_of_anchors_kept_elsewhere_is_checked_line_by_line(cli, db_path, tmp_path):
    cli.add()
    first = _checks(cli, db_path)[-1]["detail"]
    cli.add(subject="夜间噪声")
    second = _checks(cli, db_path)[-1]["detail"]
    kept = tmp_path / "anchors.txt"
    kept.write_text(f"# 报告上的锚\n账本校验 {first}\n\n{second}   # 7 月报告\n", encoding="utf-8")
    found = json.loads(cli("check", "--anchor", kept, "--format", "json").stdout)
    named = {f["check"]: f for f in found if f["check"].startswith("anchor")}
    assert set(named) == {"anchor anchors.txt:2", "anchor anchors.txt:4"} and all(f["ok"] for f in named.values())
    rows, digest = second.split(":")
    kept.write_text(f"{first}\n{rows}:{'f' if digest[0] != 'f' else 'e'}{digest[1:]}\n", encoding="utf-8")
    result = cli("check", "--anchor", kept, ok=False)
    assert result.exit_code == 1
    (line,) = [x for x in result.stdout.splitlines() if "未通过" in x]
    assert "anchors.txt:2" in line
    kept.write_text(f"{first}\n不是锚\n", encoding="utf-8")
    refused = cli("check", "--anchor", kept, ok=False)
    assert refused.exit_code == 2 and "第 2 行" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert "不是普通文件" in cli("check", "--anchor", fifo, ok=False).stderr
    assert cli("check", "--anchor", tmp_path / "missing.txt", ok=False).exit_code == 2
