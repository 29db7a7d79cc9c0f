"""Data in and out: `import`, `export`, `publish` (the public list), `backup`, `check`."""

from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import fail, guarded, open_ledger, run_of
from guside_cli.core.errors import InputError
from guside_cli.render.output import Format


def register(app: typer.Typer) -> None:
    for name, fn in (
        ("import", import_file),
        ("export", export),
        ("publish", publish),
        ("backup", backup),
        ("check", check),
    ):
        app.command(name)(guarded(fn))


def import_file(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="help.import.file")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="help.import.format")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="help.import.encoding")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="help.import.dry_run")] = False,
    update: Annotated[bool, typer.Option("--update", help="help.import.update")] = False,
    new_villages: Annotated[bool, typer.Option("--new-villages", help="help.import.new_villages")] = False,
    sheet: Annotated[list[str] | None, typer.Option("--sheet", help="help.import.sheet")] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option("--map", help="help.import.map"),
    ] = None,
    rules: Annotated[Path | None, typer.Option("--rules", help="help.import.rules")] = None,
    year: Annotated[int | None, typer.Option("--year", help="help.import.year")] = None,
) -> None:
    """Import an existing ledger (台账): columns matched by English or Chinese header, all rows or none.

    The header row is found below any title lines; 序号, blank rows and 合计/小计 rows are skipped and counted.
    Columns guside does not know are reported with the closest fields: map them with --map or --rules.
    A row without a number that is a case already in the ledger (same receipt time, village, subject and
    petitioner: the office's file imported again) is skipped and its row named.

    Example: guside import 台账示例_2017_2018.xlsx --dry-run
    """
    from guside_cli.commands import _import_report as report
    from guside_cli.commands._common import one_line
    from guside_cli.core.text import shown
    from guside_cli.interchange.readers import open_source
    from guside_cli.messages import M
    from guside_cli.render.progress import Bar
    from guside_cli.services.importing import register_rows

    run = run_of(ctx)
    options, encoding = report.read_options(maps or [], rules, sheet or [], year, encoding)
    source, rows = open_source(file, fmt, encoding, options)
    from guside_cli.interchange.redacted import is_redacted_copy

    if is_redacted_copy(file, source.format):  # before a row is read: 欧** must never overwrite a petitioner
        raise fail(M("guard.import_redacted", file=shown(file.name)), 2)
    bar = Bar(file.name, total=lambda: source.size, done=lambda: source.position() if source.position else 0)
    with _new_ledger_aside(run, dry_run) as run:
        with _dry_ledger(run, dry_run) as run, open_ledger(run, create=not dry_run) as ledger, bar:
            result = register_rows(
                ledger,
                rows,
                run,
                update=update,
                new_villages=new_villages,
                dry_run=dry_run,
                progress=bar.tick,
                source=source,
            )
        notes = report.notes(source)
        report.echo_notes(report.unused(source), err=True)
        for rows, problem in report.grouped(result.problems):
            typer.echo(one_line(report.problem_line(source, report.rows_text(rows), problem)), err=True)
        if result.problems:
            hints = [report.value_hint(result.problems, source.columns), report.village_hint(result.problems)]
            report.echo_notes([h for h in hints if h], err=True)
            raise fail(M("import.nothing_imported", count=len(result.problems), file=file.name), 2)
    report.echo_notes(notes + report.villages_added(result) + report.duplicates(result), err=False)
    typer.echo(report.summary(file.name, result, dry_run=dry_run))


@contextmanager
def _new_ledger_aside(run, dry_run: bool):
    """An import into a path where there is no ledger builds it aside and puts it there only when it succeeds
    (storage.connection.built_aside): a failed one leaves nothing behind. A link at the path, even a dangling
    one, is used as it is."""
    if dry_run or run.db.exists() or run.db.is_symlink():
        yield run
        return
    import dataclasses

    from guside_cli.storage.connection import built_aside

    with built_aside(run.db) as aside:
        yield dataclasses.replace(run, db=aside)


@contextmanager
def _dry_ledger(run, dry_run: bool):
    """A dry run before there is a ledger (an office's first look at its 台账) checks against a new, empty one
    with the town's villages, in a temp folder, removed at the end: nothing is left behind."""
    if not dry_run or run.db.exists():
        yield run
        return
    import dataclasses
    import shutil

    from guside_cli.storage.filesystems import private_temp_folder
    from guside_cli.storage.ledger import Ledger

    folder = private_temp_folder("dry-run")  # one a killed run left is swept by the next
    try:
        trial = dataclasses.replace(run, db=folder / "ledger.db")
        Ledger.open(trial.db, create=True).close()
        yield trial
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="help.export.format")] = "csv",
    out: Annotated[Path | None, typer.Option("--out", help="help.export.out")] = None,
    headers: Annotated[str, typer.Option("--headers", help="help.export.headers")] = "en",
    redact: Annotated[bool, typer.Option("--redact", help="help.export.redact")] = False,
    encoding: Annotated[str, typer.Option("--encoding", help="help.export.encoding")] = "utf-8-sig",
    excel: Annotated[bool, typer.Option("--excel", help="help.export.excel")] = False,
    year: opt.Year = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    village: opt.Village = None,
    level: opt.Level = None,
    status: opt.Status = None,
) -> None:
    """Export cases: the office's complete record (it imports back whole), or a --redact copy.

    Canonical headers and codes (or --headers zh: Chinese headers and labels). Cells that would run as
    spreadsheet formulas are neutralised. Excel files get date cells, a frozen filtered header and a 说明 sheet.

    Example: guside export --format xlsx --out 台账2018.xlsx --year 2018 --headers zh
    """
    from guside_cli.core.records import export_values
    from guside_cli.interchange import writers
    from guside_cli.interchange.headers import EXPORT_FIELDS, header_for
    from guside_cli.interchange.labels import labeller
    from guside_cli.messages import M, text
    from guside_cli.render.progress import Bar
    from guside_cli.services.cases import build_filter

    run = run_of(ctx)
    if fmt not in ("csv", "xlsx", "json", "jsonl") or headers not in ("en", "zh"):
        raise InputError(M("export.bad_format"))
    if fmt == "xlsx" and out is None:
        raise InputError(M("export.xlsx_needs_out"))
    if excel and fmt != "csv":
        raise InputError(M("files.excel_needs_csv"))
    from guside_cli.interchange import outfile

    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)  # refused before the ledger is even read
    fields = list(EXPORT_FIELDS)
    names = [header_for(f, headers) for f in fields]
    notice = text("export.redaction_notice", run.lang) if redact else None
    label = labeller(fields, headers) if fmt in ("csv", "xlsx") else None
    chosen = dict(year=year, start=start, end=end, village=village, level=level, status=status)
    with open_ledger(run, sound=True) as ledger, Bar(str(out or "export"), total=lambda: ledger.count(f)) as bar:
        f = build_filter(run, ledger, chosen)
        read = ledger.export_rows(f)
        try:
            structured = fmt in ("json", "jsonl")  # JSON carries the extensions as objects, tables as text
            rows = bar.wrap(export_values(EXPORT_FIELDS, row, redact=redact, structured=structured) for row in read)
            if label:
                rows = map(label, rows)
            if fmt == "xlsx":
                about = _about(run, ledger, chosen, headers, notice)
                paper = _print(run, ledger, chosen)
                count = writers.write_xlsx(
                    out, names, rows, notice=notice, fields=fields, about=about, ledger=run.db, **paper
                )
            else:
                write = {"csv": writers.write_csv, "json": writers.write_json, "jsonl": writers.write_jsonl}[fmt]
                extra = {"after": writers.excel_text(fields)} if excel else {}
                text_encoding = encoding if fmt == "csv" else "utf-8"
                with outfile.open_out(out, ledger=run.db, encoding=text_encoding) as stream:
                    count = write(stream, names, rows, notice=notice, **extra)
        finally:  # a reader gone (`| head`) or a signal: the rows' cursor closes while its ledger is open
            read.close()
    if not outfile.is_stdout(out):
        typer.echo(text("export.done_redacted" if redact else "export.done", run.lang, count=count, out=out))


def _print(run, ledger, chosen: dict) -> dict[str, str]:
    """The printed pages' title (town and period), date printed and page numbers, in the run's language."""
    from guside_cli.messages import text
    from guside_cli.storage.settings import get_setting

    lang = run.lang
    if chosen.get("year"):
        period = f"{chosen['year']}年" if lang == "zh" else str(chosen["year"])
    elif chosen.get("start") or chosen.get("end"):
        period = f"{chosen.get('start') or ''}–{chosen.get('end') or ''}"
    else:
        period = text("sheets.print_all", lang)
    town = str(get_setting(ledger, "town.name") or "")
    return {
        "title": text("sheets.print_title", lang, town=town, period=period),
        "printed": text("sheets.print_date", lang),
        "pages": text("sheets.print_pages", lang),
    }


def _about(run, ledger, chosen: dict, headers: str, notice: str | None):
    """The 说明 sheet's lines: who exported what, when, with which filter and headers, and what was removed."""
    from guside_cli.core.dates import iso_timestamp
    from guside_cli.messages import text
    from guside_cli.storage.settings import get_setting

    lang = run.lang  # the sheet speaks the run's language, whatever the headers
    town = get_setting(ledger, "town.name")
    made = iso_timestamp(run.now)
    given = "，".join(f"{k}={v}" for k, v in chosen.items() if v is not None) or text("files.notes_all", lang)

    def about(count: int) -> list[tuple[str, str]]:
        lines = [
            (text("files.notes_town", lang), str(town or "")),
            (text("files.notes_made", lang), made),
            (text("files.notes_rows", lang), str(count)),
            (text("files.notes_filter", lang), given),
            (text("files.notes_headers", lang), text(f"files.notes_headers_{headers}", lang)),
        ]
        if notice:
            lines.append((text("files.notes_redacted", lang), notice))
        return [*lines, ("", text("files.notes_back", lang))]

    return about


def publish(
    ctx: typer.Context,
    year: opt.Year = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="help.publish.format")] = "markdown",
    out: Annotated[Path | None, typer.Option("--out", help="help.publish.out")] = None,
    selected: Annotated[bool, typer.Option("--selected", help="help.publish.selected")] = False,
) -> None:
    """The public list (定时公开曝光), without any personal data.

    Number, village, enterprise, pollution, subject, responsible unit, the leader's title, status and date
    closed. No petitioner, phone, ID number or key person, ever; phone and
    ID numbers written inside the subject are masked. It ends with the count and total of rewards paid for
    reports that proved true (有奖举报), never who received them.

    With --selected, only the cases the office marked for exposure (`guside expose CASE --on DATE`) whose day
    has come; written with --out, they are recorded as published.

    Example: guside publish --year 2018 --format html --out 2018公示.html ; guside publish --selected --out 曝光.md
    """
    from datetime import date
    from decimal import Decimal

    from guside_cli.core.dates import year_bounds
    from guside_cli.core.records import public_record
    from guside_cli.interchange import outfile
    from guside_cli.messages import M, text
    from guside_cli.render import public
    from guside_cli.services.cases import build_filter
    from guside_cli.storage.settings import get_setting

    run = run_of(ctx)
    if fmt not in ("markdown", "csv", "html", "json"):
        raise InputError(M("data.publish_format"))
    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)
    with open_ledger(run, sound=True) as ledger:
        chosen = build_filter(run, ledger, {"year": year})
        if selected:
            from dataclasses import replace

            chosen = replace(chosen, exposed_by=run.today)
        records = [public_record(p) for p, _ in ledger.export(chosen)]
        town = get_setting(ledger, "town.name")
        paid = ledger.rewards(*year_bounds(year)) if year else ledger.rewards(date(1900, 1, 1), date(9999, 12, 31))
        head = ledger.head()
    rewards = {"count": len(paid), "total": str(sum((Decimal(r["amount"]) for r in paid), Decimal(0)))}
    from guside_cli.commands._common import with_anchor

    body = public.render(records, fmt, town=town, year=year, lang=run.lang, rewards=rewards)
    body = with_anchor(body, head, fmt)
    written = outfile.write_text(out, body, ledger=run.db, public=True)
    if selected:  # the cases exposed today are published: recorded, so the next run starts after them
        from guside_cli.services.registers import mark_published

        mark_published(run)
    if not written:
        return
    typer.echo(text("data.published", run.lang, count=len(records), out=out))


def backup(
    ctx: typer.Context,
    dest: Annotated[Path, typer.Argument(help="help.backup.dest")],
    force: Annotated[bool, typer.Option("--force", help="help.backup.force")] = False,
) -> None:
    """A consistent copy of the ledger while other desks may be writing (SQLite's online backup), mode 0600.

    Example: guside backup /mnt/usb/guside-$(date +%F).db
    """
    from guside_cli.core.text import shown
    from guside_cli.interchange import outfile
    from guside_cli.messages import M, text

    run = run_of(ctx)
    outfile.target(dest, ledger=run.db)
    if dest.exists() and not force:
        raise InputError(M("data.backup_exists", dest=shown(dest)))
    with open_ledger(run) as ledger, outfile.temp_beside(dest, ledger=run.db) as temp:
        pages = ledger.backup_to(temp)
    typer.echo(text("data.backed_up", run.lang, dest=dest, pages=pages))


def check(
    ctx: typer.Context,
    elements: Annotated[bool, typer.Option("--elements", help="help.check.elements")] = False,
    anchor: Annotated[str | None, typer.Option("--anchor", help="help.check.anchor")] = None,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """Check the ledger (integrity, foreign keys, schema, history guards, chain and replay), or with --elements
    the 建档 to-do. Never writes: the file is opened read-only.

    The history is replayed against the tables: a case, step or reward changed outside guside is named. JSON
    output ends with the chain's head (rows, hash); summary, report and publish print it as 账本校验 ROWS:HASH,
    and `check --anchor ROWS:HASH` fails when the chain no longer holds that row with that hash (cut off or
    rewritten). With --elements, the cases missing any registration element. Exits 1 when anything is wrong.

    Example: guside check --anchor ~/anchors.txt || mail -s "guside ledger check failed" office@example
    """
    import sqlite3

    from guside_cli.messages import M, text
    from guside_cli.render import output
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    if elements:
        with open_ledger(run) as ledger:
            _missing_elements(ledger.missing_elements(), run, fmt)
        return
    from guside_cli.storage.verify import anchors_given, rolled_back

    anchors = anchors_given(anchor) if anchor is not None else []
    try:
        with Ledger.open_read_only(run.db) as ledger:
            cut_off = rolled_back(ledger.conn)
            findings, head = ledger.check(anchors)
            findings.append({"check": "head", "ok": True, **_head(head)})
        if cut_off:  # what was checked is the ledger as its next opening leaves it
            findings.insert(0, {"check": "interrupted", "ok": True, "detail": M("data.check_interrupted")})
    except sqlite3.DatabaseError as e:
        findings = [{"check": "integrity", "ok": False, "detail": text("data.check_damaged", run.lang, why=e)}]
    fmt = output.resolve(fmt)
    for finding in findings:  # the table speaks the run's language; JSON keeps English, for scripts
        detail = finding["detail"]
        finding["detail"] = detail.render("en" if fmt is Format.json else run.lang) if isinstance(detail, M) else detail
    if fmt is Format.json:
        output.write_json(findings)
    else:
        headers = text("data.check_headers", run.lang).split("|")
        verdict = {True: text("data.check_ok", run.lang), False: text("data.check_failed", run.lang)}
        output.print_table(headers, [[f["check"], verdict[bool(f["ok"])], f["detail"]] for f in findings], fmt)
    if not all(f["ok"] for f in findings):
        raise typer.Exit(code=1)


def _head(head: dict) -> dict:
    return {"detail": head["anchor"], "head": {"rows": head["rows"], "hash": head["hash"]}}


def _missing_elements(missing: list[dict], run, fmt: Format) -> None:
    from guside_cli.core.records import field_label
    from guside_cli.messages import text
    from guside_cli.render import output

    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(missing)
    elif missing:
        headers = text("data.elements_headers", run.lang).split("|")
        rows = [[m["number"], m["village"], "、".join(field_label(f, run.lang) for f in m["missing"])] for m in missing]
        output.print_table(headers, rows, fmt)
    else:
        typer.echo(text("data.elements_complete", run.lang))
    if missing:
        raise typer.Exit(code=1)
