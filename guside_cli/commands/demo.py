"""`demo`: a demo ledger built from the bundled sample data, to see the tool at work."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands._common import fail, guarded, run_of


def register(app: typer.Typer) -> None:
    app.command("demo")(guarded(demo))


def demo(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--out", help="Where to build it [<app dir>/demo.db, rebuilt]")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace --out if it exists")] = False,
) -> None:
    """Build a demo ledger from sample_data/ (fictional 2017–2018 petitions of 顾山镇) and list 2018.

    Your own ledger is not touched. Example: guside demo && guside --db ~/.config/guside/demo.db list
    """
    from guside_cli.commands._common import default_db_path
    from guside_cli.commands._load import register_rows
    from guside_cli.interchange.canonical import read_canonical_csv
    from guside_cli.resources import sample_data_dir
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    path = (out or default_db_path().with_name("demo.db")).expanduser()
    if path.resolve() == run.db.resolve():
        raise fail(f"{path} is your ledger (--db / GUSIDE_DB): give the demo another --out", 2)
    if path.exists():
        if out is not None and not force:
            raise fail(f"{path} exists: pass --force to replace it, or another --out", 2)
        path.unlink()
    with Ledger.open(path, create=True) as ledger:
        written, problems = register_rows(ledger, read_canonical_csv(sample_data_dir() / "petitions.csv"), run)
    if problems:
        row, problem = problems[0]
        raise fail(f"sample_data/petitions.csv row {row}: {problem} (reinstall guside)")
    typer.echo(f"Demo ledger: {path} ({written} petitions)", err=True)
    from dataclasses import replace

    from guside_cli.commands.cases import print_cases

    print_cases(replace(run, db=path), {"year": 2018})
