"""`serve`: the ledger read-only in a browser (Datasette, the optional extra `guside[web]`)."""

from typing import Annotated

import typer

from guside_cli.commands._common import guarded, open_ledger, run_of


def register(app: typer.Typer) -> None:
    app.command("serve")(guarded(serve))


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (this machine only by default)")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="Port")] = 8001,
    reveal: Annotated[
        bool, typer.Option("--reveal", help="Also serve the raw tables with personal data (logged in the history)")
    ] = False,
) -> None:
    """Serve the ledger read-only in a browser, for leaders (the optional web extra).

    The public view (no names, phones, IDs or whistleblowers), the year-over-year report and the overdue
    list as forms. A snapshot taken at start: restart to see later cases. Install: pip install "guside\\[web]".

    Example: guside serve --port 8001   (then open http://127.0.0.1:8001/)
    """
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
