"""The CLI as a whole: help for every command, the demo, and the installed entry point in a real process."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer.main

from guside_cli.app import app


def all_commands(group=None, prefix=()):
    group = group or typer.main.get_command(app)
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        yield (*prefix, name), command
        if hasattr(command, "list_commands"):
            yield from all_commands(command, (*prefix, name))


def test_the_lazy_root_knows_which_module_registers_each_command():
    """The root loads a command's module only when it runs: its map must match what the modules register,
    and every command must be listed in a --help panel."""
    import importlib

    from guside_cli.app import COMMANDS, PANELS

    for module, names in COMMANDS.items():
        sub = typer.Typer()
        importlib.import_module(f"guside_cli.commands.{module}").register(sub)
        registered = [c.name for c in sub.registered_commands] + [g.name for g in sub.registered_groups]
        assert sorted(registered) == sorted(names), module
    listed = [name for names in PANELS.values() for name in names]
    assert sorted(listed) == sorted(name for names in COMMANDS.values() for name in names)
    assert len(set(listed)) == len(listed)


def test_every_command_has_help(cli):
    commands = list(all_commands())
    assert len(commands) >= 6
    for path, command in commands:
        assert (command.help or "").strip(), f"guside {' '.join(path)} has no help"
        result = cli(*path, "--help")
        assert "用法：" in result.stdout


def test_demo_builds_a_ledger_from_the_sample_data(cli, isolated):
    out = isolated / "demo.db"
    result = cli("demo", "--out", out)
    assert "演示台账：" in result.stderr
    listed = cli.json("--db", out, "list", "--year", "2018")
    assert len(listed) > 100
    assert all(r["received_on"].startswith("2018") for r in listed)
    everything = cli.json("--db", out, "list")
    assert len(everything) == 333
    assert sum(r["status"] == "closed" for r in everything) > 250
    assert all(r["leader"] for r in everything)
    first = cli.json("--db", out, "show", everything[-1]["number"])
    assert first["steps"] and first["history"][0]["action"] == "import"
    assert first["history"][0]["note"] == "sample_data row 2"
    assert first["history"][0]["actor"] == "demo"
    again = cli("demo", "--out", out, ok=False)
    assert again.exit_code == 2 and "加 --force 覆盖" in again.stderr


def test_demo_never_overwrites_the_users_ledger(cli, db_path):
    result = cli("demo", "--out", db_path, ok=False)
    assert result.exit_code == 2 and "是您的台账" in result.stderr


def guside_executable() -> str:
    found = shutil.which("guside", path=str(Path(sys.executable).parent)) or shutil.which("guside")
    assert found, "the guside entry point is not installed (pip install -e .)"
    return found


def test_installed_entry_point_in_a_utc_process(isolated):
    """Cron hosts often run in UTC: times are still China's, and errors are one line on stderr."""
    env = {**os.environ, "TZ": "UTC", "GUSIDE_DB": str(isolated / "sub.db")}
    env.pop("GUSIDE_TODAY")
    run = [guside_executable(), "add", "--village", "红豆", "--level", "京", "--subject", "异味", "--format", "json"]
    done = subprocess.run(run, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["received_at"].endswith("+08:00")
    bad = subprocess.run(
        [guside_executable(), "add", "--level", "京"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and bad.stderr.startswith("错误：缺少必填项 --village, --subject")
    assert "Traceback" not in bad.stderr


def test_module_entry_point(isolated):
    done = subprocess.run([sys.executable, "-m", "guside_cli", "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("guside ")


def test_two_desks_adding_at_once_both_succeed_with_unique_numbers(isolated):
    """BEGIN IMMEDIATE: concurrent writers queue on the busy timeout instead of failing."""
    env = {**os.environ, "GUSIDE_DB": str(isolated / "shared.db")}
    exe = guside_executable()
    script = f"for i in $(seq 8); do {exe} add --village 红豆 --level 省 --subject s >/dev/null || exit 1; done"
    desks = [subprocess.Popen(["bash", "-c", script], env=env, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for desk in desks:
        _, err = desk.communicate(timeout=120)
        assert desk.returncode == 0, err
        assert "locked" not in err
    listed = json.loads(
        subprocess.run(
            [guside_executable(), "list", "--format", "json"], env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    numbers = sorted(r["number"] for r in listed)
    year = listed[0]["received_on"][:4]
    assert numbers == [f"{year}-{i:04d}" for i in range(1, 17)]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("list", "--nope"), "错误：没有选项 --nope（见 guside list --help）"),
        (("list", "--limit", "-1"), "错误：--limit 的值不对：须不小于 1（见 guside list --help）"),
        (("list", "--limit", "abc"), "错误：--limit 的值不对：须是一个数（见 guside list --help）"),
        (("lsit",), "错误：没有命令“lsit”（见 guside --help）"),
        (("list", "--limit", "99999999999999999999"), "错误：给出的数字太大，超出可以处理的范围：请改小"),
    ],
)
def test_usage_errors_are_one_chinese_line(cli, args, line):
    """Click words its usage errors in English: the clerk reads them in Chinese, one line, exit 2."""
    cli.add()
    result = cli(*args, ok=False)
    assert result.exit_code == 2 and result.stderr.strip() == line


def test_villages_that_shorten_alike_stay_whole_on_a_narrow_list():
    from guside_cli.render.cases import list_rows

    records = [{"village": v, "number": n} for v, n in (("顾山村", "1"), ("顾山社区", "2"), ("红豆村", "3"))]
    headers, rows, short, _ = list_rows(records, "zh", width=80)
    column = headers.index("属地")
    assert [r[column] for r in rows] == ["顾山村", "顾山社区", "红豆"]
    assert short[headers.index("登记日期")] == "登记"


@pytest.mark.parametrize("stop", ["Terminated", "KeyboardInterrupt"])
def test_a_signal_before_the_command_begins_is_one_line_not_a_traceback(monkeypatch, capsys, stop):
    """SIGTERM or Ctrl-C while Python still loads the command (the first tenth of a second) reached the top as
    a traceback, exit 1 (a red team): now the same one line and exit code as during the command."""
    import guside_cli.app as app_module
    from guside_cli.commands._common import Terminated

    error = {"Terminated": Terminated, "KeyboardInterrupt": KeyboardInterrupt}[stop]

    def loading():
        raise error()

    monkeypatch.setattr(app_module, "app", loading)
    with pytest.raises(SystemExit) as ended:
        app_module.main()
    assert ended.value.code == (143 if stop == "Terminated" else 130)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("已终止" in err or "已中断" in err) and "Traceback" not in err


def test_the_sigterm_handler_main_installs_is_put_back_after_the_test(monkeypatch):
    """main() installs guside's SIGTERM handler in whatever process calls it; in pytest's process the autouse
    fixture (conftest.kept_signal_handlers) puts the previous one back, so a SIGTERM to pytest stops pytest."""
    import signal

    from conftest import kept_signal_handlers

    import guside_cli.app as app_module
    from guside_cli.commands._common import on_sigterm

    monkeypatch.setattr(app_module, "app", lambda: None)
    before = signal.getsignal(signal.SIGTERM)
    with kept_signal_handlers():
        app_module.main()
        assert signal.getsignal(signal.SIGTERM) is on_sigterm
    assert signal.getsignal(signal.SIGTERM) is before
