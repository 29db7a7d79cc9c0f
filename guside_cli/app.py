"""The root Typer app: global options (--db, --lang, --today) and main()."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from guside_cli import __version__
from guside_cli.commands._common import Run, current_user, default_db_path, guarded

# which module of guside_cli.commands registers each command (tests/test_cli.py checks this against them)
COMMANDS = {
    "cases": ("add", "list", "show"),
    "lifecycle": ("assign", "step", "extend", "close", "reopen", "edit", "history"),
    "deadlines": ("overdue", "due"),
    "report": ("report", "target"),
    "summary": ("summary",),
    "bulletin": ("bulletin",),
    "leaders": ("leader",),
    "enterprises": ("enterprise",),
    "persons": ("person",),
    "rewards": ("reward", "rewards"),
    "villages": ("village",),
    "data": ("import", "export", "publish", "backup", "check"),
    "config": ("config",),
    "info": ("info",),
    "demo": ("demo",),
    "merge": ("merge", "conflicts", "resolve"),
    "serve": ("serve",),
}
_MODULE_OF = {name: module for module, names in COMMANDS.items() for name in names}

# `guside --help` groups its thirty commands by what a desk does with them
PANELS = {
    "登记与办理 Cases": (
        "add",
        "list",
        "show",
        "edit",
        "history",
        "assign",
        "step",
        "extend",
        "close",
        "reopen",
        "overdue",
        "due",
    ),
    "报表 Reports": ("report", "summary", "bulletin", "publish"),
    "资料 Reference": ("leader", "enterprise", "person", "reward", "rewards", "village", "target", "config"),
    "数据 Data": ("import", "export", "backup", "check", "info", "demo"),
    "合并与查看 Merge & web": ("merge", "conflicts", "resolve", "serve"),
}
_PANEL_OF = {name: panel for panel, names in PANELS.items() for name in names}


class LazyCommands(TyperGroup):
    """The root group, loading a command's module only when that command runs (or --help lists them all):
    the clerk's `guside add` then imports and converts one module's commands, not thirty. Measured: importing
    every command module and building all thirty commands cost about 35 ms of each run."""

    def list_commands(self, ctx) -> list[str]:
        return [name for names in PANELS.values() for name in names]

    def get_command(self, ctx, name: str):
        module = _MODULE_OF.get(name)
        return None if module is None else commands_of(module).get_command(ctx, name)


def commands_of(module: str) -> TyperGroup:
    """One module's commands as a click group, built once."""
    if module not in _LOADED:
        import importlib

        sub = typer.Typer()
        importlib.import_module(f"guside_cli.commands.{module}").register(sub)
        for registered in (*sub.registered_commands, *sub.registered_groups):
            registered.rich_help_panel = _PANEL_OF.get(registered.name or "", "其他 Other")
        _LOADED[module] = typer.main.get_group(sub)
    return _LOADED[module]


_LOADED: dict[str, TyperGroup] = {}


app = typer.Typer(
    cls=LazyCommands,
    name="guside",
    help="环境信访台账 — the environmental-petition ledger of a town office (顾山镇), in one SQLite file.",
    no_args_is_help=True,
    add_completion=False,
    # a traceback with locals would print petitioners' names and numbers
    pretty_exceptions_show_locals=False,
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"guside {__version__}")
        raise typer.Exit()


@app.callback()
@guarded
def root(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", envvar="GUSIDE_DB", help="Ledger file [per-user default]")] = None,
    lang: Annotated[Lang, typer.Option("--lang", envvar="GUSIDE_LANG", help="Language of labels in output")] = Lang.zh,
    today: Annotated[
        str | None, typer.Option("--today", envvar="GUSIDE_TODAY", help="Pin today's date (re-runs, tests)")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version")
    ] = False,
) -> None:
    """环境信访台账 — the environmental-petition ledger of a town office, in one SQLite file.

    Dates and times are China's (Asia/Shanghai), whatever the machine's time zone.
    """
    from datetime import datetime

    from guside_cli.core.dates import CHINA, parse_date
    from guside_cli.messages import set_language

    set_language(lang.value)

    now = datetime.now(CHINA).replace(microsecond=0)
    if today:
        day = parse_date(today, now.date())
        now = datetime.combine(day, now.time(), CHINA)  # the clock keeps running; only the date is pinned
    ctx.obj = Run(
        db=(db or default_db_path()).expanduser(), lang=lang.value, today=now.date(), now=now, user=current_user()
    )


def main() -> None:
    import signal

    from guside_cli.commands._common import on_sigterm

    signal.signal(signal.SIGTERM, on_sigterm)  # roll back and exit 143, like Ctrl-C (130)
    app()
