"""`demo`: a demo ledger built from the bundled sample data, to see the tool at work."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import fail, guarded, run_of

# The sample ledger runs to the end of 2018: the demo looks at it from that day.
DEMO_NOW = "2018-12-31 18:00"


def register(app: typer.Typer) -> None:
    app.command("demo")(guarded(demo))


def demo(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", help="help.demo.out")] = None,
    force: Annotated[bool, typer.Option("--force", help="help.demo.force")] = False,
    no_pager: opt.NoPager = False,
) -> None:
    """Build a demo ledger from sample_data/ and print its 2018 report (help.cmd.demo)."""
    from dataclasses import replace
    from datetime import datetime

    from guside_cli.commands._common import default_db_path
    from guside_cli.core.dates import CHINA, parse_datetime
    from guside_cli.messages import M
    from guside_cli.resources import sample_data_dir
    from guside_cli.services.importing import load_demo
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    path = (out or default_db_path().with_name("demo.db")).expanduser()
    from guside_cli.interchange.outfile import names_ledger

    if names_ledger(path, run.db):
        raise fail(M("report.demo.is_ledger", path=path), 2)
    if path.exists():
        if out is not None and not force:
            raise fail(M("report.demo.exists", path=path), 2)
        path.unlink()
    now = parse_datetime(DEMO_NOW, datetime.now(CHINA))
    run = replace(run, db=path, now=now, today=now.date(), user="demo")
    data = sample_data_dir()
    with Ledger.open(path, create=True) as ledger:
        written, steps = load_demo(ledger, run, data)
    built = M("report.demo.built", path=path, petitions=written, steps=steps, today=run.today)
    typer.echo(built.render(run.lang), err=True)
    from guside_cli.services.report import print_report

    print_report(run, year=2018, page=not no_pager)  # the demo ledger, seen from the demo's day
