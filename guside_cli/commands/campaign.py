"""The campaign's calendar (百日行动): `campaign` (phases and what happened in each, the villages' written
summaries), `campaign set PHASE --from --to`, `campaign report VILLAGE --on DATE`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

campaign_app = typer.Typer(help="help.cmd.campaign", invoke_without_command=True)


def register(app: typer.Typer) -> None:
    app.add_typer(campaign_app, name="campaign")


@campaign_app.callback()
@guarded
def campaign(ctx: typer.Context, year: opt.Year = None, fmt: opt.OutputFormat = Format.auto) -> None:
    """The campaign's phases and what happened in each (help.cmd.campaign)."""
    if ctx.invoked_subcommand is not None:
        return
    from guside_cli.core.campaign import PLAN_YEAR, phases_for
    from guside_cli.messages import text
    from guside_cli.render import campaign as render
    from guside_cli.render import output
    from guside_cli.reports.campaign import build_campaign

    run = run_of(ctx)
    year = year or (PLAN_YEAR if run.today.year == PLAN_YEAR else run.today.year)
    with open_ledger(run) as ledger:
        phases = phases_for(year, ledger.stored_phases(year))
        counts = [ledger.phase_counts(p.start, p.end) for p in phases]
        villages = [v.name for v in ledger.villages()]
        reports, survey = ledger.campaign_reports(year), ledger.survey_list()
        result = build_campaign(year, phases, counts, reports, villages, run.today, survey)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(render.campaign_json(result))
        return
    if not phases:
        typer.echo(text("campaign.no_phases", run.lang, year=year))
        return
    output.print_table(*render.campaign_table(result, run.lang), fmt, title=text("campaign.title", run.lang, year=year))
    lines = render.summary_lines(result, run.lang) + render.survey_lines(result, run.lang)
    if fmt is Format.table:  # on a terminal: a long list of villages wraps between names, never inside one
        from guside_cli.render.paragraphs import print_paragraphs

        print_paragraphs(output.console(), lines)
        return
    for line in lines:
        typer.echo(line)


@campaign_app.command("set")
@guarded
def campaign_set(
    ctx: typer.Context,
    phase: Annotated[str, typer.Argument(help="help.campaign.phase")],
    start: Annotated[str, typer.Option("--from", help="help.campaign.from")],
    end: Annotated[str, typer.Option("--to", help="help.campaign.to")],
    by: opt.By = None,
) -> None:
    """Set a phase's dates (help.cmd.campaign set)."""
    from guside_cli.core.campaign import parse_phase
    from guside_cli.core.dates import parse_date
    from guside_cli.core.errors import InputError
    from guside_cli.messages import M, text

    run = run_of(ctx)
    code = parse_phase(phase)
    first, last = parse_date(start, run.today), parse_date(end, run.today)
    if first > last or first.year != last.year:
        raise InputError(M("campaign.bad_dates", start=first, end=last))
    from guside_cli.services import registers

    registers.set_phase(run, code, first, last, by=by)
    typer.echo(text("campaign.phase_set", run.lang, year=first.year, phase=phase, start=first, end=last))


@campaign_app.command("report")
@guarded
def campaign_report(
    ctx: typer.Context,
    village: Annotated[str, typer.Argument(help="help.campaign.village")],
    on: Annotated[str, typer.Option("--on", help="help.campaign.on")],
    note: Annotated[str | None, typer.Option("--note", help="help.campaign.note")] = None,
    by: opt.By = None,
) -> None:
    """Record a village's written summary (help.cmd.campaign report)."""
    from guside_cli.core.dates import parse_date
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    day = parse_date(on, run.today)
    if day > run.today:
        raise InputError(M("campaign.future", on=day))
    from guside_cli.services import registers

    say(registers.add_campaign_report(run, village, day, clean(note), by=by))
