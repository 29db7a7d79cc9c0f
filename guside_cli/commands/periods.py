"""Figures once reported stay reported: `period close|reopen|list` (上报) and `reconcile FILE` (the county's list
matched against the ledger)."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, run_of, say
from guside_cli.render.output import Format

period_app = typer.Typer(help="help.cmd.period", no_args_is_help=True)
PeriodArgument = Annotated[str, typer.Argument(help="help.period.period")]


def register(app: typer.Typer) -> None:
    app.add_typer(period_app, name="period")
    app.command("reconcile")(guarded(reconcile))


@period_app.command("close")
@guarded
def close(
    ctx: typer.Context,
    period: PeriodArgument,
    early: Annotated[str | None, typer.Option("--early", help="help.period.early")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="help.period.out")] = None,
    by: opt.By = None,
) -> None:
    """Record a period's figures as reported (上报): a later change that moves one needs --correction.

    Example: guside period close 2018-08 ; guside period close 2018-Q3 ; guside period close 2018
    """
    from guside_cli.commands._common import bounded_text
    from guside_cli.services import periods

    run = run_of(ctx)
    say(periods.close(run, period, early=bounded_text(early, "--early") if early else None, by=by, out=out))


@period_app.command("return")
@guarded
def write_return(
    ctx: typer.Context,
    period: PeriodArgument,
    out: Annotated[Path, typer.Option("--out", help="help.period.out")],
) -> None:
    """Write a closed period's return from the figures its close locked (.xlsx or .docx).

    Example: guside period return 2018-08 --out 2018年8月报表.docx
    """
    from guside_cli.services import periods

    say(periods.write_return(run_of(ctx), period, out))


@period_app.command("reopen")
@guarded
def reopen(
    ctx: typer.Context,
    period: PeriodArgument,
    reason: Annotated[str, typer.Option("--reason", help="help.period.reason")],
    by: opt.By = None,
) -> None:
    """Reopen a closed period, with the reason (its figures are no longer held).

    Example: guside period reopen 2018-08 --reason "县里退回，要求重报"
    """
    from guside_cli.commands._common import bounded_text
    from guside_cli.services import periods

    run = run_of(ctx)
    said = periods.reopen(run, period, reason=bounded_text(reason, "--reason", required=True) or "", by=by)
    say(said)


@period_app.command("list")
@guarded
def list_periods(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """The periods closed, when and by whom, the town's reported figures, and the corrections since.

    Example: guside period list
    """
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.services import periods

    run = run_of(ctx)
    rows = periods.listing(run)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(rows)
        return
    headers = [text(f"period.h.{h}", run.lang) for h in ("period", "closed", "by", "total", "escalated", "state")]
    table = []
    for r in rows:
        town = r["figures"]["items"]["town"]
        if r["reopened_at"]:
            state = text("period.state.reopened", run.lang, at=r["reopened_at"][:10], reason=r["reopen_reason"])
        else:
            state = text("period.state.closed", run.lang, count=len(r["corrections"]))
        table.append([r["period"], r["closed_at"][:16].replace("T", " "), r["closed_by"], town[0], town[1], state])
    output.print_table(headers, table, fmt)
    for r in rows:
        for c in r["corrections"]:
            line = text("period.correction_line", run.lang, period=r["period"], at=c["at"][:10], by=c["by"],
                        reason=c["reason"], cases=c["cases"] or "—")  # fmt: skip
            typer.echo(line)


def reconcile(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="help.reconcile.file")],
    apply: Annotated[bool, typer.Option("--apply", help="help.reconcile.apply")] = False,
    days: Annotated[int, typer.Option("--days", min=0, max=30, help="help.reconcile.days")] = 3,
    out: Annotated[Path | None, typer.Option("--out", help="help.reconcile.out")] = None,
    period: Annotated[str | None, typer.Option("--period", help="help.reconcile.period")] = None,
    fmt: opt.OutputFormat = Format.auto,
    by: opt.By = None,
) -> None:
    """Match the county's list of the town's petitions against the ledger (help.cmd.reconcile).

    Example: guside reconcile 县信访系统导出.xlsx ; guside reconcile 县信访系统导出.xlsx --apply
    """
    from guside_cli.render import reconcile as render
    from guside_cli.services import reconciling

    run = run_of(ctx)
    from guside_cli.core.periods import parse_period

    chosen = parse_period(period) if period else None
    result = reconciling.reconcile(run, file, days=days, apply=apply, by=by, period=chosen)
    if out is not None:
        render.write_xlsx(result, out, run)
    render.emit(result, fmt, run)
    if result.unmatched:
        raise typer.Exit(1)
