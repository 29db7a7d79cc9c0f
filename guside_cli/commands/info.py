"""`info`: which ledger file is in use, its schema and its counts."""

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, run_of
from guside_cli.render.output import Format


def register(app: typer.Typer) -> None:
    app.command("info")(guarded(info))


def _label(key: str, lang: str) -> str:
    from guside_cli.messages import catalogue, text

    return text(f"info.k.{key}", lang) if f"info.k.{key}" in catalogue() else key


def info(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """Show which ledger file is in use, its schema version and its counts."""
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    if not run.db.exists():
        facts = {"path": str(run.db), "exists": False}
    else:
        with Ledger.open(run.db) as ledger:
            facts = {"exists": True, **ledger.info()}
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(facts)
    else:
        if not facts["exists"]:
            typer.echo(text("info.no_ledger", run.lang, path=run.db))
            return
        output.print_table(
            [text("info.h.item", run.lang), text("info.h.value", run.lang)],
            [[_label(k, run.lang), text("info.yes", run.lang) if v is True else v] for k, v in facts.items()],
            fmt,
        )
