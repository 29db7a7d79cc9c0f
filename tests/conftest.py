"""Hermetic tests: every test gets its own ledger file, a pinned date, a fixed width and language."""

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guside_cli.app import app

TODAY = "2018-06-20"


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("GUSIDE_DB", str(tmp_path / "ledger.db"))
    monkeypatch.setenv("GUSIDE_TODAY", TODAY)
    monkeypatch.setenv("GUSIDE_USER", "tester")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("GUSIDE_LANG", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    from guside_cli.messages import set_language

    set_language("zh")  # a run with --lang en leaves its language behind in this process
    return tmp_path


@pytest.fixture
def db_path(isolated) -> Path:
    return isolated / "ledger.db"


class Cli:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True, input: str | None = None):
        result = self.runner.invoke(app, [str(a) for a in args], input=input)
        if ok and result.exit_code != 0:
            raise AssertionError(
                f"guside {' '.join(map(str, args))} exited {result.exit_code}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
            )
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--format", "json").stdout)

    def add(self, *args: str, **fields: str) -> dict:
        """Register a petition with sensible defaults; returns its JSON record."""
        values = {"village": "红豆村", "level": "town", "subject": "化工厂异味", "received": "2018-06-07 09:30"}
        values.update(fields)
        options = [x for k, v in values.items() for x in (f"--{k.replace('_', '-')}", v)]
        return self.json("add", *options, *args)


@pytest.fixture
def cli() -> Cli:
    return Cli()


def rows(db: Path, sql: str = "SELECT * FROM petitions ORDER BY id") -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's content: a refused command must leave it unchanged."""
    if not db.exists():
        return {}
    with closing(sqlite3.connect(db)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", help="run the long trust tests at their full count")


@pytest.fixture
def slow(request) -> bool:
    """True with --runslow: crash loops over 100,000 rows, 4 × 100 concurrent adds."""
    return request.config.getoption("--runslow")
