"""`bulletin`: the leadership group's supervision bulletin (督查通报)."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of


def register(app: typer.Typer) -> None:
    app.command("bulletin")(guarded(bulletin))


def bulletin(
    ctx: typer.Context,
    year: opt.Year = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="help.bulletin.as_of")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="help.bulletin.format")] = "auto",
    out: Annotated[Path | None, typer.Option("--out", help="help.bulletin.out")] = None,
    issue: Annotated[bool, typer.Option("--issue", help="help.bulletin.issue")] = False,
    no_pager: opt.NoPager = False,
    town: opt.Town = None,
    number: opt.DocNumber = None,
    office: opt.DocOffice = None,
    cc: opt.DocCc = None,
) -> None:
    """The supervision bulletin (督查通报) (help.cmd.bulletin)."""
    from decimal import Decimal

    from guside_cli.core.errors import InputError
    from guside_cli.core.settings import rise_threshold
    from guside_cli.messages import M
    from guside_cli.render import bulletin as render
    from guside_cli.render.output import write_json
    from guside_cli.reports.bulletin import build_bulletin
    from guside_cli.reports.report import build_report
    from guside_cli.services.report import gather, report_spec, town_name
    from guside_cli.storage.settings import get_setting

    run = run_of(ctx)
    if fmt not in ("auto", "markdown", "text", "json", "html", "docx"):
        raise InputError(M("bulletin.format"))
    from guside_cli.services.documents import check_document_options

    document = {"number": number, "office": office, "cc": cc}
    check_document_options(fmt, document)
    from guside_cli.interchange import outfile
    from guside_cli.render.output import Format, resolve

    if fmt == "auto":  # read on a terminal; markdown for a pipe or a file
        on_screen = outfile.is_stdout(out) and resolve(Format.auto) is Format.table
        fmt = "screen" if on_screen else "markdown"

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
            from guside_cli.services.registers import note_interviews_due

            note_interviews_due(ledger, run, period.end, [n.village for n in result.named if n.interview])
    if fmt == "screen":
        render.print_rich(result, town, run.lang, page=not no_pager)
        return
    if fmt == "docx":
        from guside_cli.services.documents import write_bulletin_document

        write_bulletin_document(run, result, town, out, document)
        return
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
    typer.echo(M("bulletin.written", path=out).render(run.lang))
