"""`serve`: the ledger read-only in a browser (Datasette, the optional extra `guside[web]`)."""

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve() -> None:
    """Serve the ledger read-only in a browser (pip install 'guside[web]')."""
    raise typer.Exit(2)
