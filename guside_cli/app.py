"""The root Typer app: global options (--db, --lang, --today) and main()."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from guside_cli import __version__
from guside_cli.commands import (
    bulletin,
    cases,
    config,
    data,
    deadlines,
    demo,
    enterprises,
    info,
    leaders,
    lifecycle,
    persons,
    report,
    rewards,
    summary,
    villages,
)
from guside_cli.commands._common import Run, current_user, default_db_path, guarded

app = typer.Typer(
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

    now = datetime.now(CHINA).replace(microsecond=0)
    if today:
        day = parse_date(today, now.date())
        now = datetime.combine(day, now.time(), CHINA)  # the clock keeps running; only the date is pinned
    ctx.obj = Run(
        db=(db or default_db_path()).expanduser(), lang=lang.value, today=now.date(), now=now, user=current_user()
    )


for module in (
    report,
    summary,
    bulletin,
    cases,
    lifecycle,
    deadlines,
    leaders,
    enterprises,
    persons,
    rewards,
    villages,
    data,
    config,
    info,
    demo,
):
    module.register(app)

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
}
_PANEL_OF = {name: panel for panel, names in PANELS.items() for name in names}
for registered in (*app.registered_commands, *app.registered_groups):
    registered.rich_help_panel = _PANEL_OF.get(registered.name or "", "其他 Other")


def main() -> None:
    import signal

    from guside_cli.commands._common import on_sigterm

    signal.signal(signal.SIGTERM, on_sigterm)  # roll back and exit 143, like Ctrl-C (130)
    app()
