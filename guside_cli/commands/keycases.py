"""重点重复信访: `key-cases` lists the cases the office marked as key (the veto's second trigger reads them) and
the chains that may deserve the mark; `key-cases mark|unmark CASE` sets it, recorded in the history."""

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

key_app = typer.Typer(help="help.cmd.key-cases", invoke_without_command=True)


def register(app: typer.Typer) -> None:
    app.add_typer(key_app, name="key-cases")


@key_app.callback()
@guarded
def key_cases(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the key cases (重点重复信访), open ones first, and candidates: 3+ petitions on one matter in 12 months.

    A key case not 销号 and past its limit at a period's end triggers the village's 一票否决 (四(七)).

    Example: guside key-cases ; guside key-cases mark 2018-0042 ; guside key-cases unmark 2018-0042
    """
    if ctx.invoked_subcommand is not None:
        return
    from guside_cli.messages import text
    from guside_cli.render import output

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        marked = ledger.key_cases(run.today)
        candidates = ledger.repeat_candidates(run.today)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        for row in marked:
            row["past_due"] = bool(row["past_due"])
        output.write_json({"key_cases": marked, "candidates": candidates})
        return
    lang = run.lang
    headers = [text(f"key.h.{h}", lang) for h in ("number", "village", "received", "due", "status")]
    rows = [
        [
            r["number"],
            r["village"],
            r["received_on"],
            r["due_on"],
            text("key.closed", lang, on=r["closed_on"])
            if r["status"] == "closed"
            else text("key.past_due" if r["past_due"] else "key.open", lang),
        ]
        for r in marked
    ]
    output.print_table(headers, rows, fmt, title=text("key.title", lang, n=len(marked)))
    if candidates:
        typer.echo("")
        headers = [text(f"key.h.{h}", lang) for h in ("first", "village", "count", "last")]
        output.print_table(
            headers,
            [[c["number"], c["village"], c["petitions"], c["last"]] for c in candidates],
            fmt,
            title=text("key.candidates", lang),
        )


def _mark(ctx: typer.Context, case: str, by: str | None, key: bool) -> None:

    run = run_of(ctx)
    from guside_cli.services import registers

    say(registers.mark_key(run, case, key, by=by))


@key_app.command("mark")
@guarded
def mark(ctx: typer.Context, case: opt.Case, by: opt.By = None) -> None:
    """Mark a case as key (重点重复信访); recorded in the history.

    Example: guside key-cases mark 2018-0042
    """
    _mark(ctx, case, by, True)


@key_app.command("unmark")
@guarded
def unmark(ctx: typer.Context, case: opt.Case, by: opt.By = None) -> None:
    """Take the key mark off a case; recorded in the history.

    Example: guside key-cases unmark 2018-0042
    """
    _mark(ctx, case, by, False)
