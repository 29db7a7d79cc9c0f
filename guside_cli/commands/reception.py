"""The monthly reception day (环境信访日, 二(二)): `reception add/list`; 约谈 held (`interview`); cases marked
for public exposure (`expose`, read by `publish --selected`)."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, writing
from guside_cli.render.output import Format

reception_app = typer.Typer(help="环境信访日: the leaders' monthly reception day", no_args_is_help=True)


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
    on: Annotated[str, typer.Option("--on", help="The reception day")],
    leader: Annotated[str, typer.Option("--leader", help="Who received (镇党委、政府主要负责人)")],
    village: opt.Village = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    by: opt.By = None,
) -> None:
    """Record a reception day (环境信访日); visits (来访) received that day count as taken there.

    Example: guside reception add --on 2018-06-20 --leader 王镇长 --village 红豆村
    """
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean
    from guside_cli.core.villages import resolve_village
    from guside_cli.messages import M, text

    run = run_of(ctx)
    day, who = _day(run, on), clean(leader)
    if not who:
        raise InputError(M("reception.no_leader"))
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        name = resolve_village(village, ledger.villages()).name if village else None
        ledger.add_reception(day, who, name, clean(note))
    typer.echo(text("reception.added", run.lang, on=day, leader=who))


@reception_app.command("list")
@guarded
def reception_list(ctx: typer.Context, year: opt.Year = None, fmt: opt.OutputFormat = Format.auto) -> None:
    """Each month of the year: who received, how many petitions were taken, and the months with none.

    Example: guside reception list --year 2018
    """
    from guside_cli.messages import text
    from guside_cli.render import campaign as render
    from guside_cli.render import output
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
    typer.echo(text("reception.without", run.lang, n=len(without), months="、".join(map(str, without)) or "—"))


def interview(
    ctx: typer.Context,
    village: Annotated[str, typer.Argument(help="The village whose head was talked to")],
    on: Annotated[str, typer.Option("--on", help="The day of the 约谈")],
    who: Annotated[str, typer.Option("--by", help="Who held it")],
    note: Annotated[str | None, typer.Option("--note")] = None,
) -> None:
    """Record a 约谈 held with a village's head; the next bulletin shows it held, or still owed.

    Example: guside interview 漍东村 --on 2018-09-01 --by 王镇长
    """
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean
    from guside_cli.core.villages import resolve_village
    from guside_cli.messages import M, text

    run = run_of(ctx)
    day, holder = _day(run, on), clean(who)
    if not holder:
        raise InputError(M("interview.no_by"))
    with open_ledger(run) as ledger, writing(ledger, run, holder):
        name = resolve_village(village, ledger.villages()).name
        ledger.add_interview(name, day, holder, clean(note))
    typer.echo(text("interview.added", run.lang, village=name, on=day, by=holder))


def expose(
    ctx: typer.Context,
    case: Annotated[str | None, typer.Argument(help="Case number or id (none: list the marked cases)")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Publish on or after this day [today]")] = None,
    undo: Annotated[bool, typer.Option("--undo", help="Withdraw the mark")] = False,
    by: opt.By = None,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """Mark a case for public exposure (定时公开曝光); `publish --selected` publishes the marked cases.

    Example: guside expose 2018-0042 --on 2018-07-01 ; guside expose (the list) ; guside expose 2018-0042 --undo
    """
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
    with open_ledger(run) as ledger, writing(ledger, run, by):
        p = ledger.get(case)
        if undo:
            done = ledger.unexpose(p.id)
        else:
            ledger.expose(p.id, day)
    if undo:
        typer.echo(text("expose.withdrawn" if done else "expose.not_marked", run.lang, number=p.number))
    else:
        typer.echo(text("expose.marked", run.lang, number=p.number, on=day))
