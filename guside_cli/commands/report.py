"""The leadership report: `report`, and the targets it is measured against: `target set`, `target list`."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format, ReportFormat
from guside_cli.services.report import BY_CHOICES, percent, print_report  # noqa: F401

target_app = typer.Typer(help="help.cmd.target", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("report")(guarded(report))
    app.add_typer(target_app, name="target")


def report(
    ctx: typer.Context,
    year: opt.Year = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="help.report.as_of")] = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    measure: Annotated[str, typer.Option("--measure", help="help.report.measure")] = "items",
    new_only: Annotated[bool, typer.Option("--new-only", help="help.report.new_only")] = False,
    by: Annotated[list[str] | None, typer.Option("--by", help="help.report.by")] = None,
    target_total: Annotated[str | None, typer.Option("--target-total", help="help.report.target_total")] = None,
    target_escalated: Annotated[
        str | None, typer.Option("--target-escalated", help="help.report.target_escalated")
    ] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="help.report.format")] = ReportFormat.auto,
    out: Annotated[Path | None, typer.Option("--out", help="help.report.out")] = None,
    no_pager: opt.NoPager = False,
    town: opt.Town = None,
    number: opt.DocNumber = None,
    office: opt.DocOffice = None,
    cc: opt.DocCc = None,
) -> None:
    """The leadership report against the 30 % / 25 % targets (help.cmd.report)."""
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
        page=not no_pager,
        document={"number": number, "office": office, "cc": cc},
    )


@target_app.command("set")
@guarded
def target_set(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", help="help.target.year")],
    total: Annotated[str, typer.Option("--total", help="help.target.total")],
    escalated: Annotated[str, typer.Option("--escalated", help="help.target.escalated")],
    village: Annotated[str | None, typer.Option("--village", help="help.target.village")] = None,
    by: opt.By = None,
) -> None:
    """Set a year's reduction targets, or a village's own (help.cmd.target set)."""
    from guside_cli.core.bounds import check_year

    run = run_of(ctx)
    check_year(year)
    values = (percent(total, "--total"), percent(escalated, "--escalated"))
    from guside_cli.services import registers

    say(registers.set_targets(run, year, values[0], values[1], village=village, by=by))


@target_app.command("list")
@guarded
def target_list(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the targets kept in the ledger (help.cmd.target list)."""
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
        from guside_cli.messages import text

        headers = [text(f"report.h.{k}", run.lang) for k in ("year", "village", "total_target", "escalated_target")]
        town = text("report.town_row", run.lang)
        output.print_table(headers, [[y, town, t, e] for y, t, e in rows] + [list(r) for r in own], fmt)
