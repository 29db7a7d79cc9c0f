"""Ledger settings for practice that varies: `config list`, `config set KEY VALUE`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

config_app = typer.Typer(help="help.cmd.config", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")


@config_app.command("list")
@guarded
def list_settings(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the settings with their values and what they do."""
    from guside_cli.core.settings import SETTINGS
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.storage.settings import get_setting

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        rows = [[key, get_setting(ledger, key), s.default, text(s.help, run.lang)] for key, s in SETTINGS.items()]
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json([dict(zip(("key", "value", "default", "help"), row, strict=True)) for row in rows])
    else:
        headers = [text(f"setting.h.{h}", run.lang) for h in ("key", "value", "default", "help")]
        output.print_table(headers, rows, fmt)


@config_app.command("set")
@guarded
def set_setting(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="help.config.key")],
    value: Annotated[str, typer.Argument(help="help.config.value")],
    by: opt.By = None,
) -> None:
    """Change a setting. Deadline settings recompute the due dates of open cases in the same transaction.

    Example: guside config set deadline.roll_weekends true
    """
    from guside_cli.services import registers

    say(registers.set_setting(run_of(ctx), key, value, by=by))
