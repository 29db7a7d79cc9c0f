"""What is late and what falls due: `overdue`, `due --within N`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of
from guside_cli.render.output import Format


def register(app: typer.Typer) -> None:
    app.command("overdue")(guarded(overdue))
    app.command("due")(guarded(due))


def overdue(
    ctx: typer.Context,
    year: opt.Year = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    village: opt.Village = None,
    level: opt.Level = None,
    source: opt.Source = None,
    leader: opt.LeaderName = None,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """List open cases past due, longest overdue first, with the leader and days overdue.

    Every running clock counts: the 15-day acceptance notice (受理告知), the 60-day handling limit (+ an
    extension) until 办结, and the 30-day 复查 and 复核 decisions.

    Example: guside overdue --village 红豆村 --format csv
    """
    filters = dict(year=year, start=start, end=end, village=village, level=level, source=source, leader=leader)
    _deadline_list(ctx, filters, None, fmt)


def due(
    ctx: typer.Context,
    within: Annotated[int, typer.Option("--within", min=0, help="help.due.within")] = 7,
    working: Annotated[bool, typer.Option("--working", help="help.due.working")] = False,
    by: Annotated[str | None, typer.Option("--by", help="help.due.by")] = None,
    village: opt.Village = None,
    level: opt.Level = None,
    source: opt.Source = None,
    leader: opt.LeaderName = None,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """List open cases falling due within N days (today included), soonest first.

    Example: guside due --within 7 ; guside due --by leader --within 5 --working
    """
    if by not in (None, "leader"):
        from guside_cli.core.errors import InputError
        from guside_cli.messages import M

        raise InputError(M("due.by", by=by))
    if working:
        from guside_cli.core.calendar import working_days_later

        today = run_of(ctx).today
        within = (working_days_later(today, within) - today).days
    _deadline_list(ctx, dict(village=village, level=level, source=source, leader=leader), within, fmt, by=by)


def _deadline_list(ctx: typer.Context, filters: dict, within: int | None, fmt: Format, by: str | None = None) -> None:
    from guside_cli.core.casefile import deadline_view
    from guside_cli.render import output
    from guside_cli.render.cases import deadline_rows
    from guside_cli.services.cases import build_filter

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        f = build_filter(run, ledger, filters)
        cases = ledger.overdue(f, run.today) if within is None else ledger.due_within(f, run.today, within)
        from guside_cli.storage.settings import deadline_rules

        rules = deadline_rules(ledger)
    views = deadline_view(cases, run.today, within, rules)
    fmt = output.resolve(fmt)
    if by == "leader" and views:
        from guside_cli.render.cases import by_leader

        by_leader(views, run, within, fmt)
        return
    if fmt is Format.json:
        output.write_json(views)
    elif fmt is Format.csv:
        output.write_csv_records(
            [{**v, **c} for v in views for c in v["clocks"]],
            ["number", "village", "level", "leader", "subject", "clock", "due_on", "days_overdue"],
        )
    elif views:
        output.print_table(*deadline_rows(views, run.lang, due=within is not None), fmt)
        if any(c.get("calendar_gap") for v in views for c in v["clocks"]):
            from guside_cli.messages import M

            typer.echo(str(M("calendar.legend")))
    else:
        from guside_cli.messages import text

        typer.echo(
            text("deadlines.none", run.lang) if within is None else text("deadlines.none_within", run.lang, days=within)
        )
