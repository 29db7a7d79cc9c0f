"""Cron and scripts: exit codes like diff and grep, --fail-on-overdue that still writes, the README's crontab
line run under cron's bare environment, --year checked."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import guside_executable

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture
def late(cli, db_path):
    """A ledger with one case overdue on 2018-09-20."""
    cli.add(received="2018-06-07 09:30")
    return db_path


def test_fail_on_overdue_still_writes_the_summary_and_says_how_many(cli, late):
    result = cli("--today", "2018-09-20", "summary", "--week", "--fail-on-overdue", ok=False)
    assert result.exit_code == 1
    assert result.stdout.startswith("顾山镇环境信访周报")
    assert result.stderr == "超期 1 件\n"
    quiet = cli("--today", "2018-06-20", "summary", "--week", "--fail-on-overdue")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_a_missing_ledger_exits_2_not_1(cli, isolated):
    result = cli("--db", isolated / "nothere.db", "summary", "--week", "--fail-on-overdue", ok=False)
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize("year", ["18", "0018", "1948", "2020", "twenty"])
def test_year_takes_four_digits_from_1949_to_next_year(cli, late, year):
    result = cli("list", "--year", year, ok=False)  # today is pinned to 2018-06-20: 2019 at the latest
    assert result.exit_code == 2
    assert "2018-" not in result.stdout


def test_a_good_year_is_taken(cli, late):
    assert cli("list", "--year", "2019", "--format", "json").exit_code == 0
    assert cli("list", "--year", "1949", "--format", "json").exit_code == 0


def test_usage_errors_exit_2(cli):
    assert cli("list", "--no-such-option", ok=False).exit_code == 2


def test_help_states_the_exit_codes(cli):
    shown = cli("--help").stdout
    assert "退出码" in shown and "无法运行" in shown and "发现问题" in shown
    assert "Exit codes" in cli("--lang", "en", "--help").stdout


def _readme_crontab() -> tuple[dict[str, str], str]:
    """The variables and the command of the README's crontab for the weekly summary."""
    block = re.search(r"```cron\n(CRON_TZ=.*?)```", README.read_text(encoding="utf-8"), re.S).group(1)
    variables, command = {}, None
    for line in block.strip().splitlines():
        if re.match(r"^[A-Z_]+=\S+$", line):
            name, value = line.split("=", 1)
            variables[name] = value
        else:
            command = line.split(None, 5)[5]  # after minute, hour, day, month, weekday
    return variables, command


def test_the_readme_crontab_line_works_under_crons_bare_environment(cli, late, isolated):
    variables, command = _readme_crontab()
    assert variables["CRON_TZ"] == "Asia/Shanghai" and "@" in variables["MAILTO"]
    assert command.startswith("GUSIDE_DB=/srv/guside/ledger.db /srv/guside/.venv/bin/guside summary --week")
    command = command.replace("/srv/guside/ledger.db", str(late)).replace(
        "/srv/guside/.venv/bin/guside", guside_executable()
    )
    # what cron runs: /bin/sh -c LINE, with no locale, no PATH beyond the default, a UTC clock
    env = shutil.which("env")
    done = subprocess.run(
        [env, "-i", "TZ=UTC", "GUSIDE_TODAY=2018-09-20", "/bin/sh", "-c", command],
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert done.returncode == 1, err
    assert out.startswith("顾山镇环境信访周报（2018-09-10 至 2018-09-16）")
    assert "超期 1 件" in out
    assert err == "超期 1 件\n"


def _complete(db, words: str) -> list[str]:
    import os

    env = {**os.environ, "GUSIDE_DB": str(db), "_GUSIDE_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run([guside_executable()], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_shell_completion_offers_villages_leaders_and_case_numbers(cli, late):
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    assert _complete(late, "guside list --village 红") == ["红豆村", "红豆"]
    assert _complete(late, "guside list --leader 王") == ["王镇长"]
    assert _complete(late, "guside show 2018") == ["2018-红豆-001"]
    assert "--village" in _complete(late, "guside list --vil")


def test_completion_never_creates_a_ledger(isolated):
    missing = isolated / "none.db"
    assert _complete(missing, "guside list --village 红") == []
    assert not missing.exists()
