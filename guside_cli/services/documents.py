"""Writing what leaders read: the report or the bulletin as a Word document in 公文 form, the report as one HTML
page with its charts. The documents hold no personal data (no petitioner, phone or ID number: case numbers,
villages, leaders and units only); a bulletin is meant to circulate (written 0644), a report stays 0600."""

from guside_cli.core.errors import InputError
from guside_cli.messages import M


def _needs_docx() -> None:
    try:
        import docx  # noqa: F401
    except ImportError:
        from guside_cli.resources import install_command

        raise InputError(M("doc.not_installed", install=install_command("docs"))) from None


def _write(run, out, payload: bytes | str, *, public: bool) -> None:
    import sys

    import typer

    from guside_cli.interchange import outfile

    if isinstance(payload, bytes):
        if outfile.is_stdout(out) and sys.stdout.isatty():
            raise InputError(M("doc.needs_out"))
        with outfile.open_out(out, ledger=run.db, public=public, binary=True) as f:
            f.write(payload)
        if not outfile.is_stdout(out):
            typer.echo(M("doc.written", path=out).render(run.lang))
        return
    if outfile.write_text(out, payload, ledger=run.db, public=public):
        typer.echo(M("doc.html_written", path=out).render(run.lang))


def check_document_options(fmt: str, options: dict) -> None:
    if fmt != "docx" and any(options.get(k) is not None for k in ("number", "office", "cc")):
        raise InputError(M("doc.options_without_docx"))


def write_report_document(run, report, town: str, fmt: str, out, options: dict) -> None:
    """`report --format html|docx`: the page with its charts, or the Word document."""
    check_document_options(fmt, options)
    if fmt == "html":
        from guside_cli.render.report_html import as_html

        _write(run, out, as_html(report, town, run.lang), public=False)
        return
    _needs_docx()
    from guside_cli.render.documents import issue_of, report_docx

    issue = issue_of(town, run.lang, run.today, **options)
    _write(run, out, report_docx(report, town, run.lang, issue), public=False)


def write_bulletin_document(run, bulletin, town: str, out, options: dict) -> None:
    _needs_docx()
    from guside_cli.render.documents import bulletin_docx, issue_of

    issue = issue_of(town, run.lang, run.today, **options)
    _write(run, out, bulletin_docx(bulletin, town, run.lang, issue), public=True)
