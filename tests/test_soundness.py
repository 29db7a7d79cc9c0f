"""What leaves the office is made only from a ledger whose every page reads; a ledger that passed and has not
changed since is not read whole again (storage/soundness.py). These tests hold the second half to the first:
any change to the file — damage included, with its modification time put back — is checked again."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

from guside_cli.storage import soundness
from tests.test_trust_ledger import _zero_a_page


def _entries(home) -> list:
    folder = home / ".cache" / "guside" / "sound"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_sound_ledger_is_remembered_in_the_user_cache_not_beside_the_ledger(cli, db_path, isolated):
    cli.add()
    before = set(os.listdir(db_path.parent)) - {"home"}
    cli("report", "--year", "2018")
    entries = _entries(isolated / "home")
    assert len(entries) == 1
    assert entries[0].read_text() == soundness.state(db_path)
    assert oct(entries[0].stat().st_mode & 0o777) == "0o600"
    assert set(os.listdir(db_path.parent)) - {"home"} == before  # nothing written beside the ledger


def test_damage_after_a_passed_check_is_found_even_with_its_times_put_back(cli, db_path, isolated):
    cli.add()
    cli("report", "--year", "2018")
    assert soundness.known_sound(db_path, soundness.state(db_path))
    stat = db_path.stat()
    _zero_a_page(db_path, "petitions")
    os.utime(db_path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as `touch -r` would; the change time moves on
    assert not soundness.known_sound(db_path, soundness.state(db_path))
    result = cli("report", "--year", "2018", ok=False)
    assert result.exit_code in (1, 2)
    assert "损坏" in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_a_write_makes_the_next_report_check_again(cli, db_path):
    cli.add()
    cli("summary")
    remembered = soundness.state(db_path)
    cli.add(subject="又一件")
    assert soundness.state(db_path) != remembered
    assert not soundness.known_sound(db_path, soundness.state(db_path))
    cli("summary")
    assert soundness.known_sound(db_path, soundness.state(db_path))


def test_an_unchanged_ledger_is_not_read_whole_again(cli, db_path, monkeypatch):
    """The second report of an unchanged ledger runs no quick_check (the first one did)."""
    from guside_cli.storage import ledger as ledger_module

    cli.add()
    checks = []
    real = ledger_module.Ledger.sound

    def counted(self):
        trace = []
        self.conn.set_trace_callback(trace.append)
        try:
            real(self)
        finally:
            self.conn.set_trace_callback(None)
        checks.append(any("quick_check" in sql for sql in trace))

    monkeypatch.setattr(ledger_module.Ledger, "sound", counted)
    cli("report", "--year", "2018")
    cli("report", "--year", "2018")
    assert checks == [True, False]


def test_without_a_cache_folder_every_run_checks(cli, db_path, isolated, monkeypatch):
    """cron under `env -i` has no HOME: nothing is remembered, and the report still works."""
    cli.add()
    monkeypatch.delenv("HOME")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    cli("report", "--year", "2018")
    assert not soundness.known_sound(db_path, soundness.state(db_path))
    assert _entries(isolated / "home") == []


def test_a_cache_that_cannot_be_written_only_means_checking_again(cli, db_path, isolated, monkeypatch):
    cli.add()
    blocker = isolated / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    cli("report", "--year", "2018")
    assert not soundness.known_sound(db_path, soundness.state(db_path))
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo", "folder", "big file"])
def test_whatever_sits_at_the_cache_entry_the_report_neither_hangs_nor_reads_without_end(cli, db_path, isolated, kind):
    """The cache folder is the user's: a link to an endless device, a FIFO, a folder or a huge file at the
    entry's place only means the ledger is checked again (found by a red team: 12 GB read, or a hang)."""
    cli.add()
    cli("report", "--year", "2018")
    (entry,) = _entries(isolated / "home")
    entry.unlink()
    if kind == "link to /dev/zero":
        entry.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(entry)
    elif kind == "folder":
        entry.mkdir()
    else:
        entry.write_text(soundness.state(db_path) + " " * 10_000)
    done = subprocess.run(
        [sys.executable, "-m", "guside_cli", "--db", str(db_path), "report", "--year", "2018"],
        capture_output=True,
        timeout=60,
        env=dict(os.environ, HOME=str(isolated / "home")),
    )
    assert done.returncode == 0, done.stderr
    # the checked state is remembered again in a proper entry where one can be written (not over a folder)
    assert (entry.is_file() and not entry.is_symlink()) == (kind != "folder")
    assert [p.name for p in entry.parent.iterdir() if "." in p.name] == []  # no stray partial entries


def test_a_damaged_ledger_given_by_db_is_named_by_its_path(cli, db_path, monkeypatch):
    """The refusal named 'the ledger' in English when the ledger came by --db, not GUSIDE_DB (a red team)."""
    cli.add()
    _zero_a_page(db_path, "petitions")
    monkeypatch.delenv("GUSIDE_DB", raising=False)
    result = cli("--db", db_path, "report", "--year", "2018", ok=False)
    assert result.exit_code in (1, 2)
    assert result.stderr.startswith(f"错误：{db_path.name}") or str(db_path) in result.stderr, result.stderr
    assert "the ledger" not in result.stderr
