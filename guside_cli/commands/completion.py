"""Shell completion of values (village and leader names, case numbers) and the shared check of --year.

Completion is on for bash, zsh and fish: `guside --install-completion` (or `--show-completion` to see the script).
"""

import os
from datetime import date
from pathlib import Path

import typer

FIRST_YEAR = 1949  # the ledger's years: four digits, 1949 .. the current year + 1


def _ledger_path(ctx: typer.Context) -> Path:
    from guside_cli.commands._common import default_db_path

    given = ctx.find_root().params.get("db") or os.environ.get("GUSIDE_DB")
    return Path(given).expanduser() if given else default_db_path()


def _complete(ctx: typer.Context, kind: str, incomplete: str) -> list[str]:
    from guside_cli.storage.names import completion_names

    names = completion_names(_ledger_path(ctx), kind)
    return [name for name in dict.fromkeys(names) if name.startswith(incomplete)]


def complete_village(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, "village", incomplete)


def complete_leader(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, "leader", incomplete)


def complete_case(ctx: typer.Context, incomplete: str) -> list[str]:
    return _complete(ctx, "case", incomplete)


def check_year(ctx: typer.Context, value: int | None) -> int | None:
    """--year takes four digits, 1949 .. the current year + 1: `--year 18` is a slip, not the year 0018."""
    if value is None or ctx.resilient_parsing:
        return value
    run = ctx.find_root().obj
    today = getattr(run, "today", None) or date.today()
    if not FIRST_YEAR <= value <= today.year + 1:
        from guside_cli.messages import text

        raise typer.BadParameter(text("date.year_range", None, year=value, first=FIRST_YEAR, last=today.year + 1))
    return value
