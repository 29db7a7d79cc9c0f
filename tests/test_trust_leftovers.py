"""No personal data left behind: a kill -9 at any time of import, backup, export or serve leaves no file with
the canary phone once the next run has started (half-built ledgers, dry-run ledgers, temp outputs and web
snapshots are swept or never written); signals and a closed pipe end an export in one line; a redacted copy is
no import source; a refused write never changes the ledger's mode."""

import csv
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

CANARY = "13987654321"
NAME = "钱金宝"


def _env(tmp: Path, db: Path) -> dict[str, str]:
    return {**os.environ, "GUSIDE_DB": str(db), "TMPDIR": str(tmp), "GUSIDE_TODAY": "2018-06-20"}


def guside(env: dict[str, str], *args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "guside_cli", *args], env=env, capture_output=True, **kw)


def start(env: dict[str, str], *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "guside_cli", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


@pytest.fixture
def office(tmp_path):
    """A folder for the ledger, one for outputs, a private temp folder, and a file of 3,000 rows carrying the
    canary phone in the phone column and in the subject."""
    for name in ("desk", "out", "tmp"):
        (tmp_path / name).mkdir()
    source = tmp_path / "out" / "台账.csv"
    with open(source, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["received_on", "village", "level", "subject", "petitioner", "phone"])
        for i in range(3000):
            writer.writerow(["2018-03-01", "红豆村", "town", f"异味{i}，回电 {CANARY}", NAME, CANARY])
    return tmp_path, source


def holding_canary(folder: Path, allowed: set[Path]) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and path not in allowed:
            data = path.read_bytes()
            if CANARY.encode() in data or NAME.encode() in data:
                found.append(path)
    return found


def kill_at_random(env: dict[str, str], args: list[str], times: int, most: float) -> None:
    for _ in range(times):
        proc = start(env, *args)
        time.sleep(random.uniform(0.05, most))
        proc.kill()
        proc.wait(timeout=30)


def test_kill_9_at_any_time_leaves_no_personal_data_once_the_next_run_starts(office):
    root, source = office
    desk, out, tmp = root / "desk", root / "out", root / "tmp"
    db = desk / "ledger.db"
    env = _env(tmp, db)
    random.seed(29)
    # an import building a new ledger aside, and a dry run's trial ledger
    kill_at_random(env, ["import", str(source)], times=5, most=2.5)
    kill_at_random(env, ["import", str(source), "--dry-run"], times=3, most=2.5)
    assert guside(env, "import", str(source), "--dry-run").returncode == 0
    assert guside(env, "import", str(source)).returncode == 0
    assert [p.name for p in desk.iterdir() if p.name != "ledger.db" and not p.name.startswith("ledger.db-")] == []
    # backup and export, into the out folder
    backup, export = out / "backup.db", out / "台账.xlsx"
    kill_at_random(env, ["backup", str(backup), "--force"], times=4, most=1.0)
    kill_at_random(env, ["export", "--format", "xlsx", "--out", str(export)], times=4, most=3.0)
    assert guside(env, "backup", str(backup), "--force").returncode == 0
    assert guside(env, "export", "--format", "xlsx", "--out", str(export)).returncode == 0
    # serve --reveal
    if _has_datasette():
        kill_at_random(env, ["serve", "--reveal", "--port", "0"], times=3, most=3.0)
        proc = start(env, "serve", "--port", "0")
        time.sleep(2)
        proc.terminate()
        proc.wait(timeout=30)
    allowed = {db, source, backup, export}
    assert holding_canary(root, allowed) == []


def _has_datasette() -> bool:
    try:
        import datasette  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.parametrize("signum,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_an_xlsx_export_is_one_line_and_leaves_no_file(office, signum, code):
    root, source = office
    db = root / "desk" / "ledger.db"
    env = _env(root / "tmp", db)
    assert guside(env, "import", str(source)).returncode == 0
    export = root / "out" / "o.xlsx"
    proc = start(env, "export", "--format", "xlsx", "--out", str(export))
    time.sleep(1.0)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err and b"Exception ignored" not in err
    if proc.returncode != 0:  # (a fast machine may have finished first)
        assert proc.returncode == code and len(err.decode().strip().splitlines()) == 1
        assert not export.exists()
    assert holding_canary(root / "out", {source, export}) == []


def test_an_export_into_a_closed_pipe_ends_quietly(office):
    root, source = office
    env = _env(root / "tmp", root / "desk" / "ledger.db")
    assert guside(env, "import", str(source)).returncode == 0
    for fmt in ("csv", "json", "jsonl"):
        result = subprocess.run(
            f"{sys.executable} -m guside_cli export --format {fmt} --out - | head -c 100 >/dev/null; "
            "exit ${PIPESTATUS[0]}",
            shell=True,
            executable="/bin/bash",
            env=env,
            capture_output=True,
        )
        assert result.returncode == 141 and result.stderr == b"", (fmt, result.stderr)


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "xlsx"])
def test_a_redacted_copy_is_refused_as_an_import_source(cli, db_path, tmp_path, fmt):
    number = cli.add(petitioner="欧阳明", phone=CANARY, subject="异味")["number"]
    copy = tmp_path / f"red.{fmt}"
    cli("export", "--redact", "--format", fmt, "--out", copy)
    before = db_path.read_bytes()
    result = cli("import", copy, "--update", ok=False)
    assert result.exit_code == 2 and "脱敏副本" in result.stderr and len(result.stderr.splitlines()) == 1
    assert db_path.read_bytes() == before
    assert cli.json("show", number, "--reveal")["petitioner"] == "欧阳明"


def test_a_refused_write_never_changes_the_ledgers_mode(cli, db_path):
    cli.add()
    db_path.chmod(0o644)
    for args in (["--village", "没有这个村"], ["--received", "2030-01-01"]):
        result = cli("add", "--level", "town", "--subject", "s", *args, ok=False)
        assert result.exit_code in (1, 2)
        assert stat.S_IMODE(db_path.stat().st_mode) == 0o644
    if os.geteuid() != 0:  # root writes a 0444 file all the same
        db_path.chmod(0o444)
        for _ in range(2):
            assert cli("add", "--village", "红豆村", "--level", "town", "--subject", "s", ok=False).exit_code == 2
            assert stat.S_IMODE(db_path.stat().st_mode) == 0o444
    db_path.chmod(0o644)
    cli.add()  # a write that succeeds makes it the owner's only, keeping the owner's own bits
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_rules_must_be_a_regular_file_of_reasonable_size(cli, tmp_path):
    data = tmp_path / "a.csv"
    data.write_text("received_on,village,level,subject\n2018-06-01,红豆村,town,x\n", encoding="utf-8")
    fifo = tmp_path / "rules.fifo"
    os.mkfifo(fifo)
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (2 * 1024 * 1024))
    for rules in (fifo, Path("/dev/zero"), big):
        result = cli("import", data, "--dry-run", "--rules", rules, ok=False)
        assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1, rules


def test_a_header_of_200000_columns_gives_a_bounded_message(cli, tmp_path):
    wide = tmp_path / "wide.csv"
    unknown = ",".join(f"列{i}" for i in range(200_000))
    wide.write_text(f"subject,village,received_on,level,{unknown}\nx,红豆村,2018-06-01,town{',' * 200_000}\n")
    result = cli("import", wide, "--dry-run")
    assert len(result.stderr) < 2_000 and "共 200000 列" in result.stderr


def test_person_members_past_any_town_is_refused(cli):
    result = cli("person", "add", "某群体", "--village", "红豆村", "--group", "--members", "2147483648", ok=False)
    assert result.exit_code == 2 and "群体人数" in result.stderr
