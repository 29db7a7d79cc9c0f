"""The monthly reception day (环境信访日, 二(二)): `reception add/list`; 约谈 held (`interview`); cases marked
for public exposure (`expose`, read by `publish --selected`)."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

reception_app = typer.Typer(help="help.cmd.reception", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(reception_app, name="reception")
    app.command("interview")(guarded(interview))
    app.command("expose")(guarded(expose))


def _day(run, on: str):
    from guside_cli.core.dates import parse_date
    from guside_cli.core.errors import InputError
    from guside_cli.messages import M

    day = parse_date(on, run.today)
    if day > run.today:
        raise InputError(M("campaign.future", on=day))
    return day


@reception_app.command("add")
@guarded
def reception_add(
    ctx: typer.Context,
    on: Annotated[str, typer.Option("--on", help="help.reception.on")],
    leader: Annotated[str, typer.Option("--leader", help="help.reception.leader")],
    village: opt.Village = None,
    note: Annotated[str | None, typer.Option("--note", help="help.reception.note")] = None,
    by: opt.By = None,
) -> None:
    """Record a reception day (help.cmd.reception add)."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    day, who = _day(run, on), clean(leader)
    if not who:
        raise InputError(M("reception.no_leader"))
    from guside_cli.services import registers

    say(registers.add_reception(run, day, who, village, clean(note), by=by))


@reception_app.command("list")
@guarded
def reception_list(ctx: typer.Context, year: opt.Year = None, fmt: opt.OutputFormat = Format.auto) -> None:
    """Each month's reception days (help.cmd.reception list)."""
    from guside_cli.messages import text
    from guside_cli.render import campaign as render
    from guside_cli.render import output
    from guside_cli.render.report import list_sep
    from guside_cli.reports.campaign import reception_months

    run = run_of(ctx)
    year = year or run.today.year
    with open_ledger(run) as ledger:
        months = reception_months(year, ledger.receptions(year), run.today)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(render.reception_json(year, months))
        return
    output.print_table(
        *render.reception_table(months, run.lang), fmt, title=text("reception.title", run.lang, year=year)
    )
    without = [m.month for m in months if not m.held]
    typer.echo(
        text("reception.without", run.lang, n=len(without), months=list_sep(run.lang).join(map(str, without)) or "—")
    )


def interview(
    ctx: typer.Context,
    village: Annotated[str, typer.Argument(help="help.interview.village")],
    on: Annotated[str, typer.Option("--on", help="help.interview.on")],
    who: Annotated[str, typer.Option("--by", help="help.interview.by")],
    note: Annotated[str | None, typer.Option("--note", help="help.reception.note")] = None,
) -> None:
    """Record a 约谈 held (help.cmd.interview)."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    day, holder = _day(run, on), clean(who)
    if not holder:
        raise InputError(M("interview.no_by"))
    from guside_cli.services import registers

    say(registers.add_interview(run, village, day, holder, clean(note)))


def expose(
    ctx: typer.Context,
    case: Annotated[str | None, typer.Argument(help="help.expose.case")] = None,
    on: Annotated[str | None, typer.Option("--on", help="help.expose.on")] = None,
    undo: Annotated[bool, typer.Option("--undo", help="help.expose.undo")] = False,
    by: opt.By = None,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """Mark a case for public exposure (help.cmd.expose)."""
    from guside_cli.core.dates import parse_date
    from guside_cli.messages import text
    from guside_cli.render import output

    run = run_of(ctx)
    if case is None:
        with open_ledger(run) as ledger:
            rows = ledger.exposures()
        fmt = output.resolve(fmt)
        if fmt is Format.json:
            output.write_json(rows)
        else:
            keys = ("number", "village", "scheduled_on", "published_on")
            headers = [text(f"expose.h.{k}", run.lang) for k in keys]
            output.print_table(headers, [[r[k] or "" for k in keys] for r in rows], fmt)
        return
    day = parse_date(on, run.today) if on else run.today
    from guside_cli.services import registers

    say(registers.expose(run, case, day, undo=undo, by=by))
