"""`serve`: the ledger read-only in a browser (Datasette, the optional extra `guside[web]`)."""

from typing import Annotated

import typer

from guside_cli.commands._common import guarded, open_ledger, run_of


def register(app: typer.Typer) -> None:
    app.command("serve")(guarded(serve))


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="help.serve.host")] = ("127.0.0.1"),
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="help.serve.port")] = 8001,
    reveal: Annotated[bool, typer.Option("--reveal", help="help.serve.reveal")] = False,
) -> None:
    """Serve the ledger read-only in a browser, for leaders (help.cmd.serve)."""
    import tempfile
    from pathlib import Path

    from guside_cli.commands.cases import record_reveal
    from guside_cli.core.errors import LedgerError
    from guside_cli.messages import M, text
    from guside_cli.storage.settings import get_setting

    try:
        import importlib

        importlib.import_module("datasette")
        import uvicorn

        from guside_cli.web.public import build_public
        from guside_cli.web.site import datasette
    except ImportError:
        raise LedgerError(M("web.not_installed")) from None
    run = run_of(ctx)
    with tempfile.TemporaryDirectory(prefix="guside-web-") as folder:
        raw = None
        with open_ledger(run) as ledger:
            town = get_setting(ledger, "town.name")
            public = build_public(run.db, Path(folder) / "public.db", town)
            if reveal:
                raw = Path(folder) / "ledger.db"
                ledger.backup_to(raw)
                record_reveal(ledger, run, None, f"serve --reveal on {host}:{port}")
        if host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo(text("web.not_local", host=host), err=True)
        typer.echo(text("web.serving", url=f"http://{host}:{port}/"), err=True)
        uvicorn.run(datasette(public, town, raw=raw).app(), host=host, port=port, log_level="warning")
