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
    from guside_cli.commands.cases import record_reveal
    from guside_cli.core.errors import InputError, LedgerError
    from guside_cli.core.text import shown
    from guside_cli.messages import M, text
    from guside_cli.storage.settings import get_setting

    try:
        import importlib

        importlib.import_module("datasette")
        import uvicorn

        from guside_cli.web import guard
        from guside_cli.web.leaders import Source, computed_tables, years_in
        from guside_cli.web.public import build_public
        from guside_cli.web.site import datasette
    except ImportError:
        from guside_cli.resources import install_command

        raise LedgerError(M("web.not_installed", install=install_command("web"))) from None
    if reveal and not guard.is_loopback(host):  # refused before the ledger is opened: nothing recorded, nothing copied
        raise InputError(M("web.reveal_not_local", host=shown(host)))
    run = run_of(ctx)
    folder = guard.run_folder()
    holder = None
    try:
        raw_memory = None
        with open_ledger(run) as ledger:
            town = get_setting(ledger, "town.name")
            public = build_public(run.db, folder / "public.db", town)
            # the report page computes from a snapshot held in memory (never on disk), as --reveal's
            memory, holder = guard.raw_in_memory(ledger.conn)
            villages = tuple(ledger.villages())
            if reveal:
                raw_memory = memory
                record_reveal(ledger, run, None, f"serve --reveal on {host}:{port}")
        source = Source(run=run, town=town, villages=villages, memory=memory)
        computed_tables(public, source, years_in(source))
        if not guard.is_loopback(host):
            typer.echo(text("web.not_local", host=host), err=True)
        ds = datasette(public, town, raw_memory=raw_memory, source=source)
        guard.guard_hosts(ds, host, port)
        guard.quiet_errors()
        typer.echo(text("web.serving", url=f"http://{_url_host(host)}:{port}/"), err=True)
        uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
    finally:
        if holder is not None:
            holder.close()
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
