"""Every `guside …` line of the README, run in order on a copy of the demo ledger with a pinned date, leaves every
ledger it touched whole: `check` exits 0 after all of them. (Whether each line succeeds as written is the manual's
own test; here a line that fails must fail without leaving anything `check` would call a change outside guside.)"""

import json
import os
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import copy_ledger
from typer.testing import CliRunner

from guside_cli.app import app

ROOT = Path(__file__).resolve().parents[1]
BLOCKS = ("```sh", "```cron", "```console")
# lines that start a server, install into the shell, or only print help: nothing to run in a test
SKIPPED = ("serve", "--install-completion", "--show-completion", "--help")


def readme_lines() -> list[list[str]]:
    """The `guside …` commands of the README's and the detailed reference's shell and cron blocks, split as a shell
    would, in order."""
    found, inside = [], False
    text = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in ("README.md", "docs/details.md"))
    for line in text.splitlines():
        if line.startswith("```"):
            inside = line.strip() in BLOCKS or line.strip() == "```console runnable"
            continue
        if not inside:
            continue
        text = line.strip().removeprefix("$ ")
        for part in (p.strip() for chunk in text.split("&&") for p in chunk.split("|")):
            start = part.find("guside ")
            if start < 0 or (start and not part[:start].strip().replace("*", "").replace(" ", "").isdigit()):
                continue
            try:
                words = shlex.split(part[start:], comments=True)
            except ValueError:
                continue
            words = [w for w in words if not w.startswith(("$(", ">", "2>"))]
            if len(words) > 1 and not any(w in SKIPPED for w in words):
                found.append(words[1:])
    return found


def test_the_readme_has_commands_to_run():
    lines = readme_lines()
    assert len(lines) > 60
    assert ["report", "--year", "2018"] in lines


@pytest.fixture(scope="module")
def demo_copy(demo_ledger, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    copy_ledger(demo_ledger, folder / "ledger.db")
    return folder


def _env(folder: Path) -> dict[str, str]:
    return {
        "GUSIDE_DB": str(folder / "ledger.db"),
        "GUSIDE_TODAY": "2018-12-31",
        "GUSIDE_USER": "tester",
        "HOME": str(folder / "home"),
        "XDG_CONFIG_HOME": str(folder / "home" / ".config"),
        "COLUMNS": "120",
    }


def test_every_readme_line_leaves_every_ledger_whole(demo_copy, monkeypatch):
    folder = demo_copy
    shutil.copytree(ROOT / "sample_data", folder / "sample_data", dirs_exist_ok=True)
    monkeypatch.chdir(folder)
    runner = CliRunner()
    ran = 0
    for words in readme_lines():
        result = runner.invoke(app, words, env=_env(folder), input="")
        assert result.exit_code in (0, 1, 2), (words, result.exception)  # never a crash
        assert "Traceback" not in result.stderr, words
        ran += 1
    assert ran > 60
    ledgers = [p for p in folder.rglob("*.db") if p.is_file() and os.access(p, os.R_OK)]
    assert folder / "ledger.db" in ledgers
    for db in ledgers:
        if db.stat().st_size == 0:
            continue
        done = runner.invoke(app, ["--db", str(db), "check", "--format", "json"], env=_env(folder))
        if done.exit_code == 2:
            continue  # not a ledger (a file a line wrote that is not guside's)
        failed = [row for row in json.loads(done.stdout) if not row["ok"]]
        assert failed == [], (db.name, failed)
