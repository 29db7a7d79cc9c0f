"""Family 1 (the ledger is never an output) and family 7 (files): every command that writes a file goes through
guside_cli.interchange.outfile."""

import os
import stat
import subprocess
import sys

import pytest

from tests.conftest import snapshot

WRITERS = [
    ("export",),
    ("export", "--format", "xlsx"),
    ("export", "--format", "json"),
    ("report", "--year", "2018"),
    ("publish",),
    ("publish", "--format", "html"),
    ("summary",),
    ("bulletin",),
]


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: " ".join(c))
@pytest.mark.parametrize("suffix", ["", "-journal", "-wal", "-shm"])
def test_no_out_may_name_the_ledger_or_its_journal_files(cli, db_path, command, suffix):
    cli.add()
    before = snapshot(db_path)
    raw = db_path.read_bytes()
    result = cli(*command, "--out", f"{db_path}{suffix}", ok=False)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert snapshot(db_path) == before
    assert db_path.read_bytes()[:16] == raw[:16] == b"SQLite format 3\x00"


def test_the_ledger_named_another_way_is_still_the_ledger(cli, db_path, isolated):
    cli.add()
    link = isolated / "link.db"
    link.symlink_to(db_path)
    os.link(db_path, isolated / "hard.db")
    for name in (link, isolated / "hard.db", isolated / "." / "ledger.db", isolated / "sub" / ".." / "ledger.db"):
        (isolated / "sub").mkdir(exist_ok=True)
        result = cli("export", "--out", name, ok=False)
        assert result.exit_code == 2, name
    assert cli.json("show", "1")["subject"] == "化工厂异味"


@pytest.mark.parametrize("command", [*WRITERS, ("backup",)], ids=lambda c: " ".join(c))
def test_a_folder_as_out_is_one_line_not_a_traceback(cli, isolated, command):
    cli.add()
    args = (*command, isolated) if command == ("backup",) else (*command, "--out", isolated)
    result = cli(*args, ok=False)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_backup_onto_the_ledger_is_refused_even_with_force(cli, db_path):
    cli.add()
    before = snapshot(db_path)
    assert cli("backup", db_path, "--force", ok=False).exit_code == 2
    assert snapshot(db_path) == before


def test_out_dash_is_stdout(cli, isolated):
    cli.add()
    assert cli("export", "--out", "-").stdout.startswith("number,")
    assert "化工厂异味" in cli("publish", "--out", "-").stdout
    assert not (isolated / "-").exists()


def test_a_fifo_or_device_as_out_is_refused_without_opening(cli, isolated):
    cli.add()
    fifo = isolated / "pipe"
    os.mkfifo(fifo)
    for target in (fifo, "/dev/null"):
        result = cli("export", "--out", target, ok=False)  # opening the FIFO would hang
        assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_a_read_only_folder_or_file_gives_one_line(cli, isolated, monkeypatch):
    cli.add()
    import tempfile

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as m:
        m.setattr(tempfile, "mkstemp", denied)  # root ignores modes: simulate what a clerk meets
        result = cli("export", "--out", isolated / "x.csv", ok=False)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and "不可写" in result.stderr
    target = isolated / "ro.csv"
    target.write_text("keep")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: real_access(path, mode) and not (str(path) == str(target) and mode & os.W_OK)
    )
    result = cli("export", "--out", target, ok=False)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
    assert target.read_text() == "keep"


def test_public_pages_are_0644_private_outputs_0600(cli, isolated):
    old = os.umask(0o077)
    try:
        cli.add()
        cli("publish", "--out", isolated / "p.html", "--format", "html")
        cli("export", "--out", isolated / "e.csv")
        cli("report", "--year", "2018", "--out", isolated / "r.txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((isolated / "p.html").stat().st_mode) == 0o644
    assert stat.S_IMODE((isolated / "e.csv").stat().st_mode) == 0o600
    assert stat.S_IMODE((isolated / "r.txt").stat().st_mode) == 0o600


def test_temp_files_of_a_killed_export_are_swept_on_the_next_run(cli, isolated):
    cli.add()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = isolated / f".e.csv.{dead.pid}.abcd1234.guside-tmp"
    stale.write_text("half")
    other = isolated / f".e.csv.{os.getpid()}.live.guside-tmp"  # a live process's: kept
    other.write_text("writing")
    cli("export", "--out", isolated / "e.csv")
    assert not stale.exists() and other.exists()
    stale.write_text("half")
    cli("backup", isolated / "b.db")
    assert not stale.exists()


def test_a_full_disk_during_backup_names_the_backups_disk_and_leaves_nothing(cli, isolated, monkeypatch):
    import sqlite3

    from guside_cli.storage import ledger as ledger_module

    cli.add()
    (isolated / "usb").mkdir()

    real_connect = sqlite3.connect

    def connect(path, *a, **k):
        if "usb" in str(path):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(path, *a, **k)

    monkeypatch.setattr(ledger_module.sqlite3, "connect", connect)
    result = cli("backup", isolated / "usb" / "b.db", ok=False)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "usb" in result.stderr and "ledger" not in result.stderr.replace("b.db", "")
    assert os.listdir(isolated / "usb") == []


def test_a_full_disk_writing_xlsx_prints_one_error(cli, isolated, monkeypatch):
    import errno

    cli.add()
    from openpyxl import Workbook

    def full(self, f):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    result = cli("export", "--format", "xlsx", "--out", isolated / "e.xlsx", ok=False)
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "e.xlsx" in result.stderr
    assert [p for p in os.listdir(isolated) if "e.xlsx" in p] == []


def test_a_full_disk_writing_xlsx_prints_one_error_in_a_real_process(cli, isolated):
    cli.add()
    script = (
        "import errno, os, sys\n"
        "real_write = os.write\n"
        "import zipfile\n"
        "real = zipfile.ZipFile.writestr\n"
        "def full(*a, **k): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "zipfile.ZipFile.writestr = full\n"
        "zipfile.ZipFile.write = full\n"
        "from guside_cli.app import main\n"
        "sys.argv = ['guside', 'export', '--format', 'xlsx', '--out', sys.argv[1]]\n"
        "main()\n"
    )
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, "-c", script, str(isolated / "e.xlsx")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and "ignored" not in done.stderr
    assert [p for p in os.listdir(isolated) if "e.xlsx" in p] == []
