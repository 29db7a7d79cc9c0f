"""`bulletin`: the leadership group's supervision bulletin (督查通报)."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say, writing


def register(app: typer.Typer) -> None:
    app.command("bulletin")(guarded(bulletin))


def bulletin(
    ctx: typer.Context,
    year: opt.Year = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="The year to this date")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown|text|json|html")] = "markdown",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (atomically) [stdout]")] = None,
    issue: Annotated[
        bool, typer.Option("--issue", help="Record it as issued: its 约谈 are owed until `guside interview`")
    ] = False,
    town: opt.Town = None,
) -> None:
    """The supervision bulletin (督查通报): villages ranked, named for supervision, enterprises to downgrade.

    The town against both targets; the villages to name for supervision or a talk (petitions up, escalated
    up, escalated cases 久拖不决, closure under the threshold, each with its cases); the enterprises whose
    rating must fall.

    Example: guside bulletin --year 2018 --format html --out 督查通报.html
    """
    from decimal import Decimal

    from guside_cli.core.errors import InputError
    from guside_cli.core.settings import rise_threshold
    from guside_cli.render import bulletin as render
    from guside_cli.render.output import write_json
    from guside_cli.reports.bulletin import build_bulletin
    from guside_cli.reports.report import build_report
    from guside_cli.services.report import gather, report_spec, town_name
    from guside_cli.storage.settings import get_setting

    run = run_of(ctx)
    if fmt not in ("markdown", "text", "json", "html"):
        raise InputError("--format takes markdown, text, json or html")
    from guside_cli.interchange import outfile

    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)
    with open_ledger(run, sound=True) as ledger:
        if town:
            from guside_cli.storage.towns import read_as_town

            town = read_as_town(ledger, town)
        spec = report_spec(run, ledger, year, as_of, None, None, "items", None, None)
        report = build_report(gather(ledger, spec, new_only=False, by=[]), **spec)
        period = spec["period"]
        result = build_bulletin(
            report,
            ledger.village_case_lists(period.start, period.end),
            ledger.stale_ratings(),
            Decimal(get_setting(ledger, "bulletin.closure_threshold")),
            rise_threshold(get_setting(ledger, "bulletin.rise_threshold")),
            ledger.interviews_status(period.end),
        )
        town = town or town_name(ledger)
        if issue:
            with writing(ledger, run):
                ledger.note_interviews_due(period.end, [n.village for n in result.named if n.interview])
    if fmt == "json":
        import io

        buffer = io.StringIO()
        write_json(render.bulletin_json(result), buffer)
        text = buffer.getvalue()
    elif fmt == "html":
        text = render.as_html(result, town, run.lang)
    else:
        text = render.as_text(result, town, run.lang, markdown=fmt == "markdown")
    from guside_cli.interchange import outfile

    if not outfile.write_text(out, text, ledger=run.db, public=fmt == "html"):  # an HTML bulletin goes on the web
        return
    say(run, f"督查通报已写入 {out}", f"Bulletin written to {out}")
