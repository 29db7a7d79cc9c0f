"""The leadership report: `report`, and the targets it is measured against: `target set`, `target list`."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import Run, guarded, open_ledger, run_of, say, writing
from guside_cli.render.output import Format

target_app = typer.Typer(
    help="Reduction targets per year (30 % total / 25 % escalated by default)", no_args_is_help=True
)
BY_CHOICES = ("level", "form", "source", "pollution", "leader", "town")


def register(app: typer.Typer) -> None:
    app.command("report")(guarded(report))
    app.add_typer(target_app, name="target")


def report(
    ctx: typer.Context,
    year: opt.Year = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Year to this date (同比 with the same dates)")] = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    measure: Annotated[str, typer.Option("--measure", help="items (件次) or persons (人次)")] = "items",
    new_only: Annotated[bool, typer.Option("--new-only", help="Also show counts without repeats")] = False,
    by: Annotated[
        list[str] | None, typer.Option("--by", help="Breakdown: level|form|source|pollution|leader|town")
    ] = None,
    target_total: Annotated[str | None, typer.Option("--target-total", help="Override the total target (%)")] = None,
    target_escalated: Annotated[str | None, typer.Option("--target-escalated", help="Override (%)")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="auto|table|text|markdown|csv|json")] = Format.auto,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file (atomically) instead of stdout")] = None,
    town: opt.Town = None,
) -> None:
    """The leadership report: year-over-year reduction against the 30 % / 25 % targets, per village.

    With the 一票否决, case handling and, for a year still running, the allowance left and a projection.

    Example: guside report --year 2018 ; guside report --from 2018-06-01 --to 2018-09-15 --by level
    """
    print_report(
        run_of(ctx),
        year=year,
        as_of=as_of,
        start=start,
        end=end,
        measure=measure,
        new_only=new_only,
        by=by or [],
        target_total=target_total,
        target_escalated=target_escalated,
        fmt=fmt,
        out=out,
        town=town,
    )


def print_report(
    run: Run,
    *,
    year=None,
    as_of=None,
    start=None,
    end=None,
    measure="items",
    new_only=False,
    by=(),
    target_total=None,
    target_escalated=None,
    fmt: Format = Format.auto,
    out=None,
    town=None,
) -> None:
    from guside_cli.render import report as render
    from guside_cli.reports.report import build_report
    from guside_cli.storage.towns import read_as_town

    with open_ledger(run) as ledger:
        town = read_as_town(ledger, town) if town else town_name(ledger)
        spec = report_spec(run, ledger, year, as_of, start, end, measure, target_total, target_escalated)
        counts = gather(ledger, spec, new_only=new_only, by=list(by))
    emit(render, build_report(counts, **spec), town, run, fmt, out)


def report_spec(run: Run, ledger, year, as_of, start, end, measure, target_total, target_escalated) -> dict:
    from guside_cli.core.dates import parse_date
    from guside_cli.reports.periods import previous, report_period
    from guside_cli.reports.report import DEFAULT_TARGETS

    def day(text):
        return parse_date(text, run.today) if text else None

    if measure not in ("items", "persons"):
        from guside_cli.core.errors import InputError

        raise InputError(f"unknown measure '{measure}': use items (件次) or persons (人次)")
    year, period = report_period(today=run.today, year=year, as_of=day(as_of), start=day(start), end=day(end))
    stored = ledger.targets(year) if year else None
    total, escalated = stored or DEFAULT_TARGETS
    targets = (
        _percent(target_total or total, "--target-total"),
        _percent(target_escalated or escalated, "--target-escalated"),
    )
    return {"year": year, "period": period, "previous_period": previous(period), "measure": measure, "targets": targets}


def gather(ledger, spec: dict, *, new_only: bool, by: list[str]):
    """Every count the report needs, each one SQL aggregate."""
    from datetime import date

    from guside_cli.core.counts import ReportCounts
    from guside_cli.core.errors import InputError
    from guside_cli.reports.periods import is_year_to_date

    period, prev, measure = spec["period"], spec["previous_period"], spec["measure"]
    for dim in by:
        if dim not in BY_CHOICES:
            raise InputError(f"unknown breakdown '{dim}': use one of {', '.join(BY_CHOICES)}")
    full = None
    if is_year_to_date(period):
        last = period.start.year - 1
        full = ledger.period_counts(date(last, 1, 1), date(last, 12, 31), measure)
    return ReportCounts(
        current=ledger.period_counts(period.start, period.end, measure),
        previous=ledger.period_counts(prev.start, prev.end, measure),
        handling=ledger.handling(period.start, period.end, period.end),
        current_new=ledger.period_counts(period.start, period.end, measure, new_only=True) if new_only else None,
        previous_new=ledger.period_counts(prev.start, prev.end, measure, new_only=True) if new_only else None,
        previous_full_year=full,
        breakdown={
            dim: (
                ledger.breakdown(dim, period.start, period.end, measure),
                ledger.breakdown(dim, prev.start, prev.end, measure),
            )
            for dim in by
        },
        monthly=(ledger.monthly(period.start, period.end, measure), ledger.monthly(prev.start, prev.end, measure)),
        overdue_repeats=ledger.overdue_repeats(period.start, period.end),
    )


def town_name(ledger) -> str:
    from guside_cli.storage.settings import get_setting

    return get_setting(ledger, "town.name")


def _percent(text, option: str):
    from decimal import Decimal, InvalidOperation

    from guside_cli.core.errors import InputError

    try:
        value = Decimal(str(text).strip().rstrip("%"))
    except InvalidOperation:
        raise InputError(f"{option} takes a percentage such as 30 or 27.5, not '{text}'") from None
    if not Decimal(0) <= value <= Decimal(100):
        raise InputError(f"{option} must be between 0 and 100, not {text}")
    return value


def emit(render, result, town: str, run: Run, fmt: Format, out: Path | None) -> None:
    """Write the report in the chosen format: rich on a terminal, else text to stdout or atomically to --out."""
    from guside_cli.render import output

    fmt = output.resolve(fmt) if out is None else (Format.text if fmt in (Format.auto, Format.table) else fmt)
    if fmt is Format.table:
        render.print_rich(result, town, run.lang)
        return
    text = render.as_text(result, town, run.lang, fmt)
    if out is not None:
        from guside_cli.interchange.files import atomic_write_text

        atomic_write_text(out, text)
    else:
        typer.echo(text, nl=False)


@target_app.command("set")
@guarded
def target_set(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help="The year the targets apply to")],
    total: Annotated[str, typer.Option("--total", help="Minimum reduction of all petitions, %")],
    escalated: Annotated[str, typer.Option("--escalated", help="Minimum reduction of province/Beijing ones, %")],
    by: opt.By = None,
) -> None:
    """Set a year's reduction targets (the plan's 2018 targets are 30 and 25).

    Example: guside target set --year 2019 --total 20 --escalated 15
    """
    run = run_of(ctx)
    values = (_percent(total, "--total"), _percent(escalated, "--escalated"))
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        ledger.set_targets(year, str(values[0]), str(values[1]))
    say(
        run,
        f"{year} 年目标：总量下降 ≥ {values[0]}%，越级下降 ≥ {values[1]}%",
        f"{year} targets: total down ≥ {values[0]} %, escalated down ≥ {values[1]} %",
    )


@target_app.command("list")
@guarded
def target_list(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the targets kept in the ledger (years not listed use 30 / 25)."""
    from guside_cli.render import output

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        rows = ledger.all_targets()
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json([{"year": y, "total_pct": float(t), "escalated_pct": float(e)} for y, t, e in rows])
    else:
        headers = ["年份", "总量降幅目标%", "越级降幅目标%"] if run.lang == "zh" else ["year", "total %", "escalated %"]
        output.print_table(headers, [list(r) for r in rows], fmt)
