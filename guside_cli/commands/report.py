"""The leadership report: `report`, and the targets it is measured against: `target set`, `target list`."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say, writing
from guside_cli.render.output import Format
from guside_cli.services.report import BY_CHOICES, percent, print_report  # noqa: F401

target_app = typer.Typer(
    help="Reduction targets per year (30 % total / 25 % escalated by default)", no_args_is_help=True
)


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


@target_app.command("set")
@guarded
def target_set(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help="The year the targets apply to")],
    total: Annotated[str, typer.Option("--total", help="Minimum reduction of all petitions, %")],
    escalated: Annotated[str, typer.Option("--escalated", help="Minimum reduction of province/Beijing ones, %")],
    village: Annotated[
        str | None, typer.Option("--village", help="A village's own targets (the plan sets the town's only)")
    ] = None,
    by: opt.By = None,
) -> None:
    """Set a year's reduction targets (the plan's 2018 targets are 30 and 25), or a village's own.

    Example: guside target set --year 2019 --total 20 --escalated 15 ;
    guside target set --village 红豆村 --year 2018 --total 30 --escalated 25
    """
    from guside_cli.core.bounds import check_year
    from guside_cli.messages import text

    run = run_of(ctx)
    check_year(year)
    values = (percent(total, "--total"), percent(escalated, "--escalated"))
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        if village is not None:
            from guside_cli.core.villages import resolve_village

            name = resolve_village(village, ledger.villages()).name
            ledger.set_village_targets(year, name, str(values[0]), str(values[1]))
    if village is not None:
        typer.echo(text("target.village_set", run.lang, village=name, year=year, total=values[0], escalated=values[1]))
        return
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
        own = ledger.all_village_targets()
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(
            [{"year": y, "total_pct": float(t), "escalated_pct": float(e)} for y, t, e in rows]
            + [{"year": y, "village": v, "total_pct": float(t), "escalated_pct": float(e)} for y, v, t, e in own]
        )
    else:
        headers = (
            ["年份", "属地", "总量降幅目标%", "越级降幅目标%"]
            if run.lang == "zh"
            else ["year", "village", "total %", "escalated %"]
        )
        town = "（全镇）" if run.lang == "zh" else "(town)"
        output.print_table(headers, [[y, town, t, e] for y, t, e in rows] + [list(r) for r in own], fmt)
