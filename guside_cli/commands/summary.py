"""`summary --week`: the weekly summary for cron — no prompts, no colour, atomic --out, meaningful exit codes."""

import sys
from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands._common import guarded, open_ledger, run_of
from guside_cli.render.output import Format

LISTED = 30  # cases named in the summary per list; the counts cover all of them


def register(app: typer.Typer) -> None:
    app.command("summary")(guarded(summary))


def summary(
    ctx: typer.Context,
    week: Annotated[bool, typer.Option("--week", help="help.summary.week")] = True,
    on: Annotated[str | None, typer.Option("--on", help="help.summary.on")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="help.summary.format")] = Format.text,
    out: Annotated[Path | None, typer.Option("--out", help="help.summary.out")] = None,
    fail_on_overdue: Annotated[bool, typer.Option("--fail-on-overdue", help="help.summary.fail_on_overdue")] = False,
) -> None:
    """The weekly summary for cron: the week's movement and the year-to-date standing.

    Received, closed, open, overdue (with leaders), due next, and the year to date against both targets.
    Never prompts, no colour; --out is written atomically.

    Example (crontab, Mondays 07:30): 30 7 * * 1 guside summary --week --out /srv/guside/weekly.txt
    """
    from datetime import timedelta

    from guside_cli.core.casefile import deadline_view
    from guside_cli.core.dates import parse_date
    from guside_cli.core.filters import CaseFilter
    from guside_cli.interchange import outfile
    from guside_cli.render import summary as render
    from guside_cli.reports.periods import last_full_week, week_of
    from guside_cli.reports.report import build_report
    from guside_cli.reports.summary import WeeklySummary, public_deadline_rows
    from guside_cli.services.report import gather, report_spec, town_name

    run = run_of(ctx)
    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)
    span = week_of(parse_date(on, run.today)) if on else last_full_week(run.today)
    end = span.end
    with open_ledger(run, sound=True) as ledger:
        counts = ledger.period_counts(span.start, end)
        spec = report_spec(run, ledger, end.year, end.isoformat(), None, None, "items", None, None)
        ytd = build_report(gather(ledger, spec, new_only=False, by=[], extras=False), **spec)
        from guside_cli.storage.settings import deadline_rules

        everything, after, rules = CaseFilter(end=end), end + timedelta(days=1), deadline_rules(ledger)
        late = deadline_view(ledger.overdue(everything, end, limit=LISTED), end, None, rules)
        coming = deadline_view(ledger.due_within(everything, after, 6, limit=LISTED), after, 6, rules)
        result = WeeklySummary(
            week=span,
            received=counts.total,
            received_escalated=counts.escalated,
            closed=ledger.closed_between(span.start, end),
            open_at_end=ledger.open_at(end),
            overdue=public_deadline_rows(late),
            overdue_count=ledger.count_overdue(everything, end),
            due_next_week=public_deadline_rows(coming),
            due_count=ledger.count_due_within(everything, after, 6),
            year_to_date=ytd,
        )
        town = town_name(ledger)
        head = ledger.head()
        from guside_cli.services.periods import drift

        drifted = drift(ledger)  # closed periods (上报) whose figures the ledger no longer matches
    from guside_cli.commands._common import with_anchor

    text = render.as_text(result, town, run.lang, fmt)
    if drifted and fmt.value in ("text", "markdown"):
        text = text.rstrip("\n") + "\n\n" + "\n".join(str(line) for line in drifted) + "\n"
    text = with_anchor(text, head, fmt.value)
    if outfile.is_stdout(out) and fmt.value == "text" and sys.stdout.isatty():  # cron's mail keeps whole lines
        import shutil

        from guside_cli.render.paragraphs import fit_lines

        text = fit_lines(text, shutil.get_terminal_size().columns)
    outfile.write_text(out, text, ledger=run.db)
    if fail_on_overdue and result.has_overdue:
        from guside_cli.core.errors import EXIT_FOUND
        from guside_cli.messages import text as message

        typer.echo(message("summary.overdue", count=result.overdue_count), err=True)  # the summary is written
        raise typer.Exit(code=EXIT_FOUND)
