"""The town's list of villages and communities (村/社区): `village add`, `village list`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, run_of, say
from guside_cli.render.output import Format

village_app = typer.Typer(help="help.cmd.village", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(village_app, name="village")


@village_app.command("add")
@guarded
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="help.village.name")],
    short: Annotated[str | None, typer.Option("--short", help="help.village.short")] = None,
) -> None:
    """Add a village or community to the ledger's list.

    When another village already holds the short form (顾山社区 holds 顾山, and 顾山村 is added), the full name
    becomes the new one's short name, and the tool says so; --short chooses one.

    Example: guside village add 新桥村
    """
    from guside_cli.core.villages import make_village
    from guside_cli.services import registers

    run = run_of(ctx)
    say(registers.add_village(run, make_village(name), short))


@village_app.command("list")
@guarded
def list_villages(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the villages and communities, with how many petitions each has in the ledger."""
    from guside_cli.render import output
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    with Ledger.open(run.db, create=True) as ledger:
        counts = ledger.village_counts()
        villages = ledger.villages()
    records = [{"name": v.name, "short": v.short, "kind": v.kind, "petitions": counts.get(v.name, 0)} for v in villages]
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(records)
        return
    from guside_cli.messages import text

    headers = [text(f"village.h.{h}", run.lang) for h in ("name", "short", "kind", "petitions")]
    output.print_table(headers, [list(r.values()) for r in records], fmt)
